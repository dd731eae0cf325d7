"""Planning council meetings: when and where, who chairs, who is the guest, who attends."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from council.domain.errors import NotAllowed, ValidationError
from council.domain.meetings import Meeting, follow_date
from council.domain.people import Person
from council.domain.permissions import Task, require, runs
from council.domain.records import saved_id
from council.domain.vocabulary import MeetingStatus
from council.i18n import N_, _
from council.i18n import formats as fmt
from council.services import meeting_mail
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.meeting_lookup import ENTITY, get, invited, still_open
from council.services.workspace import Workspace
from council.store import meetings, people
from council.store.database import Query, Transaction

# What changed in a meeting's plan, in words: translate with `_` where shown (a mail, a confirmation).
FIELD_NAMES = {"title": N_("title"), "starts_at": N_("date and time"), "duration_minutes": N_("length"),
               "location": N_("place"), "chair_id": N_("chair"), "guest_id": N_("guest")}  # fmt: skip


@as_on_roster
def plan_meeting(ws: Workspace, actor: Person | None, draft: Meeting) -> int:
    """Save a new planned meeting; the council's members on that day (and the guest) are invited."""
    # Translators: completes "Only … may …"
    require(actor, Task.PLAN, _("plan meetings"))
    meeting = replace(
        draft.checked(ws.now()), status=MeetingStatus.PLANNED, closed_at=None, agenda_closed_at=None
    )

    return ws.db.write(lambda tx: add_planned(tx, ws, actor, meeting))


def add_planned(tx: Transaction, ws: Workspace, actor: Person | None, meeting: Meeting) -> int:
    """Inside a write: save a checked planned meeting and invite its people."""
    check_day_free(tx, ws, meeting)
    check_people(tx, ws, meeting)
    meeting_id = meetings.add_meeting(tx, meeting)
    meetings.add_attendees(tx, meeting_id, sorted(invited(tx, ws, meeting)))
    record(tx, actor, "create", ENTITY, meeting_id, {"title": meeting.title})
    meeting_mail.queue_invitations(tx, ws, meeting_id)
    return meeting_id


@as_on_roster
def edit_meeting(ws: Workspace, actor: Person | None, meeting_id: int, draft: Meeting) -> list[str]:
    """Save changed planning details; returns the names of the fields that changed."""

    def write(tx: Transaction) -> list[str]:
        before = get(tx, meeting_id)
        if not runs(actor, before):  # a meeting's chair may correct its details too
            # Translators: completes "Only … may …"
            require(actor, Task.PLAN, _("change a meeting"))
        still_open(before)
        # A meeting under way keeps its start; a planned one may move, but not into the past.
        moved = draft.starts_at != before.starts_at
        if moved and before.status != MeetingStatus.PLANNED:
            raise NotAllowed(_("This meeting has started; its date and time can no longer change."))
        after = follow_date(before, replace(draft, id=meeting_id, status=before.status), ws.zone)
        after = after.checked(ws.now() if moved else None)
        changed = [f for f in meetings.EDITABLE if getattr(before, f) != getattr(after, f)]
        if not changed:
            return []
        was_invited = meeting_mail.invited_now(tx, ws, meeting_id)
        if {"chair_id", "guest_id"} & set(changed):  # choosing the chair and inviting the guest: planning
            # Translators: completes "Only … may …"
            require(actor, Task.PLAN, _("choose a meeting's chair or invite its guest"))
        if moved:
            check_day_free(tx, ws, after)
        check_people(tx, ws, after, chair=moved or before.chair_id != after.chair_id,
                     guest=moved or before.guest_id != after.guest_id)  # fmt: skip
        meetings.update_meeting(tx, after)
        if after.status == MeetingStatus.PLANNED:  # nobody has attended yet: invite whoever fits the new plan
            meetings.set_attendees(tx, meeting_id, invited(tx, ws, after))
        elif before.guest_id != after.guest_id:
            _swap_guest(tx, meeting_id, before.guest_id, after.guest_id)
        record(tx, actor, "update", ENTITY, meeting_id, {"fields": changed})
        meeting_mail.queue_invitations(
            tx, ws, meeting_id, before=was_invited, old_guest=before.guest_id,
            changed=[FIELD_NAMES[f] for f in changed],
        )  # fmt: skip
        return changed

    return ws.db.write(write)


@as_on_roster
def set_guest(ws: Workspace, actor: Person | None, meeting_id: int, guest_id: int | None) -> None:
    """Invite `guest_id` as the meeting's guest (or nobody, with None)."""
    # Translators: completes "Only … may …"
    require(actor, Task.PLAN, _("invite guests"))

    def write(tx: Transaction) -> None:
        meeting = get(tx, meeting_id)
        still_open(meeting)
        if meeting.guest_id == guest_id:
            return
        after = replace(meeting, guest_id=guest_id)
        check_people(tx, ws, after, chair=False)
        was_invited = meeting_mail.invited_now(tx, ws, meeting_id)
        meetings.update_meeting(tx, after)
        _swap_guest(tx, meeting_id, meeting.guest_id, guest_id)
        record(tx, actor, "guest", ENTITY, meeting_id, {"guest_id": guest_id})
        meeting_mail.queue_invitations(
            tx, ws, meeting_id, before=was_invited, old_guest=meeting.guest_id, changed=["guest"]
        )

    ws.db.write(write)


def meeting_on(q: Query, ws: Workspace, day: date, exclude_id: int | None = None) -> Meeting | None:
    """The meeting on `day` (in the workspace's time zone), leaving out meeting `exclude_id`."""
    start = datetime.combine(day, time(0), ws.zone)
    same_day = meetings.starting_between(q, start, start + timedelta(days=1), exclude_id)
    return same_day[0] if same_day else None


