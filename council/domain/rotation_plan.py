"""The rotation plan's shape: the meetings ahead, each with its seats, vacancies, successors and guest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from council.domain.people import Person


@dataclass(frozen=True)
class MeetingSlot:
    """A meeting to plan for: one already planned (with its id and guest), or a date on the cadence."""

    day: date
    meeting_id: int | None = None
    guest_id: int | None = None

    @property
    def is_planned(self) -> bool:
        return self.meeting_id is not None


@dataclass(frozen=True)
class SeatHolder:
    person: Person
    ends_on: date | None
    suggested: bool = False  # holds the seat only once an earlier suggestion is accepted
    rotates_out: bool = False  # this is their last meeting: the term ends before the next one


@dataclass(frozen=True)
class Vacancy:
    department: str
    successor: Person | None  # the suggestion; None when nobody can take the seat
    reason: str
    candidates: tuple[Person, ...] = ()  # everyone who could take it, best first (the successor first)


@dataclass(frozen=True)
class DepartmentSeats:
    department: str
    seats: int
    holders: tuple[SeatHolder, ...]
    vacancies: tuple[Vacancy, ...]

    @property
    def rotating_out(self) -> tuple[SeatHolder, ...]:
        return tuple(h for h in self.holders if h.rotates_out)


@dataclass(frozen=True)
class GuestChoice:
    person: Person | None  # the meeting's guest, or the suggestion; None when nobody is eligible
    chosen: bool  # the meeting has this guest already
    reason: str
    candidates: tuple[Person, ...] = ()  # other people who could be the guest, best first


@dataclass(frozen=True)
class PlannedMeeting:
    slot: MeetingSlot
    seats: tuple[DepartmentSeats, ...]
    guest: GuestChoice

    @property
    def vacancies(self) -> tuple[Vacancy, ...]:
        return tuple(v for s in self.seats for v in s.vacancies)

    @property
    def rotating_out(self) -> tuple[SeatHolder, ...]:
        return tuple(h for s in self.seats for h in s.rotating_out)


@dataclass(frozen=True)
class RotationPlan:
    meetings: tuple[PlannedMeeting, ...]

    @property
    def open_vacancies(self) -> int:
        """Seats to fill: a seat still vacant at the next meeting counts once, not at every meeting."""
        most: dict[str, int] = {}
        for m in self.meetings:
            for department in {v.department for v in m.vacancies}:
                count = sum(v.department == department for v in m.vacancies)
                most[department] = max(most.get(department, 0), count)
        return sum(most.values())

    @property
    def nobody_to_suggest(self) -> bool:
        """Seats are vacant and nobody on the roster could take any of them, nor be a guest: a new roster."""
        vacancies = [v for m in self.meetings for v in m.vacancies]
        return (
            bool(vacancies)
            and not any(v.candidates or v.successor for v in vacancies)
            and not any(m.guest.person for m in self.meetings)
        )

    @property
    def guests_to_invite(self) -> int:
        return sum(1 for m in self.meetings if not m.guest.chosen)
