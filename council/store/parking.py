"""The parking lot: points that came up during a meeting and wait for a later agenda."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from council.store.database import Query, Transaction


@dataclass(frozen=True)
class ParkedPoint:
    id: int
    meeting_id: int
    title: str
    parked_at: datetime
    meeting_starts_at: datetime
    parked_by: int | None = None
    parked_by_name: str | None = None
    agenda_item_id: int | None = None


_POINTS = """
    SELECT p.*, m.starts_at AS meeting_starts_at, who.name AS parked_by_name
    FROM parked_point p JOIN meeting m ON m.id = p.meeting_id LEFT JOIN person who ON who.id = p.parked_by
"""
# Waiting: no agenda has taken it up, or the agenda point that did was removed, or its meeting cancelled.
_WAITING = """
    NOT EXISTS (SELECT 1 FROM agenda_item a JOIN meeting n ON n.id = a.meeting_id
                WHERE a.id = p.agenda_item_id AND n.status <> 'cancelled')
"""


def waiting(q: Query) -> list[ParkedPoint]:
    """Every parked point no agenda has taken up, parked longest ago first."""
    return q.records(ParkedPoint, f"{_POINTS} WHERE {_WAITING} ORDER BY p.parked_at, p.id")


def waiting_point(q: Query, parked_id: int) -> ParkedPoint | None:
    return q.record(ParkedPoint, f"{_POINTS} WHERE p.id = ? AND {_WAITING}", [parked_id])


def parked_at(q: Query, meeting_id: int) -> list[ParkedPoint]:
    """The points parked during this meeting, in the order they were parked."""
    return q.records(
        ParkedPoint, f"{_POINTS} WHERE p.meeting_id = ? ORDER BY p.parked_at, p.id", [meeting_id]
    )


def park(tx: Transaction, meeting_id: int, title: str, by: int | None, at: datetime) -> int:
    return tx.insert(
        "parked_point", {"meeting_id": meeting_id, "title": title, "parked_by": by, "parked_at": at}
    )


def take_up(tx: Transaction, parked_id: int, agenda_item_id: int) -> None:
    tx.execute("UPDATE parked_point SET agenda_item_id = ? WHERE id = ?", [agenda_item_id, parked_id])
