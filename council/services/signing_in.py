"""Signing in: with an e-mail address and the password of a local account, or by the organisation's own
sign-in (OpenID Connect). Wrong passwords slow further tries down, for the account and for the address they
come from (see `council.domain.accounts`); every refusal says the same after the same work, so nobody learns
which accounts exist. Setting passwords is in `accounts`.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from functools import cache

from council.domain.accounts import ACCOUNT_WAIT_CAP, CLIENT_WAIT_CAP, FORGET_AFTER, Account, wait_after
from council.domain.errors import SignInFailed
from council.domain.people import Person
from council.domain.records import saved_id
from council.i18n import N_, _
from council.services import passwords
from council.services.accounts import ENTITY
from council.services.history import record
from council.services.workspace import Workspace
from council.store import accounts, people, throttle
from council.store.database import Transaction

WRONG = N_(
    "The e-mail address or the password is not right, or there were several wrong tries just now. "
    "Check both, wait a minute and try again; the council's secretary can set a new password."
)  # shown with `_`
# Checking a password takes 64 MiB and a tenth of a second: only a few run at once, the rest wait their turn.
_CHECKS_AT_ONCE = threading.BoundedSemaphore(4)
_WAIT_FOR_A_CHECK_S = 10

log = logging.getLogger("council.sign_in")


def sign_in(ws: Workspace, email: str, password: str, client: str | None = None) -> Person:
    """The person whose e-mail address and password these are; anything else is one `SignInFailed`.

    An unknown address, a wrong password and a try that has to wait get the same answer after the same
    work (a password hash is always checked), so an attacker learns nothing about which accounts exist.
    `client` is the address the try comes from, when known: wrong tries from it slow it down.
    """
    now = ws.now()
    person = people.person_by_email(ws.db, email) if email.strip() else None
    account = _account_of(ws, person) if person is not None and person.active else None
    keys = _client_keys(account, client)
    waiting = _waiting(ws, account, keys, now)
    if not _CHECKS_AT_ONCE.acquire(timeout=_WAIT_FOR_A_CHECK_S):
        raise SignInFailed(_("Many people are signing in at this moment. Try again in a few seconds."))
    try:
        right = (
            passwords.matches(account.password_hash if account and not waiting else _dummy_hash(), password)
            and account is not None
            and not waiting
        )
    finally:
        _CHECKS_AT_ONCE.release()
    if not right:
        ws.db.write(lambda tx: _failed(tx, account, keys, now, counted=not waiting))
        log.info("sign-in refused, from %s", client or "an unknown address")  # never which address was typed
        raise SignInFailed(_(WRONG))
    assert person is not None and account is not None
    new_hash = (
        passwords.hash_password(password)
        if passwords.hasher().check_needs_rehash(account.password_hash)
        else None
    )
    person_id = saved_id(person)

    def succeeded(tx: Transaction) -> None:
        accounts.record_sign_in(tx, person_id, now, new_hash)
        # This account, from anywhere and from this address; the address's own count stays.
        throttle.forget(tx, [f"account:{person_id}", *keys[1:]])
        record(tx, person, "sign_in", ENTITY, person_id, {})

    ws.db.write(succeeded)
    log.info("sign-in: person #%s, from %s", person.id, client or "an unknown address")
    return person


def identified(ws: Workspace, email: str | None, verified: bool | str | None) -> Person:
    """The person on the roster whom the organisation's sign-in (OpenID Connect) names by this e-mail
    address. `verified` is the provider's word on the address, as it sent it (some send the text
    "false"); only a "no" is refused, since some providers vouch for every address they give and say
    nothing."""
    address = (email or "").strip()
    if not address:
        raise SignInFailed(
            _(
                "Your organisation's sign-in did not tell us your e-mail address, and the council's roster "
                "knows people by it. Ask whoever runs this workspace to have the sign-in share it."
            )
        )
    if not _confirmed(verified):
        raise SignInFailed(
            _(
                "Your organisation's sign-in has not confirmed the address {address}. Confirm it there first."
            ).format(address=address)
        )
    person = people.person_by_email(ws.db, address)
    if person is None or not person.active:
        raise SignInFailed(
            _(
                "{address} is not on the council's roster. Ask the council's secretary to add you with this "
                "address, then sign in again."
            ).format(address=address)
        )
    person_id = saved_id(person)
    ws.db.write(lambda tx: record(tx, person, "sign_in", ENTITY, person_id, {"via": "organisation"}))
    return person


def _confirmed(verified: bool | str | None) -> bool:
    """Whether the provider's word on an address lets it in: yes, or nothing said. A text is read as the
    word it spells; any other text counts as a no."""
    if isinstance(verified, str):
        return verified.strip().lower() in ("true", "1", "yes")
    return verified is not False


def may_try(ws: Workspace, person: Person | None, client: str | None) -> bool:
    """Whether a try for this person (None: unknown) from this client is checked now, not made to wait."""
    account = _account_of(ws, person)
    return not _waiting(ws, account, _client_keys(account, client), ws.now())


def count_wrong_try(ws: Workspace, person: Person | None, client: str | None) -> None:
    """A wrong try of another kind (a recovery code): it slows the next ones down like a wrong password."""
    now = ws.now()
    account = _account_of(ws, person)
    keys = _client_keys(account, client)
    counted = not _waiting(ws, account, keys, now)
    passwords.matches(_dummy_hash(), "")  # as slow as any other answer
    ws.db.write(lambda tx: _failed(tx, account, keys, now, counted=counted))


def _account_of(ws: Workspace, person: Person | None) -> Account | None:
    return accounts.get_account(ws.db, person.id) if person and person.id is not None else None


def _waiting(ws: Workspace, account: Account | None, keys: list[str], now: datetime) -> bool:
    """Whether the next try must wait: the account, or the address it comes from, had wrong ones just now."""
    return (account is not None and account.locked_at(now)) or throttle.blocked(ws.db, keys, now)


def _client_keys(account: Account | None, client: str | None) -> list[str]:
    """The throttle's keys for a try: the client address, then this account from that address."""
    if not client:
        return []
    return [f"client:{client}"] + ([f"pair:{account.person_id}:{client}"] if account else [])


