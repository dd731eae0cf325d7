"""Benchmark: does the workspace stay instant at a large organisation's scale?

    python bench/speed.py [--large FILE] [--repeats 3] [--skip-import]

Builds the demo workspace and a large one (`python -m council large`, scale 1: 50,000 friction
points, 20,000 decisions, 2,000,000 feedback responses) in a temporary folder, or uses the large
FILE given. Then prints:

1. For every page view: its full script run under AppTest on the demo and on the large workspace
   (median of cold runs: cached reads cleared first, as after a save), large/demo, the time DuckDB
   alone needs for the queries of the large run, and page/queries. Warm runs (reads cached) too.
2. Decision search on the large workspace, for several kinds of words.
   Working out the mail reminders that are due (before the first round, and each minute after it).
3. Importing a CSV of 1,000,000 feedback rows into a copy of the large workspace.
4. Cold start of the app on the large workspace (process start until the first page has run),
   then the app process's memory after every view has been opened in five sessions at once.

Not part of the test run; takes a few minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlencode

from page_times import Timing, View, time_view
from running_app import CONFIG, RunningApp, memory_mib, open_pages, running_app

from council.demo.large import add_large_history
from council.domain.filters import DecisionFilter
from council.domain.mail import MailSettings
from council.services.decisions import decision_history
from council.services.reminders import queue_reminders
from council.services.workspace import Workspace, open_workspace
from council.store import outbox as outbox_store

TARGET_PAGE_MS = 250
TARGET_RATIO = 3
# The pages people open between meetings, every day, have a tighter goal.
FOLLOW_THROUGH = {"my_work": "My work", "actions": "Actions", "since": "Since the last meeting"}
TARGET_FOLLOW_THROUGH_MS = 250
TARGET_FOLLOW_THROUGH_RATIO = 1.5
TARGET_SEARCH_MS = 20
TARGET_REMINDERS_MS = 200
TARGET_IMPORT_S = 20
TARGET_MEMORY_MIB = 1024


def _secretary(ws: Workspace) -> int:
    return ws.db.value(
        "SELECT person_id FROM person_role WHERE role = 'secretary' ORDER BY person_id LIMIT 1"
    )


def _guest(ws: Workspace) -> int:
    return ws.db.value(
        "SELECT guest_id FROM meeting WHERE guest_id IS NOT NULL AND closed_at IS NULL "
        "ORDER BY starts_at LIMIT 1"
    )


def _busiest_member(ws: Workspace) -> int:
    """The council member with the most open actions: the fullest My work."""
    return ws.db.value(
        "SELECT a.owner_id FROM action_item a JOIN person_role r ON r.person_id = a.owner_id AND r.role = 'member' "
        "WHERE a.status IN ('open', 'in_progress') GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
    )


def _busiest(sql: str) -> Callable[[Workspace], dict[str, str]]:
    """The address of the record this query puts first (the one with the most attached to it)."""
    return lambda ws: {"id": str(ws.db.value(sql))}


VIEWS = [
    View("My work (busiest member)", "my_work", _busiest_member),
    View("Overview", "overview", _secretary),
    View("Friction points", "friction_points", _secretary),
    View("  one friction point", "friction_points", _secretary, _busiest(
        "SELECT friction_point_id FROM decision_link WHERE friction_point_id IS NOT NULL "
        "GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1")),
    View("Missing connections", "missing_connections", _secretary),
    View("  one missing connection", "missing_connections", _secretary, _busiest(
        "SELECT missing_connection_id FROM connection_friction GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1")),
    View("Blockers", "blockers", _secretary),
    View("  one blocker", "blockers", _secretary, _busiest(
        "SELECT blocker_id FROM blocker_friction GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1")),
    View("Meetings", "meetings", _secretary),
    View("  one closed meeting", "meetings", _secretary, _busiest(
        "SELECT meeting_id FROM decision GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1")),
    View("Propose a change (guest)", "propose_change", _guest),
    View("Council self-check", "self_check", _secretary),
    View("Decisions", "decisions", _secretary),
    View("  one decision", "decisions", _secretary, _busiest(
        "SELECT decision_id FROM decision_event GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1")),
    View("Actions", "actions", _secretary),
    View("Since the last meeting", "since", _secretary),
    View("Customer voice", "customer_voice", _secretary),
    View("Wall screen", "wall", _secretary),
    View("Council & rotation", "council", _secretary),
    View("Import feedback", "import_feedback", _secretary),
    View("Audit trail", "audit_trail", _secretary),
    View("Settings", "settings", _secretary),
]  # fmt: skip
SEARCHES = {
    "no words (all 20,000)": "",
    "a common word": "customers",
    "a rare word": "installer",
    "two words": "refund weeks",
    "no match": "zebra",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--large", type=Path, help="a large workspace made earlier with `python -m council large`"
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs per measurement; the median counts")
    parser.add_argument("--skip-import", action="store_true", help="leave out the 1,000,000-row import")
    parser.add_argument("--only", nargs="+", metavar="PAGE",
                        help="time only these pages (their script names, e.g. my_work actions) and nothing else")  # fmt: skip
    args = parser.parse_args()
    print(
        f"{date.today()} on {platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        demo = open_workspace(CONFIG, folder / "demo.duckdb", demo=True)
        large = _large(args.large, folder)
        if args.only:
            pages(demo, large, args.repeats, [v for v in VIEWS if v.page in args.only])
            if "reminders" in args.only:
                reminders(large, folder, args.repeats)
            return
        pages(demo, large, args.repeats)
        search(large, args.repeats)
        reminders(large, folder, args.repeats)
        if not args.skip_import:
            feedback_import(large, folder)
        addresses = [(view.page, urlencode(view.params(large))) for view in VIEWS]
        large.db.close()
        demo.db.close()
        start_and_memory(large.db.path, addresses)


def _large(given: Path | None, folder: Path) -> Workspace:
    if given:
        return open_workspace(CONFIG, given, demo=False)
    started = time.perf_counter()
    ws = open_workspace(CONFIG, folder / "large.duckdb", demo=True)
    sizes = add_large_history(ws.db, ws.config, today=ws.today(), scale=1)
    ws.db.checkpoint()
    print(f"Large workspace built in {time.perf_counter() - started:.1f} s: {sizes}\n")
    return ws


def pages(demo: Workspace, large: Workspace, repeats: int, views: list[View] = VIEWS) -> None:
    print("Page views: full script run under AppTest, median of cold runs (reads not cached)")
    print(f"{'page':<28} | {'demo ms':>7} | {'large ms':>8} | {'large/demo':>10} | {'queries ms':>10} | "
          f"{'page/queries':>12} | {'queries':>7} | {'warm ms':>7}")  # fmt: skip
    print("-" * 112)
    worst: list[str] = []
    follow_through: dict[str, str] = {}  # page -> how it missed its goal ("" met)
    for view in views:
        small = time_view(demo, CONFIG, view, repeats)
        big = time_view(large, CONFIG, view, repeats)
        ratio = big.page_ms / small.page_ms
        print(f"{view.label:<28} | {small.page_ms:>7,.0f} | {big.page_ms:>8,.0f} | {ratio:>10.1f} | "
              f"{big.queries_ms:>10,.0f} | {big.page_ms / max(big.queries_ms, 0.1):>12.1f} | "
              f"{big.queries:>7} | {big.warm_ms:>7,.0f}{_failed(small, big)}")  # fmt: skip
        if big.page_ms >= TARGET_PAGE_MS or ratio >= TARGET_RATIO:
            worst.append(view.label.strip())
        if view.page in FOLLOW_THROUGH:
            slow = big.page_ms > TARGET_FOLLOW_THROUGH_MS or ratio > TARGET_FOLLOW_THROUGH_RATIO
            follow_through[view.page] = f"{big.page_ms:.0f} ms, {ratio:.1f}x" if slow else ""
    _verdict(not worst, f"every page under {TARGET_PAGE_MS} ms and under {TARGET_RATIO}x the demo",
             f"missed by: {', '.join(worst)}")  # fmt: skip
    if follow_through:
        missed = [f"{FOLLOW_THROUGH[page]} ({how})" for page, how in follow_through.items() if how]
        _verdict(not missed, f"{', '.join(FOLLOW_THROUGH[p] for p in follow_through)} at most "
                 f"{TARGET_FOLLOW_THROUGH_MS} ms and {TARGET_FOLLOW_THROUGH_RATIO}x the demo",
                 f"missed by: {'; '.join(missed)}")  # fmt: skip


def _failed(*timings: Timing) -> str:
    shown = [t.failed for t in timings if t.failed]
    return f"  ERROR: {shown[0]}" if shown else ""


def search(ws: Workspace, repeats: int) -> None:
    count = ws.db.value("SELECT count(DISTINCT decision_id) FROM decision")
    print(f"\nDecision search over {count:,} decisions (a page of results, counts and months), median ms")
    slowest = 0.0
    for label, words in SEARCHES.items():
        flt = DecisionFilter(search=words)
        times = []
        for _ in range(repeats + 2):
            started = time.perf_counter()
            found = decision_history(ws, flt)
            times.append((time.perf_counter() - started) * 1000)
        slowest = max(slowest, statistics.median(times))
        print(f"  {label:<24} {statistics.median(times):>6.0f} ms   {found.counts['all']:>6,} found")
    _verdict(slowest < TARGET_SEARCH_MS, f"search under {TARGET_SEARCH_MS} ms", f"slowest {slowest:.0f} ms")


def reminders(large: Workspace, folder: Path, repeats: int) -> None:
    """Working out who is up for a reminder (the query every round of the sender runs), on a copy of the
    large workspace with mail on: before the first round, and after it (every reminder then remembered)."""
    copy = folder / "reminders.duckdb"
    large.db.checkpoint()
    shutil.copy(large.db.path, copy)
    mail = MailSettings(enabled=True, host="mail.invalid", from_address="council@example.org",
                        public_url="https://council.example.org")  # fmt: skip
    opened = open_workspace(CONFIG, copy, demo=False)
    ws = Workspace(replace(opened.config, email=mail), opened.db)
    try:
        items = ws.db.value("SELECT count(*) FROM action_item") + ws.db.value(
            "SELECT count(DISTINCT decision_id) FROM decision"
        )
        print(f"\nDue reminders over {items:,} actions and decisions, median ms")

        def work_out() -> tuple[float, int]:
            times, found = [], 0
            for _ in range(repeats + 2):
                started = time.perf_counter()
                found = len(outbox_store.due_items(ws.db, ws.today(), mail.remind_days_before))
                times.append((time.perf_counter() - started) * 1000)
            return statistics.median(times), found

        before, due = work_out()
        print(f"  before the first round  {before:>6.0f} ms   {due:>6,} items due")
        started = time.perf_counter()
        mails = queue_reminders(ws, datetime.combine(ws.today(), mail.send_at, ws.zone))
        print(
            f"  first round, queued     {(time.perf_counter() - started) * 1000:>6.0f} ms   {mails:>6,} mails"
        )
        after, due = work_out()
        print(f"  every round after it    {after:>6.0f} ms   {due:>6,} items due")
    finally:
        ws.db.close()
    slowest = max(before, after)
    _verdict(slowest <= TARGET_REMINDERS_MS, f"reminders worked out within {TARGET_REMINDERS_MS} ms",
             f"slowest {slowest:.0f} ms")  # fmt: skip


def feedback_import(large: Workspace, folder: Path) -> None:
    from feedback_import import import_rows, print_steps

    copy = folder / "import.duckdb"
    large.db.checkpoint()
    shutil.copy(large.db.path, copy)
    print("\nImport of 1,000,000 feedback rows into a copy of the large workspace")
    ws = open_workspace(CONFIG, copy, demo=False)
    try:
        steps = import_rows(ws, folder, 1_000_000)
    finally:
        ws.db.close()
    print_steps(steps, indent="  ")
    took = steps["import (one transaction, then checkpoint)"]
    _verdict(took < TARGET_IMPORT_S, f"import under {TARGET_IMPORT_S} s", f"took {took:.1f} s")


def start_and_memory(db: Path, addresses: list[tuple[str, str]]) -> None:
    print("\nThe app started on the large workspace (streamlit run)")
    started = time.perf_counter()
    with running_app(db) as app:
        healthy = time.perf_counter() - started
        first = asyncio.run(open_pages(app, [("", "")]))[0][0]
        print(f"  {'answers its health check after':<44} {healthy:8.1f} s")
        print(f"  {'first page (Overview) shown after':<44} {healthy + first:8.1f} s")
        for _ in range(2):
            asyncio.run(_sessions(app, addresses, 5))
        now, peak = memory_mib(app.process.pid)
    print(f"  {'memory after 5 sessions opened every page':<44} {now:8.0f} MiB (peak {peak:,.0f} MiB)")
    _verdict(peak < TARGET_MEMORY_MIB, f"memory under {TARGET_MEMORY_MIB} MiB", f"peak {peak:,.0f} MiB")


async def _sessions(app: RunningApp, pages: list[tuple[str, str]], sessions: int) -> None:
    await asyncio.gather(*(open_pages(app, pages) for _ in range(sessions)))


def _verdict(met: bool, target: str, otherwise: str) -> None:
    print(f"  -> target {target}: {'met' if met else 'NOT met, ' + otherwise}")


if __name__ == "__main__":
    main()
