"""Putting it on the agenda: a member pins a friction point, connection or blocker for the next meeting,
saying why. Pinned items are suggested right after the guest's proposal, whatever their score."""

from __future__ import annotations

from council.domain.checks import clean_text
from council.domain.errors import NotFound, ValidationError
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.domain.vocabulary import OPEN_STATUSES
from council.i18n import _
from council.i18n import formats as fmt
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.workspace import Workspace
from council.store import meetings, pins
from council.store.database import Transaction
from council.store.pins import Pin

# Kind -> its table, which the audit trail names it by too.
_ENTITY = {"friction": "friction_point", "connection": "missing_connection", "blocker": "blocker"}
MAX_WHY = 500


def pin_of(ws: Workspace, kind: str, ref_id: int) -> Pin | None:
    return pins.active_pin(ws.db, kind, ref_id)


@as_on_roster
def pin_for_agenda(ws: Workspace, actor: Person | None, kind: str, ref_id: int, why: str) -> int:
    """Pin this record for the next agenda; returns the pin's id."""
    # Translators: completes "Only … may …".
    require(actor, Task.AGENDA, _("put items on the agenda"))
    if kind not in _ENTITY:
        raise ValidationError(_("{kind} cannot be pinned for the agenda.").format(kind=repr(kind)), "pin_why")
    why = clean_text(why, _("Why the council should discuss it"), limit=MAX_WHY, field="pin_why")

    def write(tx: Transaction) -> int:
        status = tx.value(f"SELECT status FROM {_ENTITY[kind]} WHERE id = ?", [ref_id])
        if status is None:
            raise NotFound(_NOT_THERE[kind]().format(id=ref_id))
        if status not in OPEN_STATUSES[kind]:
            raise ValidationError(_CLOSED[kind](), "pin_why")
        already = pins.active_pin(tx, kind, ref_id)
        if already is not None:
            day = fmt.long_day(already.pinned_at.astimezone(ws.zone))
            if already.asked_by_name:
                text = _("{name} already asked for this on {day}: “{why}”.").format(
                    name=already.asked_by_name, day=day, why=already.why
                )
            else:
                text = _("Someone already asked for this on {day}: “{why}”.").format(day=day, why=already.why)
            raise ValidationError(text, "pin_why")
        pin_id = pins.add_pin(tx, kind, ref_id, why, actor.id if actor else None, ws.now())
        record(tx, actor, "pin", _ENTITY[kind], ref_id, {"why": why})
        return pin_id

    return ws.db.write(write)


@as_on_roster
def unpin(ws: Workspace, actor: Person | None, kind: str, ref_id: int) -> None:
    """Take the record off the next agenda's pinned suggestions."""
    # Translators: completes "Only … may …".
    require(actor, Task.AGENDA, _("change what is put on the agenda"))

    def write(tx: Transaction) -> None:
        pin = pins.active_pin(tx, kind, ref_id)
        if pin is None:
            raise NotFound(_("It is not pinned for the agenda (any more)."))
        pins.unpin(tx, pin.id, actor.id if actor else None, ws.now())
        record(tx, actor, "unpin", _ENTITY[kind], ref_id, {"why": pin.why})

    ws.db.write(write)


# Each kind's messages, whole sentences so each language can say them its own way.
_NOT_THERE = {
    "friction": lambda: _("There is no friction point #{id}."),
    "connection": lambda: _("There is no missing connection #{id}."),
    "blocker": lambda: _("There is no blocker #{id}."),
}
_CLOSED = {
    "friction": lambda: _("This friction point is closed, so there is nothing to put on the agenda."),
    "connection": lambda: _("This missing connection is closed, so there is nothing to put on the agenda."),
    "blocker": lambda: _("This blocker is closed, so there is nothing to put on the agenda."),
}


def next_meeting_title(ws: Workspace) -> str | None:
    """The meeting whose agenda is being prepared, if one is planned."""
    found = meetings.first_not_closed(ws.db)
    return found.title if found is not None and found.status == "planned" else None
