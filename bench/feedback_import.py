"""Benchmark: generate a CSV of customer feedback, import it, and time the score queries.

    python bench/feedback_import.py [ROWS]     (default 1,000,000)

Works on a new, empty workspace in a temporary folder; prints one line per step.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from council.domain.feedback import VoiceFilter
from council.domain.people import Person
from council.services import customer_voice, feedback_import
from council.services.feedback_file import new_workdir, prepare_path, remove_workdir
from council.services.lists import everyone
from council.services.workspace import Workspace, open_workspace
from council.store.people import add_person

CONFIG = Path(__file__).parents[1] / "data" / "workspace.yaml"
STAGES = [
    "Orientatie",
    "Aanmelden",
    "Overstappen",
    "Gebruik",
    "Facturatie",
    "Storing",
    "Verhuizen",
    "Opzeggen",
]
CHANNELS = ["Telefoon", "E-mail", "Chat", "App", "Website"]
COMMENTS = ["", "", "", "Snel en vriendelijk geholpen", "Drie keer gebeld; niemand wist ervan",
            "De factuur klopt weer niet, \"voorschot\" veel te hoog", "Monteur kwam niet opdagen"]  # fmt: skip


def write_csv(path: Path, rows: int) -> None:
    rng = random.Random(7)
    start = date.today() - timedelta(days=730)
    with path.open("w", encoding="utf-8") as out:
        out.write("Respons-ID;Datum;Score;Opmerking;Kanaal;Fase;Klanttype\n")
        for i in range(rows):
            day = start + timedelta(days=rng.randrange(729))
            comment = rng.choice(COMMENTS).replace('"', '""')
            out.write(f'r{i};{day:%d-%m-%Y} {rng.randrange(8, 22)}:{rng.randrange(60):02d};{rng.randrange(11)};"{comment}";'
                      f"{rng.choice(CHANNELS)};{rng.choice(STAGES)};{rng.choice(('bestaand', 'nieuw'))}\n")  # fmt: skip


def import_rows(ws: Workspace, folder: Path, rows: int) -> dict[str, float]:
    """Write a CSV of `rows` responses in `folder` and import it into `ws` as its secretary, step by
    step: the seconds each step took (and the file's size in MB)."""
    steps: dict[str, float] = {}
    timed = partial(_timed, steps)
    csv_path = folder / "feedback.csv"
    timed(f"write a CSV of {rows:,} rows", lambda: write_csv(csv_path, rows))
    steps["file size (MB)"] = csv_path.stat().st_size / 1024 / 1024
    secretary = _secretary(ws)
    workdir = new_workdir()
    try:
        file = timed("check encoding and fingerprint", lambda: prepare_path(csv_path, workdir))
        found = feedback_import.layout(ws, file)
        profile = feedback_import.suggest(ws, file, found, "Bench survey")
        values = {"journey_stage": dict(zip(STAGES, ws.config.ids("journey_stage"), strict=False)),
                  "channel": dict(zip(CHANNELS, ("phone", "email", "chat", "app", "website"), strict=True)),
                  "segment": {"bestaand": "existing", "nieuw": "new"}}  # fmt: skip
        profile = replace(profile, values=values)
        check = timed("dry run (every row checked)", lambda: feedback_import.dry_run(ws, file, profile))
        assert check.bad_rows == 0, f"{check.bad_rows:,} rows with a problem"
        timed("import (one transaction, then checkpoint)",
              lambda: feedback_import.import_file(ws, secretary, file, profile))  # fmt: skip
    finally:
        remove_workdir(workdir)
    return steps


def _secretary(ws: Workspace) -> Person:
    """The workspace's secretary; a new, empty workspace gets one."""
    found = next((p for p in everyone(ws) if p.has_role("secretary")), None)
    if found is not None:
        return found
    person = Person("Bench Secretary", "operations", roles=("secretary",))
    return replace(person, id=ws.db.write(lambda tx: add_person(tx, person)))


def main(rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ws = open_workspace(CONFIG, folder / "bench.duckdb", demo=False)
        steps = import_rows(ws, folder, rows)
        for label, flt in (("scores, last 12 months", VoiceFilter(period="12m")),
                           ("scores, any time, one stage", VoiceFilter(period="all", journey_stage="billing")),
                           ("scores, any time", VoiceFilter(period="all"))):  # fmt: skip
            _timed(steps, label, lambda flt=flt: customer_voice.scores(ws, flt))
        _timed(steps, "comments, unhappy, two words, page 3",
               lambda: customer_voice.comment_page(ws, VoiceFilter(band="unhappy", search="factuur hoog"), 3))  # fmt: skip
        ws.db.close()
    print_steps(steps)


def print_steps(steps: dict[str, float], indent: str = "") -> None:
    """One line per step: its seconds (or, for the file's size, its MB)."""
    for label, value in steps.items():
        print(f"{indent}{label:<44} {value:8.2f} {'MB' if 'MB' in label else 's'}")


def _timed(steps: dict[str, float], label: str, fn):
    """`fn()`, noting in `steps` how many seconds it took."""
    started = time.perf_counter()
    result = fn()
    steps[label] = time.perf_counter() - started
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
