"""Benchmark: many people using the app at once. N browser sessions (Streamlit's own websocket
protocol, as the browser speaks it) each open every main page in turn, all at the same time; the
table shows how long a page takes to finish its run, for N = 1, 10 and 30.

    python bench/sessions.py [--url http://127.0.0.1:8501] [--sessions 1,10,30]
    python bench/sessions.py --compare main~5 [--sessions 1,10,30] [--repeat 3]

Without --url it starts the app itself on a fresh copy of the demo workspace (demo mode, where
each session acts as the secretary) and stops it afterwards.

--compare REV measures another commit (any git revision) against the working tree, in the same
run: it starts both apps, each from its own code and settings on a demo built by its own code, and
runs each session count's rounds on them in turn (REV, this tree, REV, … --repeat rounds each, after
a warm-up round on each). It prints a table for each (the page times of all their rounds pooled; runs
per second over the rounds' total time), this tree's figures as a ratio of REV's, and each app's
memory. Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from running_app import ROOT, RunningApp, fresh_demo, machine, memory_mib, open_pages, running_app, spread

PAGES = ("overview", "friction_points", "missing_connections", "blockers", "meetings", "decisions",
         "customer_voice", "council")  # fmt: skip
HEADER = f"{'sessions':>8} | {'page runs':>9} | {'median ms':>9} | {'p95 ms':>7} | {'max ms':>7} | {'runs/s':>6} | failed"


@dataclass
class Round:
    """The page runs of one or more rounds: seconds each took, those that did not finish cleanly, and
    the rounds' time from start to end."""

    seconds: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    took: float = 0.0

    def add(self, other: Round) -> None:
        self.seconds += other.seconds
        self.failures += other.failures
        self.took += other.took

    @property
    def runs_per_second(self) -> float:
        return len(self.seconds) / self.took

    def row(self, sessions: int) -> str:
        median, p95, slowest = spread(self.seconds)
        return (f"{sessions:>8} | {len(self.seconds):>9} | {_ms(median):>9} | {_ms(p95):>7} | {_ms(slowest):>7} | "
                f"{self.runs_per_second:>6.1f} | {len(self.failures)}")  # fmt: skip


async def _session(app: RunningApp, pages: tuple[str, ...], found: Round) -> None:
    for page, (seconds, clean) in zip(pages, await open_pages(app, [(p, "") for p in pages]), strict=True):
        found.seconds.append(seconds)
        if not clean:
            found.failures.append(page)


async def _sessions(app: RunningApp, sessions: int, found: Round) -> None:
    # Each session starts on another page, so that the pages are not all opened in the same order.
    orders = [PAGES[n % len(PAGES) :] + PAGES[: n % len(PAGES)] for n in range(sessions)]
    await asyncio.gather(*(_session(app, order, found) for order in orders))


def _round(app: RunningApp, sessions: int) -> Round:
    """`sessions` sessions opening every main page, all at once."""
    found = Round()
    started = time.perf_counter()
    asyncio.run(_sessions(app, sessions, found))
    found.took = time.perf_counter() - started
    return found


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running app (default: start one on a copy of the demo)")
    parser.add_argument("--sessions", default="1,10,30", help="how many sessions at once, per round")
    parser.add_argument(
        "--compare", metavar="REV", help="also measure this git revision, by turns with this tree"
    )
    parser.add_argument("--repeat", type=int, default=3, help="with --compare: rounds per revision and count")
    args = parser.parse_args()
    counts = [int(n) for n in args.sessions.split(",")]
    if args.url and args.compare:
        parser.error("--compare starts both apps itself: leave out --url")
    if args.compare and not _is_commit(args.compare):
        parser.error(f"{args.compare} names no commit of this repository")
    print(f"{machine()}; {len(PAGES)} pages per session: {', '.join(PAGES)}")
    if args.url:
        _measure(RunningApp(None, args.url.rstrip("/")), counts)
        return
    with tempfile.TemporaryDirectory() as folder:
        if args.compare:
            _compare(args.compare, Path(folder), counts, args.repeat)
            return
        with running_app(fresh_demo(Path(folder) / "council.duckdb")) as app:
            _measure(app, counts)


def _measure(app: RunningApp, counts: list[int]) -> None:
    _round(app, 1)  # warm-up: caches and imports, not counted
    print(HEADER)
    for sessions in counts:
        print(_round(app, sessions).row(sessions))


def _compare(rev: str, folder: Path, counts: list[int], repeat: int) -> None:
    other = _tree_of(rev, folder / "other")
    names = (f"{rev} ({_git('rev-parse', '--short', rev)})", "this tree")
    with (
        running_app(fresh_demo(folder / "other.duckdb", other), root=other) as before,
        running_app(fresh_demo(folder / "this.duckdb")) as now,
    ):
        apps = (before, now)
        for app in apps:
            _round(app, 1)  # warm-up: caches and imports, not counted
        found = {sessions: (Round(), Round()) for sessions in counts}
        for sessions in counts:
            for _ in range(repeat):
                for app, pooled in zip(apps, found[sessions], strict=True):
                    pooled.add(_round(app, sessions))
            print(f"{sessions} at once: {repeat} rounds on each app done", flush=True)
        memory = [memory_mib(app.process.pid) for app in apps if app.process]
    for n, name in enumerate(names):
        print(f"\n{name}, {repeat} rounds of each count, pooled\n{HEADER}")
        for sessions in counts:
            print(found[sessions][n].row(sessions))
    print(
        f"\nthis tree / {rev}: runs per second, median and p95 page time (above 1, below 1: this tree is faster)"
    )
    print(f"{'sessions':>8} | {'runs/s':>6} | {'median':>6} | {'p95':>6}")
    for sessions in counts:
        old, new = found[sessions]
        (old_median, old_p95, _), (new_median, new_p95, _) = spread(old.seconds), spread(new.seconds)
        print(f"{sessions:>8} | {new.runs_per_second / old.runs_per_second:>6.2f} | "
              f"{new_median / old_median:>6.2f} | {new_p95 / old_p95:>6.2f}")  # fmt: skip
    for name, (now_mib, peak_mib) in zip(names, memory, strict=True):
        print(f"memory of the app of {name}: {now_mib:,.0f} MiB at the end, at most {peak_mib:,.0f} MiB")


def _tree_of(rev: str, folder: Path) -> Path:
    """The files of commit `rev` in `folder`, as `git archive` gives them."""
    folder.mkdir()
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def _is_commit(rev: str) -> bool:
    found = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True
    )
    return found.returncode == 0


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


if __name__ == "__main__":
    main()
