"""Setting a first password from a link in a mail: someone without one yet (a guest from outside the
council, a new member) gets a link with their invitation that works once, for two weeks."""

from __future__ import annotations

import secrets
from datetime import timedelta

from council.domain.errors import SignInFailed
from council.domain.people import Person
from council.i18n import N_, _
from council.services import accounts, passwords
from council.services.workspace import Workspace
from council.store import accounts as account_store
from council.store import password_links as store
from council.store import people
from council.store.database import Query, Transaction

PATH = "/auth/set-password"
LASTS = timedelta(days=14)
EXPIRED = N_(
    "This link no longer works: it was used already, or it is more than two weeks old. Ask the council's "
    "secretary for a new password, or use the link in a newer mail."
)  # shown with `_`


def needs_password(q: Query, ws: Workspace, person_id: int) -> bool:
    """Whether this person signs in with a password of the workspace and has none yet."""
    if not ws.config.local_accounts:
        return False
    account = account_store.get_account(q, person_id)
    return account is None or not account.password_hash


def new_link(tx: Transaction, ws: Workspace, person_id: int) -> str:
    """Inside a write: a fresh link for `person_id` to set their password with (the address to put in a mail)."""
    token = secrets.token_urlsafe(32)
    now = ws.now()
    store.add_link(tx, person_id, passwords.digest(token), now, now + LASTS)
    return f"{ws.config.email.public_url.rstrip('/')}{PATH}?token={token}"


def person_of_link(ws: Workspace, token: str) -> Person | None:
    """Whose link this is, while it still works and they are on the roster."""
    found = store.usable(ws.db, passwords.digest(token), ws.now()) if token else None
    person = people.get_person(ws.db, found[1]) if found else None
    return person if person is not None and person.active else None


def set_password_with_link(ws: Workspace, token: str, password: str, confirm: str) -> Person:
    """Set the password of the link's person; the link is then used up. A weak or mistyped password is
    refused and leaves the link as it was."""
    person = person_of_link(ws, token)
    found = store.usable(ws.db, passwords.digest(token), ws.now()) if token else None
    if person is None or found is None:
        raise SignInFailed(_(EXPIRED))
    link_id, now = found[0], ws.now()

    def use_up(tx: Transaction) -> None:
        if not store.use(tx, link_id, now):  # used meanwhile: nothing of this is saved
            raise SignInFailed(_(EXPIRED))

    accounts.save_password(ws, person, person, password, confirm, "password_link", also=use_up)
    return person
