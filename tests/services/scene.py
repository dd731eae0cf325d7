"""A scene for tests that need the whole council at work: the demo with a meeting under way (with
a decision recorded in it) and the next one planned, and one person of each role."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from council.domain.decisions import Amendment, DecisionDraft
from council.domain.meetings import Meeting
from council.domain.people import Person
from council.services import agenda, meeting_mode, meeting_outcomes
from council.services.workspace import Workspace, open_workspace
from council.store import decisions as decision_store
from council.store import meetings as meeting_store
from council.store import people
from tests.conftest import DEMO_CONFIG
from tests.services.conftest import add_person


@dataclass(frozen=True)
class Setting:
    """The demo with a meeting under way (with a decision) and the next one planned."""

    running: Meeting
    coming: Meeting
    decision_id: int
    actors: dict[str, Person]  # role -> person; "chair" is the running meeting's chair
    coming_chair: Person
    csv: Path


def council_at_work(ws: Workspace, tmp: Path) -> Setting:
    planned = [m for m in meeting_store.list_meetings(ws.db) if m.status == "planned"]
    running, coming = sorted(planned, key=lambda m: m.starts_at)[:2]
    chair = people.get_person(ws.db, running.chair_id)
    agenda.add_other(ws, chair, running.id, "Announcements", 5)
    agenda.add_other(ws, chair, running.id, "Callback pilot", 15)
    meeting_mode.start_meeting(ws, chair, running.id, bring_forward=True)
    running = meeting_store.get_meeting(ws.db, running.id)
    attendees = set(meeting_store.attendees(ws.db, running.id))
    everyone = people.list_people(ws.db)
    member = next(p for p in everyone if p.roles == ("member",) and p.id in attendees)
    owner = next(p for p in everyone if p.roles == ("member",) and p.id not in attendees)
    first = meeting_store.agenda_for(ws.db, running.id)[0]
    day = running.starts_at.astimezone(ws.zone).date()
    decision_id = meeting_outcomes.record_outcome(
        ws,
        chair,
        first.id,
        "",
        "decided",
        DecisionDraft(
            "Call back within a day",
            "Every callback is answered within a day.",
            "Customers wait.",
            "service",
            owner.id,
            day + timedelta(weeks=4),
        ),
    )
    secretary = add_person(ws, "Sol Secretary", "secretary", department="it", email="sol@example.org")
    csv = tmp / "feedback.csv"
    csv.write_text("Date;Score;Comment\n2026-11-02;9;Quick help\n", encoding="utf-8")
    return Setting(
        running=running,
        coming=coming,
        decision_id=decision_id,
        actors={
            "member": member,
            "chair": chair,
            "guest": people.get_person(ws.db, coming.guest_id),
            "executive": next(p for p in everyone if p.roles == ("executive",)),
            "secretary": secretary,
        },
        coming_chair=people.get_person(ws.db, coming.chair_id),
        csv=csv,
    )


def scene_file(demo_file: Path, folder: Path) -> tuple[Path, Setting]:
    """The scene set once on a copy of the demo, saved in `folder`, for tests to copy again."""
    path = folder / "scene.duckdb"
    shutil.copy(demo_file, path)
    ws = open_workspace(DEMO_CONFIG, path, demo=False)
    setting = council_at_work(ws, folder)
    ws.db.checkpoint()
    ws.db.close()
    return path, setting


def open_copy(path: Path, folder: Path) -> Workspace:
    """A workspace on a fresh copy of the scene's file, for one test to change."""
    copy = folder / path.name
    shutil.copy(path, copy)
    return open_workspace(DEMO_CONFIG, copy, demo=False)


def amendment(ws: Workspace, decision_id: int, change_note: str) -> Amendment:
    """The decision as it stands, with one sentence added to what was decided."""
    v = decision_store.current_version(ws.db, decision_id)
    return Amendment(v.title, v.text + " Also on Saturdays.", v.rationale, v.owner_department, v.owner_id,
                     v.due_on, change_note)  # fmt: skip