def _failed(
    tx: Transaction, account: Account | None, keys: list[str], now: datetime, *, counted: bool
) -> None:
    """Count a wrong try, and make the next one wait the longer; a try made while waiting is not counted,
    so nobody can keep an account waiting by trying on. Counted or not, and whether the address names an
    account or nobody (person 0, whose rows nothing asks about), the same rows are read and written, so
    how long the answer takes tells nothing."""
    person_id = account.person_id if account is not None else 0
    client = keys[0].split(":", 1)[1] if keys else None
    capped = [(f"account:{person_id}", ACCOUNT_WAIT_CAP)]
    if client is not None:
        capped += [(f"client:{client}", CLIENT_WAIT_CAP), (f"pair:{person_id}:{client}", CLIENT_WAIT_CAP)]
    forget_before = now - FORGET_AFTER
    waits: dict[str, datetime | None] = {}
    for key, cap in capped:
        n = throttle.failures(tx, key, forget_before) + counted
        wait = wait_after(n, cap)
        waits[key] = now + wait if wait else None
        if counted:
            throttle.record_failure(tx, key, n, now, waits[key])
        else:
            throttle.keep(tx, key)
    if counted:  # the account's own count and wait, for the roster
        n, until = throttle.failures(tx, capped[0][0], forget_before), waits[capped[0][0]]
    else:
        n, until = (account.failed_attempts, account.locked_until) if account is not None else (0, None)
    accounts.record_failure(tx, person_id, n, until)
    details: dict[str, object] = {"client": client} if client is not None else {}
    if not counted:
        details["while_waiting"] = True
    elif account is not None:
        details |= {"failed_attempts": n} | ({"wait_until": until.isoformat()} if until else {})
    record(tx, None, "sign_in_failed", ENTITY, person_id, details)


@cache
def _dummy_hash() -> str:
    return passwords.hash_password("a password nobody has")
