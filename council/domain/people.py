"""People on the roster and their terms on a department's council seat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Person:
    name: str
    department: str | None  # None for people from outside, such as customers
    email: str | None = None
    role_title: str = ""
    roles: tuple[str, ...] = ()
    is_external: bool = False
    active: bool = True
    id: int | None = None

    def has_role(self, role: str) -> bool:
        return role in self.roles


@dataclass(frozen=True)
class CouncilTerm:
    person_id: int
    department: str
    starts_on: date
    ends_on: date | None = None
    id: int | None = None

    def is_current(self, today: date) -> bool:
        return self.starts_on <= today and (self.ends_on is None or today <= self.ends_on)
