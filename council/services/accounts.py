"""Local accounts: the secretary (or the command line) sets passwords, people sign in with their
e-mail address, and five wrong passwords in a row lock an account for a quarter of an hour.

Passwords are hashed with Argon2 (argon2-cffi); only the hash is stored, never the password.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from council.domain.accounts import LOCK_AFTER, LOCK_FOR, Account
from council.domain.errors import NotAllowed, NotFound, SignInFailed, ValidationError
from council.domain.people import Person
from council.domain.permissions import Task, may, require
from council.services import passwords
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.workspace import Workspace
from council.store import accounts, people
from council.store.database import Transaction

ENTITY = "account"
WRONG = "The e-mail address or the password is not right. Check both and try again."


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
    require(actor, Task.ROSTER, "set passwords for other people")
    person = _person(ws, person_id)
    _save_password(ws, actor, person, password, confirm, "set_password")


@as_on_roster
def unlock(ws: Workspace, actor: Person | None, person_id: int) -> None:
    """Lift a lock after too many wrong passwords, keeping the password (secretary only)."""
    require(actor, Task.ROSTER, "unlock accounts")
    person = _person(ws, person_id)

    def write(tx: Transaction) -> None:
        account = accounts.get_account(tx, person_id)
        if account is None:
            raise NotFound(f"{person.name} has no password yet, so there is nothing to unlock.")
        accounts.record_failure(tx, person_id, 0, None)
        record(tx, actor, "unlock", ENTITY, person_id, {"person": person.name})

    ws.db.write(write)


@as_on_roster
def change_own_password(ws: Workspace, me: Person | None, current: str, password: str, confirm: str) -> None:
    """A signed-in person replaces their password, proving they know the current one."""
    if me is None or me.id is None:
        raise NotAllowed("Sign in first: only someone on the council's roster has a password to change.")
    account = accounts.get_account(ws.db, me.id)
    if account is None or not passwords.matches(account.password_hash, current):
        raise ValidationError("Your current password is not right.", "current")
    _save_password(ws, me, me, password, confirm, "change_password")


def sign_in(ws: Workspace, email: str, password: str) -> Person:
    """The person whose e-mail address and password these are; anything else is one `SignInFailed`."""
    now = ws.now()
    person = people.person_by_email(ws.db, email) if email.strip() else None
    account = accounts.get_account(ws.db, person.id) if person and person.id is not None else None
    if person is None or account is None or not person.active:
        passwords.matches(_dummy_hash(), password)  # as slow as a real check: timing tells nothing
        raise SignInFailed(WRONG)
    if account.locked_at(now):
        raise SignInFailed(_locked_message(ws, account.locked_until))
    if not passwords.matches(account.password_hash, password):
        locked_until = ws.db.write(lambda tx: _failed(tx, person, now))
        raise SignInFailed(_locked_message(ws, locked_until) if locked_until else WRONG)
    new_hash = (
        passwords.hash_password(password)
        if passwords.hasher().check_needs_rehash(account.password_hash)
        else None
    )

    def succeeded(tx: Transaction) -> None:
        accounts.record_sign_in(tx, person.id, now, new_hash)
        record(tx, person, "sign_in", ENTITY, person.id, {})

    ws.db.write(succeeded)
    return person


def identified(ws: Workspace, email: str | None, verified: bool | None) -> Person:
    """The person on the roster whom the organisation's sign-in (OpenID Connect) names by this e-mail
    address. `verified` is the provider's word on the address; only a plain "no" is refused, since
    some providers vouch for every address they give and say nothing."""
    address = (email or "").strip()
    if not address:
        raise SignInFailed(
            "Your organisation's sign-in did not tell us your e-mail address, and the council's roster "
            "knows people by it. Ask whoever runs this workspace to have the sign-in share it."
        )
    if verified is False:
        raise SignInFailed(
            f"Your organisation's sign-in has not confirmed the address {address}. Confirm it there first."
        )
    person = people.person_by_email(ws.db, address)
    if person is None or not person.active:
        raise SignInFailed(
            f"{address} is not on the council's roster. Ask the council's secretary to add you with this "
            "address, then sign in again."
        )
    ws.db.write(lambda tx: record(tx, person, "sign_in", ENTITY, person.id, {"via": "organisation"}))
    return person


def account_lines(ws: Workspace) -> list[AccountLine]:
    """Every local account with its person, by name; for the secretary."""
    by_id = {p.id: p for p in people.list_people(ws.db, active_only=False)}
    now = ws.now()
    found = [AccountLine(by_id[a.person_id], a, a.locked_at(now)) for a in accounts.accounts(ws.db)]
    return sorted(found, key=lambda line: (line.person.name, line.person.id))


def _save_password(
    ws: Workspace, actor: Person | None, person: Person, password: str, confirm: str, action: str
) -> None:  # fmt: skip
    if not person.email:
        raise ValidationError(
            f"{person.name} has no e-mail address on the roster, and people sign in with it. Add one first.",
            "person",
        )
    if password != confirm:
        raise ValidationError("The two passwords are not the same. Type the new password twice.", "confirm")
    passwords.acceptable(password, person, ws.config.organisation)
    password_hash = passwords.hash_password(password)

    def write(tx: Transaction) -> None:
        accounts.set_password_hash(tx, person.id, password_hash)
        record(tx, actor, action, ENTITY, person.id, {"person": person.name})  # never the password

    ws.db.write(write)


def _failed(tx: Transaction, person: Person, now: datetime) -> datetime | None:
    """Count a wrong password; the LOCK_AFTER-th in a row locks the account (and starts the count anew)."""
    account = accounts.get_account(tx, person.id)
    failures = (account.failed_attempts if account else 0) + 1
    locked_until = now + LOCK_FOR if failures >= LOCK_AFTER else None
    accounts.record_failure(tx, person.id, 0 if locked_until else failures, locked_until)
    details = {"failed_attempts": failures} | (
        {"locked_until": locked_until.isoformat()} if locked_until else {}
    )
    record(tx, None, "lock" if locked_until else "sign_in_failed", ENTITY, person.id, details)
    return locked_until


def _locked_message(ws: Workspace, until: datetime | None) -> str:
    when = f"{until.astimezone(ws.zone):%H:%M}" if until else "a quarter of an hour"
    return (
        f"This account is locked after {LOCK_AFTER} wrong passwords in a row. Try again after {when}, "
        "or ask the council's secretary to set a new password."
    )


def _person(ws: Workspace, person_id: int) -> Person:
    person = people.get_person(ws.db, person_id)
    if person is None:
        raise NotFound(f"Person #{person_id} is not on the roster.")
    return person


@cache
def _dummy_hash() -> str:
    return passwords.hash_password("a password nobody has")
