"""Benchmark: a council meeting as it happens, the chair recording while forty people read along.

While the chair records an agenda point every 20 seconds in meeting mode, forty people (browser
sessions speaking Streamlit's websocket protocol, as the browser does) each open a page every 5 to
20 seconds (they read each page that long, at random, before opening the next), half the time the
meeting's own page and otherwise one of the eight main pages of bench/sessions.py, for three minutes.

    python bench/meeting.py [--people 40] [--minutes 3] [--seed 1]

It starts the app on a fresh copy of the demo workspace (demo mode, where the people act as the
secretary), with the coming meeting brought forward to today, eight points on its agenda, and
started. The chair's session acts as the meeting's chair (chosen in the sidebar's "Acting as", as a
person does) and records as a browser does: it types a line of notes that no other save has (say
"Point 7 recorded at 12:03:20") into the current point's notes, presses "Save this point", and then
goes on to the next point. It measures:

- the people's page times (median, 95th percentile, slowest), the meeting's page and the others apart;
- the chair's save time: from pressing the button to the end of the run that confirms the save;
- how long the others take to see it: after each confirmed save, an observer's session opens the
  meeting's draft minutes (`?id=…&view=minutes`) until they show the line, again and again for at
  most 10 seconds (after that it counts as not seen); the time from the confirmation to the end of
  the run that shows it.

Afterwards, with the app stopped, it counts the confirmed lines that the database holds. The people's
pages and waits are drawn from --seed, so two runs with the same seed ask the same pages after the
same waits.
Not part of the test run.
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

from running_app import (
    CONFIG,
    RunningApp,
    Session,
    cpu_seconds,
    machine,
    memory_mib,
    running_app,
    session,
    spread,
)
from sessions import PAGES
from streamlit.proto.Alert_pb2 import Alert

from council.i18n import _, use_language
from council.services import agenda, agenda_suggestions, meeting_mode
from council.services.languages import language_of
from council.services.workspace import Workspace, open_workspace
from council.store import meetings as meeting_store
from council.store import people as roster

POINTS = 8  # on the meeting's agenda
RECORD_EVERY = 20  # seconds between the chair's saves
THINKING = (5, 20)  # seconds a person spends on a page before opening the next
MEETING_SHARE = 0.5  # of the pages people open, the meeting's own
SEEN_WITHIN = 10  # seconds: a save not shown to the observer by then counts as not seen


@dataclass(frozen=True)
class Meeting:
    """The meeting under way, and the words of the widgets the chair uses, in the language the app shows
    them in (the secretary's for "Acting as", which the session first acts as; then the chair's)."""

    id: int
    chair: str
    acting_as: str
    notes: str
    save: str
    next_point: str


@dataclass
class Found:
    """What the benchmark saw: every page a person opened, every save, and how long each took to be seen."""

    opens: list[tuple[bool, float, bool]] = field(default_factory=list)  # meeting page? seconds, clean
    saves: list[tuple[str, float, bool]] = field(default_factory=list)  # text, seconds, confirmed
    seen: list[float | None] = field(default_factory=list)  # seconds after the confirmation; None: not seen


def meeting_under_way(ws: Workspace) -> Meeting:
    """The coming meeting with POINTS points on its agenda, brought forward to today and started by its
    chair, as the app's own tests do: all the chair has left to do is record."""
    coming = min((m for m in meeting_store.list_meetings(ws.db) if m.status == "planned"),
                 key=lambda m: m.starts_at)  # fmt: skip
    chair = roster.get_person(ws.db, coming.chair_id)
    missing = POINTS - len(meeting_store.agenda_for(ws.db, coming.id))
    for suggestion in agenda_suggestions.suggestions(ws, coming.id)[: max(missing, 0)]:
        agenda.add_suggestion(ws, chair, coming.id, suggestion.kind, suggestion.ref_id)
    meeting_mode.start_meeting(ws, chair, coming.id, bring_forward=True)
    secretary = next(p for p in roster.list_people(ws.db) if p.has_role("secretary"))
    with use_language(language_of(ws, secretary.id)):
        acting_as = _("Acting as")
    with use_language(language_of(ws, chair.id)):
        return Meeting(coming.id, chair.name, acting_as, _("Notes"), _("Save this point"), _("Next point"))


