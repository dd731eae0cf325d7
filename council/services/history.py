"""The audit log as people read it: what happened to a record, by whom, in plain words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from council.domain.audit import AuditEntry, action_label, changed_fields
from council.domain.errors import NotFound
from council.domain.people import Person
from council.domain.vocabulary import BlockerStatus, ItemStatus
from council.i18n import _, pgettext
from council.services.workspace import Workspace
from council.store import audit, people
from council.store.database import Transaction

# Field -> (its label in the middle of a sentence, in the reader's language; the config list its ids come from,
# or None). The context keeps these short words apart from the same English words elsewhere.
_FIELDS: dict[str, tuple[Callable[[], str], str | None]] = {
    "title": (lambda: pgettext("changed field", "title"), None),
    "description": (lambda: pgettext("changed field", "description"), None),
    "journey_stage": (lambda: pgettext("changed field", "journey stage"), "journey_stage"),
    "channel": (lambda: pgettext("changed field", "channel"), "channel"),
    "segment": (lambda: pgettext("changed field", "segment"), "segment"),
    "severity": (lambda: pgettext("changed field", "severity"), None),
    "impact": (lambda: pgettext("changed field", "impact"), None),
    "customers_per_month": (lambda: pgettext("changed field", "customers a month"), None),
    "owner_department": (lambda: pgettext("changed field", "owner"), "department"),
    "involved_departments": (lambda: pgettext("changed field", "also involved"), "department"),
    "from_department": (lambda: pgettext("changed field", "from"), "department"),
    "to_department": (lambda: pgettext("changed field", "to"), "department"),
    "what_breaks": (lambda: pgettext("changed field", "what breaks"), None),
    "category": (lambda: pgettext("changed field", "category"), "blocker_category"),
    "status": (lambda: pgettext("changed field", "status"), None),
    "change": (lambda: pgettext("changed field", "the change"), None),
    "why": (lambda: pgettext("changed field", "why"), None),
    "customer_notices": (lambda: pgettext("changed field", "what the customer would notice"), None),
}
_LONG_TEXT = ("description", "what_breaks", "change", "why", "customer_notices")


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    who: str
    what: str


def record(tx: Transaction, actor: Person | None, action: str, entity: str, entity_id: int,
           details: dict[str, Any]) -> None:  # fmt: skip
    """Append one audit entry inside the write's own transaction."""
    audit.append_audit(tx, AuditEntry(action, entity, str(entity_id), actor.id if actor else None, details))


def save_edit(
    ws: Workspace,
    actor: Person | None,
    *,
    entity: str,
    label: str,
    after: Any,
    load: Callable[[Transaction, int], Any],
    update: Callable[[Transaction, Any, datetime], None],
    fields: tuple[str, ...],
) -> dict[str, list[Any]]:
    """Save an edited record (`after`, already checked, with its id) and log what changed.

    Returns the changes; when nothing changed, nothing is written and nothing is logged.
    """

    def write(tx: Transaction) -> dict[str, list[Any]]:
        before = load(tx, after.id)
        if before is None:
            # Translators: {record} is a kind of record, e.g. "Friction point".
            raise NotFound(
                _("{record} #{id} was removed while you were editing it.").format(record=label, id=after.id)
            )
        changes = changed_fields(before, after, fields)
        if changes:
            update(tx, after, ws.now())
            record(tx, actor, "update", entity, after.id, {"changes": changes})
        return changes

    return ws.db.write(write)


def history_of(ws: Workspace, entity: str, entity_id: int) -> list[HistoryLine]:
    """Every audit entry about one record, newest first, in words."""
    names = {p.id: p.name for p in people.list_people(ws.db)}
    return [
        HistoryLine(
            at=e.logged_at.astimezone(ws.zone) if e.logged_at else ws.now(),
            who=names.get(e.person_id, _("someone no longer on the roster"))
            if e.person_id
            else _("the system"),
            what=_describe(ws, e),
        )
        for e in audit.entries_about(ws.db, entity, str(entity_id))
    ]


def _describe(ws: Workspace, entry: AuditEntry) -> str:
    d = entry.details
    if entry.action == "create":
        return _("Logged it.")
    if entry.action == "update":
        parts = [_change(ws, field, old, new) for field, (old, new) in d.get("changes", {}).items()]
        # Translators: {changes} lists the changes, e.g. "severity 4 → 5; owner IT → Sales".
        return (
            _("Changed {changes}.").format(changes="; ".join(parts)) if parts else _("Saved without changes.")
        )
    if entry.action in ("link", "unlink"):
        # {other} is the linked record as the trail stored it, e.g. "blocker #3 “Old billing system”".
        if "other" not in d:
            return _("Linked an item.") if entry.action == "link" else _("Unlinked an item.")
        if entry.action == "link":
            return _("Linked {other}.").format(other=d["other"])
        return _("Unlinked {other}.").format(other=d["other"])
    if entry.action == "evidence":
        return _("Added evidence: {summary}").format(summary=d.get("summary", ""))
    return action_label(entry.action).capitalize() + "."


def _change(ws: Workspace, field: str, old: Any, new: Any) -> str:
    label, kind = (
        (_FIELDS[field][0](), _FIELDS[field][1]) if field in _FIELDS else (field.replace("_", " "), None)
    )
    if field in _LONG_TEXT:
        # Translators: a long text that was changed, e.g. "description (edited)".
        return _("{field} (edited)").format(field=label)
    # Translators: one changed field with its value before and after, e.g. "severity 4 → 5".
    return _("{field} {before} → {after}").format(
        field=label, before=_word(ws, field, kind, old), after=_word(ws, field, kind, new)
    )


def _status_word(value: str) -> str:
    for kind in (ItemStatus, BlockerStatus):
        if value in {s.value for s in kind}:
            return kind(value).label
    return value


def _word(ws: Workspace, field: str, kind: str | None, value: Any) -> str:
    if value is None or value == [] or value == "":
        return "—"
    if field == "status":
        return _status_word(value)

    if kind and isinstance(value, list):
        return ", ".join(ws.config.name_of(kind, v) for v in value)
    if kind:
        return ws.config.name_of(kind, value)
    return str(value)
