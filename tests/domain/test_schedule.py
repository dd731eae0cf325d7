"""When the day's backup is due, and which old backups go."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from council.domain.schedule import BackupSchedule, backup_due, to_remove

ZONE = ZoneInfo("Europe/Amsterdam")
NIGHTLY = BackupSchedule(at=time(2, 0))


def _at(hour: int, minute: int = 0, day: int = 7) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=ZONE)


def test_the_backup_is_due_once_a_day_from_its_time_on() -> None:
    assert not backup_due(NIGHTLY, _at(1, 59), None, None)
    assert backup_due(NIGHTLY, _at(2, 0), None, None)
    assert backup_due(NIGHTLY, _at(9), _at(2, day=6), _at(2, day=6))  # the app was down at two
    assert not backup_due(NIGHTLY, _at(9), _at(2, 1), _at(2, 1))


def test_a_failed_backup_is_tried_again_an_hour_later() -> None:
    assert not backup_due(NIGHTLY, _at(2, 30), _at(2, day=6), _at(2, 1))
    assert backup_due(NIGHTLY, _at(3, 2), _at(2, day=6), _at(2, 1))


def test_without_a_time_no_backup_is_made_by_itself() -> None:
    assert not backup_due(BackupSchedule(), _at(12), None, None)


def test_the_oldest_backups_beyond_keep_go() -> None:
    names = [Path(f"council-202612{d:02d}-020000.duckdb") for d in (3, 1, 4, 2)]
    assert [p.name for p in to_remove(names, 2)] == [
        "council-20261201-020000.duckdb",
        "council-20261202-020000.duckdb",
    ]
    assert to_remove(names, 14) == []
