"""What each role sees: a guest only their proposal page, an executive everything but no way to change
it, and a page opened by address that is not for one's role says so politely."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from council.services.workspace import open_workspace
from council.store import meetings, people
from council.ui.session import ACTING_KEY
from tests.conftest import DEMO_CONFIG, ROOT
from tests.services.conftest import table_contents
from tests.ui.conftest import PAGES, button

# Buttons that only read: navigation, paging, filters and downloads. Anything else changes something.
READING = {"Previous", "Next", "Previous page", "Next page", "Previous point", "Next point", "All friction points",
           "All missing connections", "All blockers", "All meetings", "All decisions", "Clear the filters", "Open it",
           "Open the full decision"}  # fmt: skip


def _first(db: Path, roles: tuple[str, ...]) -> int:
    ws = open_workspace(DEMO_CONFIG, db, demo=False)
    try:
        return next(p.id for p in people.list_people(ws.db) if p.roles == roles)
    finally:
        ws.db.close()


def _as(monkeypatch, db: Path, person_id: int, page: str | None = None) -> AppTest:
    """The app as `person_id` (demo mode's "Acting as"), on their default page or on `page`."""
    monkeypatch.setenv("COUNCIL_CONFIG", str(DEMO_CONFIG))
    monkeypatch.setenv("COUNCIL_DB", str(db))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    at.session_state[ACTING_KEY] = person_id
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py")
        at.run()
    return at


def test_a_guest_sees_only_the_proposal_page(monkeypatch, demo_copy: Path) -> None:
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    guest = meetings.next_meeting(ws.db, ws.now()).guest_id
    ws.db.close()

    at = _as(monkeypatch, demo_copy, guest)

    assert not at.exception
    assert [link.label for link in at.sidebar.get("page_link")] == ["Propose a change"]
    assert [t.value for t in at.title] == ["Propose a change"]  # where a guest lands


@pytest.mark.parametrize("page", [p for p in PAGES if p != "propose_change"])
def test_a_guest_who_opens_another_page_by_its_address_is_told_it_is_not_for_them(
    monkeypatch, demo_copy: Path, page: str
) -> None:
    at = _as(monkeypatch, demo_copy, _first(demo_copy, ("guest",)), page)

    assert not at.exception
    assert "This page is not for your role (guest)" in at.info[0].value
    assert not at.dataframe and not at.metric and not at.get("plotly_chart")  # nothing of the page leaks
    assert [link.label for link in at.main.get("page_link")] == ["Go to Propose a change"]


@pytest.mark.parametrize(
    "page", [p for p in PAGES if p not in ("propose_change", "import_feedback", "settings")]
)
def test_an_executive_reads_every_page_without_a_single_control_that_changes_something(
    monkeypatch, demo_copy: Path, page: str
) -> None:
    at = _as(monkeypatch, demo_copy, _first(demo_copy, ("executive",)), page)

    assert not at.exception
    assert not at.info or "not for your role" not in at.info[0].value
    changing = [b.label for b in at.button if b.label not in READING and not b.disabled]
    assert not changing, f"{page} offers an executive: {changing}"
    assert not at.get("form") and not at.text_area and not at.file_uploader


@pytest.mark.parametrize("page", ["meetings", "decisions", "friction_points"])
def test_an_executive_opening_one_record_sees_it_without_edit_controls(
    monkeypatch, demo_copy: Path, page
) -> None:
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    table = {"meetings": "meeting", "decisions": "decision", "friction_points": "friction_point"}[page]
    column = "decision_id" if table == "decision" else "id"
    record = ws.db.value(f"SELECT max({column}) FROM {table}")
    ws.db.close()
    at = _as(monkeypatch, demo_copy, _first(demo_copy, ("executive",)), page)
    at.query_params["id"] = str(record)
    at.run()

    assert not at.exception
    changing = [b.label for b in at.button if b.label not in READING and not b.disabled]
    assert not changing, changing
    assert not at.get("form") and not at.text_area


def test_a_forged_write_by_an_executive_is_refused_and_changes_nothing(monkeypatch, demo_copy: Path) -> None:
    # A member opens the form; then the same browser session acts as an executive and submits it, as a
    # crafted request would: the service refuses it.
    at = _as(monkeypatch, demo_copy, _first(demo_copy, ("member",)), "friction_points")
    at.session_state["log_friction_open"] = True
    at.run()
    for field, value in {
        "title": "Invoices arrive twice",
        "journey_stage": "billing",
        "severity": 3,
        "owner_department": "finance",
        "confirmed_new": True,
    }.items():
        at.session_state[f"new_friction_{field}"] = value
    at.run()
    executive = _first(demo_copy, ("executive",))
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    before = table_contents(ws)
    ws.db.close()
    at.session_state[ACTING_KEY] = executive
    button(at, "Log friction point").click().run()

    assert not at.exception
    shown = " ".join(e.value for e in at.error)
    assert "Only council members may log friction points" in shown
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    assert table_contents(ws) == before
    ws.db.close()
