"""The rotation plan of the demo council, and accepting its successors and guests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from itertools import pairwise

import pytest

from council.domain.errors import Conflict, ValidationError
from council.domain.people import Person
from council.domain.rotation_plan import MeetingSlot, PlannedMeeting, RotationPlan
from council.domain.terms import term_end
from council.services.rotation import accept_guest, accept_successor, rotation_plan
from council.services.workspace import Workspace
from council.store import meetings, people


def first_with_vacancy(plan: RotationPlan) -> PlannedMeeting:
    return next(m for m in plan.meetings if m.vacancies)


def first_not_planned(plan: RotationPlan) -> PlannedMeeting:
    return next(m for m in plan.meetings if not m.slot.is_planned)


def sizes(ws: Workspace) -> dict[str, int]:
    return {t: ws.db.value(f"SELECT count(*) FROM {t}") for t in ("council_term", "meeting", "audit_log")}


@contextmanager
def nothing_changes(ws: Workspace) -> Iterator[None]:
    before = sizes(ws), [(m.id, m.guest_id) for m in meetings.list_meetings(ws.db)]
    yield
    assert (sizes(ws), [(m.id, m.guest_id) for m in meetings.list_meetings(ws.db)]) == before


# The plan


def test_the_plan_covers_the_planned_meetings_then_dates_on_the_cadence(demo: Workspace) -> None:
    plan = rotation_plan(demo, 6)
    coming = sorted(
        (m for m in meetings.list_meetings(demo.db) if m.status != "closed"), key=lambda m: m.starts_at
    )
    assert len(plan.meetings) == 6
    assert [m.slot.meeting_id for m in plan.meetings[: len(coming)]] == [m.id for m in coming]
    assert all(not m.slot.is_planned for m in plan.meetings[len(coming) :])
    days = [m.slot.day for m in plan.meetings]
    assert days[0] >= demo.today()
    assert all(b - a == timedelta(weeks=demo.config.council.meeting_every_weeks) for a, b in pairwise(days))


def test_planned_guests_are_kept_and_every_other_meeting_gets_a_suggestion(demo: Workspace) -> None:
    plan = rotation_plan(demo, 12)
    for meeting in plan.meetings:
        assert meeting.guest.person is not None
        assert meeting.guest.chosen == (meeting.slot.guest_id is not None)
    invited = [m.guest.person.id for m in plan.meetings]
    assert all(a != b for a, b in pairwise(invited))


def test_the_demo_terms_end_within_a_year_and_the_plan_fills_every_seat(demo: Workspace) -> None:
    plan = rotation_plan(demo, 12)
    meeting = first_with_vacancy(plan)
    seats = demo.config.council.seats
    assert len(meeting.vacancies) == sum(seats.values())  # the demo's terms all end on the same day
    assert all(v.successor is not None for v in meeting.vacancies)
    before = plan.meetings[plan.meetings.index(meeting) - 1]
    assert len(before.rotating_out) == sum(seats.values())


@pytest.mark.parametrize("ahead", [0, 27])
def test_a_plan_asks_for_a_sensible_number_of_meetings(demo: Workspace, ahead: int) -> None:
    with pytest.raises(ValidationError, match="between 1 and 26"):
        rotation_plan(demo, ahead)


def test_without_any_meeting_the_plan_starts_one_cadence_from_today(empty: Workspace) -> None:
    plan = rotation_plan(empty, 3)
    step = timedelta(weeks=empty.config.council.meeting_every_weeks)
    assert [m.slot.day for m in plan.meetings] == [empty.today() + step * n for n in (1, 2, 3)]
    assert all(not m.guest.chosen and m.guest.person is None for m in plan.meetings)


# Accepting a successor


def test_accepting_a_successor_writes_their_term_and_an_audit_entry(
    demo: Workspace, secretary: Person
) -> None:
    meeting = first_with_vacancy(rotation_plan(demo, 12))
    vacancy, day = meeting.vacancies[0], meeting.slot.day
    term_id = accept_successor(demo, secretary, vacancy.department, vacancy.successor.id, day)
    term = next(t for t in people.council_terms(demo.db) if t.id == term_id)
    assert (term.person_id, term.department, term.starts_on) == (
        vacancy.successor.id,
        vacancy.department,
        day,
    )
    assert term.ends_on == term_end(day, demo.config.council)
    logged = demo.db.row(
        "SELECT person_id, action, details FROM audit_log WHERE entity = 'council_term' AND entity_id = ?",
        [str(term_id)],
    )
    assert logged[:2] == (secretary.id, "create") and vacancy.department in logged[2]
    # The plan now shows them holding the seat, no longer as a suggestion.
    again = next(m for m in rotation_plan(demo, 12).meetings if m.slot.day == day)
    seat = next(s for s in again.seats if s.department == vacancy.department)
    assert (vacancy.successor, False) in [(h.person, h.suggested) for h in seat.holders]


def test_a_successor_from_another_department_is_refused(demo: Workspace, secretary: Person) -> None:
    meeting = first_with_vacancy(rotation_plan(demo, 12))
    sales = next(v for v in meeting.vacancies if v.department == "sales")
    it = next(v for v in meeting.vacancies if v.department == "it")
    with nothing_changes(demo), pytest.raises(ValidationError, match="does not work in IT"):
        accept_successor(demo, secretary, "it", sales.successor.id, meeting.slot.day)
    assert it.successor.department == "it"


def test_a_seat_that_is_not_vacant_is_refused(demo: Workspace, secretary: Person) -> None:
    first = rotation_plan(demo, 1).meetings[0]
    assert not first.vacancies
    spare = next(p for p in people.list_people(demo.db) if p.department == "sales" and p.has_role("guest"))
    with nothing_changes(demo), pytest.raises(ValidationError, match="Sales has no vacant seat"):
        accept_successor(demo, secretary, "sales", spare.id, first.slot.day)


def test_someone_who_holds_a_seat_then_is_refused(demo: Workspace, secretary: Person) -> None:
    meeting = first_with_vacancy(rotation_plan(demo, 12))
    first, second = (v for v in meeting.vacancies if v.department == "service")
    accept_successor(demo, secretary, "service", first.successor.id, meeting.slot.day)
    with nothing_changes(demo), pytest.raises(ValidationError, match="holds the Customer service seat"):
        accept_successor(demo, secretary, "service", first.successor.id, meeting.slot.day)
    assert second.successor != first.successor


def test_a_term_cannot_start_in_the_past(demo: Workspace, secretary: Person) -> None:
    person = next(p for p in people.list_people(demo.db) if p.department == "hr")
    with nothing_changes(demo), pytest.raises(ValidationError, match="HR has no seat"):
        accept_successor(demo, secretary, "hr", person.id, demo.today())
    sales = next(p for p in people.list_people(demo.db) if p.department == "sales")
    with nothing_changes(demo), pytest.raises(ValidationError, match="already passed"):
        accept_successor(demo, secretary, "sales", sales.id, demo.today() - timedelta(days=1))


# Accepting a guest


def test_accepting_a_guest_for_a_date_not_planned_yet_plans_the_meeting(
    demo: Workspace, secretary: Person
) -> None:
    meeting = first_not_planned(rotation_plan(demo, 6))
    guest = meeting.guest.person
    meeting_id = accept_guest(demo, secretary, meeting.slot, guest.id)
    planned = meetings.get_meeting(demo.db, meeting_id)
    rules = demo.config.council
    assert planned.guest_id == guest.id and planned.status == "planned"
    assert planned.starts_at == datetime.combine(meeting.slot.day, rules.meeting_starts_at, demo.zone)
    assert planned.title == f"Council meeting {meeting.slot.day:%-d %B %Y}"
    assert planned.duration_minutes == rules.meeting_length_minutes and planned.location == ""
    assert guest.id in meetings.attendees(demo.db, meeting_id)
    assert (
        demo.db.value(
            "SELECT count(*) FROM audit_log WHERE entity = 'meeting' AND entity_id = ? AND person_id = ?",
            [str(meeting_id), secretary.id],
        )
        == 1
    )
    shown = next(m for m in rotation_plan(demo, 6).meetings if m.slot.day == meeting.slot.day)
    assert shown.slot.meeting_id == meeting_id and shown.guest.chosen and shown.guest.person == guest


def test_accepting_another_guest_for_a_planned_meeting_changes_its_guest(
    demo: Workspace, secretary: Person
) -> None:
    projected = first_not_planned(rotation_plan(demo, 6))
    meeting_id = accept_guest(demo, secretary, projected.slot, projected.guest.person.id)
    meeting = next(m for m in rotation_plan(demo, 6).meetings if m.slot.meeting_id == meeting_id)
    other = meeting.guest.candidates[0]
    assert accept_guest(demo, secretary, meeting.slot, other.id) == meeting_id
    assert meetings.get_meeting(demo.db, meeting_id).guest_id == other.id
    assert (
        demo.db.value(
            "SELECT count(*) FROM audit_log WHERE entity = 'meeting' AND entity_id = ? AND action = 'guest'",
            [str(meeting_id)],
        )
        == 1
    )


def test_a_council_member_as_guest_is_refused_and_no_meeting_is_planned(
    demo: Workspace, secretary: Person
) -> None:
    meeting = first_not_planned(rotation_plan(demo, 6))
    sitting = meeting.seats[0].holders[0].person
    with nothing_changes(demo), pytest.raises(ValidationError, match="holds a council seat"):
        accept_guest(demo, secretary, meeting.slot, sitting.id)


def test_the_guest_of_the_meeting_before_is_refused(demo: Workspace, secretary: Person) -> None:
    plan = rotation_plan(demo, 6)
    meeting = first_not_planned(plan)
    previous = plan.meetings[plan.meetings.index(meeting) - 1].guest.person
    with nothing_changes(demo), pytest.raises(ValidationError, match="twice in a row"):
        accept_guest(demo, secretary, meeting.slot, previous.id)


def test_a_date_planned_meanwhile_is_not_planned_twice(demo: Workspace, secretary: Person) -> None:
    meeting = first_not_planned(rotation_plan(demo, 6))
    accept_guest(demo, secretary, meeting.slot, meeting.guest.person.id)
    stale = MeetingSlot(meeting.slot.day)
    with nothing_changes(demo), pytest.raises(Conflict, match="planned for that day in the meantime"):
        accept_guest(demo, secretary, stale, meeting.guest.candidates[0].id)
