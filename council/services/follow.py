"""Following a meeting as it runs: everyone who opens it sees the point the chair shows, with its notes,
outcome, decisions and actions as they are recorded; those present add remarks to it for the chair."""

from __future__ import annotations

from dataclasses import dataclass

from council.domain.checks import clean_text
from council.domain.errors import NotAllowed, NotFound
from council.domain.meetings import AgendaItem, Meeting
from council.domain.people import Person
from council.domain.permissions import require_chair, runs
from council.domain.records import saved_id
from council.i18n import _
from council.services.acting import as_on_roster
from council.services.agenda import agenda_item
from council.services.history import record
from council.services.meeting_lookup import ENTITY, get
from council.services.meeting_mode import running
from council.services.meeting_outcomes import DecisionTaken, decisions_under
from council.services.workspace import Workspace
from council.store import follow, meetings
from council.store.database import Transaction
from council.store.follow import Remark

MAX_REMARK = 1000


@dataclass(frozen=True)
class NowDiscussed:
    """A running meeting as those who follow it see it."""

    meeting: Meeting
    item: AgendaItem | None  # the point the chair shows; else the first without an outcome
    decisions: list[DecisionTaken]
    remarks: list[Remark]
    present: list[int]


def now_discussed(ws: Workspace, meeting_id: int) -> NowDiscussed:
    meeting = get(ws.db, meeting_id)
    items = meetings.agenda_for(ws.db, meeting_id)
    shown = follow.current_point(ws.db, meeting_id)
    item = next((i for i in items if i.id == shown), None) or next((i for i in items if not i.outcome), None)
    item = item or (items[0] if items else None)
    return NowDiscussed(
        meeting,
        item,
        decisions_under(ws, saved_id(item)) if item else [],
        follow.remarks_on(ws.db, saved_id(item)) if item else [],
        meetings.attendees(ws.db, meeting_id),
    )


def shown_point(ws: Workspace, meeting_id: int) -> int | None:
    """The agenda point the chair has shown to everyone, if any yet."""
    return follow.current_point(ws.db, meeting_id)


def remarks_on(ws: Workspace, item_id: int) -> list[Remark]:
    return follow.remarks_on(ws.db, item_id)


@as_on_roster
def show_point(ws: Workspace, actor: Person | None, meeting_id: int, item_id: int) -> None:
    """The chair moves on to another point: everyone following sees it."""

    def write(tx: Transaction) -> None:
        meeting = running(tx, meeting_id)
        # Translators: completes "Only the chair of “…” may …"
        require_chair(actor, meeting, _("choose the point under discussion"))
        if agenda_item(tx, item_id).meeting_id != meeting_id:
            raise NotFound(_("That point is not on this meeting's agenda."))
        follow.show_point(tx, meeting_id, item_id, ws.now())

    ws.db.write(write)


@as_on_roster
def add_remark(ws: Workspace, actor: Person | None, item_id: int, text: str) -> int:
    """A remark on a point, by someone present: the chair sees it with the point, and it stays with it."""
    text = clean_text(text, _("Your remark"), limit=MAX_REMARK, field="remark")

    def write(tx: Transaction) -> int:
        item = agenda_item(tx, item_id)
        meeting = running(tx, item.meeting_id)
        present = actor is not None and actor.id in meetings.attendees(tx, item.meeting_id)
        if not present and not runs(actor, meeting):
            raise NotAllowed(
                _(
                    "Only those present at “{meeting}” add remarks to its points: mark yourself present first."
                ).format(meeting=meeting.title)
            )
        remark = follow.add_remark(tx, item_id, actor.id if actor else None, text, ws.now())
        record(tx, actor, "remark", ENTITY, item.meeting_id, {"item": item_id, "remark": remark})
        return remark

    return ws.db.write(write)


@as_on_roster
def mark_present(ws: Workspace, actor: Person | None, meeting_id: int) -> None:
    """Someone at the meeting says so themselves; the chair can still correct who was present."""

    def write(tx: Transaction) -> None:
        running(tx, meeting_id)  # refuses a meeting that is not under way
        if actor is None or actor.id is None:
            raise NotAllowed(_("Sign in to mark yourself present."))
        present = set(meetings.attendees(tx, meeting_id))
        if actor.id in present:
            return
        meetings.add_attendees(tx, meeting_id, [actor.id])
        record(tx, actor, "attendance", ENTITY, meeting_id, {"people": sorted(present | {actor.id})})

    ws.db.write(write)
