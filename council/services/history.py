"""The audit log as people read it: what happened to a record, by whom, in plain words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from council.domain.audit import AuditEntry, changed_fields
from council.domain.errors import NotFound
from council.domain.people import Person
from council.domain.vocabulary import BlockerStatus, ItemStatus
from council.services.workspace import Workspace
from council.store import audit, people
from council.store.database import Transaction

# Field -> (label, config list its ids come from, or None).
_FIELDS: dict[str, tuple[str, str | None]] = {
    "title": ("Title", None),
    "description": ("Description", None),
    "journey_stage": ("Journey stage", "journey_stage"),
    "channel": ("Channel", "channel"),
    "segment": ("Segment", "segment"),
    "severity": ("Severity", None),
    "impact": ("Impact", None),
    "customers_per_month": ("Customers a month", None),
    "owner_department": ("Owner", "department"),
    "involved_departments": ("Also involved", "department"),
    "from_department": ("From", "department"),
    "to_department": ("To", "department"),
    "what_breaks": ("What breaks", None),
    "category": ("Category", "blocker_category"),
    "status": ("Status", None),
    "change": ("The change", None),
    "why": ("Why", None),
    "customer_notices": ("What the customer would notice", None),
}
_STATUS_WORDS = {s.value: s.label for s in ItemStatus} | {s.value: s.label for s in BlockerStatus}
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
            raise NotFound(f"{label} #{after.id} was removed while you were editing it.")
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
            who=names.get(e.person_id, "someone no longer on the roster") if e.person_id else "the system",
            what=_describe(ws, e),
        )
        for e in audit.entries_about(ws.db, entity, str(entity_id))
    ]


def _describe(ws: Workspace, entry: AuditEntry) -> str:
    d = entry.details
    if entry.action == "create":
        return "Logged it."
    if entry.action == "update":
        parts = [_change(ws, field, old, new) for field, (old, new) in d.get("changes", {}).items()]
        return "Changed " + "; ".join(parts) + "." if parts else "Saved without changes."
    if entry.action in ("link", "unlink"):
        verb = "Linked" if entry.action == "link" else "Unlinked"
        return f"{verb} {d.get('other', 'an item')}."
    if entry.action == "evidence":
        return f"Added evidence: {d.get('summary', '')}"
    return entry.action.replace("_", " ").capitalize() + "."


def _change(ws: Workspace, field: str, old: Any, new: Any) -> str:
    label, kind = _FIELDS.get(field, (field.replace("_", " ").capitalize(), None))
    if field in _LONG_TEXT:
        return f"{label.lower()} (edited)"
    return f"{label.lower()} {_word(ws, field, kind, old)} → {_word(ws, field, kind, new)}"


def _word(ws: Workspace, field: str, kind: str | None, value: Any) -> str:
    if value is None or value == [] or value == "":
        return "—"
    if field == "status":
        return _STATUS_WORDS.get(value, value)
    if kind and isinstance(value, list):
        return ", ".join(ws.config.name_of(kind, v) for v in value)
    if kind:
        return ws.config.name_of(kind, value)
    return str(value)
