"""Numbered schema migrations (`migrations/NNNN_name.sql`), each applied with its version row
in one transaction, so a database is always at exactly one known version."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from council.domain.errors import StoreError
from council.i18n import _
from council.store.database import Database, Transaction, remove_database_file

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def _addresses_that_can_change(schema: str) -> str:
    """Migration 20: the person table without the index on the e-mail address (see the migration's SQL)."""
    return schema.replace("email VARCHAR UNIQUE,", "email VARCHAR,")


# Migrations that first make the database file again from its export with the schema changed (a change
# DuckDB refuses in place), then run their SQL as any other. Running one again changes nothing more.
REBUILDS: dict[int, Callable[[str], str]] = {20: _addresses_that_can_change}


def available_migrations() -> list[Migration]:
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = _NAME.match(path.name)
        if match is None:
            raise StoreError(_("Migration file {file} is not named NNNN_name.sql.").format(file=path.name))
        found.append(Migration(int(match[1]), match[2], path))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(_("Migrations must be numbered 1, 2, 3, … without gaps; found {versions}.").format(
            versions=versions))  # fmt: skip
    return found


def latest_version() -> int:
    return len(available_migrations())


def schema_version(db: Database) -> int:
    """The version the database file is at; 0 for a new, empty file."""
    exists = db.number("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")
    if not exists:
        return 0
    return db.number("SELECT coalesce(max(version), 0) FROM schema_version")


def migrate(db: Database, target: int | None = None) -> list[int]:
    """Bring the database up to `target` (default: the newest); returns the versions applied.

    A file written by a newer version of the app is refused rather than guessed at.
    """
    migrations = available_migrations()
    newest = len(migrations)
    target = newest if target is None else target
    current = schema_version(db)
    if current > newest:
        newer = _("The workspace database {file} has schema version {version}, but this app only knows "
                  "versions up to {latest}: it was written by a newer CX Council. Update the app, or open a "
                  "different database file.")  # fmt: skip
        raise StoreError(newer.format(file=db.path, version=current, latest=newest))
    applied = []
    for migration in migrations[current:target]:
        if migration.version in REBUILDS:  # first the change DuckDB cannot make in place
            kept = db.rebuild(REBUILDS[migration.version])
            if current == 0:  # a new database: nothing was in it to keep
                remove_database_file(kept)
        db.write(partial(_apply, migration=migration))
        applied.append(migration.version)
    if applied:
        db.checkpoint()
    return applied


def _apply(tx: Transaction, migration: Migration) -> None:
    tx.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)"
    )
    tx.execute(migration.sql())
    tx.execute(
        "INSERT INTO schema_version (version, name) VALUES (?, ?)",
        [migration.version, migration.name],
    )
