"""Removing a leaver's personal data on request: their name and e-mail address are replaced, everything they
did stays (under "Former member #id"), and what the workspace kept for their sign-in and their mail goes."""

from __future__ import annotations

from dataclasses import replace

from council.domain.errors import NotFound, ValidationError
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.i18n import _
from council.services import sessions
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.workspace import Workspace
from council.store import accounts, outbox, people, throttle
from council.store.database import Transaction

FORMER = "Former member #"  # kept as the person's name: the same in every language, as the roster compares it


def former_name(person_id: int) -> str:
    return f"{FORMER}{person_id}"


@as_on_roster
def anonymise(ws: Workspace, actor: Person | None, person_id: int) -> str:
    """Replace the name and address of someone who left the roster (secretary only); returns the new name."""
    require(actor, Task.ROSTER, _("anonymise someone who left"))
    name = former_name(person_id)

    def write(tx: Transaction) -> str:
        person = people.get_person(tx, person_id)
        if person is None:
            raise NotFound(_("Person #{id} is not on the roster.").format(id=person_id))
        if person.active:
            raise ValidationError(
                _(
                    "{name} is still on the roster. Mark them as left first (untick “On the roster”); "
                    "then their name and address can be removed."
                ).format(name=person.name),
                "active",
            )
        if person.name == name and not person.email:
            raise ValidationError(_("#{id} was anonymised already.").format(id=person_id))
        people.set_email(tx, person_id, None)
        people.update_person(tx, replace(person, name=name, role_title=""))
        sessions.end_all(tx, person_id, ws.now(), "anonymised")
        accounts.remove_account(tx, person_id)
        throttle.forget_account(tx, person_id)
        outbox.forget_person(tx, person_id)
        record(tx, actor, "anonymise", "person", person_id, {})  # nothing of who they were
        return name

    return ws.db.write(write)
