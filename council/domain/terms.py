"""Council terms: when a term ends, and who may take a vacant seat from a day on."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, timedelta

from council.domain.errors import ValidationError
from council.domain.people import CouncilTerm, Person
from council.domain.records import saved_id
from council.domain.workspace import CouncilRules, WorkspaceConfig
from council.i18n import _, ngettext
from council.i18n import formats as fmt


def term_end(starts_on: date, rules: CouncilRules) -> date:
    """The last day of a term that starts on a meeting day.

    A term of n meetings ends the day before the (n+1)th meeting on the cadence; a term of n months
    ends the day before the same day n months on (or on the month's last day when it has no such day).
    """
    if rules.term_unit == "months":
        return _months_on(starts_on, rules.term_length) - timedelta(days=1)
    return starts_on + timedelta(weeks=rules.term_length * rules.meeting_every_weeks) - timedelta(days=1)


def _months_on(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    last = calendar.monthrange(year, month)[1]
    # 31 January plus a month: 1 March, so the term still covers the whole of February.
    return date(year, month, day.day) if day.day <= last else date(year, month, last) + timedelta(days=1)


def check_successor(
    config: WorkspaceConfig,
    person: Person | None,
    department: str,
    starts_on: date,
    terms: Sequence[CouncilTerm],
    today: date,
) -> CouncilTerm:
    """The term that gives `person` a vacant `department` seat from `starts_on`, or a ValidationError."""
    rules = config.council
    name = config.name_of("department", department)
    seats = rules.seats.get(department, 0)
    if seats <= 0:
        raise ValidationError(
            _("{department} has no seat on the council, so there is no seat to fill.").format(
                department=name
            ),
            "department",
        )
    if person is None or not person.active:
        raise ValidationError(_("That person is no longer on the roster. Choose someone else."), "person")
    if person.is_external or person.department != department:
        raise ValidationError(
            _(
                "{name} does not work in {department}. A {department} seat goes to someone from {department}."
            ).format(name=person.name, department=name),
            "person",
        )
    if starts_on < today:
        raise ValidationError(
            _("{day} has already passed. A term starts at a meeting to come.").format(day=_day(starts_on)),
            "starts_on",
        )
    ends_on = term_end(starts_on, rules)
    for other in terms:
        if other.person_id == person.id and overlaps(other, starts_on, ends_on):
            seat = config.name_of("department", other.department)
            if other.ends_on:
                text = _(
                    "{name} holds the {seat} seat from {start} until {end} already. "
                    "Nobody holds two terms at once: choose someone else."
                )
            else:
                text = _(
                    "{name} holds the {seat} seat from {start} already. "
                    "Nobody holds two terms at once: choose someone else."
                )
            raise ValidationError(
                text.format(
                    name=person.name,
                    seat=seat,
                    start=_day(other.starts_on),
                    end=_day(other.ends_on) if other.ends_on else "",
                ),
                "person",
            )
    same_seat = [t for t in terms if t.department == department]
    # The seat is most taken on the new term's first day or on a day another term starts.
    checkpoints = [starts_on] + [t.starts_on for t in same_seat if starts_on < t.starts_on <= ends_on]
    for day in checkpoints:
        if sum(t.is_current(day) for t in same_seat) >= seats:
            raise ValidationError(
                ngettext(
                    "{department} has no vacant seat on {day}: its only seat is taken. "
                    "Look at the refreshed plan for the seats that are free.",
                    "{department} has no vacant seat on {day}: all {n} are taken. "
                    "Look at the refreshed plan for the seats that are free.",
                    seats,
                ).format(department=name, day=_day(day), n=fmt.number(seats)),
                "department",
            )
    return CouncilTerm(saved_id(person), department, starts_on, ends_on)


def overlaps(term: CouncilTerm, starts_on: date, ends_on: date) -> bool:
    return term.starts_on <= ends_on and (term.ends_on is None or term.ends_on >= starts_on)


def _day(day: date) -> str:
    return fmt.long_day(day)
