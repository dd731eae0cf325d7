"""Following a running meeting: the point under discussion, and the remarks attendees add to a point."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from council.store.database import Query, Transaction


@dataclass(frozen=True)
class Remark:
    id: int
    agenda_item_id: int
    text: str
    made_at: datetime
    person_id: int | None = None
    person_name: str | None = None


# Remarks with the name of who made them.
_REMARKS = "SELECT r.*, p.name AS person_name FROM point_remark r LEFT JOIN person p ON p.id = r.person_id"


def current_point(q: Query, meeting_id: int) -> int | None:
    """The agenda point the chair shows now, if the chair has shown one."""
    return q.value_of(int, "SELECT agenda_item_id FROM meeting_point WHERE meeting_id = ?", [meeting_id])


def show_point(tx: Transaction, meeting_id: int, item_id: int, at: datetime) -> None:
    tx.execute(
        """INSERT INTO meeting_point VALUES (?, ?, ?)
           ON CONFLICT (meeting_id) DO UPDATE SET agenda_item_id = excluded.agenda_item_id, shown_at = excluded.shown_at""",
        [meeting_id, item_id, at],
    )


def add_remark(tx: Transaction, item_id: int, person_id: int | None, text: str, at: datetime) -> int:
    return tx.insert(
        "point_remark", {"agenda_item_id": item_id, "person_id": person_id, "text": text, "made_at": at}
    )


def remarks_on(q: Query, item_id: int) -> list[Remark]:
    """The remarks on one agenda point, oldest first."""
    return q.records(Remark, f"{_REMARKS} WHERE r.agenda_item_id = ? ORDER BY r.made_at, r.id", [item_id])


def remarks_at(q: Query, meeting_id: int) -> dict[int, list[Remark]]:
    """The remarks on every point of a meeting's agenda, by point, oldest first."""
    found: dict[int, list[Remark]] = {}
    for remark in q.records(
        Remark,
        f"""{_REMARKS} JOIN agenda_item a ON a.id = r.agenda_item_id
            WHERE a.meeting_id = ? ORDER BY r.made_at, r.id""",
        [meeting_id],
    ):
        found.setdefault(remark.agenda_item_id, []).append(remark)
    return found
