"""Benchmark: many people using the app at once. N browser sessions (Streamlit's own websocket
protocol, as the browser speaks it) each open every main page in turn, all at the same time; the
table shows how long a page takes to finish its run, for N = 1, 10 and 30.

    python bench/sessions.py [--url http://127.0.0.1:8501] [--sessions 1,10,30]

Without --url it starts the app itself on a fresh copy of the demo workspace (demo mode, where
each session acts as the secretary) and stops it afterwards. Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from running_app import CONFIG, RunningApp, open_pages, running_app

PAGES = ("overview", "friction_points", "missing_connections", "blockers", "meetings", "decisions",
         "customer_voice", "council")  # fmt: skip


@dataclass
class Round:
    """The page runs of one round: seconds each took, and those that did not finish cleanly."""

    seconds: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


async def _session(app: RunningApp, pages: tuple[str, ...], found: Round) -> None:
    for page, (seconds, clean) in zip(pages, await open_pages(app, [(p, "") for p in pages]), strict=True):
        found.seconds.append(seconds)
        if not clean:
            found.failures.append(page)


async def _round(app: RunningApp, sessions: int) -> Round:
    found = Round()
    # Each session starts on another page, so that the pages are not all opened in the same order.
    orders = [PAGES[n % len(PAGES) :] + PAGES[: n % len(PAGES)] for n in range(sessions)]
    await asyncio.gather(*(_session(app, order, found) for order in orders))
    return found


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running app (default: start one on a copy of the demo)")
    parser.add_argument("--sessions", default="1,10,30", help="how many sessions at once, per round")
    args = parser.parse_args()
    rounds = [int(n) for n in args.sessions.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        if args.url:
            _measure(RunningApp(None, args.url.rstrip("/")), rounds)
            return
        from council.services.workspace import open_workspace  # only here: --url needs none of the app

        db = Path(folder) / "council.duckdb"
        open_workspace(CONFIG, db).db.close()  # the demo, built before the clock starts
        with running_app(db) as app:
            _measure(app, rounds)


def _measure(app: RunningApp, rounds: list[int]) -> None:
    asyncio.run(_round(app, 1))  # warm-up: caches and imports, not counted
    print(f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{len(PAGES)} pages per session: {', '.join(PAGES)}")  # fmt: skip
    print(f"{'sessions':>8} | {'page runs':>9} | {'median ms':>9} | {'p95 ms':>7} | {'max ms':>7} | "
          f"{'runs/s':>6} | failed")  # fmt: skip
    for sessions in rounds:
        started = time.perf_counter()
        found = asyncio.run(_round(app, sessions))
        took = time.perf_counter() - started
        times = sorted(found.seconds)
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"{sessions:>8} | {len(times):>9} | {_ms(statistics.median(times)):>9} | {_ms(p95):>7} | "
              f"{_ms(times[-1]):>7} | {len(times) / took:>6.1f} | {len(found.failures)}")  # fmt: skip


if __name__ == "__main__":
    main()
