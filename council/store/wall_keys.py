"""Wall links: the hash of each key, what it is for, and whether it was revoked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from council.store.database import Query, Transaction


@dataclass(frozen=True)
class WallKey:
    id: int
    label: str
    created_at: datetime
    created_by: int | None = None
    revoked_at: datetime | None = None


def add_wall_key(tx: Transaction, key_hash: str, label: str, now: datetime, by: int | None) -> int:
    return tx.insert("wall_key", {"key_hash": key_hash, "label": label, "created_at": now, "created_by": by})


def is_open(q: Query, key_hash: str) -> bool:
    return bool(
        q.value("SELECT count(*) FROM wall_key WHERE key_hash = ? AND revoked_at IS NULL", [key_hash])
    )


def open_keys(q: Query) -> list[WallKey]:
    return q.records(WallKey, "SELECT * FROM wall_key WHERE revoked_at IS NULL ORDER BY created_at, id")


def revoke(tx: Transaction, key_id: int, now: datetime) -> bool:
    return bool(
        tx.rows(
            "UPDATE wall_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING id",
            [now, key_id],
        )
    )
