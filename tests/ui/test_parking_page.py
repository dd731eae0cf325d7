"""The parking lot in meeting mode: the chair parks a point that came up, and the next meeting's agenda
offers it first."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from council.domain.meetings import Meeting
from council.services import meetings
from council.store import meetings as meeting_store
from tests.services.conftest import SECRETARY
from tests.ui.conftest import button, plain
from tests.ui.test_meetings_page import _bring_forward_and_start, _by_name, _fresh_meeting, _open, _ws


def _parked(db: Path) -> list[tuple]:
    return _ws(db).db.rows(
        "SELECT meeting_id, title, parked_by, agenda_item_id FROM parked_point ORDER BY id"
    )


def test_the_chair_parks_a_point_and_the_next_agenda_offers_it_first(app, demo_copy: Path) -> None:
    meeting_id = _fresh_meeting(demo_copy)
    chair = _by_name(_ws(demo_copy), "Marieke Jansen")
    at = _open(app, demo_copy, meeting_id)
    [b for b in at.button if b.label == "Add"][-1].click().run()
    at = _open(app, demo_copy, meeting_id, view="run")
    _bring_forward_and_start(at, meeting_id)
    form = f"park_{meeting_id}"

    at.text_input(key=f"{form}_title").input("   ")
    button(at, "Park it").click().run()
    assert any("is empty" in plain(e.value) for e in at.error)
    assert _parked(demo_copy) == []

    at.text_input(key=f"{form}_title").input("Opening hours of the shop")
    button(at, "Park it").click().run()
    assert not at.exception and not at.error
    assert "comes back first" in plain(at.success[0].value)
    assert _parked(demo_copy) == [(meeting_id, "Opening hours of the shop", chair, None)]
    assert at.text_input(key=f"{form}_title").value == ""  # ready for the next one
    assert any("Opening hours of the shop" in plain(m.value) for m in at.markdown)

    ws = _ws(demo_copy)
    day = ws.today() + timedelta(weeks=14)
    later = meetings.plan_meeting(ws, SECRETARY, Meeting(title="The meeting after", duration_minutes=60,
                                  starts_at=datetime.combine(day, time(14), ws.zone), chair_id=chair))  # fmt: skip
    ws.db.close()
    at = _open(app, demo_copy, later)
    shown = [plain(m.value) for m in at.markdown]
    first_group = next(i for i, text in enumerate(shown) if text.startswith("**") and "(" in text)
    assert shown[first_group].startswith("**Parked at an earlier meeting**")
    assert "Opening hours of the shop" in shown[first_group + 1]
    assert "Parked by Marieke Jansen at the meeting of" in shown[first_group + 1]
    at.button(key=f"add_other_{_parked_id(demo_copy)}").click().run()
    assert not at.exception
    titles = [i.title for i in meeting_store.agenda_for(_ws(demo_copy).db, later)]
    assert titles == ["Opening hours of the shop"]
    assert _parked(demo_copy)[0][3] is not None  # taken up


def _parked_id(db: Path) -> int:
    return _ws(db).db.value("SELECT id FROM parked_point")
