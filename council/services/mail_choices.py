"""Which mails each person gets beyond invitations, chosen by themselves; the secretary sees who chose what."""

from __future__ import annotations

from dataclasses import dataclass

from council.domain.errors import NotAllowed, ValidationError
from council.domain.mail import CHOOSABLE, MailKind
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.i18n import _
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.workspace import Workspace
from council.store import outbox as store
from council.store import people
from council.store.database import Transaction


@dataclass(frozen=True)
class ChoiceLine:
    """One person's mails, as the secretary sees them (in the reader's language): those they turned off (or
    the digest on), and why someone gets nothing at all."""

    person_id: int
    name: str
    gets_nothing: str  # why they get no mail at all, or empty
    turned_off: tuple[str, ...]
    digest: bool


def my_choices(ws: Workspace, me: Person) -> dict[MailKind, bool]:
    """The mails `me` gets (True) or not, for every kind a person may choose."""
    chosen = store.choices(ws.db, me.id) if me.id is not None else {}
    return {kind: chosen.get(kind.value, default) for kind, default in CHOOSABLE.items()}


@as_on_roster
def choose(ws: Workspace, actor: Person | None, kind: MailKind, receives: bool) -> None:
    """`actor` gets mails of `kind` from now on, or no longer."""
    if actor is None or actor.id is None:
        raise NotAllowed(_("Sign in first: each person chooses their own mails."))
    if kind not in CHOOSABLE:
        raise ValidationError(_("{mails} always go out; they cannot be turned off.").format(mails=kind.label))
    person_id = actor.id

    def write(tx: Transaction) -> None:
        store.set_choice(tx, person_id, kind.value, receives, ws.now())
        record(tx, actor, "mail_choice", "person", person_id, {"kind": kind.value, "receives": receives})

    ws.db.write(write)


@as_on_roster
def choice_lines(ws: Workspace, actor: Person | None) -> list[ChoiceLine]:
    """Everyone on the roster who gets fewer mails than others (no address, some turned off) or the digest."""
    require(actor, Task.SETTINGS, _("see who chose which mails"))
    chosen: dict[int, dict[str, bool]] = {}
    for person_id, _name, kind, receives in store.choices_made(ws.db):
        chosen.setdefault(person_id, {})[kind] = receives
    lines = []
    for p in people.list_people(ws.db):
        assert p.id is not None
        mine = chosen.get(p.id, {})
        off = tuple(MailKind(k).short for k, r in mine.items() if not r and CHOOSABLE.get(MailKind(k), False))
        nothing = "" if (p.email or "").strip() else _("no e-mail address on the roster")
        if nothing or off or mine.get("digest"):
            lines.append(ChoiceLine(p.id, p.name, nothing, off, bool(mine.get("digest"))))
    return lines
