"""Planning a series of meetings on the Meetings page, as the secretary does."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

from council.ui.session import ACTING_KEY
from tests.ui.conftest import button, plain
from tests.ui.test_meetings_page import _by_name, _ws


def _meetings(db: Path) -> int:
    return _ws(db).db.value("SELECT count(*) FROM meeting")


def _series_page(app, db: Path, first, every_weeks: int = 4, count: int = 3):
    at = app(db, "meetings")
    at.session_state[ACTING_KEY] = _by_name(_ws(db), "Inge Brouwer")
    at.run()
    values = {"day": first, "time": time(15, 0), "every_weeks": every_weeks, "duration": 60, "ends": "count",
              "count": count, "location": "Room 2.01"}  # fmt: skip
    for field, value in values.items():
        at.session_state[f"series_{field}"] = value
    return at.run()


def test_the_secretary_plans_a_series_and_then_the_rest_of_one_that_clashes(app, demo_copy: Path) -> None:
    ws = _ws(demo_copy)
    first = ws.today() + timedelta(weeks=30)
    first += timedelta(days=(3 - first.weekday()) % 7)  # a Thursday
    before = _meetings(demo_copy)
    at = _series_page(app, demo_copy, first)
    button(at, "Plan the series").click().run()
    assert not at.exception and not at.error
    assert plain(at.success[0].value) == "3 meetings planned."
    assert _meetings(demo_copy) == before + 3

    at = _series_page(app, demo_copy, first + timedelta(weeks=4))  # weeks 4 and 8 are taken now
    button(at, "Plan the series").click().run()
    said = " ".join(plain(e.value) for e in at.error)
    assert "already planned on" in said and "Plan the others only" in said
    assert _meetings(demo_copy) == before + 3
    at.checkbox(key="series_skip").check().run()
    button(at, "Plan the series").click().run()
    assert not at.error
    assert plain(at.success[0].value).startswith(
        "1 meeting planned. Left out, as they already have a meeting: "
    )
    assert _meetings(demo_copy) == before + 4


def test_a_series_without_an_end_date_says_so_next_to_the_field(app, demo_copy: Path) -> None:
    at = _series_page(app, demo_copy, _ws(demo_copy).today() + timedelta(weeks=30))
    before = _meetings(demo_copy)
    at.radio(key="series_ends").set_value("until").run()
    button(at, "Plan the series").click().run()
    assert any("either after a number of meetings or on a date" in plain(e.value) for e in at.error)
    assert _meetings(demo_copy) == before


def test_a_meeting_of_the_series_is_skipped_in_one_click_and_the_others_stay(app, demo_copy: Path) -> None:
    first = _ws(demo_copy).today() + timedelta(weeks=30)
    at = _series_page(app, demo_copy, first, count=2)
    button(at, "Plan the series").click().run()
    ids = [r[0] for r in _ws(demo_copy).db.rows("SELECT id FROM meeting ORDER BY id DESC LIMIT 2")]
    at = app(demo_copy, "meetings", id=str(ids[1]))
    at.session_state[ACTING_KEY] = _by_name(_ws(demo_copy), "Inge Brouwer")
    at.run()
    button(at, "Skip it: a holiday or a week off").click().run()
    assert not at.exception and not at.error
    rows = _ws(demo_copy).db.rows(
        "SELECT status, cancel_reason FROM meeting WHERE id IN (?, ?) ORDER BY id", ids
    )
    assert rows == [("cancelled", "No meeting that week: a holiday or a week off."), ("planned", "")]