class Chair:
    """The chair's browser session on the meeting's page."""

    def __init__(self, browser: Session, meeting: Meeting) -> None:
        self.browser = browser
        self.meeting = meeting
        self.query = f"id={meeting.id}"
        self.notes: dict[str, str] = {}  # what the chair typed into each point's notes so far

    async def take_the_chair(self) -> None:
        """Open the meeting's page and choose the chair in "Acting as", as a person does in demo mode."""
        run = await self.browser.open("meetings", self.query)
        acting = run.widget(self.meeting.acting_as)
        chair = next(option for option in acting.options if option.startswith(f"{self.meeting.chair} ("))
        self.page = await self.browser.open("meetings", self.query, typed={acting.id: chair})

    async def record(self, line: str, move_on: bool = True) -> tuple[float, bool]:
        """Add `line` to the current point's notes and save it, then (with `move_on`) go on to the next point
        if there is one: the seconds the save took, and whether the app confirmed it."""
        notes, save = self.page.widget(self.meeting.notes), self.page.widget(self.meeting.save)
        self.notes[notes.id] = f"{self.notes.get(notes.id, notes.value)}\n{line}".strip()
        run = await self.browser.open(
            "meetings", self.query, typed={notes.id: self.notes[notes.id]}, press=save.id
        )
        confirmed = run.clean and run.alerts(Alert.SUCCESS) > 0 and run.alerts(Alert.ERROR) == 0
        following = run.widget(self.meeting.next_point)
        self.page = (
            run
            if following.disabled or not move_on
            else await self.browser.open("meetings", self.query, press=following.id)
        )
        return run.seconds, confirmed


async def _meeting(app: RunningApp, meeting: Meeting, headcount: int, seconds: float, seed: int) -> Found:
    """The chair, the observer and the people, from the moment the chair is ready to record."""
    found = Found()
    saved: asyncio.Queue[tuple[str, float] | None] = asyncio.Queue()
    minutes = f"id={meeting.id}&view=minutes"
    async with session(app) as chair_session, session(app) as observer:
        chair = Chair(chair_session, meeting)
        await chair.take_the_chair()
        await observer.open("meetings", minutes)
        end = time.perf_counter() + seconds
        await asyncio.gather(
            _record(chair, end, found, saved),
            _follow(observer, minutes, found, saved),
            *(_person(app, meeting, random.Random(f"{seed}/{n}"), end, found) for n in range(headcount)),
        )
    return found


async def _record(chair: Chair, end: float, found: Found, saved: asyncio.Queue) -> None:
    """A point every RECORD_EVERY seconds (or right after the last save, if that took longer)."""
    n, due = 1, time.perf_counter() + RECORD_EVERY
    while due < end:
        await asyncio.sleep(due - time.perf_counter())
        line = f"Point {n} recorded at {datetime.now():%H:%M:%S}"
        seconds, confirmed = await chair.record(line)
        found.saves.append((line, seconds, confirmed))
        if confirmed:
            saved.put_nowait((line, time.perf_counter()))
        n += 1
        due += RECORD_EVERY
    saved.put_nowait(None)


async def _follow(observer: Session, minutes: str, found: Found, saved: asyncio.Queue) -> None:
    """Someone at the meeting who follows its draft minutes: after each save, opens them until they show it."""
    while (save := await saved.get()) is not None:
        line, confirmed_at = save
        found.seen.append(None)
        while time.perf_counter() - confirmed_at <= SEEN_WITHIN:
            if (await observer.open("meetings", minutes)).shows(line):
                found.seen[-1] = time.perf_counter() - confirmed_at
                break


