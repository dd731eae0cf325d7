"""What the running app does by itself: the day's backup (the oldest removed beyond `keep`), and importing
the CSV files dropped into a feedback source's inbox folder with the way that source is read.

Each run is kept with its result, for Settings, in the language of the run (the worker's: the workspace's);
nothing here waits on a person.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from council.domain.errors import CouncilError
from council.domain.people import OPERATOR
from council.domain.schedule import SETTLED, backup_due, to_remove
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import feedback_import
from council.services.admin import default_backup_path, note_backup
from council.services.feedback_file import new_workdir, prepare_path, remove_workdir
from council.services.workspace import Workspace
from council.store import jobs
from council.store.database import Transaction
from council.store.jobs import JobRun

log = logging.getLogger("council.schedule")
DONE, FAILED = "done", "failed"


@dataclass(frozen=True)
class ScheduleView:
    """What Settings shows of the schedule."""

    backup_folder: Path
    backup_at: str | None  # "02:00", or None when no backup is made by itself
    keep: int
    inbox: Path | None
    backups: list[JobRun]
    imports: list[JobRun]


def back_up_if_due(ws: Workspace, now: datetime | None = None) -> JobRun | None:
    """The day's backup, once `backup.at` has passed (a failed one is tried again an hour later)."""
    schedule = ws.config.backup
    now = (now or ws.now()).astimezone(ws.zone)
    last_ok, last_try = jobs.last_started(ws.db, "backup", ok=True), jobs.last_started(ws.db, "backup")
    if not backup_due(
        schedule, now, last_ok and last_ok.astimezone(ws.zone), last_try and last_try.astimezone(ws.zone)
    ):
        return None
    target = default_backup_path(ws, now)
    try:
        written = ws.db.backup_to(target)
        removed = [p for p in to_remove(_backups(ws), schedule.keep) if p != written]
        for old in removed:
            old.unlink(missing_ok=True)
        if removed:
            result = ngettext(
                "written; {n} older backup removed", "written; {n} older backups removed", len(removed)
            ).format(n=fmt.number(len(removed)))
        else:
            result = _("written")
        run = JobRun("backup", now, ws.now(), True, str(written), result)
        log.info("backup: %s written, %d older removed", written, len(removed))
    except (CouncilError, OSError) as e:
        run = JobRun("backup", now, ws.now(), False, str(target), _reason(e))
        log.error("backup: %s failed: %s", target, run.result)

    def save(tx: Transaction) -> None:
        jobs.record_run(tx, run)
        _audit_backup(tx, run)

    ws.db.write(save)
    return run


def import_inbox(ws: Workspace, now: datetime | None = None) -> list[JobRun]:
    """Import every settled CSV file in the inbox's source folders, one at a time; each is moved to `done/`,
    or to `failed/` with its problems beside it."""
    inbox = ws.config.inbox.folder
    if inbox is None or not inbox.is_dir():
        return []
    now = (now or ws.now()).astimezone(ws.zone)
    runs = []
    for source_folder in sorted(p for p in inbox.iterdir() if p.is_dir()):
        for path in sorted(p for p in source_folder.iterdir() if p.is_file() and p.suffix.lower() == ".csv"):
            if now.timestamp() - path.stat().st_mtime >= SETTLED.total_seconds():
                runs.append(_import_one(ws, path, source_folder.name))
    return runs


def schedule_view(ws: Workspace) -> ScheduleView:
    schedule = ws.config.backup
    return ScheduleView(
        backup_folder=schedule.folder,
        backup_at=fmt.clock(schedule.at) if schedule.at else None,
        keep=schedule.keep,
        inbox=ws.config.inbox.folder,
        backups=jobs.recent_runs(ws.db, "backup", 5),
        imports=jobs.recent_runs(ws.db, "inbox", 10),
    )


def _import_one(ws: Workspace, path: Path, source: str) -> JobRun:
    started = ws.now()
    what = f"{path.name} ({source})"  # a file and its source, as the list of runs shows them
    workdir = new_workdir()
    problems = ""
    try:
        if source not in feedback_import.saved_sources(ws):
            raise CouncilError(
                _(
                    "There is no remembered way to read “{source}” yet: import one file of it on the Import "
                    "feedback page (or with `python -m council import-feedback`) first, under that source name."
                ).format(source=source)
            )
        file = prepare_path(path, workdir)
        profile = feedback_import.suggest(ws, file, feedback_import.layout(ws, file), source)
        try:
            result = feedback_import.import_file(ws, OPERATOR, file, profile, via=f"the inbox ({path.name})")
        except CouncilError:
            problems = feedback_import.problem_report(ws, file, profile)
            raise
    except (CouncilError, OSError) as e:
        run = JobRun("inbox", started, ws.now(), False, what, _reason(e))
        moved = _move(path, FAILED)
        if problems:
            moved.with_name(moved.name + ".problems.csv").write_text(problems, encoding="utf-8-sig")
        log.warning("inbox: %s not imported: %s", what, run.result)
    else:
        parts = [
            ngettext("{n} response imported", "{n} responses imported", result.imported).format(
                n=fmt.number(result.imported)
            )
        ]
        if result.skipped:
            parts.append(
                ngettext("{n} row left out", "{n} rows left out", result.skipped).format(
                    n=fmt.number(result.skipped)
                )
            )
        if result.already_imported:
            parts.append(
                ngettext(
                    "{n} response imported before", "{n} responses imported before", result.already_imported
                ).format(n=fmt.number(result.already_imported))
            )
        run = JobRun("inbox", started, ws.now(), True, what, "; ".join(parts))
        _move(path, DONE)
        log.info("inbox: %s: %s", what, run.result)
    finally:
        remove_workdir(workdir)
    ws.db.write(lambda tx: jobs.record_run(tx, run))
    return run


def _backups(ws: Workspace) -> list[Path]:
    folder = ws.config.backup.folder
    return list(folder.glob(f"{ws.db.path.stem}-????????-??????.duckdb")) if folder.is_dir() else []


def _move(path: Path, to: str) -> Path:
    """Into `done/` or `failed/` beside it, under a new name if one of that name is there already."""
    folder = path.parent / to
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{path.stem} ({n}){path.suffix}"
    shutil.move(path, target)
    return target


def _audit_backup(tx: Transaction, run: JobRun) -> None:
    if run.ok:
        note_backup(tx, None, Path(run.what), scheduled=True)


def _reason(e: BaseException) -> str:
    return e.message if isinstance(e, CouncilError) else f"{type(e).__name__}: {e}"
