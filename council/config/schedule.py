"""The `backup` and `inbox` sections of the workspace file: what the running app does by itself."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Any

from council.config.reader import Reader
from council.domain.schedule import BackupSchedule, FeedbackInbox


def read_backup(reader: Reader, raw: Any, beside: Path) -> BackupSchedule:
    """Backups go to `folder` (default: backups/ beside the workspace file); with `at`, one a day."""
    data = reader.mapping(raw if raw is not None else {}, "backup", {"at", "keep", "folder"})
    folder = reader.text(data, "folder", "backup", default="backups")
    at = reader.clock_time(data, "at", "backup", time(2, 0)) if data.get("at") is not None else None
    keep = int(reader.number(data, "keep", "backup", default=14, minimum=1, whole=True))
    return BackupSchedule(folder=beside / folder, at=at, keep=keep)


def read_inbox(reader: Reader, raw: Any, beside: Path) -> FeedbackInbox:
    if raw is None:
        return FeedbackInbox()
    data = reader.mapping(raw, "inbox", {"folder"})
    return FeedbackInbox(folder=beside / reader.text(data, "folder", "inbox"))
