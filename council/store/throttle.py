"""Wrong passwords counted per client address, and per account from one address, to slow tries down."""

from __future__ import annotations

from datetime import datetime

from council.store.database import Query, Transaction


def blocked(q: Query, keys: list[str], now: datetime) -> bool:
    """Whether any of these keys must still wait before its next try is checked."""
    if not keys:
        return False
    return bool(
        q.value(
            "SELECT count(*) FROM sign_in_throttle WHERE list_contains($keys, key) AND blocked_until > $now",
            {"keys": keys, "now": now},
        )
    )


def failures(q: Query, key: str, forget_before: datetime) -> int:
    """Wrong passwords under `key` in a row, not counting those before `forget_before`."""
    found = q.value(
        "SELECT failures FROM sign_in_throttle WHERE key = ? AND last_failure_at >= ?", [key, forget_before]
    )
    return found or 0


def record_failure(
    tx: Transaction, key: str, failures: int, now: datetime, blocked_until: datetime | None
) -> None:
    tx.execute(
        """
        INSERT INTO sign_in_throttle (key, failures, last_failure_at, blocked_until) VALUES (?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
            blocked_until = excluded.blocked_until
        """,
        [key, failures, now, blocked_until],
    )


def keep(tx: Transaction, key: str) -> None:
    """Write the key's row as it is: a try that does not count costs what one that counts does."""
    tx.execute("UPDATE sign_in_throttle SET failures = failures WHERE key = ?", [key])


def forget(tx: Transaction, keys: list[str]) -> None:
    tx.execute("DELETE FROM sign_in_throttle WHERE list_contains(?, key)", [keys])


def forget_account(tx: Transaction, person_id: int) -> None:
    """Forget the wrong tries at this account, from anywhere and from each address."""
    tx.execute(
        "DELETE FROM sign_in_throttle WHERE key = ? OR starts_with(key, ?)",
        [f"account:{person_id}", f"pair:{person_id}:"],
    )
