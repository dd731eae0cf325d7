"""Per page view: how long a full script run takes under AppTest, and how long DuckDB alone needs
for the queries that run made.

A run is timed "cold": every cached read is cleared first, as after any save, so each query the
page needs really runs. One more cold run, not timed, records every query (text, parameters and how
its result was fetched); replaying those on the same database gives the queries-only time.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from council.services.workspace import Workspace
from council.store.database import Database
from council.ui.cache import clear_reads
from council.ui.session import ACTING_KEY

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")


@dataclass(frozen=True)
class View:
    """A page as someone opens it: who looks, and the address's query parameters."""

    label: str
    page: str  # the script in app_pages/, without .py
    person: Callable[[Workspace], int]
    params: Callable[[Workspace], dict[str, str]] = lambda ws: {}


@dataclass(frozen=True)
class Timing:
    page_ms: float  # median full run, cold
    warm_ms: float  # median full run with the reads cached
    queries_ms: float  # median replay of the cold run's queries
    queries: int
    failed: str = ""  # an exception the page showed, if any


@dataclass
class _Recorded:
    sql: str
    params: Any
    fetch: str = ""


@dataclass
class _Log:
    on: bool = False
    queries: list[_Recorded] = field(default_factory=list)


class _RecordingCursor:
    """A cursor that notes each query and how its result is fetched, then passes the call on."""

    def __init__(self, cursor: Any, log: _Log) -> None:
        self._cur, self._log = cursor, log

    def execute(self, sql: str, params: Any = ()) -> _RecordingCursor:
        self._log.queries.append(_Recorded(sql, params))
        self._cur.execute(sql, params)
        return self

    def _fetched(self, how: str) -> None:
        self._log.queries[-1].fetch = how

    def fetchall(self) -> list:
        self._fetched("fetchall")
        return self._cur.fetchall()

    def fetchone(self) -> Any:
        self._fetched("fetchone")
        return self._cur.fetchone()

    def df(self) -> Any:
        self._fetched("df")
        return self._cur.df()

    @property
    def description(self) -> Any:
        return self._cur.description


# Every read the app makes takes its cursor from Database._using: in this benchmark's process it is
# wrapped, so that a page run's queries can be noted.
_LOG = _Log()
_plain_using = Database._using


@contextmanager
def _recording_using(self: Database) -> Iterator[Any]:
    with _plain_using(self) as cur:
        yield _RecordingCursor(cur, _LOG) if _LOG.on else cur


Database._using = _recording_using  # type: ignore[method-assign]


def open_view(ws: Workspace, config: Path, view: View) -> AppTest:
    """The app on `view`, as its person opens it on the workspace `ws` (whose database file the app opens
    too), run once: that run imports the page's modules, so it is not one to count."""
    at = AppTest.from_file(APP, default_timeout=300)
    at.session_state[ACTING_KEY] = view.person(ws)
    _env(config, ws.db.path)
    at.run()
    at.switch_page(f"app_pages/{view.page}.py")
    at.query_params.update(view.params(ws))
    at.run()
    return at


def time_view(ws: Workspace, config: Path, view: View, repeats: int) -> Timing:
    """Open `view` on the workspace `ws` (whose database file the app opens too) and time it."""
    at = open_view(ws, config, view)
    cold = []
    for _ in range(repeats):
        clear_reads()
        started = time.perf_counter()
        at.run()
        cold.append(time.perf_counter() - started)
    clear_reads()  # once more, not timed, noting every query
    _LOG.on, _LOG.queries = True, []
    at.run()
    _LOG.on, recorded = False, _LOG.queries
    warm = []
    for _ in range(repeats):
        started = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - started)
    replays = [_replay(ws.db, recorded) for _ in range(repeats)]
    failed = "; ".join(str(e.value).splitlines()[0] for e in at.exception)
    return Timing(_ms(cold), _ms(warm), _ms(replays), len(recorded), failed)


def _replay(db: Database, recorded: list[_Recorded]) -> float:
    started = time.perf_counter()
    for query in recorded:
        with _plain_using(db) as cur:
            cur.execute(query.sql, query.params)
            if query.fetch:
                getattr(cur, query.fetch)()
    return time.perf_counter() - started


def _env(config: Path, db: Path) -> None:
    """Which workspace the app under test opens."""
    os.environ["COUNCIL_CONFIG"] = str(config)
    os.environ["COUNCIL_DB"] = str(db)


def _ms(seconds: list[float]) -> float:
    return statistics.median(seconds) * 1000
