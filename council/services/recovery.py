"""The secretary's way back in without the server: a one-time recovery code, made by `init` (or
`recovery-code`) and shown once. With it and their e-mail address, an active secretary sets a new
password on the sign-in page; the code is then used up. Wrong codes slow further tries down like
wrong passwords, and get the same answer whatever was wrong."""

from __future__ import annotations

import secrets

from council.domain.errors import SignInFailed
from council.domain.people import Person
from council.domain.vocabulary import Role
from council.i18n import N_, _
from council.services import accounts, passwords, signing_in
from council.services.workspace import Workspace
from council.store import people
from council.store import recovery as store
from council.store.database import Transaction

WRONG = N_(
    "That e-mail address and recovery code do not belong together, or there were several wrong tries "
    "just now. Check both and try again in a minute."
)  # shown with `_`


def new_recovery_code(ws: Workspace) -> str:
    """A fresh code (any older unused one stops working), to show once; for the command line."""
    code = "-".join(secrets.token_hex(3).upper() for _part in range(4))
    now = ws.now()

    # Not in the audit trail: a new workspace stays empty (a backup can be restored into it); using the
    # code is, as the secretary's "recover".
    ws.db.write(lambda tx: store.replace_code(tx, passwords.digest(code), now))
    return code


def recover(
    ws: Workspace, email: str, code: str, password: str, confirm: str, client: str | None = None
) -> Person:
    """Set a secretary's new password with the recovery code, which is then used up."""
    person = people.person_by_email(ws.db, email) if email.strip() else None
    code_id = store.unused(ws.db, passwords.digest(code.strip().upper()))
    secretary = person is not None and person.active and person.has_role(Role.SECRETARY)
    if not (secretary and code_id is not None and signing_in.may_try(ws, person, client)):
        signing_in.count_wrong_try(ws, person if secretary else None, client)
        raise SignInFailed(_(WRONG))
    assert person is not None and person.id is not None and code_id is not None
    person_id, now = person.id, ws.now()

    def use_up(tx: Transaction) -> None:
        if not store.use(tx, code_id, now, person_id):  # used meanwhile: nothing of this is saved
            raise SignInFailed(_(WRONG))

    # A weak or mistyped password is refused and leaves the code unused; otherwise both in one go.
    accounts.save_password(ws, person, person, password, confirm, "recover", also=use_up)
    return person
