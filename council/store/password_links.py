"""Password links: the hash of each token, whose it is, until when it works, and when it was used (once)."""

from __future__ import annotations

from datetime import datetime

from council.store.database import Query, Transaction


def add_link(tx: Transaction, person_id: int, token_hash: str, now: datetime, expires_at: datetime) -> int:
    return tx.insert(
        "password_link",
        {"person_id": person_id, "token_hash": token_hash, "created_at": now, "expires_at": expires_at},
    )


def usable(q: Query, token_hash: str, now: datetime) -> tuple[int, int] | None:
    """(link id, person id) of an unused, unexpired link with this token."""
    found = q.row(
        "SELECT id, person_id FROM password_link WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
        [token_hash, now],
    )
    return (found[0], found[1]) if found else None


def use(tx: Transaction, link_id: int, now: datetime) -> bool:
    return bool(
        tx.rows(
            "UPDATE password_link SET used_at = ? WHERE id = ? AND used_at IS NULL RETURNING id",
            [now, link_id],
        )
    )
