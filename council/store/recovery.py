"""Recovery codes: the hash of each, and when and by whom it was used (once)."""

from __future__ import annotations

from datetime import datetime

from council.store.database import Query, Transaction


def replace_code(tx: Transaction, code_hash: str, now: datetime) -> None:
    """A new code; any unused older one stops working."""
    tx.execute("UPDATE recovery_code SET used_at = ?, used_by = NULL WHERE used_at IS NULL", [now])
    tx.insert("recovery_code", {"code_hash": code_hash, "created_at": now})


def unused(q: Query, code_hash: str) -> int | None:
    return q.value_of(
        int, "SELECT id FROM recovery_code WHERE code_hash = ? AND used_at IS NULL", [code_hash]
    )


def use(tx: Transaction, code_id: int, now: datetime, person_id: int) -> bool:
    return bool(
        tx.rows(
            "UPDATE recovery_code SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL RETURNING id",
            [now, person_id, code_id],
        )
    )
