"""Rotating the council: the plan for the meetings ahead, and accepting its successors and guests."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from council.domain.errors import Conflict, ValidationError
from council.domain.meetings import Meeting, default_title
from council.domain.people import CouncilTerm, Person
from council.domain.permissions import Task, require
from council.domain.records import saved_id
from council.domain.rotation import meeting_dates, plan_rotation
from council.domain.rotation_plan import MeetingSlot, RotationPlan
from council.domain.terms import check_successor
from council.domain.vocabulary import MeetingStatus
from council.i18n import _
from council.services import meeting_mail
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.meetings import add_planned, meeting_on, set_guest
from council.services.workspace import Workspace
from council.store import meetings, people
from council.store.database import Transaction

MOST_AHEAD = 26  # as many meetings as one series plans


def rotation_plan(ws: Workspace, meetings_ahead: int = 6) -> RotationPlan:
    """Seats, successors and guests for the next `meetings_ahead` meetings, planned or not yet planned."""
    if not 1 <= meetings_ahead <= MOST_AHEAD:
        raise ValidationError(
            _("Plan between 1 and {most} meetings ahead.").format(most=MOST_AHEAD), "meetings_ahead"
        )
    slots, history = _slots(ws, meetings_ahead)
    return plan_rotation(
        ws.config,
        slots,
        people.list_people(ws.db, active_only=False),
        people.council_terms(ws.db),
        history,
    )


def _slots(ws: Workspace, count: int) -> tuple[list[MeetingSlot], list[tuple[date, int | None]]]:
    """The coming meetings that are not closed, then dates on the cadence; and every other meeting held or
    planned."""
    today = ws.today()
    # A cancelled meeting was never held: it neither takes a slot nor counts its guest as heard.
    everything = sorted(
        (m for m in meetings.list_meetings(ws.db) if not m.is_cancelled), key=lambda m: m.starts_at
    )
    coming = [m for m in everything if m.status != MeetingStatus.CLOSED and _day(ws, m) >= today][:count]
    slots = [MeetingSlot(_day(ws, m), m.id, m.guest_id) for m in coming]
    planned = {s.meeting_id for s in slots}
    history = [(_day(ws, m), m.guest_id) for m in everything if m.id not in planned]
    # Dates not planned yet follow the cadence from the last meeting (from today when there is none).
    step = timedelta(weeks=ws.config.council.meeting_every_weeks)
    day = (slots[-1].day if slots else max((d for d, _ in history), default=today)) + step
    while _starts_at(ws, day) < ws.now():
        day += step
    projected = meeting_dates(day, ws.config.council.meeting_every_weeks, count - len(slots))
    return slots + [MeetingSlot(d) for d in projected], history


@as_on_roster
def accept_successor(
    ws: Workspace, actor: Person | None, department: str, person_id: int, starts_on: date
) -> int:
    """Give `person_id` the vacant `department` seat for one term from `starts_on`; returns the term's id."""
    # Translators: completes "Only … may …"
    require(actor, Task.PLAN, _("keep the rotation"))

    def write(tx: Transaction) -> int:
        person = people.get_person(tx, person_id)
        term = check_successor(ws.config, person, department, starts_on, people.council_terms(tx), ws.today())
        term_id = people.add_council_term(tx, term)
        details = {
            "person_id": person_id,
            "department": department,
            "starts_on": starts_on,
            "ends_on": term.ends_on,
        }
        record(tx, actor, "create", "council_term", term_id, details)
        _invite_to_planned(tx, ws, term, person_id)
        return term_id

    return ws.db.write(write)


def _invite_to_planned(tx: Transaction, ws: Workspace, term: CouncilTerm, person_id: int) -> None:
    """Meetings already planned in the new term invite its holder from now on: they get the invitation."""
    start = datetime.combine(term.starts_on, time(0), ws.zone)
    end = (
        datetime.combine(term.ends_on + timedelta(days=1), time(0), ws.zone)
        if term.ends_on
        else datetime(9000, 1, 1, tzinfo=ws.zone)
    )
    for meeting in meetings.starting_between(tx, start, end):
        if meeting.status == MeetingStatus.PLANNED and meeting.id is not None:
            meeting_mail.queue_invitations_to(tx, ws, meeting.id, [person_id])


def seats_beginning(ws: Workspace, day: date) -> int:
    """How many council seats begin on `day`: the hand-over a meeting that day brings."""
    return sum(t.starts_on == day for t in people.council_terms(ws.db))


def move_hand_over(tx: Transaction, actor: Person | None, planned: date, held: date, meeting_id: int) -> None:
    """A meeting planned for `planned` is held earlier, on `held`: the seats it hands over move with it.

    Seats that began on its planned day begin on `held`; seats that ended the day before end the day
    before `held`, so the council that meets is the one the rotation planned for this meeting.
    """
    for term in people.council_terms(tx):
        starts_on, ends_on = term.starts_on, term.ends_on
        if starts_on == planned:
            starts_on = held
        elif ends_on == planned - timedelta(days=1) and starts_on < held:
            ends_on = held - timedelta(days=1)
        else:
            continue
        people.set_term_dates(tx, saved_id(term), starts_on, ends_on)
        details = {"starts_on": starts_on, "ends_on": ends_on, "with_meeting": meeting_id}
        record(tx, actor, "update", "council_term", saved_id(term), details)


@as_on_roster
def accept_guest(ws: Workspace, actor: Person | None, slot: MeetingSlot, person_id: int) -> int:
    """Invite `person_id` as the guest of the slot's meeting, planning that meeting if it is not yet.

    Returns the meeting's id.
    """
    # Translators: completes "Only … may …"
    require(actor, Task.PLAN, _("invite guests"))
    if slot.meeting_id is not None:
        set_guest(ws, actor, slot.meeting_id, person_id)
        return slot.meeting_id
    rules = ws.config.council
    draft = Meeting(
        title=default_title(slot.day),
        starts_at=_starts_at(ws, slot.day),
        duration_minutes=rules.meeting_length_minutes,
        guest_id=person_id,
    ).checked(ws.now())  # a new Meeting is planned, with nothing closed

    def write(tx: Transaction) -> int:
        # Checked inside the write, so two people accepting at once cannot plan the day twice.
        same_day = meeting_on(tx, ws, slot.day)
        if same_day is not None:
            raise Conflict(
                _(
                    "“{title}” was planned for that day in the meantime. "
                    "Look at the refreshed plan and invite the guest there."
                ).format(title=same_day.title)
            )
        return add_planned(tx, ws, actor, draft)

    return ws.db.write(write)


def _day(ws: Workspace, meeting: Meeting) -> date:
    return meeting.starts_at.astimezone(ws.zone).date()


def _starts_at(ws: Workspace, day: date) -> datetime:
    return datetime.combine(day, ws.config.council.meeting_starts_at, ws.zone)
