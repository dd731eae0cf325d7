"""The Council self-check page: a member scores the statements; everybody sees the trend."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from council.services.workspace import open_workspace
from council.store import meetings, people
from council.ui.session import ACTING_KEY
from tests.conftest import DEMO_CONFIG
from tests.ui.conftest import button, plain


def _coming_meeting_and_member(path: Path) -> tuple[int, int]:
    ws = open_workspace(DEMO_CONFIG, path, demo=False)
    try:
        meeting = min(
            (m for m in meetings.list_meetings(ws.db) if not m.is_closed), key=lambda m: m.starts_at
        )
        member = min(set(meetings.attendees(ws.db, meeting.id)) - {meeting.guest_id})
        return meeting.id, member
    finally:
        ws.db.close()


def _stored(path: Path, meeting_id: int) -> list[tuple]:
    ws = open_workspace(DEMO_CONFIG, path, demo=False)
    try:
        return ws.db.rows(
            "SELECT person_id, question, score, note FROM self_check_answer WHERE meeting_id = ? ORDER BY question",
            [meeting_id],
        )
    finally:
        ws.db.close()


def _as(at: AppTest, person_id: int) -> AppTest:
    at.session_state[ACTING_KEY] = person_id
    return at.run()


def _open_as_member(app, demo_copy: Path) -> tuple[AppTest, int, int, str]:
    """The page as a member of the coming meeting sees it: (app, meeting id, member id, form key)."""
    meeting_id, member = _coming_meeting_and_member(demo_copy)
    return _as(app(demo_copy, "self_check"), member), meeting_id, member, f"self_check_{meeting_id}_{member}"


def test_a_member_scores_statements_and_the_database_holds_them(app, demo_copy):
    at, meeting_id, member, form = _open_as_member(app, demo_copy)
    at.button_group(key=f"{form}_know_customers_score").set_value(2)
    at.text_area(key=f"{form}_know_customers_note").input("We only hear the loudest complaints.")
    at.button_group(key=f"{form}_rewarded_score").set_value(1)
    at = button(at, "Save my answers").click().run()

    assert not at.exception
    assert "2 answers saved" in plain(at.success[0].value)
    assert _stored(demo_copy, meeting_id) == [
        (member, "know_customers", 2, "We only hear the loudest complaints."), (member, "rewarded", 1, ""),
    ]  # fmt: skip
    # Coming back, the answers are filled in: changing one keeps the others.
    at = _as(app(demo_copy, "self_check"), member)
    at.button_group(key=f"{form}_rewarded_score").set_value(3)
    at = button(at, "Save my changes").click().run()
    assert [(q, s, n != "") for _, q, s, n in _stored(demo_copy, meeting_id)] == [
        ("know_customers", 2, True), ("rewarded", 3, False),
    ]  # fmt: skip


def test_a_note_without_a_score_is_refused_beside_its_statement_and_nothing_is_saved(app, demo_copy):
    at, meeting_id, _, form = _open_as_member(app, demo_copy)
    at.button_group(key=f"{form}_rewarded_score").set_value(4)
    at.text_area(key=f"{form}_no_customer_number_note").input("Chat asks for it first.")
    at = button(at, "Save my answers").click().run()

    assert not at.exception and not at.success
    errors = [plain(e.value) for e in at.error]
    assert "has a note but no score" in errors[0]
    assert "Not saved yet: see the message at statement 4." in errors  # beside the button, out of view of it
    assert at.text_area(key=f"{form}_no_customer_number_note").value == "Chat asks for it first."
    assert _stored(demo_copy, meeting_id) == []


def test_an_executive_sees_the_trend_and_a_meetings_scores_but_no_questionnaire(app, demo_copy):
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    executive = next(p.id for p in people.list_people(ws.db) if p.has_role("executive"))
    ws.db.close()
    at = _as(app(demo_copy, "self_check"), executive)

    assert not at.exception
    assert [h.value for h in at.subheader] == ["How the council scores itself"]
    assert not [b for b in at.button if b.label.startswith("Save")]
    assert at.get("plotly_chart")
    table = at.dataframe[0].value
    assert list(table["Statement"]) == [
        "We know, not guess", "Processes serve customers", "Existing as easy as new",
        "Help without a customer number", "Delight is rewarded", "Someone owns the whole",
    ]  # fmt: skip
    assert "is not among them" in plain(at.info[0].value)
