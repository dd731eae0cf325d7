"""Benchmark: does reading the workspace in Dutch cost anything? Every page view of `bench/speed.py`,
run in English and in Dutch by turns, on the demo (or a large workspace made earlier).

    python bench/languages.py [--large FILE] [--repeats 3] [--rounds 3] [--only PAGE…]

Prints, per view, the median cold and warm run in each language and Dutch/English. The goal: every
page within 5 % of its English time (differences under a few milliseconds are noise on a shared
machine, so the verdict looks at the sum over all pages too). Not part of the test run.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import statistics
import tempfile
from datetime import date
from pathlib import Path

from page_times import time_view
from running_app import CONFIG
from speed import VIEWS

from council.i18n import use_language
from council.services.workspace import Workspace, open_workspace
from council.store.languages import choose_language
from council.ui.cache import clear_reads

TARGET_RATIO = 1.05


def _speak(ws: Workspace, person_id: int, language: str) -> None:
    ws.db.write(lambda tx: choose_language(tx, person_id, language, ws.now()))
    clear_reads()  # as the app does after a write: the person's language is a cached read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--large", type=Path, help="a large workspace made earlier with `python -m council large`"
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs per measurement; the median counts")
    parser.add_argument("--rounds", type=int, default=3, help="times each language is measured, by turns")
    parser.add_argument("--only", nargs="+", metavar="PAGE", help="only these pages (script names)")
    args = parser.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # its warnings about running without a server
    print(
        f"{date.today()} on {platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        ws = (open_workspace(CONFIG, args.large, demo=False) if args.large
              else open_workspace(CONFIG, Path(folder) / "demo.duckdb", demo=True))  # fmt: skip
        views = [v for v in VIEWS if not args.only or v.page in args.only]
        print(
            f"{'page':<28} | {'en ms':>6} | {'nl ms':>6} | {'nl/en':>5} | {'en warm':>7} | {'nl warm':>7} | {'nl/en':>5}"
        )
        print("-" * 84)
        totals = {"en": 0.0, "nl": 0.0}
        slower = []
        for view in views:
            cold: dict[str, list[float]] = {"en": [], "nl": []}
            warm: dict[str, list[float]] = {"en": [], "nl": []}
            person = view.person(ws)
            for _ in range(args.rounds):
                for language in ("en", "nl"):
                    _speak(ws, person, language)
                    with use_language(language):  # AppTest shows choices again after a run, outside it
                        timing = time_view(ws, CONFIG, view, args.repeats)
                    if timing.failed:
                        print(f"  ERROR on {view.label} in {language}: {timing.failed}")
                    cold[language].append(timing.page_ms)
                    warm[language].append(timing.warm_ms)
            c = {lang: statistics.median(v) for lang, v in cold.items()}
            w = {lang: statistics.median(v) for lang, v in warm.items()}
            totals["en"] += c["en"]
            totals["nl"] += c["nl"]
            ratio = c["nl"] / c["en"]
            if ratio > TARGET_RATIO and c["nl"] - c["en"] > 5:
                slower.append(f"{view.label.strip()} ({ratio:.2f}x)")
            print(f"{view.label:<28} | {c['en']:>6,.0f} | {c['nl']:>6,.0f} | {ratio:>5.2f} | "
                  f"{w['en']:>7,.0f} | {w['nl']:>7,.0f} | {w['nl'] / w['en']:>5.2f}")  # fmt: skip
        overall = totals["nl"] / totals["en"]
        print(
            f"\nAll pages: English {totals['en']:,.0f} ms, Dutch {totals['nl']:,.0f} ms, Dutch/English {overall:.3f}"
        )
        met = overall <= TARGET_RATIO and not slower
        print(
            f"{'MET' if met else 'MISSED'}: every page in Dutch within {TARGET_RATIO - 1:.0%} of English"
            + ("" if met else f"; slower: {', '.join(slower) or 'the sum'}")
        )
        ws.db.close()


if __name__ == "__main__":
    main()
