"""A meeting followed from two browsers: the chair records a decision, and the attendee's page shows it
by itself, without a reload."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from council.domain.meetings import Meeting
from council.services import agenda, meeting_mode, meetings
from council.services.workspace import open_workspace
from council.store import meetings as meeting_store
from council.store import people
from tests.conftest import DEMO_CONFIG
from tests.e2e.conftest import (
    _serve,
    act_as,
    choose,
    click_button,
    click_label,
    opened_on,
    success_message,
    type_into,
    visited,
)

CHAIR = "Marieke Jansen"
POINT = "Callback pilot in the north"
DECISION = "Call every customer back within one working day"


@pytest.fixture(scope="module")
def meeting_under_way(
    demo_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, int, str]]:
    """An app on its own copy of the demo with a meeting under way: its URL, the meeting and an attendee's name."""
    folder = tmp_path_factory.mktemp("e2e_follow")
    db = folder / "council.duckdb"
    shutil.copy(demo_file, db)
    ws = open_workspace(DEMO_CONFIG, db, demo=False)
    everyone = {p.name: p for p in people.list_people(ws.db)}
    day = ws.today() + timedelta(weeks=9)
    secretary = next(p for p in everyone.values() if p.has_role("secretary"))
    meeting_id = meetings.plan_meeting(ws, secretary, Meeting(title="Followed meeting", duration_minutes=60,
                                       starts_at=datetime.combine(day, time(14), ws.zone), chair_id=everyone[CHAIR].id))  # fmt: skip
    agenda.add_other(ws, everyone[CHAIR], meeting_id, POINT, 20)
    meeting_mode.start_meeting(ws, everyone[CHAIR], meeting_id, bring_forward=True)
    present = meeting_store.attendees(ws.db, meeting_id)
    attendee = next(p.name for p in everyone.values() if p.id in present and p.name != CHAIR)
    ws.db.close()
    for url in _serve(db, DEMO_CONFIG, folder, copy=False):
        yield url, meeting_id, attendee


def test_the_attendee_sees_the_chairs_decision_without_reloading(
    browser: Browser, meeting_under_way: tuple[str, int, str]
) -> None:
    url, meeting_id, attendee = meeting_under_way
    path = f"/meetings?id={meeting_id}&view=run"
    with opened_on(browser, url, path) as chair, opened_on(browser, url, path) as follower:
        act_as(chair, CHAIR)
        act_as(follower, attendee)
        expect(follower.get_by_text("Now under discussion")).to_be_visible()
        expect(follower.get_by_role("heading", name=f"1. {POINT}").first).to_be_visible()
        expect(follower.get_by_text("No notes yet.")).to_be_visible()

        type_into(chair, "Notes", "Start with the north, where most callbacks wait.")
        click_label(chair, "Decided")
        type_into(chair, "Decision in one line", DECISION)
        type_into(
            chair, "What exactly was decided", "Every callback request is answered within a working day."
        )
        type_into(chair, "Why", "Customers wait days for a callback.")
        choose(chair, "Owning department", "Customer service")
        choose(chair, "Owner", CHAIR)
        click_button(chair, "Save this point")
        expect(success_message(chair)).to_contain_text("is recorded")

        # No reload, no click: the part refreshes by itself within a few seconds.
        expect(follower.get_by_text(DECISION).first).to_be_visible(timeout=15_000)
        expect(follower.get_by_text("Start with the north, where most callbacks wait.")).to_be_visible()
        visited(follower, "follow-along-attendee")
