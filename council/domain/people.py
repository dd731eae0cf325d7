"""People on the roster and their terms on a department's council seat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from council.i18n import N_


@dataclass(frozen=True)
class Person:
    name: str
    department: str | None  # None for people from outside, such as customers
    email: str | None = None
    role_title: str = ""
    roles: tuple[str, ...] = ()
    is_external: bool = False
    active: bool = True
    guest_kind: str | None = None  # a guest kind from the config, for a voice beyond a department
    id: int | None = None

    def has_role(self, role: str) -> bool:
        return role in self.roles

    @property
    def voice(self) -> str | None:
        """Whose perspective this person brings as a guest: their guest kind, else their department."""
        return self.guest_kind or self.department


@dataclass(frozen=True)
class CouncilTerm:
    person_id: int
    department: str
    starts_on: date
    ends_on: date | None = None
    id: int | None = None

    def is_current(self, today: date) -> bool:
        return self.starts_on <= today and (self.ends_on is None or today <= self.ends_on)


# Whoever runs the command line on the workspace's own machine: they hold the database file, so they
# may do what the secretary does. Audit entries show them as "the command line" (no person id). Its
# name is marked for translation; `permissions` shows it in the reader's language.
OPERATOR = Person(N_("The command line"), None, roles=("secretary",))