def check_day_free(q: Query, ws: Workspace, meeting: Meeting) -> None:
    """The council meets at most once a day: refuse a second meeting on a day that has one."""
    day = meeting.starts_at.astimezone(ws.zone).date()
    other = meeting_on(q, ws, day, meeting.id)
    if other is not None:
        raise ValidationError(
            _(
                "“{title}” is already planned on {day} at {time}. Open that meeting to change it, "
                "or choose another day."
            ).format(title=other.title, day=_day(day), time=fmt.clock(other.starts_at.astimezone(ws.zone))),
            "starts_at",
        )


def check_people(
    q: Query, ws: Workspace, meeting: Meeting, *, chair: bool = True, guest: bool = True
) -> None:
    """The chair holds a seat that day; the guest does not, is on the roster, and was not the last guest.

    `chair` or `guest` False leaves that person unchecked (they did not change).
    """
    day = meeting.starts_at.astimezone(ws.zone).date()
    serving = people.serving_on(q, day)
    if chair and meeting.chair_id is not None:
        chairing = on_roster(q, meeting.chair_id, "chair")
        if chairing.id not in serving:
            raise ValidationError(
                _("{name} holds no council seat on {day}. The chair must be a council member then.").format(
                    name=chairing.name, day=_day(day)
                ),
                "chair",
            )
    if not guest or meeting.guest_id is None:
        return
    invited = on_roster(q, meeting.guest_id, "guest")
    if invited.id in serving:
        raise ValidationError(
            _(
                "{name} holds a council seat on {day}, so they are heard already. "
                "Invite someone from outside the council as the guest."
            ).format(name=invited.name, day=_day(day)),
            "guest",
        )
    for other in meetings.neighbours(q, meeting.starts_at, meeting.id):
        if other is not None and other.guest_id == invited.id:
            other_day = other.starts_at.astimezone(ws.zone).date()
            raise ValidationError(
                _(
                    "{name} is the guest of the meeting of {day} too. Nobody is guest twice in a row: "
                    "invite someone else, so the council hears another voice."
                ).format(name=invited.name, day=_day(other_day)),
                "guest",
            )


def on_roster(q: Query, person_id: int | None, field: str) -> Person:
    """The person, if they are still on the roster; else a ValidationError about `field`."""
    person = people.get_person(q, person_id) if person_id is not None else None
    if person is None or not person.active:
        raise ValidationError(_("That person is no longer on the roster. Choose someone else."), field)
    return person


def _swap_guest(tx: Transaction, meeting_id: int, old: int | None, new: int | None) -> None:
    present = set(meetings.attendees(tx, meeting_id))
    present.discard(old)
    if new is not None:
        present.add(new)
    meetings.set_attendees(tx, meeting_id, present)


def _day(day: date) -> str:
    return fmt.long_day(day)


@dataclass(frozen=True)
class MeetingCard:
    """A meeting with the names a page shows beside it."""

    meeting: Meeting
    chair: str | None
    guest: str | None
    guest_brings: str | None  # the guest's voice in words, e.g. "Trainee" or "HR"
    attendees: dict[int, str]


def meeting_card(ws: Workspace, meeting_id: int) -> MeetingCard:
    meeting = get(ws.db, meeting_id)
    names = {p.id: p for p in people.list_people(ws.db, active_only=False)}
    guest = names.get(meeting.guest_id) if meeting.guest_id is not None else None
    chair = names.get(meeting.chair_id) if meeting.chair_id is not None else None
    return MeetingCard(
        meeting=meeting,
        chair=chair.name if chair else None,
        guest=guest.name if guest else None,
        guest_brings=_brings(ws, guest) if guest else None,
        attendees={i: _label(ws, names[i]) for i in meetings.attendees(ws.db, meeting_id) if i in names},
    )


def chair_choices(ws: Workspace, day: date) -> dict[int, str]:
    """Who can chair a meeting on `day`: the council's members then, those with the chair role first."""
    serving = people.serving_on(ws.db, day)
    members = [p for p in people.list_people(ws.db) if p.id in serving]
    members.sort(key=lambda p: (not p.has_role("chair"), p.name))
    return {saved_id(p): _label(ws, p) for p in members}


def guest_choices(ws: Workspace, day: date) -> dict[int, str]:
    """Who can be the guest on `day`: anyone on the roster without a seat then, willing guests first."""
    serving = people.serving_on(ws.db, day)
    others = [p for p in people.list_people(ws.db) if p.id not in serving]
    others.sort(key=lambda p: (not p.has_role("guest"), p.name))
    return {saved_id(p): f"{p.name} — {_brings(ws, p)}" for p in others}


def owner_choices(ws: Workspace) -> dict[int, str]:
    """Who can own a decision or an action: everyone on the roster inside the organisation."""
    return {saved_id(p): _label(ws, p) for p in people.list_people(ws.db) if p.department}


def department_of(ws: Workspace, person_id: int) -> str | None:
    person = people.get_person(ws.db, person_id)
    return person.department if person else None


def suggested_start(ws: Workspace) -> date:
    """The day a new meeting most likely falls on: one cadence after the last meeting, not in the past."""
    last = meetings.last_meeting(ws.db)
    step = timedelta(weeks=ws.config.council.meeting_every_weeks)
    day = last.starts_at.astimezone(ws.zone).date() + step if last else ws.today() + timedelta(days=7)
    while day <= ws.today():
        day += step
    return day


def _label(ws: Workspace, person: Person) -> str:
    if not person.department:
        return _("{name} (from outside)").format(name=person.name)
    return f"{person.name} ({ws.config.name_of('department', person.department)})"


def _brings(ws: Workspace, person: Person) -> str:
    voice = ws.config.voice_name(person.voice)
    return f"{voice}, {person.role_title}" if person.role_title and person.role_title != voice else voice
