"""What the running app does by itself: the day's backup, and the files dropped into the feedback inbox."""

from __future__ import annotations

import os
import time as clock
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from council.domain.schedule import BackupSchedule, FeedbackInbox
from council.services import schedule
from council.services.workspace import Workspace
from council.store.contents import table_counts
from council.store.database import Database
from council.store.database_files import restore_into
from tests.services.conftest import remember_source

SOURCE = "Survey after a call"


@pytest.fixture
def scheduled(demo: Workspace, tmp_path: Path) -> Workspace:
    """The demo with a nightly backup (two kept) and a feedback inbox, in tmp_path."""
    config = replace(demo.config, backup=BackupSchedule(tmp_path / "backups", time(2, 0), keep=2),
                     inbox=FeedbackInbox(tmp_path / "inbox"))  # fmt: skip
    return Workspace(config, demo.db)


def _night(ws: Workspace, days: int = 0, hour: int = 2) -> datetime:
    return datetime.combine(ws.today() + timedelta(days=days), time(hour, 5), ws.zone)


def test_the_days_backup_is_made_once_and_the_oldest_go_beyond_keep(
    scheduled: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    stem = scheduled.db.path.stem
    for old in ("20200101-020000", "20200102-020000"):
        (folder / f"{stem}-{old}.duckdb").write_bytes(b"old")
    run = schedule.back_up_if_due(scheduled, _night(scheduled))
    assert run is not None and run.ok and "1 older backup removed" in run.result
    assert schedule.back_up_if_due(scheduled, _night(scheduled, hour=9)) is None  # once a day
    assert sorted(p.name for p in folder.iterdir()) == [f"{stem}-20200102-020000.duckdb", Path(run.what).name]
    restored = tmp_path / "restored.duckdb"
    restore_into(Path(run.what), restored)
    copy = Database(restored)
    assert table_counts(copy)["decision"] == table_counts(scheduled.db)["decision"]
    copy.close()
    second = schedule.back_up_if_due(scheduled, _night(scheduled, days=1))
    third = schedule.back_up_if_due(scheduled, _night(scheduled, days=2))
    assert (
        second
        and third
        and sorted(p.name for p in folder.iterdir()) == sorted(Path(r.what).name for r in (second, third))
    )


def test_a_failed_backup_is_kept_with_its_reason(scheduled: Workspace, tmp_path: Path) -> None:
    (tmp_path / "backups").write_text("a file where the folder should be")
    run = schedule.back_up_if_due(scheduled, _night(scheduled))
    assert run is not None and not run.ok and run.result
    assert [r.ok for r in schedule.schedule_view(scheduled).backups] == [False]


def _drop(ws: Workspace, source: str, name: str, text: str, settled: bool = True) -> Path:
    folder = ws.config.inbox.folder / source
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    if settled:
        old = clock.time() - 120
        os.utime(path, (old, old))
    return path


def test_a_file_dropped_in_a_sources_inbox_is_imported_and_moved_to_done(
    scheduled: Workspace, tmp_path: Path
) -> None:
    remember_source(scheduled, tmp_path, SOURCE)
    before = table_counts(scheduled.db)["feedback"]
    path = _drop(
        scheduled, SOURCE, "week-49.csv", "date,score,comment\n2026-12-01,9,Quick\n2026-12-02,4,Slow\n"
    )
    still_copying = _drop(scheduled, SOURCE, "week-50.csv", "date,score\n", settled=False)
    [run] = schedule.import_inbox(scheduled)
    assert run.ok and run.result == "2 responses imported" and run.what == f"week-49.csv ({SOURCE})"
    assert table_counts(scheduled.db)["feedback"] == before + 2
    assert not path.exists() and (path.parent / "done" / "week-49.csv").exists() and still_copying.exists()
    via = scheduled.db.value(
        "SELECT details->>'via' FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1"
    )
    assert via == "the inbox (week-49.csv)"


def test_a_file_with_problems_moves_to_failed_with_its_report_and_nothing_is_imported(
    scheduled: Workspace, tmp_path: Path
) -> None:
    remember_source(scheduled, tmp_path, SOURCE)
    before = table_counts(scheduled.db)["feedback"]
    _drop(scheduled, SOURCE, "bad.csv", "date,score,comment\n2026-12-01,11,Too high\n2026-12-02,7,Fine\n")
    [run] = schedule.import_inbox(scheduled)
    failed = scheduled.config.inbox.folder / SOURCE / "failed"
    assert not run.ok and (failed / "bad.csv").exists()
    assert "11" in (failed / "bad.csv.problems.csv").read_text(encoding="utf-8-sig")
    assert table_counts(scheduled.db)["feedback"] == before


def test_a_source_never_imported_by_hand_is_refused_with_what_to_do(scheduled: Workspace) -> None:
    _drop(scheduled, "Unknown survey", "a.csv", "date,score\n2026-12-01,9\n")
    [run] = schedule.import_inbox(scheduled)
    assert not run.ok and "no remembered way to read “Unknown survey”" in run.result
    assert (scheduled.config.inbox.folder / "Unknown survey" / "failed" / "a.csv").exists()
