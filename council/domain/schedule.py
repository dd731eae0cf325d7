"""What the app does by itself on a schedule while it runs: the nightly backup and the feedback inbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

RETRY_FAILED_BACKUP_AFTER = timedelta(hours=1)
SETTLED = timedelta(minutes=1)  # a file in the inbox untouched this long is whole (not still being copied)


@dataclass(frozen=True)
class BackupSchedule:
    """`backup:` in the workspace file. Without `at`, no backup is made by itself."""

    folder: Path = Path("data/backups")  # beside the workspace file by default
    at: time | None = None
    keep: int = 14


@dataclass(frozen=True)
class FeedbackInbox:
    """`inbox:` in the workspace file: a folder with a folder per feedback source, for CSV files to import."""

    folder: Path | None = None


def backup_due(
    schedule: BackupSchedule, now: datetime, last_ok: datetime | None, last_try: datetime | None
) -> bool:
    """Whether the day's backup is due at `now` (local time): from `at` on, once a day; a failed one is
    tried again an hour later."""
    if schedule.at is None or now.time() < schedule.at:
        return False
    today_from = now.replace(hour=schedule.at.hour, minute=schedule.at.minute, second=0, microsecond=0)
    if last_ok is not None and last_ok >= today_from:
        return False
    return last_try is None or last_try < today_from or now - last_try >= RETRY_FAILED_BACKUP_AFTER


def to_remove(backups: list[Path], keep: int) -> list[Path]:
    """The oldest backups beyond the `keep` newest (their names hold when they were made)."""
    ordered = sorted(backups, key=lambda p: p.name)
    return ordered[: max(0, len(ordered) - keep)]
