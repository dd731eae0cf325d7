"""Where a page run's time goes: queries, pandas, figures, serialisation, Streamlit's elements, our own code.

    python bench/profile_pages.py [--large FILE] [--runs 20] [--only PAGE…]

Opens every page view of `bench/speed.py` under AppTest (on the demo, or on a large workspace made with
`python -m council large`) and runs it `--runs` times cold (cached reads cleared first, as after a save)
and as many times warm (reads cached), while a sampler looks at the script's stack every millisecond.
Each sample is put in the first of these that its stack holds: DuckDB (queries, including their
conversion to pandas), plotly (building figures and turning them into JSON), Arrow (turning frames into
what the browser gets), pandas or numpy; else the innermost library frame decides: Streamlit (its
elements), our own code (council/, app_pages/, the translations' lookups), or other libraries and
Python itself. A sample stands for the time since the one before it. Prints per view, cold and warm, the
median run time, the shares, and how much of the runs' time the samples cover ("seen"; the rest is
the harness between runs). Not part of the tests.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from page_times import View, open_view
from running_app import CONFIG
from speed import VIEWS

from council.services.decisions import BESIDE_THREADS  # the threads that run a query beside the script's
from council.services.workspace import open_workspace
from council.ui.cache import clear_reads

PARTS = ("queries", "pandas", "figures", "serialisation", "streamlit", "own code", "other")
_FIRST = (("/duckdb/", "queries"), ("/council/store/database.py", "queries"), ("/plotly/", "figures"),
          ("/pyarrow/", "serialisation"), ("dataframe_util", "serialisation"), ("/pandas/", "pandas"),
          ("/numpy/", "pandas"))  # fmt: skip
_OURS = ("/council/", "/app_pages/", "streamlit_app.py")


class Sampler(threading.Thread):
    """Looks at the stacks of the threads running scripts every `interval` seconds and counts the parts."""

    def __init__(self, interval: float = 0.001) -> None:
        super().__init__(daemon=True)
        self.interval, self.counts, self.on = interval, Counter[str](), threading.Event()
        self._stop_sampling = threading.Event()

    def run(self) -> None:
        me = threading.get_ident()
        main = threading.main_thread().ident
        last = time.perf_counter()
        while not self._stop_sampling.is_set():
            now = time.perf_counter()
            # A sample stands for the time since the one before: the sampler waits longer for its turn
            # while Python code holds the interpreter than while DuckDB (which lets go of it) works.
            weight, last = min(now - last, 0.05), now
            if self.on.is_set():
                beside = {t.ident for t in threading.enumerate() if t.name.startswith(BESIDE_THREADS)}
                for ident, frame in sys._current_frames().items():
                    if ident not in (me, main):
                        self.counts[_part(frame, ident in beside)] += weight
            time.sleep(self.interval)

    def stop(self) -> None:
        self._stop_sampling.set()


def _part(frame, beside: bool) -> str:
    """What the thread of `frame` is doing; `beside`: a thread that runs a query for a script beside it."""
    files = []
    while frame is not None:
        files.append(frame.f_code.co_filename)
        frame = frame.f_back
    if not any(("/council/" if beside else "scriptrunner") in f for f in files):
        return "idle"  # a thread that is not running a script (a server or runtime thread), or no query
    if any(f.endswith("concurrent/futures/_base.py") for f in files):
        return "idle"  # a script waiting for the query beside it, counted in that query's thread
    for marker, part in _FIRST:
        if any(marker in f for f in files):
            return part
    for f in files:  # the innermost frame of a library, or of ours
        if "/streamlit/" in f:
            return "streamlit"
        if any(ours in f for ours in _OURS) and "site-packages" not in f:
            return "own code"
        if "site-packages" in f:
            return "other"
    return "other"


def profile(view: View, ws, runs: int, sampler: Sampler) -> dict[str, tuple[float, dict[str, float]]]:
    at = open_view(ws, CONFIG, view)
    found = {}
    for kind in ("cold", "warm"):
        sampler.counts.clear()
        times = []
        for _ in range(runs):
            if kind == "cold":
                clear_reads()
            sampler.on.set()
            started = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - started)
            sampler.on.clear()
        counted = {part: sampler.counts[part] for part in PARTS}
        total = sum(counted.values()) or 1
        shares = {part: n / total for part, n in counted.items()} | {"seen": total / sum(times)}
        found[kind] = (statistics.median(times) * 1000, shares)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--large", type=Path, help="a large workspace made earlier with `python -m council large`"
    )
    parser.add_argument("--runs", type=int, default=20, help="runs per view, cold and warm")
    parser.add_argument("--only", nargs="+", metavar="PAGE", help="only these pages (script names)")
    args = parser.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    sys.setswitchinterval(0.0005)  # the sampler gets its turn about every half millisecond
    sampler = Sampler()
    sampler.start()
    with tempfile.TemporaryDirectory() as folder:
        ws = (open_workspace(CONFIG, args.large, demo=False) if args.large
              else open_workspace(CONFIG, Path(folder) / "demo.duckdb", demo=True))  # fmt: skip
        print(f"| page | run | ms | {' | '.join(PARTS)} | seen |")
        print("|---|---|---:|" + "---:|" * (len(PARTS) + 1))
        for view in VIEWS:
            if args.only and view.page not in args.only:
                continue
            for kind, (ms, shares) in profile(view, ws, args.runs, sampler).items():
                parts = " | ".join(f"{shares[p]:.0%}" for p in (*PARTS, "seen"))
                print(f"| {view.label.strip()} | {kind} | {ms:,.0f} | {parts} |", flush=True)
        ws.db.close()
    sampler.stop()


if __name__ == "__main__":
    main()
