"""Meetings, who attended them, and their agenda items."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import pandas as pd

from council.domain.meetings import AgendaItem, Meeting
from council.store.database import Query, Transaction

SELECT_MEETING = (
    "SELECT id, title, starts_at, duration_minutes, location, status, chair_id, guest_id,"
    " minutes, closed_at, agenda_closed_at, cancelled_at, cancel_reason FROM meeting"
)


def add_meeting(tx: Transaction, meeting: Meeting) -> int:
    return tx.insert_record("meeting", meeting)


def get_meeting(q: Query, meeting_id: int) -> Meeting | None:
    return q.record(Meeting, f"{SELECT_MEETING} WHERE id = ?", [meeting_id])


def list_meetings(q: Query) -> list[Meeting]:
    return q.records(Meeting, f"{SELECT_MEETING} ORDER BY starts_at DESC")


def meetings_among(q: Query, ids: Iterable[int | None]) -> list[Meeting]:
    """The meetings with these ids (None is ignored), newest first."""
    wanted = sorted({i for i in ids if i is not None})
    return q.records(
        Meeting, f"{SELECT_MEETING} WHERE list_contains(?, id) ORDER BY starts_at DESC", [wanted]
    )


def first_not_closed(q: Query) -> Meeting | None:
    """The earliest meeting that is neither closed nor cancelled: the one being prepared or run."""
    return q.record(
        Meeting, f"{SELECT_MEETING} WHERE status IN ('planned', 'open') ORDER BY starts_at LIMIT 1"
    )


def last_meeting(q: Query) -> Meeting | None:
    """The meeting that starts last, planned ones included, cancelled ones not."""
    return q.record(Meeting, f"{SELECT_MEETING} WHERE status <> 'cancelled' ORDER BY starts_at DESC LIMIT 1")


def last_closed(q: Query) -> Meeting | None:
    """The meeting held and closed most recently."""
    return q.record(Meeting, f"{SELECT_MEETING} WHERE status = 'closed' ORDER BY starts_at DESC LIMIT 1")


def held_meetings(q: Query, limit: int) -> list[Meeting]:
    """Meetings that have started: the running one first, then the latest `limit` others, newest first."""
    return q.records(
        Meeting,
        f"{SELECT_MEETING} WHERE status IN ('open', 'closed') ORDER BY status <> 'open', starts_at DESC LIMIT ?",
        [limit],
    )


def add_attendees(tx: Transaction, meeting_id: int, person_ids: Iterable[int]) -> None:
    for person_id in person_ids:
        tx.execute("INSERT INTO meeting_attendee VALUES (?, ?)", [meeting_id, person_id])


def attendees(q: Query, meeting_id: int) -> list[int]:
    rows = q.rows(
        "SELECT person_id FROM meeting_attendee WHERE meeting_id = ? ORDER BY person_id", [meeting_id]
    )
    return [r[0] for r in rows]


def meeting_table(q: Query) -> pd.DataFrame:
    """Every meeting with its chair, guest and how much it produced: those still to close first, soonest
    first, then the closed ones, newest first."""
    return q.frame(
        """
        SELECT m.id, m.starts_at, m.title, m.status,
               coalesce(chair.name, '—') AS chair, coalesce(guest.name, '—') AS guest,
               (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id) AS agenda_items,
               (SELECT count(DISTINCT d.decision_id) FROM decision d WHERE d.meeting_id = m.id)
                   AS decisions,
               (SELECT count(*) FROM proposal p WHERE p.meeting_id = m.id) AS proposals
        FROM meeting m
        LEFT JOIN person chair ON chair.id = m.chair_id
        LEFT JOIN person guest ON guest.id = m.guest_id
        ORDER BY m.status IN ('closed', 'cancelled'),
                 CASE WHEN m.status IN ('planned', 'open') THEN m.starts_at END,
                 m.starts_at DESC
        """
    )


def add_agenda_item(tx: Transaction, item: AgendaItem) -> int:
    return tx.insert_record("agenda_item", item)


def agenda_for(q: Query, meeting_id: int) -> list[AgendaItem]:
    return q.records(
        AgendaItem,
        "SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position, id",
        [meeting_id],
    )


def next_meeting(q: Query, now: datetime) -> Meeting | None:
    """The first meeting that has not started yet."""
    return q.record(
        Meeting,
        f"{SELECT_MEETING} WHERE starts_at >= ? AND status IN ('planned', 'open') ORDER BY starts_at LIMIT 1",
        [now],
    )


def meetings_of(q: Query, person_id: int) -> list[Meeting]:
    """Meetings not closed or cancelled that `person_id` is invited to, chairs or is the guest of, soonest first.
    A meeting without a chair is listed for those with the chair role, who may run it."""
    return q.records(
        Meeting,
        f"""{SELECT_MEETING} WHERE status IN ('planned', 'open') AND (
                chair_id = $p OR guest_id = $p
                OR id IN (SELECT meeting_id FROM meeting_attendee WHERE person_id = $p)
                OR (chair_id IS NULL AND $p IN (SELECT person_id FROM person_role WHERE role = 'chair')))
            ORDER BY starts_at""",
        {"p": person_id},
    )


def meetings_as_guest(q: Query, person_id: int, now: datetime) -> list[Meeting]:
    """Meetings to come that `person_id` is invited to as the guest."""
    return q.records(
        Meeting,
        f"{SELECT_MEETING} WHERE guest_id = ? AND starts_at >= ? AND status IN ('planned', 'open') ORDER BY starts_at",
        [person_id, now],
    )


EDITABLE = ("title", "starts_at", "duration_minutes", "location", "chair_id", "guest_id")


def update_meeting(tx: Transaction, meeting: Meeting) -> None:
    """Write the planning fields of `meeting` (which has its id)."""
    assignments = ", ".join(f"{column} = ?" for column in EDITABLE)
    tx.execute(
        f"UPDATE meeting SET {assignments} WHERE id = ?",
        [*(getattr(meeting, c) for c in EDITABLE), meeting.id],
    )


def set_status(tx: Transaction, meeting_id: int, status: str, *, closed_at: datetime | None = None) -> None:
    tx.execute("UPDATE meeting SET status = ?, closed_at = ? WHERE id = ?", [status, closed_at, meeting_id])


def set_agenda_closed(tx: Transaction, meeting_id: int, at: datetime | None) -> None:
    tx.execute("UPDATE meeting SET agenda_closed_at = ? WHERE id = ?", [at, meeting_id])


def cancel(tx: Transaction, meeting_id: int, at: datetime, reason: str) -> None:
    tx.execute(
        "UPDATE meeting SET status = 'cancelled', cancelled_at = ?, cancel_reason = ? WHERE id = ?",
        [at, reason, meeting_id],
    )


def set_minutes(tx: Transaction, meeting_id: int, minutes: str) -> None:
    tx.execute("UPDATE meeting SET minutes = ? WHERE id = ?", [minutes, meeting_id])


def neighbours(
    q: Query, starts_at: datetime, exclude_id: int | None = None
) -> tuple[Meeting | None, Meeting | None]:
    """The meetings just before and just after `starts_at` (leaving out meeting `exclude_id` and those
    cancelled)."""
    other = "AND status <> 'cancelled'" + (" AND id <> ?" if exclude_id is not None else "")
    params: list[object] = [starts_at] + ([exclude_id] if exclude_id is not None else [])
    before = q.record(
        Meeting, f"{SELECT_MEETING} WHERE starts_at < ? {other} ORDER BY starts_at DESC LIMIT 1", params
    )
    after = q.record(
        Meeting, f"{SELECT_MEETING} WHERE starts_at > ? {other} ORDER BY starts_at LIMIT 1", params
    )
    return before, after


def starting_between(
    q: Query, start: datetime, end: datetime, exclude_id: int | None = None
) -> list[Meeting]:
    """Meetings that start at or after `start` and before `end` (leaving out meeting `exclude_id` and
    those cancelled: their day is free again)."""
    return q.records(
        Meeting,
        f"{SELECT_MEETING} WHERE starts_at >= ? AND starts_at < ? AND id IS DISTINCT FROM ? AND status <> 'cancelled'"
        " ORDER BY starts_at",
        [start, end, exclude_id],
    )


def set_attendees(tx: Transaction, meeting_id: int, person_ids: Iterable[int]) -> None:
    tx.execute("DELETE FROM meeting_attendee WHERE meeting_id = ?", [meeting_id])
    add_attendees(tx, meeting_id, sorted(set(person_ids)))


def guest_history(q: Query) -> list[tuple[datetime, int]]:
    """(start, guest id) of every meeting that has a guest, oldest first; a cancelled meeting's guest
    was never heard, so it does not count."""
    return [
        (r[0], r[1])
        for r in q.rows(
            "SELECT starts_at, guest_id FROM meeting WHERE guest_id IS NOT NULL AND status <> 'cancelled'"
            " ORDER BY starts_at"
        )
    ]
