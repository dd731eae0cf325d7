"""Planning a series of meetings on the Meetings page, as the secretary does."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

from council.store import meetings as meeting_store
from council.ui.session import ACTING_KEY
from tests.ui.conftest import button, plain
from tests.ui.test_council_page import accept_buttons, cards
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
    assert plain(at.success[0].value).startswith("3 meetings planned. Their guests: the rotation plan")
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


def test_the_rotation_plan_suggests_a_guest_for_every_meeting_of_a_series_and_the_secretary_confirms_each(
    app, demo_copy: Path
) -> None:
    ws = _ws(demo_copy)
    last = meeting_store.last_meeting(ws.db).starts_at.astimezone(ws.zone).date()
    coming = ws.db.value("SELECT count(*) FROM meeting WHERE status = 'planned'")
    ws.db.close()
    at = _series_page(app, demo_copy, last + timedelta(weeks=4), count=4)
    button(at, "Plan the series").click().run()
    series_days = [last + timedelta(weeks=4 * n) for n in (1, 2, 3, 4)]

    at = app(demo_copy, "council")
    at.session_state[ACTING_KEY] = _by_name(_ws(demo_copy), "Inge Brouwer")
    at.number_input(key="rotation_ahead").set_value(coming + 4).run()
    shown = dict(cards(at))
    assert all(shown.get(f"{day:%-d %B %Y}") == "Planned" for day in series_days)
    suggested = [
        b for b in accept_buttons(at, "guest") if b.key.split("_")[2] in _ids_on(demo_copy, series_days)
    ]
    assert len(suggested) == 4  # one suggested guest per meeting of the series, each to confirm
    suggested[-1].click().run()
    assert not at.exception and not at.error
    ws = _ws(demo_copy)
    guests = {m.starts_at.astimezone(ws.zone).date(): m.guest_id for m in meeting_store.list_meetings(ws.db)}
    assert guests[series_days[-1]] is not None and guests[series_days[0]] is None
    assert "is invited as the guest of" in plain(at.success[0].value)


def _ids_on(db: Path, days: list) -> set[str]:
    ws = _ws(db)
    return {
        str(m.id)
        for m in meeting_store.list_meetings(ws.db)
        if m.starts_at.astimezone(ws.zone).date() in days
    }
