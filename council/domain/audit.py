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
