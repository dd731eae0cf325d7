"""Benchmark: a meeting followed from other seats. Fifteen people have the running meeting open and their
page refreshes its point under discussion by itself (as the browser does for the app's fragment), while
the chair records a point every 20 s; prints how long the chair's save takes and how long each follower
takes to see it, and how long a refresh takes.

    python bench/follow.py [--followers 15] [--minutes 2]

Starts the app on a fresh copy of the demo, with the coming meeting started and its agenda filled, as
`bench/meeting.py` does. Not part of the tests.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from meeting import RECORD_EVERY, SEEN_WITHIN, Chair, Meeting, meeting_under_way
from running_app import CONFIG, RunningApp, machine, memory_mib, running_app, session, spread

from council.services.workspace import open_workspace


@dataclass
class Seen:
    saves: list[tuple[str, float, bool]] = field(default_factory=list)  # text, seconds, confirmed
    confirmed_at: dict[str, float] = field(default_factory=dict)  # text -> when its save was confirmed
    seen_after: list[float | None] = field(default_factory=list)  # per follower and save; None: not within
    refreshes: list[float] = field(default_factory=list)  # seconds each refresh took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--followers", type=int, default=15, help="people following the running meeting")
    parser.add_argument("--minutes", type=float, default=2, help="how long the meeting is measured")
    args = parser.parse_args()
    print(f"{machine()}; {args.followers} people following a running meeting for {args.minutes:g} minutes, "
          f"the chair recording a point every {RECORD_EVERY} s", flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "council.duckdb"
        ws = open_workspace(CONFIG, db)
        meeting = meeting_under_way(ws)
        ws.db.close()
        with running_app(db) as app:
            seen = asyncio.run(_followed(app, meeting, args.followers, args.minutes * 60))
            memory = memory_mib(app.process.pid)
    _report(seen, memory)


async def _followed(app: RunningApp, meeting: Meeting, followers: int, seconds: float) -> Seen:
    seen = Seen()
    async with session(app) as chair_session:
        chair = Chair(chair_session, meeting)
        await chair.take_the_chair()
        end = time.perf_counter() + seconds
        await asyncio.gather(
            _record(chair, end, seen),
            *(_follow(app, meeting, end, seen, random.Random(n)) for n in range(followers)),
        )
    return seen


async def _record(chair: Chair, end: float, seen: Seen) -> None:
    n, due = 1, time.perf_counter() + RECORD_EVERY
    while due < end:
        await asyncio.sleep(due - time.perf_counter())
        line = f"Point {n} recorded at {datetime.now():%H:%M:%S}"
        seconds, confirmed = await chair.record(line, move_on=False)
        seen.saves.append((line, seconds, confirmed))
        if confirmed:
            seen.confirmed_at[line] = time.perf_counter()
        n += 1
        due += RECORD_EVERY


async def _follow(app: RunningApp, meeting: Meeting, end: float, seen: Seen, rng: random.Random) -> None:
    """One person with the running meeting open: their page refreshes its live part every few seconds."""
    query = f"id={meeting.id}&view=run"
    async with session(app) as browser:
        await browser.open("meetings", query)
        if not browser.refreshing:
            raise SystemExit("The meeting's page has no part that refreshes itself.")
        fragment, every = next(iter(browser.refreshing.items()))
        await asyncio.sleep(rng.uniform(0, every))  # people open the page at different moments
        noticed: set[str] = set()
        while time.perf_counter() < end + SEEN_WITHIN:
            await asyncio.sleep(every)
            run = await browser.refresh("meetings", query, fragment)
            seen.refreshes.append(run.seconds)
            for line, at in list(seen.confirmed_at.items()):
                if line not in noticed and run.shows(line):
                    noticed.add(line)
                    seen.seen_after.append(time.perf_counter() - at)
        seen.seen_after.extend(None for line in seen.confirmed_at if line not in noticed)


def _report(seen: Seen, memory: tuple[float, float]) -> None:
    print(f"\n{'':<36} | {'count':>5} | {'p50 ms':>7} | {'p95 ms':>7} | {'max ms':>7} | failed")
    rows = (
        ("chair: save to confirmation", [s for _, s, _ in seen.saves], sum(1 for *_, ok in seen.saves if not ok)),
        ("followers: save to seeing it", [s for s in seen.seen_after if s is not None],
         sum(1 for s in seen.seen_after if s is None)),
        ("followers: one refresh of the point", seen.refreshes, 0),
    )  # fmt: skip
    for label, seconds, failed in rows:
        p50, p95, most = spread(seconds) if seconds else (float("nan"),) * 3
        print(
            f"{label:<36} | {len(seconds):>5} | {p50 * 1000:>7,.0f} | {p95 * 1000:>7,.0f} | {most * 1000:>7,.0f} | {failed}"
        )
    print(f"memory of the app: {memory[0]:,.0f} MiB at the end, at most {memory[1]:,.0f} MiB")


if __name__ == "__main__":
    main()
