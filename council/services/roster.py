"""The roster: the people a workspace knows, with the roles that say what each may do."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from council.domain.audit import changed_fields
from council.domain.checks import check_choice, clean_text
from council.domain.errors import NotFound, ValidationError
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.domain.records import saved_id
from council.domain.vocabulary import Role
from council.i18n import _
from council.services import sessions
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.workspace import Workspace
from council.store import accounts, people
from council.store.database import Transaction

ENTITY = "person"
EDITABLE = ("name", "email", "department", "role_title", "roles", "active")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class RosterLine:
    """A person as the secretary's roster shows them, with how they stand with signing in."""

    person: Person
    has_password: bool
    locked_until: datetime | None  # set only while locked
    last_sign_in_at: datetime | None


@as_on_roster
def roster_lines(ws: Workspace, actor: Person | None) -> list[RosterLine]:
    """Everyone the workspace knows, those who left included, by name (secretary only)."""
    # Translators: completes "Only … may …"
    require(actor, Task.ROSTER, _("see the whole roster with its sign-in details"))
    now = ws.now()
    by_person = {a.person_id: a for a in accounts.accounts(ws.db)}
    lines = []
    for person in people.list_people(ws.db, active_only=False):
        account = by_person.get(saved_id(person))
        locked_until = account.locked_until if account is not None and account.locked_at(now) else None
        lines.append(RosterLine(person, account is not None, locked_until,
                                account.last_sign_in_at if account else None))  # fmt: skip
    return sorted(lines, key=lambda line: (not line.person.active, line.person.name.lower(), line.person.id))


@as_on_roster
def add_person(ws: Workspace, actor: Person | None, draft: Person) -> int:
    """Put someone on the roster (secretary only): a name, an e-mail address to sign in with, roles."""
    # Translators: completes "Only … may …"
    require(actor, Task.ROSTER, _("add people to the roster"))
    person = _checked(ws, draft)

    def write(tx: Transaction) -> int:
        _address_free(tx, person.email)
        person_id = people.add_person(tx, person)
        record(tx, actor, "create", ENTITY, person_id, {"name": person.name, "roles": list(person.roles)})
        return person_id

    return ws.db.write(write)


@as_on_roster
def edit_person(
    ws: Workspace, actor: Person | None, person_id: int, draft: Person
) -> dict[str, list[object]]:
    """Change a person's name, e-mail address, department, job title, roles or whether they are still on the
    roster (secretary only); returns what changed, before and after."""
    # Translators: completes "Only … may …"
    require(actor, Task.ROSTER, _("change people on the roster"))
    checked = _checked(ws, draft)

    def write(tx: Transaction) -> dict[str, list[object]]:
        before = people.get_person(tx, person_id)
        if before is None:
            raise NotFound(_("Person #{id} is not on the roster.").format(id=person_id))
        after = replace(before, name=checked.name, email=checked.email, department=checked.department,
                        role_title=checked.role_title, roles=tuple(sorted(checked.roles)), active=checked.active)  # fmt: skip
        changes = changed_fields(before, after, EDITABLE)
        if not changes:
            return {}
        _keep_a_secretary(tx, before, after)
        if "email" in changes:
            _address_free(tx, after.email, person_id)
            people.set_email(tx, person_id, after.email)
        people.update_person(tx, after)
        if "roles" in changes:
            people.set_roles(tx, person_id, after.roles)
        if before.active and not after.active:  # whoever left is signed out everywhere at once
            sessions.end_all(tx, person_id, ws.now(), "left the roster")
        record(tx, actor, "update", ENTITY, person_id, {"name": after.name, "changes": changes})
        return changes

    return ws.db.write(write)


def _address_free(tx: Transaction, email: str | None, person_id: int | None = None) -> None:
    other = people.person_by_email(tx, email) if email else None
    if other is not None and other.id != person_id:
        raise ValidationError(
            _("{name} on the roster already has the e-mail address {email}.").format(
                name=other.name, email=email
            ),
            "email",
        )


def _keep_a_secretary(tx: Transaction, before: Person, after: Person) -> None:
    """Someone must keep the roster: the last active secretary cannot lose the role or leave."""
    was = before.active and before.has_role(Role.SECRETARY)
    still = after.active and after.has_role(Role.SECRETARY)
    others = [p for p in people.list_people(tx) if p.has_role(Role.SECRETARY) and p.id != before.id]
    if was and not still and not others:
        raise ValidationError(
            _(
                "{name} is the only secretary, and without one nobody can change the roster. "
                "Give someone else the secretary role first."
            ).format(name=before.name),
            "roles",
        )


def _checked(ws: Workspace, draft: Person) -> Person:
    name = clean_text(draft.name, _("The name"), limit=200, field="name")
    role_title = clean_text(
        draft.role_title, _("The job title"), required=False, limit=200, field="role_title"
    )
    email = (draft.email or "").strip() or None
    if email is not None and not _EMAIL.match(email):
        raise ValidationError(
            _("{email} does not look like an e-mail address (name@example.org).").format(email=repr(email)),
            "email",
        )
    if draft.department is not None:
        check_choice(draft.department, ws.config.ids("department"), _("The department"), field="department")
    for role in draft.roles:
        check_choice(role, [r.value for r in Role], _("The role"), field="roles")
    return replace(
        draft, name=name, role_title=role_title, email=email, roles=tuple(dict.fromkeys(draft.roles)), id=None
    )
