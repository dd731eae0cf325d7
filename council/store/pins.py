"""Friction points, connections and blockers pinned for the next agenda, with who asked and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from council.store.database import Query, Transaction
from council.store.filters import OPEN_BLOCKER, OPEN_ITEM


@dataclass(frozen=True)
class Pin:
    id: int
    kind: str  # "friction", "connection" or "blocker"
    ref_id: int
    why: str
    pinned_at: datetime
    asked_by: int | None = None
    asked_by_name: str | None = None


# A pin counts until it is unpinned, what it is about is closed, or a meeting held after it took that up.
_ACTIVE = f"""
    SELECT p.id, p.kind, p.ref_id, p.why, p.pinned_at, p.asked_by, who.name AS asked_by_name
    FROM agenda_pin p
    LEFT JOIN person who ON who.id = p.asked_by
    LEFT JOIN friction_point f ON p.kind = 'friction' AND f.id = p.ref_id
    LEFT JOIN missing_connection c ON p.kind = 'connection' AND c.id = p.ref_id
    LEFT JOIN blocker b ON p.kind = 'blocker' AND b.id = p.ref_id
    WHERE p.unpinned_at IS NULL
      AND (f.status IN {OPEN_ITEM} OR c.status IN {OPEN_ITEM} OR b.status IN {OPEN_BLOCKER})
      AND NOT EXISTS (
          SELECT 1 FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
          WHERE m.status = 'closed' AND m.starts_at >= p.pinned_at AND a.kind = p.kind
            AND coalesce(a.friction_point_id, a.missing_connection_id, a.blocker_id) = p.ref_id)
"""


def active_pins(q: Query) -> list[Pin]:
    """Every pin that counts, oldest first."""
    return q.records(Pin, f"SELECT * FROM ({_ACTIVE}) ORDER BY pinned_at, id")


def active_pin(q: Query, kind: str, ref_id: int) -> Pin | None:
    return q.record(Pin, f"SELECT * FROM ({_ACTIVE}) WHERE kind = ? AND ref_id = ? LIMIT 1", [kind, ref_id])


def add_pin(tx: Transaction, kind: str, ref_id: int, why: str, by: int | None, at: datetime) -> int:
    return tx.insert(
        "agenda_pin", {"kind": kind, "ref_id": ref_id, "why": why, "asked_by": by, "pinned_at": at}
    )


def unpin(tx: Transaction, pin_id: int, by: int | None, at: datetime) -> None:
    tx.execute("UPDATE agenda_pin SET unpinned_at = ?, unpinned_by = ? WHERE id = ?", [at, by, pin_id])
