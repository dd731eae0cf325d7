"""The council page as the secretary uses it: the roster, then the rotation plan to accept or change."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from council.domain.meetings import Meeting
from council.services.meetings import plan_meeting
from council.services.workspace import open_workspace
from council.store import meetings, people
from tests.conftest import DEMO_CONFIG
from tests.services.conftest import SECRETARY
from tests.ui.conftest import plain

CARD = re.compile(r"^\*\*\w+day (\d{1,2} \w+ \d{4})\*\* :(green|gray)-badge\[(Planned|Not planned yet)\]$")


def _ws(path: Path):
    return open_workspace(DEMO_CONFIG, path, demo=False)


def cards(at) -> list[tuple[str, str]]:
    """(day, badge) of every meeting card, in the order shown."""
    found = [CARD.match(m.value) for m in at.markdown]
    return [(m[1], m[3]) for m in found if m]


def accept_buttons(at, kind: str) -> list:
    return [b for b in at.button if b.key.startswith(f"rotation_{kind}_") and b.label == "Accept"]


def picker(at, prefix: str):
    """The select box whose key starts with `prefix` (its key ends with the suggested person's id)."""
    return next(s for s in at.selectbox if s.key and s.key.startswith(prefix))


def test_the_page_shows_who_serves_and_the_next_six_meetings(app, demo_copy: Path) -> None:
    at = app(demo_copy, "council")
    assert not at.exception and not at.error
    assert [s.value for s in at.subheader] == ["Serving now (8)", "Rotation plan"]
    shown = cards(at)
    assert len(shown) == 6
    planned = [b for _, b in shown]
    assert planned == sorted(planned, key=lambda b: b != "Planned")  # planned meetings come first
    assert "Not planned yet" in planned
    assert any(plain(m.value).startswith(":material/person_add: Suggested guest: ") for m in at.markdown)


def test_looking_further_ahead_shows_more_meetings_and_the_seats_to_fill(app, demo_copy: Path) -> None:
    at = app(demo_copy, "council")
    at.number_input(key="rotation_ahead").set_value(12).run()
    assert not at.exception
    assert len(cards(at)) == 12
    assert any("seat is vacant. Suggested:" in plain(m.value) for m in at.markdown)
    assert any(plain(m.value).startswith(":material/logout: Last meeting for ") for m in at.markdown)


def test_accepting_a_suggested_guest_plans_the_meeting_and_shows_the_guest_as_chosen(
    app, demo_copy: Path
) -> None:
    at = app(demo_copy, "council")
    accept = accept_buttons(at, "guest")[0]
    day = date.fromisoformat(accept.key.split("_")[2])
    guest_id = picker(at, f"rotation_guest_{day}_pick").value
    accept.click().run()
    assert not at.exception and not at.error
    ws = _ws(demo_copy)
    planned = [m for m in meetings.list_meetings(ws.db) if m.starts_at.astimezone(ws.zone).date() == day]
    assert [m.guest_id for m in planned] == [guest_id]
    name = people.get_person(ws.db, guest_id).name
    assert f"{name} is invited as the guest of {day:%-d %B %Y}." in plain(at.success[0].value)
    card = f"**{day:%A %-d %B %Y}** :green-badge[Planned]"
    assert card in [m.value for m in at.markdown]
    assert any(f"Guest: **{name}**, invited" in plain(m.value) for m in at.markdown)


def test_accepting_a_successor_gives_them_the_seat(app, demo_copy: Path) -> None:
    at = app(demo_copy, "council")
    at.number_input(key="rotation_ahead").set_value(12).run()
    accept = accept_buttons(at, "seat")[0]
    _, _, day, department, _, _ = accept.key.split("_")
    person_id = picker(at, f"rotation_seat_{day}_{department}_0_pick").value
    accept.click().run()
    assert not at.exception and not at.error
    terms = people.council_terms(_ws(demo_copy).db, person_id)
    assert terms[-1].department == department and terms[-1].starts_on == date.fromisoformat(day)
    assert "seat from" in plain(at.success[0].value)


def test_a_meeting_planned_meanwhile_is_explained_and_not_planned_twice(app, demo_copy: Path) -> None:
    at = app(demo_copy, "council")
    accept = accept_buttons(at, "guest")[0]
    day = date.fromisoformat(accept.key.split("_")[2])
    # Someone else plans that day's meeting while the page is open.
    ws = _ws(demo_copy)
    start = meetings.list_meetings(ws.db)[0].starts_at.astimezone(ws.zone)
    plan_meeting(
        ws,
        SECRETARY,
        Meeting("Planned elsewhere", start.replace(year=day.year, month=day.month, day=day.day)),
    )
    accept.click().run()
    assert "planned for that day in the meantime" in plain(at.error[0].value)
    assert [
        m.title for m in meetings.list_meetings(ws.db) if m.starts_at.astimezone(ws.zone).date() == day
    ] == ["Planned elsewhere"]


def test_two_meetings_on_one_day_from_older_data_both_show(app, demo_copy: Path) -> None:
    ws = _ws(demo_copy)
    planned = min(
        (m for m in meetings.list_meetings(ws.db) if m.status == "planned"), key=lambda m: m.starts_at
    )
    twin = Meeting(title="Same day", starts_at=planned.starts_at, guest_id=None)
    ws.db.write(
        lambda tx: meetings.add_meeting(tx, twin)
    )  # the app refuses this now; older files may hold it
    ws.db.close()
    at = app(demo_copy, "council")
    assert not at.exception, [e.value for e in at.exception]
    day = f"{planned.starts_at.astimezone(ws.zone):%-d %B %Y}"
    assert [d for d, _ in cards(at)].count(day) == 2