async def _person(app: RunningApp, meeting: Meeting, rng: random.Random, end: float, found: Found) -> None:
    """Someone at the meeting with the app open, going from page to page."""
    opens_at = time.perf_counter() + rng.uniform(0, THINKING[1])
    async with session(app) as browser:
        while opens_at < end:
            await asyncio.sleep(opens_at - time.perf_counter())
            on_meeting = rng.random() < MEETING_SHARE
            run = await browser.open(
                *(("meetings", f"id={meeting.id}") if on_meeting else (rng.choice(PAGES), ""))
            )
            found.opens.append((on_meeting, run.seconds, run.clean))
            opens_at = time.perf_counter() + rng.uniform(*THINKING)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=40, help="sessions opening pages during the meeting")
    parser.add_argument("--minutes", type=float, default=3, help="how long the meeting is measured")
    parser.add_argument("--seed", type=int, default=1, help="for the people's choice of pages and waits")
    args = parser.parse_args()
    print(f"{machine()}; {args.people} people for {args.minutes:g} minutes, each opening a page after "
          f"{THINKING[0]}–{THINKING[1]} s on the last ({MEETING_SHARE:.0%} the meeting's), the chair recording a point "
          f"every {RECORD_EVERY} s; seed {args.seed}", flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "council.duckdb"
        ws = open_workspace(CONFIG, db)  # the demo, and the meeting under way, before the clock starts
        meeting = meeting_under_way(ws)
        ws.db.close()
        with running_app(db) as app:
            pid = app.process.pid
            started, used = time.perf_counter(), cpu_seconds(pid)
            found = asyncio.run(_meeting(app, meeting, args.people, args.minutes * 60, args.seed))
            busy = (cpu_seconds(pid) - used) / (time.perf_counter() - started)
            memory = memory_mib(pid)
        ws = open_workspace(CONFIG, db)  # the app has let go of the file
        notes = "\n".join(item.notes for item in meeting_store.agenda_for(ws.db, meeting.id))
        ws.db.close()
    _report(found, notes, memory, busy)


def _report(found: Found, notes: str, memory: tuple[float, float], busy: float) -> None:
    print(f"\n{'':<34} | {'count':>5} | {'p50 ms':>7} | {'p95 ms':>7} | {'max ms':>7} | failed")
    for label, rows in (
        ("people: the meeting's page", [o for o in found.opens if o[0]]),
        ("people: the other pages", [o for o in found.opens if not o[0]]),
        ("people: every page", found.opens),
    ):
        print(_row(label, [seconds for _, seconds, _ in rows], sum(1 for *_, clean in rows if not clean)))
    print(_row("chair: save to confirmation", [s for _, s, _ in found.saves],
               sum(1 for *_, confirmed in found.saves if not confirmed), failed="not confirmed"))  # fmt: skip
    seen = [s for s in found.seen if s is not None]
    print(_row("others: confirmation to seen", seen, len(found.seen) - len(seen),
               failed=f"not seen within {SEEN_WITHIN} s"))  # fmt: skip
    confirmed = [line for line, _, ok in found.saves if ok]
    stored = sum(1 for line in confirmed if line in notes)
    print(
        f"\nsaves: {len(found.saves)}, confirmed {len(confirmed)}, of which in the database afterwards {stored}"
    )
    print(f"memory of the app: {memory[0]:,.0f} MiB at the end, at most {memory[1]:,.0f} MiB")
    print(f"processor time of the app: {busy:.0%} of one core over the meeting")


def _row(label: str, seconds: list[float], failures: int, failed: str = "") -> str:
    """A line of the table: how many, their median, 95th percentile and slowest, and how many failed."""
    p50, p95, slowest = spread(seconds) if seconds else (float("nan"),) * 3
    times = " | ".join(f"{t * 1000:>7,.0f}" for t in (p50, p95, slowest))
    return f"{label:<34} | {len(seconds):>5} | {times} | {failures}{f' ({failed})' if failed else ''}"


if __name__ == "__main__":
    main()
