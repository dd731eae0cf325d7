"""The roster: the people a workspace knows, with the roles that say what each may do."""

from __future__ import annotations

import re
from dataclasses import replace

from council.domain.checks import check_choice, clean_text
from council.domain.errors import ValidationError
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.domain.vocabulary import Role
from council.services.history import record
from council.services.workspace import Workspace
from council.store import people
from council.store.database import Transaction

ENTITY = "person"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def add_person(ws: Workspace, actor: Person | None, draft: Person) -> int:
    """Put someone on the roster (secretary only): a name, an e-mail address to sign in with, roles."""
    require(actor, Task.ROSTER, "add people to the roster")
    person = _checked(ws, draft)

    def write(tx: Transaction) -> int:
        if person.email and people.person_by_email(tx, person.email) is not None:
            raise ValidationError(
                f"Someone on the roster already has the e-mail address {person.email}.", "email"
            )
        person_id = people.add_person(tx, person)
        record(tx, actor, "create", ENTITY, person_id, {"name": person.name, "roles": list(person.roles)})
        return person_id

    return ws.db.write(write)


def _checked(ws: Workspace, draft: Person) -> Person:
    name = clean_text(draft.name, "The name", limit=200, field="name")
    email = (draft.email or "").strip() or None
    if email is not None and not _EMAIL.match(email):
        raise ValidationError(f"{email!r} does not look like an e-mail address (name@example.org).", "email")
    if draft.department is not None:
        check_choice(draft.department, ws.config.ids("department"), "The department", field="department")
    for role in draft.roles:
        check_choice(role, [r.value for r in Role], "The role", field="roles")
    return replace(draft, name=name, email=email, roles=tuple(dict.fromkeys(draft.roles)), id=None)
