"""Local accounts: the secretary (or the command line) sets passwords and lifts locks, and people change
their own. Signing in with them, and how wrong passwords slow further tries down, is in `signing_in`.

Passwords are hashed with Argon2 (argon2-cffi); only the hash is stored, never the password.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from council.domain.accounts import Account
from council.domain.errors import NotAllowed, NotFound, ValidationError
from council.domain.people import Person
from council.domain.permissions import Task, may, require
from council.domain.records import saved_id
from council.i18n import _
from council.services import passwords, sessions
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.workspace import Workspace
from council.store import accounts, people, throttle
from council.store.database import Transaction

ENTITY = "account"


@dataclass(frozen=True)
class AccountLine:
    """An account as the secretary's list shows it."""

    person: Person
    account: Account
    locked: bool


def may_manage_accounts(actor: Person | None) -> bool:
    return may(actor, Task.ROSTER)


@as_on_roster
def set_password(ws: Workspace, actor: Person | None, person_id: int, password: str, confirm: str) -> None:
    """Give a person on the roster a (new) password; it also lifts a lock. Secretary only."""
    require(actor, Task.ROSTER, _("set passwords for other people"))
    person = _person(ws, person_id)
    save_password(ws, actor, person, password, confirm, "set_password")


@as_on_roster
def set_password_by_email(
    ws: Workspace, actor: Person | None, email: str, password: str, confirm: str
) -> Person:
    """`set_password` for the person with this e-mail address on the roster; returns them."""
    person = people.person_by_email(ws.db, email) if email.strip() else None
    if person is None or person.id is None:
        raise NotFound(
            _("Nobody on the roster has the e-mail address {address}. Check the spelling.").format(
                address=repr(email)
            )
        )
    set_password(ws, actor, person.id, password, confirm)
    return person


@as_on_roster
def unlock(ws: Workspace, actor: Person | None, person_id: int) -> None:
    """Let the next try through at once after wrong passwords, keeping the password (secretary only)."""
    require(actor, Task.ROSTER, _("unlock accounts"))
    person = _person(ws, person_id)

    def write(tx: Transaction) -> None:
        account = accounts.get_account(tx, person_id)
        if account is None:
            raise NotFound(
                _("{name} has no password yet, so there is nothing to unlock.").format(name=person.name)
            )
        accounts.record_failure(tx, person_id, 0, None)
        throttle.forget_account(tx, person_id)
        record(tx, actor, "unlock", ENTITY, person_id, {"person": person.name})

    ws.db.write(write)


@as_on_roster
def change_own_password(ws: Workspace, me: Person | None, current: str, password: str, confirm: str) -> None:
    """A signed-in person replaces their password, proving they know the current one."""
    if me is None or me.id is None:
        raise NotAllowed(_("Sign in first: only someone on the council's roster has a password to change."))
    account = accounts.get_account(ws.db, me.id)
    if account is None or not passwords.matches(account.password_hash, current):
        raise ValidationError(_("Your current password is not right."), "current")
    save_password(ws, me, me, password, confirm, "change_password")


def account_lines(ws: Workspace) -> list[AccountLine]:
    """Every local account with its person, by name; for the secretary."""
    by_id = {p.id: p for p in people.list_people(ws.db, active_only=False)}
    now = ws.now()
    found = [AccountLine(by_id[a.person_id], a, a.locked_at(now)) for a in accounts.accounts(ws.db)]
    return sorted(found, key=lambda line: (line.person.name, line.person.id))


def people_without_password(ws: Workspace) -> list[Person]:
    """Everyone on the roster with an address to sign in with but no password yet, by name."""
    with_one = {a.person_id for a in accounts.accounts(ws.db) if a.password_hash}
    return [p for p in people.list_people(ws.db) if p.email and p.id not in with_one]


def save_password(
    ws: Workspace, actor: Person | None, person: Person, password: str, confirm: str, action: str,
    also: Callable[[Transaction], None] | None = None,
) -> None:  # fmt: skip
    """Check and store a person's new password, forgetting wrong tries and ending their sign-ins, with
    `also` in the same transaction; the caller has checked that `actor` may."""
    if not person.email:
        raise ValidationError(
            _(
                "{name} has no e-mail address on the roster, and people sign in with it. Add one first."
            ).format(name=person.name),
            "person",
        )
    if password != confirm:
        raise ValidationError(
            _("The two passwords are not the same. Type the new password twice."), "confirm"
        )
    passwords.acceptable(password, person, ws.config.organisation)
    password_hash = passwords.hash_password(password)
    person_id = saved_id(person)

    def write(tx: Transaction) -> None:
        accounts.set_password_hash(tx, person_id, password_hash)  # and forgets the wrong tries at it
        throttle.forget_account(tx, person_id)
        sessions.end_all(tx, person_id, ws.now(), "new password")  # an old sign-in ends with the old password
        record(tx, actor, action, ENTITY, person_id, {"person": person.name})  # never the password
        if also is not None:
            also(tx)

    ws.db.write(write)


def _person(ws: Workspace, person_id: int) -> Person:
    person = people.get_person(ws.db, person_id)
    if person is None:
        raise NotFound(_("Person #{id} is not on the roster.").format(id=person_id))
    return person
