"""An entry in the audit log: who did what to which record, and when."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class AuditEntry:
    action: str  # e.g. "create", "update", "status", "backup"
    entity: str  # e.g. "friction_point"
    entity_id: str | None = None
    person_id: int | None = None
    details: dict[str, Any] = field(default_factory=dict)
    logged_at: datetime | None = None
    id: int | None = None


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
