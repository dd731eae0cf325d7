"""Looking after the workspace itself: what it holds, its schema version, backups and restores."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from council.domain.audit import AuditEntry
from council.domain.errors import StoreError
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services.acting import as_on_roster
from council.services.workspace import Workspace
from council.store import audit
from council.store.contents import table_counts
from council.store.database import Database, Transaction, remove_database_file
from council.store.database_files import restore_into
from council.store.migrations import latest_version, schema_version

log = logging.getLogger("council.backup")


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
    """<database name>-YYYYMMDD-HHMMSS.duckdb in the backup folder (backups/ beside the workspace file, or
    `backup.folder`): the names sort as the backups were made."""
    stamp = (moment or ws.now()).strftime("%Y%m%d-%H%M%S")
    return ws.config.backup.folder / f"{ws.db.path.stem}-{stamp}.duckdb"


@as_on_roster
def back_up(ws: Workspace, actor: Person | None, target: Path | None = None) -> Path:
    """Copy the whole workspace into a new database file and note it in the audit log (secretary only)."""
    require(actor, Task.SETTINGS, _("back up the workspace"))
    written = ws.db.backup_to(target or default_backup_path(ws))
    log.info("backup: %s written", written)
    ws.db.write(lambda tx: note_backup(tx, actor.id if actor else None, written))
    return written


def note_backup(tx: Transaction, person_id: int | None, written: Path, scheduled: bool = False) -> None:
    """The audit log's entry for a backup made (by the schedule, with `scheduled`)."""
    details: dict[str, object] = {"file": str(written)} | ({"scheduled": True} if scheduled else {})
    audit.append_audit(tx, AuditEntry("backup", "workspace", person_id=person_id, details=details))


def restore(backup: Path, target: Path) -> int:
    """Make the backup file the workspace database at `target`; returns the backup's schema version.

    `target` must be new, or a workspace with nothing in it yet (just created by `init`): a restore
    never overwrites work. The backup is copied beside `target` first and put in place only whole.
    """
    backup, target = Path(backup), Path(target)
    if target.exists():
        _must_be_empty(target)
    staging = target.with_name(f".{target.name}.restoring")
    remove_database_file(staging)
    try:
        version = restore_into(backup, staging)
        if version > latest_version():
            newer = _("{backup} was written by a newer version of the app (schema version {version}; this "
                      "one knows up to {latest}). Upgrade the app first, then restore.")  # fmt: skip
            raise StoreError(newer.format(backup=backup, version=version, latest=latest_version()))
    except BaseException:
        remove_database_file(staging)
        raise
    remove_database_file(target)
    os.replace(staging, target)
    return version


def _must_be_empty(target: Path) -> None:
    db = Database(target)  # says which process holds it, if the app is running on it
    try:
        held = {table: n for table, n in table_counts(db).items() if n} if schema_version(db) else {}
    finally:
        db.close()
    if held:
        rows = sum(held.values())
        raise StoreError(ngettext(
            "{target} already holds a workspace ({n} row), and a restore never overwrites work. Restore "
            "into a new file (--db new-name.duckdb), or move {name} away first if you mean to replace it.",
            "{target} already holds a workspace ({n} rows), and a restore never overwrites work. Restore "
            "into a new file (--db new-name.duckdb), or move {name} away first if you mean to replace it.",
            rows).format(target=target, n=fmt.number(rows), name=target.name))  # fmt: skip
