"""The council's rotation: when it meets, and a plan for the meetings ahead (its shape is in
`rotation_plan`, the rules of terms in `terms`).

The plan simulates forward: a suggested successor holds the seat in the meetings after, and a
suggested guest counts as heard, so every meeting's suggestion builds on the ones before it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from council.domain.people import CouncilTerm, Person
from council.domain.records import saved_id
from council.domain.rotation_plan import (
    DepartmentSeats,
    GuestChoice,
    MeetingSlot,
    PlannedMeeting,
    RotationPlan,
    SeatHolder,
    Vacancy,
)
from council.domain.terms import overlaps, term_end
from council.domain.workspace import WorkspaceConfig
from council.i18n import _, ngettext
from council.i18n import formats as fmt

RECENT_DAYS = 92  # a term that ended within about three months counts as just ended
HEARD_WINDOW = 24  # meetings looked back on to see whose voice the council heard least


def meeting_dates(first: date, every_weeks: int, count: int) -> list[date]:
    """`count` meeting days on the cadence, starting with `first`."""
    return [first + timedelta(weeks=every_weeks * n) for n in range(count)]


def plan_rotation(
    config: WorkspaceConfig,
    slots: Sequence[MeetingSlot],
    people: Iterable[Person],
    terms: Iterable[CouncilTerm],
    history: Iterable[tuple[date, int | None]],
) -> RotationPlan:
    """One `PlannedMeeting` per slot (in date order): its seats, vacancies with successors, and its guest.

    `history` holds (day, guest id or None) of the other meetings, before and after the slots;
    `people` everyone who ever was on the roster, inactive people included.
    """
    planner = _Planner(config, sorted(slots, key=lambda s: s.day), list(people), terms, history)
    return RotationPlan(tuple(planner.plan(i) for i in range(len(planner.slots))))


@dataclass
class _Held:
    """A meeting as the planner walks the timeline: its day, its guest, and its slot if it is one."""

    day: date
    guest_id: int | None
    slot: int | None = None


class _Planner:
    def __init__(
        self,
        config: WorkspaceConfig,
        slots: list[MeetingSlot],
        people: list[Person],
        terms: Iterable[CouncilTerm],
        history: Iterable[tuple[date, int | None]],
    ) -> None:
        self.config, self.rules, self.slots = config, config.council, slots
        self.people = sorted(people, key=lambda p: (p.name, p.id or 0))
        self.by_id = {p.id: p for p in self.people}
        self.terms: list[tuple[CouncilTerm, bool]] = [(t, False) for t in terms]  # (term, suggested)
        # Every meeting in date order; a slot's guest is filled in as it is planned.
        timeline = [_Held(d, g) for d, g in history] + [
            _Held(s.day, s.guest_id, i) for i, s in enumerate(slots)
        ]
        self.timeline = sorted(timeline, key=lambda e: (e.day, e.slot is not None, e.slot or 0))

    def plan(self, index: int) -> PlannedMeeting:
        slot = self.slots[index]
        after = (
            self.slots[index + 1].day
            if index + 1 < len(self.slots)
            else slot.day + timedelta(weeks=self.rules.meeting_every_weeks)
        )
        seats = tuple(
            self.seats(slot, dept, count, after) for dept, count in self.rules.seats.items() if count
        )
        guest = self.guest(index)
        self.timeline[self._position(index)].guest_id = guest.person.id if guest.person else None
        return PlannedMeeting(slot, seats, guest)

    # Seats

    def seats(self, slot: MeetingSlot, department: str, count: int, after: date) -> DepartmentSeats:
        holding = [(t, s) for t, s in self.terms if t.department == department and t.is_current(slot.day)]
        holders = tuple(
            SeatHolder(
                self._person(t.person_id, department),
                t.ends_on,
                suggested,
                rotates_out=t.ends_on is not None and t.ends_on < after,
            )
            for t, suggested in holding
        )
        vacancies = tuple(self.vacancy(slot, department) for _ in range(count - len(holding)))
        return DepartmentSeats(department, count, holders, vacancies)

    def vacancy(self, slot: MeetingSlot, department: str) -> Vacancy:
        name = self.config.name_of("department", department)
        ends_on = term_end(slot.day, self.rules)
        candidates = self.successors(department, slot.day, ends_on)
        if not candidates:
            return Vacancy(
                department,
                None,
                _(
                    "Nobody from {department} is free to take this seat: add someone from {department} to the roster."
                ).format(department=name),
            )
        best = candidates[0]
        reason = self.successor_reason(best, slot.day, alone=len(candidates) == 1)
        self.terms.append((CouncilTerm(saved_id(best), department, slot.day, ends_on), True))
        return Vacancy(department, best, reason, tuple(candidates))

    def successors(self, department: str, starts_on: date, ends_on: date) -> list[Person]:
        """Who could take a seat: members first, never served first, then longest since they served."""
        guests = {s.guest_id for s in self.slots if s.guest_id and starts_on <= s.day <= ends_on}
        busy = {t.person_id for t, _ in self.terms if overlaps(t, starts_on, ends_on)} | guests
        free = [
            p
            for p in self.people
            if p.active and not p.is_external and p.department == department
            and not p.has_role("executive") and p.id not in busy
        ]  # fmt: skip
        return sorted(free, key=lambda p: (not p.has_role("member"), self._last_served(p.id) or date.min))

    def successor_reason(self, person: Person, starts_on: date, *, alone: bool) -> str:
        last = self._last_served(person.id)
        if last is None:
            if not person.has_role("member"):
                return _("Never served on the council; not a council member yet, nobody else is free")
            return _("Never served on the council")
        if not person.has_role("member"):
            reason = _("Served last until {day}; not a council member yet, nobody else is free")
        elif (starts_on - last).days <= RECENT_DAYS and alone:
            reason = _(
                "Served last until {day}; their term just ended, but nobody else from the department is free"
            )
        elif (starts_on - last).days <= RECENT_DAYS:
            reason = _("Served last until {day}; their term just ended")
        else:
            reason = _("Served last until {day}")
        return reason.format(day=_day(last))

    def _last_served(self, person_id: int | None) -> date | None:
        ends = [t.ends_on for t, _ in self.terms if t.person_id == person_id and t.ends_on]
        return max(ends, default=None)

    # Guests

    def guest(self, index: int) -> GuestChoice:
        slot = self.slots[index]
        position = self._position(index)
        before, later = self.timeline[:position], self.timeline[position + 1 :]
        pause = self.rules.guest_pause_meetings
        window = max(pause, 1)  # whatever the pause, nobody is guest twice in a row
        recent = {e.guest_id for e in before[-window:]} | {e.guest_id for e in later[:window]}
        heard = Counter(self._voice(e.guest_id) for e in before[-HEARD_WINDOW:] if e.guest_id is not None)
        times = Counter(e.guest_id for e in before if e.guest_id is not None)
        last = {e.guest_id: e.day for e in before if e.guest_id is not None}
        serving = {t.person_id for t, _ in self.terms if t.is_current(slot.day)}
        eligible = [
            p
            for p in self.people
            if p.active and p.has_role("guest") and p.id not in serving and p.id not in recent
            and p.id != slot.guest_id
        ]  # fmt: skip
        ranked = sorted(
            eligible,
            # A department with a seat is heard at every meeting already, so voices without one come
            # first; among those, the voice invited least often as a guest lately.
            key=lambda p: (
                self._has_seat(p.voice),
                heard[p.voice],
                times[saved_id(p)],
                last.get(saved_id(p), date.min),
            ),
        )
        if slot.guest_id is not None:
            chosen = self._person(slot.guest_id, None)
            return GuestChoice(chosen, True, self.guest_reason(chosen, heard), tuple(ranked))
        if not ranked:
            return GuestChoice(
                None,
                False,
                ngettext(
                    "Nobody on the roster can be the guest: everyone with the guest role holds a seat or was "
                    "a guest within {n} meeting. Add people with the guest role to the roster.",
                    "Nobody on the roster can be the guest: everyone with the guest role holds a seat or was "
                    "a guest within {n} meetings. Add people with the guest role to the roster.",
                    pause,
                ).format(n=fmt.number(pause)),
            )
        return GuestChoice(ranked[0], False, self.guest_reason(ranked[0], heard), tuple(ranked[1:]))

    def guest_reason(self, person: Person, heard: Counter[str | None]) -> str:
        n = heard[person.voice]
        if self._has_seat(person.voice):
            text = ngettext(
                "{voice} — heard {n} time in the last {window} meetings; has a seat on the council",
                "{voice} — heard {n} times in the last {window} meetings; has a seat on the council",
                n,
            )
        else:
            text = ngettext(
                "{voice} — heard {n} time in the last {window} meetings; no seat on the council",
                "{voice} — heard {n} times in the last {window} meetings; no seat on the council",
                n,
            )
        return text.format(
            voice=self.config.voice_name(person.voice), n=fmt.number(n), window=fmt.number(HEARD_WINDOW)
        )

    def _voice(self, person_id: int) -> str | None:
        person = self.by_id.get(person_id)
        return person.voice if person else None

    def _has_seat(self, voice: str | None) -> bool:
        return self.rules.seats.get(voice or "", 0) > 0

    # Shared

    def _position(self, index: int) -> int:
        return next(n for n, e in enumerate(self.timeline) if e.slot == index)

    def _person(self, person_id: int, department: str | None) -> Person:
        return self.by_id.get(person_id) or Person(
            _("Person #{id}").format(id=person_id), department, id=person_id
        )


def _day(day: date) -> str:
    return fmt.long_day(day)
