"""Running a meeting: start it (bringing it forward to today if need be), note who attends, write its
minutes, and close it, which freezes the agenda and the minutes. What it records under each agenda point,
decisions and their actions included, is in `meeting_outcomes`."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

from council.domain.errors import NotAllowed, ValidationError
from council.domain.meetings import AgendaItem, Meeting, follow_date
from council.domain.minutes import MAX_SUMMARY
from council.domain.people import Person
from council.domain.permissions import require_chair
from council.domain.vocabulary import MeetingStatus, Outcome
from council.i18n import _
from council.i18n import formats as fmt
from council.services import meeting_mail, minutes_record, rotation
from council.services.acting import as_on_roster
from council.services.agenda import follow_subject
from council.services.history import record
from council.services.meeting_lookup import ENTITY, get, invited, still_open
from council.services.meetings import FIELD_NAMES, check_day_free, check_people
from council.services.workspace import Workspace
from council.store import agenda, meetings
from council.store.database import Query, Transaction


@as_on_roster
def start_meeting(
    ws: Workspace,
    actor: Person | None,
    meeting_id: int,
    *,
    bring_forward: bool = False,
    held_at: time | None = None,
) -> None:
    """Open meeting mode; the agenda closes for the guest if the chair had not closed it yet.

    A meeting starts on its day (or later, to record it afterwards). Held before its day, it must
    be brought forward: `bring_forward` moves it to today, at `held_at` or else at the time of day it
    was planned for, so its minutes tell the truth. The council seats it hands over move with it.
    """

    def write(tx: Transaction) -> None:
        meeting = get(tx, meeting_id)
        # Translators: completes "Only the chair of “…” may …"
        require_chair(actor, meeting, _("start it"))
        still_open(meeting)
        if meeting.status == MeetingStatus.OPEN:
            return
        if not meetings.agenda_for(tx, meeting_id):
            raise ValidationError(
                _("The agenda is empty. Put at least one point on it before you start."), "agenda"
            )
        day = meeting.starts_at.astimezone(ws.zone).date()
        if day > ws.today():
            if not bring_forward:
                raise NotAllowed(
                    _(
                        "This meeting is planned for {day}. It can start on that day; to hold it now, "
                        "bring it forward to today."
                    ).format(day=fmt.long_weekday(day))
                )
            planned = meeting.starts_at.astimezone(ws.zone).time().replace(tzinfo=None)
            today_at = datetime.combine(ws.today(), held_at or planned, ws.zone)
            moved = follow_date(meeting, replace(meeting, starts_at=today_at), ws.zone)
            check_day_free(tx, ws, moved)
            rotation.move_hand_over(tx, actor, day, ws.today(), meeting_id)
            check_people(tx, ws, moved)
            was_invited = meeting_mail.invited_now(tx, ws, meeting_id)
            meetings.update_meeting(tx, moved)
            meetings.set_attendees(tx, meeting_id, invited(tx, ws, moved))
            record(
                tx,
                actor,
                "update",
                ENTITY,
                meeting_id,
                {
                    "fields": [f for f in meetings.EDITABLE if getattr(meeting, f) != getattr(moved, f)],
                    "brought_forward": True,
                },
            )
            meeting_mail.queue_invitations(
                tx,
                ws,
                meeting_id,
                before=was_invited,
                old_guest=meeting.guest_id,
                changed=[FIELD_NAMES["starts_at"]],
            )
        meetings.set_status(tx, meeting_id, MeetingStatus.OPEN)
        if not meetings.attendees(tx, meeting_id):
            meetings.add_attendees(tx, meeting_id, sorted(invited(tx, ws, meeting)))
        if meeting.agenda_closed_at is None:
            meetings.set_agenda_closed(tx, meeting_id, ws.now())
        record(tx, actor, "start", ENTITY, meeting_id, {})

    ws.db.write(write)


@as_on_roster
def set_attendance(ws: Workspace, actor: Person | None, meeting_id: int, person_ids: list[int]) -> None:
    def write(tx: Transaction) -> None:
        meeting = get(tx, meeting_id)
        # Translators: completes "Only the chair of “…” may …"
        require_chair(actor, meeting, _("note who attends"))
        still_open(meeting)
        meetings.set_attendees(tx, meeting_id, person_ids)
        record(tx, actor, "attendance", ENTITY, meeting_id, {"people": sorted(person_ids)})

    ws.db.write(write)


@as_on_roster
def save_minutes(ws: Workspace, actor: Person | None, meeting_id: int, text: str) -> None:
    text = (text or "").strip()
    if len(text) > MAX_SUMMARY:
        raise ValidationError(
            _("The minutes are {length} characters long; please keep them under {limit}.").format(
                length=fmt.number(len(text)), limit=fmt.number(MAX_SUMMARY)
            ),
            "minutes",
        )

    def write(tx: Transaction) -> None:
        meeting = get(tx, meeting_id)
        # Translators: completes "Only the chair of “…” may …"
        require_chair(actor, meeting, _("write its minutes"))
        still_open(meeting)
        meetings.set_minutes(tx, meeting_id, text)
        record(tx, actor, "minutes", ENTITY, meeting_id, {"length": len(text)})

    ws.db.write(write)


@as_on_roster
def close_meeting(ws: Workspace, actor: Person | None, meeting_id: int) -> int:
    """Close the meeting for good; points left without an outcome count as postponed (returned)."""

    def write(tx: Transaction) -> int:
        meeting = get(tx, meeting_id)
        # Translators: completes "Only the chair of “…” may …"
        require_chair(actor, meeting, _("close it"))
        running(tx, meeting_id)
        postponed = agenda.postpone_undecided(tx, meeting_id)
        for item in meetings.agenda_for(tx, meeting_id):
            if item.outcome == Outcome.POSTPONED:
                follow_outcome(tx, ws, actor, item, item.outcome)
        meetings.set_status(tx, meeting_id, MeetingStatus.CLOSED, closed_at=ws.now())
        minutes_record.keep_closed_version(tx, meeting, ws.now())
        record(tx, actor, "close", ENTITY, meeting_id, {"postponed_without_outcome": postponed})
        meeting_mail.queue_minutes(tx, ws, meeting_id)
        return postponed

    return ws.db.write(write)


def running(q: Query, meeting_id: int) -> Meeting:
    """The meeting, which must be under way: what it decides is recorded only then."""
    meeting = get(q, meeting_id)
    still_open(meeting)
    if meeting.status != MeetingStatus.OPEN:
        raise NotAllowed(
            _("This meeting has not started yet. Start the meeting first, then record what it decides.")
        )
    return meeting


def follow_outcome(
    tx: Transaction, ws: Workspace, actor: Person | None, item: AgendaItem, outcome: str | None
) -> None:
    """A decided point's subject is decided; a dropped proposal is declined; the rest is open again."""
    if outcome == Outcome.DECIDED:
        follow_subject(tx, ws, actor, item, ("open", "on_agenda", "submitted"), "decided")
    elif outcome == Outcome.DROPPED and item.kind == "proposal":
        follow_subject(tx, ws, actor, item, ("submitted", "on_agenda"), "declined")
    elif outcome is not None and item.kind != "proposal":
        follow_subject(tx, ws, actor, item, ("on_agenda",), "open")
