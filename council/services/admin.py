"""Looking after the workspace itself: what it holds, its schema version, and backups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from council.domain.audit import AuditEntry
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.services.workspace import Workspace
from council.store import audit
from council.store.contents import table_counts
from council.store.migrations import latest_version, schema_version


@dataclass(frozen=True)
class WorkspaceFacts:
    database: Path
    schema_version: int
    latest_schema_version: int
    rows: dict[str, int]


def workspace_facts(ws: Workspace) -> WorkspaceFacts:
    return WorkspaceFacts(
        database=ws.db.path,
        schema_version=schema_version(ws.db),
        latest_schema_version=latest_version(),
        rows=table_counts(ws.db),
    )


def default_backup_path(ws: Workspace, moment: datetime | None = None) -> Path:
    """backups/<database name>-YYYYMMDD-HHMMSS.duckdb beside the database file."""
    stamp = (moment or ws.now()).strftime("%Y%m%d-%H%M%S")
    return ws.db.path.parent / "backups" / f"{ws.db.path.stem}-{stamp}.duckdb"


def back_up(ws: Workspace, actor: Person | None, target: Path | None = None) -> Path:
    """Copy the whole workspace into a new database file and note it in the audit log (secretary only)."""
    require(actor, Task.SETTINGS, "back up the workspace")
    written = ws.db.backup_to(target or default_backup_path(ws))
    ws.db.write(
        lambda tx: audit.append_audit(
            tx,
            AuditEntry(
                "backup", "workspace", person_id=actor.id if actor else None, details={"file": str(written)}
            ),
        )
    )
    return written
