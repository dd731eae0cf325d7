"""Restoring a backup into a new database file, checked to be a workspace backup first."""

from __future__ import annotations

from pathlib import Path

import duckdb

from council.domain.errors import StoreError
from council.i18n import _
from council.store.database import remove_database_file
from council.store.duckdb_errors import first_line, translate
from council.store.query import first_number


def restore_into(backup: Path, target: Path) -> int:
    """Copy the backup file `backup` into a new database file at `target`; returns its schema version.

    The backup is only read. Anything that is not a workspace backup is refused, leaving no `target`.
    """
    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise StoreError(
            _("{file} does not exist. Give the backup file's path (backups/… beside the database).").format(
                file=backup
            )
        )
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS council_backup (READ_ONLY)", [str(backup)])
        tables = (
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_catalog = 'council_backup' AND table_name = 'schema_version'"
        )
        found = first_number(con.execute(tables).fetchone(), tables)
        if not found:
            raise StoreError(
                _("{file} is a DuckDB file but not a workspace backup: it has no schema version.").format(
                    file=backup
                )
            )
        newest = "SELECT coalesce(max(version), 0) FROM council_backup.schema_version"
        version = first_number(con.execute(newest).fetchone(), newest)
        target.parent.mkdir(parents=True, exist_ok=True)
        con.execute("ATTACH ? AS council_restored", [str(target)])
        con.execute("COPY FROM DATABASE council_backup TO council_restored")
        con.execute("DETACH council_restored")
        return version
    except (duckdb.Error, StoreError) as e:
        con.close()  # before the half-written file goes
        remove_database_file(target)
        if isinstance(e, StoreError):
            raise
        if isinstance(e, duckdb.IOException) and "lock" not in str(e).lower():
            # Translators: {problem} is the database's own explanation, in English.
            unreadable = _("{file} cannot be read as a workspace backup: {problem}")
            raise StoreError(unreadable.format(file=backup, problem=first_line(e))) from e
        raise translate(e, backup) from e
    finally:
        con.close()
