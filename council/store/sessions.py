"""Sign-in sessions: a token's hash, whose it is, when it was last used, and when it ended."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from council.store.database import Query, Transaction


@dataclass(frozen=True)
class SignInSession:
    id: int
    person_id: int
    created_at: datetime
    last_used_at: datetime
    keep: bool
    browser: str
    ended_at: datetime | None = None
    end_reason: str | None = None


def add_session(
    tx: Transaction, token_hash: str, person_id: int, now: datetime, *, keep: bool, browser: str
) -> int:
    return tx.insert(
        "sign_in_session",
        {"token_hash": token_hash, "person_id": person_id, "created_at": now, "last_used_at": now, "keep": keep,
         "browser": browser[:200]},
    )  # fmt: skip


def session_by_token(q: Query, token_hash: str) -> SignInSession | None:
    return q.record(SignInSession, "SELECT * FROM sign_in_session WHERE token_hash = ?", [token_hash])


def touch(tx: Transaction, session_id: int, now: datetime) -> None:
    tx.execute("UPDATE sign_in_session SET last_used_at = ? WHERE id = ?", [now, session_id])


def end_sessions(tx: Transaction, person_id: int, now: datetime, reason: str, only: int | None = None) -> int:
    """End the person's open sessions (or just the session `only`); returns how many ended."""
    return len(
        tx.rows(
            """
            UPDATE sign_in_session SET ended_at = ?, end_reason = ?
            WHERE person_id = ? AND ended_at IS NULL AND (?::INTEGER IS NULL OR id = ?) RETURNING id
            """,
            [now, reason, person_id, only, only],
        )
    )


def open_sessions(q: Query, person_id: int) -> list[SignInSession]:
    return q.records(
        SignInSession,
        "SELECT * FROM sign_in_session WHERE person_id = ? AND ended_at IS NULL ORDER BY last_used_at DESC",
        [person_id],
    )
