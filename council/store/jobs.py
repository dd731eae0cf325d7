"""What the running app did by itself (scheduled backups, inbox imports), with the result of each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from council.store.database import Query, Transaction


@dataclass(frozen=True)
class JobRun:
    kind: str
    started_at: datetime
    finished_at: datetime
    ok: bool
    what: str
    result: str
    id: int | None = None


def record_run(tx: Transaction, run: JobRun) -> int:
    return tx.insert_record("job_run", run)


def last_started(q: Query, kind: str, *, ok: bool | None = None) -> datetime | None:
    """When the last run of `kind` started (only those that went well, or wrong, with `ok`)."""
    return q.value_of(
        datetime,
        "SELECT max(started_at) FROM job_run WHERE kind = ? AND (? IS NULL OR ok = ?)",
        [kind, ok, ok],
    )


def recent_runs(q: Query, kind: str, limit: int) -> list[JobRun]:
    return q.records(JobRun, "SELECT * FROM job_run WHERE kind = ? ORDER BY id DESC LIMIT ?", [kind, limit])
