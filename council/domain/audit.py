"""An entry in the audit log: who did what to which record, and when."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from council.i18n import pgettext


@dataclass(frozen=True)
class AuditEntry:
    action: str  # e.g. "create", "update", "status", "backup"
    entity: str  # e.g. "friction_point"
    entity_id: str | None = None
    person_id: int | None = None
    details: dict[str, Any] = field(default_factory=dict)
    logged_at: datetime | None = None
    id: int | None = None


# What the audit trail shows for each kind of entry and record, in the reader's language; the stored kinds
# stay these English codes. Each with its context: the same English word may mean something else elsewhere.
ACTION_LABELS: dict[str, Callable[[], str]] = {
    "action": lambda: pgettext("audit action", "action"),
    "action_update": lambda: pgettext("audit action", "action update"),
    "agenda_add": lambda: pgettext("audit action", "agenda add"),
    "agenda_closed": lambda: pgettext("audit action", "agenda closed"),
    "agenda_move": lambda: pgettext("audit action", "agenda move"),
    "agenda_remove": lambda: pgettext("audit action", "agenda remove"),
    "agenda_reopened": lambda: pgettext("audit action", "agenda reopened"),
    "agenda_time": lambda: pgettext("audit action", "agenda time"),
    "amend": lambda: pgettext("audit action", "amend"),
    "anonymise": lambda: pgettext("audit action", "anonymise"),
    "answer": lambda: pgettext("audit action", "answer"),
    "attendance": lambda: pgettext("audit action", "attendance"),
    "backup": lambda: pgettext("audit action", "backup"),
    "cancel": lambda: pgettext("audit action", "cancel"),
    "change_password": lambda: pgettext("audit action", "change password"),
    "close": lambda: pgettext("audit action", "close"),
    "create": lambda: pgettext("audit action", "create"),
    "end_sessions": lambda: pgettext("audit action", "end sessions"),
    "evidence": lambda: pgettext("audit action", "evidence"),
    "follow_up": lambda: pgettext("audit action", "follow up"),
    "guest": lambda: pgettext("audit action", "guest"),
    "import": lambda: pgettext("audit action", "import"),
    "language_choice": lambda: pgettext("audit action", "language choice"),
    "link": lambda: pgettext("audit action", "link"),
    "load_demo": lambda: pgettext("audit action", "load demo"),
    "mail_choice": lambda: pgettext("audit action", "mail choice"),
    "minutes": lambda: pgettext("audit action", "minutes"),
    "outcome": lambda: pgettext("audit action", "outcome"),
    "park": lambda: pgettext("audit action", "park"),
    "password_link": lambda: pgettext("audit action", "password link"),
    "pin": lambda: pgettext("audit action", "pin"),
    "recover": lambda: pgettext("audit action", "recover"),
    "remark": lambda: pgettext("audit action", "remark"),
    "revoke": lambda: pgettext("audit action", "revoke"),
    "send_again": lambda: pgettext("audit action", "send again"),
    "set_password": lambda: pgettext("audit action", "set password"),
    "sign_in": lambda: pgettext("audit action", "sign in"),
    "sign_in_failed": lambda: pgettext("audit action", "sign in failed"),
    "sign_out": lambda: pgettext("audit action", "sign out"),
    "start": lambda: pgettext("audit action", "start"),
    "unlink": lambda: pgettext("audit action", "unlink"),
    "unlock": lambda: pgettext("audit action", "unlock"),
    "unpin": lambda: pgettext("audit action", "unpin"),
    "update": lambda: pgettext("audit action", "update"),
}
RECORD_LABELS: dict[str, Callable[[], str]] = {
    "account": lambda: pgettext("audit record", "account"),
    "blocker": lambda: pgettext("audit record", "blocker"),
    "council_term": lambda: pgettext("audit record", "council term"),
    "decision": lambda: pgettext("audit record", "decision"),
    "feedback_import": lambda: pgettext("audit record", "feedback import"),
    "friction_point": lambda: pgettext("audit record", "friction point"),
    "mail": lambda: pgettext("audit record", "mail"),
    "meeting": lambda: pgettext("audit record", "meeting"),
    "missing_connection": lambda: pgettext("audit record", "missing connection"),
    "person": lambda: pgettext("audit record", "person"),
    "proposal": lambda: pgettext("audit record", "proposal"),
    "self_check": lambda: pgettext("audit record", "self check"),
    "wall_key": lambda: pgettext("audit record", "wall key"),
    "workspace": lambda: pgettext("audit record", "workspace"),
}


def action_label(action: str) -> str:
    """An entry's kind as the audit trail shows it; a kind this version does not know, as stored."""
    return ACTION_LABELS[action]() if action in ACTION_LABELS else action.replace("_", " ")


def record_label(entity: str) -> str:
    """A kind of record as the audit trail shows it; one this version does not know, as stored."""
    return RECORD_LABELS[entity]() if entity in RECORD_LABELS else entity.replace("_", " ")


def changed_fields(before: object, after: object, fields: tuple[str, ...]) -> dict[str, list[Any]]:
    """`{field: [before, after]}` for each of `fields` whose value differs between two records."""
    changes = {}
    for name in fields:
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            changes[name] = [_plain(old), _plain(new)]
    return changes


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
