"""Opening a workspace: its config, its database (created and upgraded as needed), and the demo."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from council.config import load_config
from council.demo.generator import load_demo
from council.domain.workspace import WorkspaceConfig
from council.store.contents import is_empty
from council.store.database import Database
from council.store.feedback import months_are_current, rebuild_months
from council.store.migrations import migrate

DB_ENV = "COUNCIL_DB"
DEFAULT_DB = Path("data/council.duckdb")


@dataclass(frozen=True)
class Workspace:
    config: WorkspaceConfig
    db: Database

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.config.time_zone)

    def now(self) -> datetime:
        return datetime.now(self.zone)

    def today(self) -> date:
        return self.now().date()


def database_path(config: WorkspaceConfig) -> Path:
    """$COUNCIL_DB if set, else the config's `database`, else council.duckdb beside the workspace file."""
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    if config.database:
        return config.database
    return config.source.parent / "council.duckdb" if config.source else DEFAULT_DB


def open_workspace(
    config_path: Path | str | None = None,
    db_path: Path | str | None = None,
    *,
    demo: bool | None = None,
    demo_language: str | None = None,
) -> Workspace:
    """Load the config, open (or create) the database, bring its schema up to date.

    A new, empty workspace is filled with the demo organisation when the config says
    `demo_data: true` (or `demo=True` is passed), in the workspace's language unless `demo_language` says
    another.
    """
    config = load_config(config_path)
    db = Database(Path(db_path) if db_path else database_path(config))
    try:
        migrate(db)
        workspace = Workspace(config, db)
        if (config.demo_data if demo is None else demo) and is_empty(db):
            load_demo(
                workspace.db, config, today=workspace.today(), language=demo_language or config.language
            )
        if not months_are_current(db, config.time_zone):  # responses added another way, or a new time zone
            db.write(lambda tx: rebuild_months(tx, config.time_zone))
    except BaseException:
        db.close()
        raise
    return workspace
