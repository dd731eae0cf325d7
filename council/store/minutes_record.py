"""The minutes after a meeting closed: their versions, their approval, and the agenda points that approve them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from council.domain.meetings import Meeting
from council.domain.minutes import NOTES, PRESENT, SUMMARY, MinutesContent
from council.store import meetings
from council.store.database import Query, Transaction


@dataclass(frozen=True)
class MinutesVersion:
    meeting_id: int
    number: int
    kind: str  # a VersionKind value
    made_at: datetime
    content: str  # MinutesContent as JSON
    reason: str = ""
    changed: tuple[str, ...] = ()
    made_by: int | None = None
    made_by_name: str | None = None


@dataclass(frozen=True)
class Approval:
    meeting_id: int  # whose minutes
    approved_at: int  # the meeting that approved them
    approved_on: datetime
    version: int
    approved_at_title: str
    approved_by: int | None = None
    approved_by_name: str | None = None


def content_now(q: Query, meeting_id: int) -> MinutesContent:
    """The summary, each point's notes and who was present, as they stand."""
    summary = q.value("SELECT minutes FROM meeting WHERE id = ?", [meeting_id]) or ""
    notes = dict(
        q.rows("SELECT id, notes FROM agenda_item WHERE meeting_id = ? ORDER BY position", [meeting_id])
    )
    return MinutesContent(summary, notes, frozenset(meetings.attendees(q, meeting_id)))


def versions(q: Query, meeting_id: int) -> list[MinutesVersion]:
    """Every version of the minutes after the meeting closed, the first first."""
    return q.records(
        MinutesVersion,
        """
        SELECT v.*, who.name AS made_by_name FROM minutes_version v LEFT JOIN person who ON who.id = v.made_by
        WHERE v.meeting_id = ? ORDER BY v.number
        """,
        [meeting_id],
    )


def add_version(tx: Transaction, version: MinutesVersion) -> None:
    tx.insert_record("minutes_version", version, skip=("made_by_name",), returning="number")


def approval(q: Query, meeting_id: int) -> Approval | None:
    return q.record(
        Approval,
        """
        SELECT a.*, m.title AS approved_at_title, who.name AS approved_by_name
        FROM minutes_approval a JOIN meeting m ON m.id = a.approved_at LEFT JOIN person who ON who.id = a.approved_by
        WHERE a.meeting_id = ?
        """,
        [meeting_id],
    )


def approve(tx: Transaction, meeting_id: int, at: int, on: datetime, by: int | None, version: int) -> None:
    values = {
        "meeting_id": meeting_id,
        "approved_at": at,
        "approved_on": on,
        "approved_by": by,
        "version": version,
    }
    tx.insert("minutes_approval", values, returning="meeting_id")


def link_point(tx: Transaction, agenda_item_id: int, minutes_of: int) -> None:
    tx.insert("minutes_point", {"agenda_item_id": agenda_item_id, "minutes_of": minutes_of}, "agenda_item_id")


def points_of(q: Query, meeting_id: int) -> dict[int, int]:
    """The points of this meeting's agenda that approve minutes: {agenda point id: the meeting whose minutes}."""
    return dict(
        q.rows(
            "SELECT p.agenda_item_id, p.minutes_of FROM minutes_point p "
            "JOIN agenda_item a ON a.id = p.agenda_item_id WHERE a.meeting_id = ?",
            [meeting_id],
        )
    )


def minutes_of_point(q: Query, agenda_item_id: int) -> int | None:
    return q.value_of(int, "SELECT minutes_of FROM minutes_point WHERE agenda_item_id = ?", [agenda_item_id])


def approving_meeting(q: Query, after: datetime) -> Meeting | None:
    """The first meeting after `after` that is still to be held or under way."""
    return q.record(
        Meeting, f"{meetings.SELECT_MEETING} WHERE starts_at > ? AND status IN ('planned', 'open') "
        "ORDER BY starts_at LIMIT 1", [after],
    )  # fmt: skip


def drafts_before(q: Query, before: datetime) -> list[Meeting]:
    """Closed meetings before `before` whose minutes wait for approval, with no meeting to be held (or under
    way) between them and `before`; the earliest first."""
    return q.records(
        Meeting,
        f"""
        {meetings.SELECT_MEETING} m WHERE m.status = 'closed' AND m.starts_at < ?
        AND NOT EXISTS (SELECT 1 FROM minutes_approval a WHERE a.meeting_id = m.id)
        AND NOT EXISTS (SELECT 1 FROM meeting x WHERE x.status IN ('planned', 'open')
                        AND x.starts_at > m.starts_at AND x.starts_at < ?)
        ORDER BY m.starts_at
        """,
        [before, before],
    )


def apply(tx: Transaction, meeting_id: int, content: MinutesContent, changed: list[str]) -> None:
    """Write the parts of `content` that `changed` names (codes of `MinutesContent.changes_from`)."""
    if SUMMARY in changed:
        tx.execute("UPDATE meeting SET minutes = ? WHERE id = ?", [content.summary, meeting_id])
    for code in changed:
        if code.startswith(NOTES):
            item_id = int(code.removeprefix(NOTES))
            tx.execute("UPDATE agenda_item SET notes = ? WHERE id = ? AND meeting_id = ?",
                       [content.notes[item_id], item_id, meeting_id])  # fmt: skip
    if PRESENT in changed:
        meetings.set_attendees(tx, meeting_id, content.present)


def close_point(tx: Transaction, agenda_item_id: int, note: str, outcome: str) -> None:
    """The approval point's outcome, with `note` as its notes unless the chair wrote some."""
    tx.execute(
        "UPDATE agenda_item SET outcome = ?, notes = CASE WHEN trim(notes) = '' THEN ? ELSE notes END WHERE id = ?",
        [outcome, note, agenda_item_id],
    )
