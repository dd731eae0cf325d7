"""The rotation plan: meeting dates, term ends, successors for vacant seats, and a fair guest each meeting."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest

from council.domain.errors import ValidationError
from council.domain.people import CouncilTerm, Person
from council.domain.rotation import HEARD_WINDOW, meeting_dates, plan_rotation
from council.domain.rotation_plan import MeetingSlot, RotationPlan
from council.domain.terms import check_successor, term_end
from council.domain.workspace import WorkspaceConfig

FIRST = date(2027, 1, 7)
MEETINGS = 24


def roster() -> list[Person]:
    """Three members for every seated department, executives, and guests bringing many voices."""
    people: list[Person] = []

    def add(name: str, department: str | None, roles: tuple[str, ...], guest_kind: str | None = None) -> None:
        people.append(Person(name, department, roles=roles, is_external=department is None,
                             guest_kind=guest_kind, id=len(people) + 1))  # fmt: skip

    for department in ("sales", "service", "logistics", "finance", "it", "marketing", "operations"):
        for n in range(3):
            add(f"{department.title()} member {n}", department, ("member",))
    add("Olga Executive", "operations", ("executive",))
    add("Hanna HR", "hr", ("guest",))
    add("Hugo HR", "hr", ("guest",))
    add("Tim Trainee", "operations", ("guest",), "trainee")
    add("Tara Trainee", "marketing", ("guest",), "trainee")
    add("Cor Critical", None, ("guest",), "critical_customer")
    add("Nina New", None, ("guest",), "new_customer")
    add("Frank Former", None, ("guest",), "former_customer")
    add("Fenna Finance", "finance", ("guest",))
    add("Fred Finance", "finance", ("guest",))
    add("Iris IT", "it", ("guest",))
    add("Sam Sales", "sales", ("guest",))
    return people


def slots(count: int = MEETINGS, every_weeks: int = 4) -> list[MeetingSlot]:
    return [MeetingSlot(d) for d in meeting_dates(FIRST, every_weeks, count)]


def plan(config: WorkspaceConfig, people=None, terms=(), history=(), meeting_slots=None) -> RotationPlan:
    return plan_rotation(config, meeting_slots or slots(), people or roster(), terms, history)


def guests(result: RotationPlan) -> list[int | None]:
    return [m.guest.person.id if m.guest.person else None for m in result.meetings]


def with_rules(config: WorkspaceConfig, **rules) -> WorkspaceConfig:
    return replace(config, council=replace(config.council, **rules))


# Dates


def test_meeting_dates_follow_the_cadence() -> None:
    assert meeting_dates(FIRST, 4, 3) == [FIRST, date(2027, 2, 4), date(2027, 3, 4)]


def test_a_term_of_meetings_ends_the_day_before_the_meeting_after_its_last(config: WorkspaceConfig) -> None:
    rules = config.council  # six meetings, every four weeks
    seventh = meeting_dates(FIRST, rules.meeting_every_weeks, 7)[-1]
    assert term_end(FIRST, rules) == seventh - timedelta(days=1)


@pytest.mark.parametrize(
    ("starts_on", "months", "ends_on"),
    [
        (date(2027, 1, 15), 3, date(2027, 4, 14)),
        (date(2027, 1, 31), 1, date(2027, 2, 28)),  # February has no 31st: the term covers all of it
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 5), 1, date(2027, 1, 4)),
        (date(2027, 3, 1), 12, date(2028, 2, 29)),
    ],
)
def test_a_term_of_months_ends_the_day_before_the_same_day_months_later(
    config: WorkspaceConfig, starts_on: date, months: int, ends_on: date
) -> None:
    rules = replace(config.council, term_unit="months", term_length=months)
    assert term_end(starts_on, rules) == ends_on


# Fairness over 24 simulated meetings


def test_every_seat_is_filled_in_every_one_of_24_meetings(config: WorkspaceConfig) -> None:
    result = plan(config)
    assert len(result.meetings) == MEETINGS
    for meeting in result.meetings:
        serving = [h.person.id for s in meeting.seats for h in s.holders]
        for seats in meeting.seats:
            filled = len(seats.holders) + sum(v.successor is not None for v in seats.vacancies)
            assert filled == config.council.seats[seats.department], (meeting.slot.day, seats.department)
            assert all(h.person.department == seats.department for h in seats.holders)
        successors = [v.successor.id for v in meeting.vacancies]
        assert len(set(serving + successors)) == len(serving) + len(successors)  # one seat each


def test_seats_turn_over_every_term_and_members_take_turns(config: WorkspaceConfig) -> None:
    result = plan(config)
    filled_at = [n for n, m in enumerate(result.meetings) if m.vacancies]
    assert filled_at == [0, 6, 12, 18]  # a term lasts six meetings
    assert all(len(result.meetings[n - 1].rotating_out) == 8 for n in filled_at[1:])
    sales = [result.meetings[n].vacancies[0].successor.name for n in filled_at]
    assert sales == ["Sales member 0", "Sales member 1", "Sales member 2", "Sales member 0"]


def test_no_guest_returns_within_the_pause_and_nobody_is_guest_twice_in_a_row(
    config: WorkspaceConfig,
) -> None:
    pause = config.council.guest_pause_meetings
    invited = guests(plan(config))
    assert None not in invited
    for n, guest in enumerate(invited):
        assert guest not in invited[max(0, n - pause) : n], f"meeting {n}"


def test_voices_without_a_seat_are_chosen_first_and_the_least_heard_of_them(config: WorkspaceConfig) -> None:
    people = {p.id: p for p in roster()}
    result = plan(config)
    seated = set(config.council.seats)
    heard: list[str | None] = []
    for meeting in result.meetings:
        counts = Counter(heard[-HEARD_WINDOW:])
        chosen = meeting.guest.person
        assert chosen.voice not in seated  # the roster always has a guest without a seat who may come
        unseated = [c for c in meeting.guest.candidates if c.voice not in seated]
        assert all(counts[chosen.voice] <= counts[c.voice] for c in unseated)
        heard.append(people[chosen.id].voice)
    # Over 24 meetings every voice without a seat is heard, and its people take turns evenly.
    outside = [p for p in people.values() if p.has_role("guest") and p.voice not in seated]
    assert set(heard) == {p.voice for p in outside}
    per_person = Counter(guests(result))
    assert max(per_person.values()) - min(per_person[p.id] for p in outside) <= 1


def test_a_guest_from_a_seated_department_is_suggested_when_nobody_else_may_come(
    config: WorkspaceConfig,
) -> None:
    people = [p for p in roster() if p.voice in config.council.seats or not p.has_role("guest")]
    people.append(Person("Hanna HR", "hr", roles=("guest",), id=999))
    result = plan(with_rules(config, guest_pause_meetings=2), people)
    invited = [m.guest.person for m in result.meetings]
    # Hanna is the only voice without a seat; while she waits out her pause, a seated department's turn.
    assert [n for n, p in enumerate(invited) if p.name == "Hanna HR"] == list(range(0, MEETINGS, 3))
    assert all(p.voice in config.council.seats for p in invited if p.name != "Hanna HR")
    assert "has a seat on the council" in result.meetings[1].guest.reason


def test_voices_without_a_seat_go_first_when_heard_as_often(config: WorkspaceConfig) -> None:
    first = plan(config).meetings[0].guest
    # Nobody was heard yet: voices without a seat first, then by name.
    assert first.person.name == "Cor Critical"
    assert first.reason == "Critical customer — heard 0 times in the last 24 meetings; no seat on the council"
    seated = [n for n, c in enumerate(first.candidates) if c.voice in config.council.seats]
    unseated = [n for n, c in enumerate(first.candidates) if c.voice not in config.council.seats]
    assert max(unseated) < min(seated)


def test_a_voice_heard_recently_waits_for_the_others(config: WorkspaceConfig) -> None:
    people = roster()
    by_name = {p.name: p.id for p in people}
    # Every outside voice and HR were heard once, long enough ago to be invited again; trainees never.
    heard = ["Frank Former", "Nina New", "Cor Critical", "Hanna HR", "Fenna Finance", "Iris IT", "Sam Sales"]
    history = [(FIRST - timedelta(weeks=4 * (20 - n)), by_name[name]) for n, name in enumerate(heard)]
    chosen = plan(config, people, history=history).meetings[0].guest
    assert chosen.person.name == "Tara Trainee"
    assert "Trainee — heard 0 times" in chosen.reason


def test_the_same_roster_in_any_order_gives_the_same_plan(config: WorkspaceConfig) -> None:
    people = roster()
    shuffled = people[:]
    random.Random(7).shuffle(shuffled)
    assert guests(plan(config, people)) == guests(plan(config, shuffled))
    assert plan(config, people) == plan(config, shuffled)


# Guests already invited, and who may not be a guest


def test_even_the_least_heard_voice_waits_out_the_pause(config: WorkspaceConfig) -> None:
    members = [p for p in roster() if not p.has_role("guest")]
    hr = [Person(f"HR guest {n}", "hr", roles=("guest",), id=900 + n) for n in range(7)]
    trainee = Person("The Trainee", "operations", roles=("guest",), guest_kind="trainee", id=999)
    invited = guests(plan(config, [*members, *hr, trainee]))
    # HR goes first by name; from then on the trainee is least heard, but waits six meetings each time.
    assert [n for n, g in enumerate(invited) if g == trainee.id] == [1, 8, 15, 22]


def test_two_guests_take_turns_and_the_last_guest_is_not_invited_again_first(config: WorkspaceConfig) -> None:
    two = [p for p in roster() if not p.has_role("guest")] + [
        Person("Anna Guest", "hr", roles=("guest",), id=901),
        Person("Bert Guest", "hr", roles=("guest",), id=902),
    ]
    result = plan(
        with_rules(config, guest_pause_meetings=1), two, history=[(FIRST - timedelta(weeks=4), 901)]
    )
    assert guests(result) == [902, 901] * (MEETINGS // 2)


def test_an_invited_guest_is_kept_and_counts_as_heard(config: WorkspaceConfig) -> None:
    people = roster()
    hugo = next(p for p in people if p.name == "Hugo HR")
    meeting_slots = slots(3)
    meeting_slots[1] = replace(meeting_slots[1], meeting_id=41, guest_id=hugo.id)
    result = plan(config, people, meeting_slots=meeting_slots)
    second = result.meetings[1].guest
    assert second.chosen and second.person == hugo and hugo not in second.candidates
    assert not result.meetings[0].guest.chosen
    # Hugo is not suggested right before or after his own meeting, and HR counts as heard after it.
    assert hugo.id not in (guests(result)[0], guests(result)[2])
    third = result.meetings[2].guest
    never_heard = [
        n
        for n, c in enumerate(third.candidates)
        if c.voice not in ("hr", result.meetings[0].guest.person.voice)
        and c.voice not in config.council.seats
    ]
    assert third.person.voice != "hr"
    assert min(n for n, c in enumerate(third.candidates) if c.voice == "hr") > max(never_heard)


def test_a_council_member_is_never_suggested_as_guest(config: WorkspaceConfig) -> None:
    people = [replace(p, roles=(*p.roles, "guest")) if p.name == "Sales member 0" else p for p in roster()]
    result = plan(config, people)
    for meeting in result.meetings:
        seated = {h.person.id for s in meeting.seats for h in s.holders} | {
            v.successor.id for v in meeting.vacancies
        }
        assert meeting.guest.person.id not in seated
        assert not seated & {c.id for c in meeting.guest.candidates}


def test_without_eligible_guests_the_plan_says_whom_to_add(config: WorkspaceConfig) -> None:
    members_only = [p for p in roster() if not p.has_role("guest")]
    choice = plan(config, members_only, meeting_slots=slots(1)).meetings[0].guest
    assert choice.person is None and "Add people with the guest role" in choice.reason


# Successors


def test_a_successor_who_never_served_comes_first_then_who_served_longest_ago(
    config: WorkspaceConfig,
) -> None:
    people = roster()
    sales = {p.name: p.id for p in people if p.department == "sales"}
    long_ago = FIRST - timedelta(days=400)
    terms = [
        CouncilTerm(
            sales["Sales member 0"], "sales", long_ago + timedelta(days=201), FIRST - timedelta(days=1)
        ),
        CouncilTerm(sales["Sales member 1"], "sales", long_ago, long_ago + timedelta(days=200)),
    ]
    vacancy = plan(config, people, terms, meeting_slots=slots(1)).meetings[0].seats[0].vacancies[0]
    # Members first (never served, then longest ago), then others of the department.
    assert [c.name for c in vacancy.candidates] == [
        "Sales member 2",
        "Sales member 1",
        "Sales member 0",
        "Sam Sales",
    ]
    assert vacancy.successor.name == "Sales member 2"
    assert vacancy.reason == "Never served on the council"
    assert vacancy.candidates[1].name == "Sales member 1"


def test_a_member_whose_term_just_ended_is_suggested_again_only_with_a_reason(
    config: WorkspaceConfig,
) -> None:
    people = [p for p in roster() if p.department != "sales" or p.name == "Sales member 0"]
    only = people[[p.name for p in people].index("Sales member 0")].id
    terms = [CouncilTerm(only, "sales", FIRST - timedelta(days=200), FIRST - timedelta(days=1))]
    vacancy = plan(config, people, terms, meeting_slots=slots(1)).meetings[0].seats[0].vacancies[0]
    assert vacancy.successor.name == "Sales member 0"
    assert vacancy.reason.endswith("their term just ended, but nobody else from the department is free")


def test_members_go_before_others_and_executives_never_take_a_seat(config: WorkspaceConfig) -> None:
    people = roster()
    ops = [p.id for p in people if p.department == "operations" and p.has_role("member")]
    busy = [CouncilTerm(i, "finance", FIRST, None) for i in ops]  # recorded oddly, but they are busy
    vacancy = plan(config, people, busy, meeting_slots=slots(1)).meetings[0]
    operations = next(s for s in vacancy.seats if s.department == "operations").vacancies[0]
    assert operations.successor.name == "Tim Trainee"
    assert "not a council member yet" in operations.reason
    assert all(not c.has_role("executive") for c in operations.candidates)


def test_a_seat_nobody_can_take_says_whom_to_add(config: WorkspaceConfig) -> None:
    people = [p for p in roster() if p.department != "finance"]
    meeting = plan(config, people, meeting_slots=slots(1)).meetings[0]
    finance = next(s for s in meeting.seats if s.department == "finance").vacancies[0]
    assert finance.successor is None
    assert "add someone from Finance & billing to the roster" in finance.reason


def test_a_suggested_successor_holds_the_seat_later_and_rotates_out_after_a_term(
    config: WorkspaceConfig,
) -> None:
    result = plan(config, meeting_slots=slots(7))
    sales = [next(s for s in m.seats if s.department == "sales") for m in result.meetings]
    suggested = sales[0].vacancies[0].successor
    for seat in sales[1:6]:
        assert [(h.person, h.suggested) for h in seat.holders] == [(suggested, True)]
    assert [h.rotates_out for h in sales[5].holders] == [True]
    assert sales[6].holders == () and sales[6].vacancies[0].successor != suggested


def test_a_term_ending_before_the_next_meeting_rotates_out(config: WorkspaceConfig) -> None:
    people = roster()
    holder = next(p for p in people if p.name == "Sales member 1")
    terms = [CouncilTerm(holder.id, "sales", FIRST - timedelta(days=60), FIRST + timedelta(days=10))]
    result = plan(config, people, terms, meeting_slots=slots(2))
    first, second = (next(s for s in m.seats if s.department == "sales") for m in result.meetings)
    assert [(h.person.name, h.rotates_out, h.suggested) for h in first.holders] == [
        ("Sales member 1", True, False)
    ]
    assert not first.vacancies and second.vacancies[0].successor.name == "Sales member 0"


# Accepting a successor


def test_check_successor_gives_a_term_of_the_configured_length(config: WorkspaceConfig) -> None:
    person = next(p for p in roster() if p.department == "it")
    term = check_successor(config, person, "it", FIRST, [], FIRST)
    assert term == CouncilTerm(person.id, "it", FIRST, term_end(FIRST, config.council))


@pytest.mark.parametrize(
    ("department", "who", "starts_on", "message"),
    [
        ("hr", "Hanna HR", FIRST, "HR has no seat on the council"),
        ("it", "Sales member 0", FIRST, "does not work in IT"),
        ("sales", "Cor Critical", FIRST, "does not work in Sales"),
        ("sales", "Sales member 2", FIRST - timedelta(days=1), "has already passed"),
        ("sales", "Sales member 1", FIRST, "holds the Sales seat from"),
        ("sales", "Sales member 2", FIRST, "Sales has no vacant seat on 7 January 2027"),
    ],
)
def test_check_successor_refuses_what_cannot_be(
    config: WorkspaceConfig, department: str, who: str, starts_on: date, message: str
) -> None:
    people = {p.name: p for p in roster()}
    terms = [
        CouncilTerm(
            people["Sales member 1"].id, "sales", FIRST - timedelta(days=30), FIRST + timedelta(days=60)
        )
    ]
    with pytest.raises(ValidationError, match=message):
        check_successor(config, people[who], department, starts_on, terms, FIRST)


def test_check_successor_refuses_a_seat_taken_later_in_the_term(config: WorkspaceConfig) -> None:
    people = {p.name: p for p in roster()}
    later = CouncilTerm(people["Sales member 1"].id, "sales", FIRST + timedelta(weeks=8), None)
    with pytest.raises(ValidationError, match="no vacant seat on 4 March 2027"):
        check_successor(config, people["Sales member 2"], "sales", FIRST, [later], FIRST)
