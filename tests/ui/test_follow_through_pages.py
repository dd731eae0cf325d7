"""My work, Actions, Since the last meeting, and the follow-through on decision and friction pages."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

from council.services.workspace import open_workspace
from council.store import meetings, people
from council.ui.session import ACTING_KEY
from tests.conftest import DEMO_CONFIG
from tests.ui.conftest import plain


def _db(path: Path, sql: str, params: list | None = None):
    ws = open_workspace(DEMO_CONFIG, path, demo=False)
    try:
        return ws.db.rows(sql, params or [])
    finally:
        ws.db.close()


def _person(path: Path, name: str) -> int:
    return _db(path, "SELECT id FROM person WHERE name = ?", [name])[0][0]


def _as(app, path: Path, page: str, name: str, **params: str) -> AppTest:
    at = app(path, page, **params)
    at.session_state[ACTING_KEY] = _person(path, name)
    return at.run()


def _action_boxes(at: AppTest, prefix: str) -> list:
    return [c for c in at.checkbox if str(c.key).startswith(prefix)]


def test_a_member_ticks_off_an_action_on_my_work(app, demo_copy: Path) -> None:
    at = _as(app, demo_copy, "my_work", "Marieke Jansen")
    assert not at.exception
    boxes = _action_boxes(at, "my_actions_")
    assert len(boxes) == 2 and all("overdue" in plain(b.label) for b in boxes)  # overdue ones first
    action_id = int(boxes[0].key.split("_")[2])
    boxes[0].check().run()
    at.selectbox(key="my_update_status").select("done").run()
    at.button(key="my_update_save").click().run()

    assert any("The action is updated." in plain(s.value) for s in at.success)
    assert len(_action_boxes(at, "my_actions_")) == 1
    assert _db(demo_copy, "SELECT status FROM action_item WHERE id = ?", [action_id]) == [("done",)]
    assert _db(demo_copy, "SELECT count(*) FROM action_event WHERE action_id = ?", [action_id]) == [(1,)]


def test_moving_a_due_date_without_a_reason_is_refused_next_to_the_note_and_keeps_the_date(
    app, demo_copy: Path
) -> None:
    at = _as(app, demo_copy, "my_work", "Marieke Jansen")
    box = _action_boxes(at, "my_actions_")[0]
    action_id = int(box.key.split("_")[2])
    before = _db(demo_copy, "SELECT due_on FROM action_item WHERE id = ?", [action_id])
    later = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    day = later.today() + timedelta(days=21)
    later.db.close()
    box.check().run()
    at.date_input(key="my_update_due_on").set_value(day).run()
    at.button(key="my_update_save").click().run()

    assert any("needs a reason" in plain(e.value) for e in at.error)
    assert at.date_input(key="my_update_due_on").value == day  # what was typed stays
    assert _db(demo_copy, "SELECT due_on FROM action_item WHERE id = ?", [action_id]) == before
    at.text_input(key="my_update_note").input("The supplier delivers later.").run()
    at.button(key="my_update_save").click().run()
    assert _db(demo_copy, "SELECT due_on FROM action_item WHERE id = ?", [action_id]) == [(day,)]


def test_my_work_says_what_the_coming_meeting_needs_from_its_chair(app, demo_copy: Path) -> None:
    at = _as(app, demo_copy, "my_work", "Marieke Jansen")
    shown = [plain(m.value) for m in at.markdown]
    assert any("Close the agenda when it is final." in s for s in shown)
    assert any(s.startswith("##### Decisions you own") for s in shown)


def test_the_register_follows_its_address_counts_and_offers_every_matching_row(app, demo_copy: Path) -> None:
    owner = _person(demo_copy, "Ruben Vermeulen")
    at = _as(app, demo_copy, "actions", "Hans Dekker", owner=str(owner))
    assert not at.exception
    boxes = _action_boxes(at, "register_")
    open_ones = _db(
        demo_copy, "SELECT count(*) FROM action_item WHERE owner_id = ? AND status = 'open'", [owner]
    )
    assert len(boxes) == open_ones[0][0] > 0
    assert any(m.label == "Open" and int(m.value) == open_ones[0][0] for m in at.metric)
    at.selectbox(key="ar_show").select("all").run()
    assert at.query_params["show"] == "all"
    downloads = at.get("download_button")
    assert downloads and "CSV" in downloads[0].proto.label


def test_the_secretary_hands_a_leavers_actions_over_in_bulk(app, demo_copy: Path) -> None:
    leaver = _person(demo_copy, "Ruben Vermeulen")
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    ws.db.write(lambda tx: people.update_person(tx, replace(people.get_person(tx, leaver), active=False)))
    ws.db.close()
    at = _as(app, demo_copy, "actions", "Inge Brouwer", owner=str(leaver))
    boxes = _action_boxes(at, "register_")
    assert boxes and all("left the roster" in plain(b.label) for b in boxes)
    for box in boxes:
        box.check()
    at.run()
    successor = _person(demo_copy, "Thijs de Boer")
    at.selectbox(key="register_hand_over_owner").select(successor).run()
    at.text_input(key="register_hand_over_note").input("Ruben left the company.").run()
    at.button(key="register_hand_over_save").click().run()
    assert not at.exception
    assert _db(
        demo_copy, "SELECT count(*) FROM action_item WHERE owner_id = ? AND status = 'open'", [leaver]
    ) == [(0,)]


def test_an_executive_reads_actions_on_a_decision_without_controls(app, demo_copy: Path) -> None:
    decision_id = _db(demo_copy, "SELECT min(decision_id) FROM action_item WHERE status = 'open'")[0][0]
    at = _as(app, demo_copy, "decisions", "Hans Dekker", id=str(decision_id))
    assert not at.exception
    assert not _action_boxes(at, f"decision_actions_{decision_id}")
    assert any(plain(m.value).startswith("**Effect on customers**") for m in at.markdown)


def test_ticking_off_the_last_action_offers_to_mark_the_decision_done(app, demo_copy: Path) -> None:
    decision_id = 10  # Marieke Jansen's, with two open actions and one done
    at = _as(app, demo_copy, "decisions", "Marieke Jansen", id=str(decision_id))
    boxes = [b for b in _action_boxes(at, f"decision_actions_{decision_id}") if "Open" in b.label]
    assert len(boxes) == 2
    for box in boxes:
        box.check()
    at.run()
    at.selectbox(key=f"decision_update_{decision_id}_status").select("done").run()
    at.button(key=f"decision_update_{decision_id}_save").click().run()
    assert any("2 actions are updated." in plain(s.value) for s in at.success)
    assert any(e.label == "What happened to its actions (2)" for e in at.expander)  # the history is kept
    at.button(key=f"decision_close_{decision_id}").click().run()
    latest = _db(demo_copy, "SELECT status FROM decision_event WHERE decision_id = ? ORDER BY id DESC LIMIT 1",
                 [decision_id])  # fmt: skip
    assert latest == [("done",)]
    # Done now: what it came from can be marked resolved in one step.
    assert at.multiselect(key=f"resolve_{decision_id}_chosen").value


def test_a_member_puts_a_friction_point_on_the_agenda_and_the_chair_sees_it_first(
    app, demo_copy: Path
) -> None:
    friction_id = _db(demo_copy, "SELECT max(id) FROM friction_point WHERE status = 'open'")[0][0]
    at = _as(app, demo_copy, "friction_points", "Dennis Bakker", id=str(friction_id))
    at.text_input(key=f"pin_friction_{friction_id}_why").input("Three complaints this week.").run()
    at.button(key=f"pin_friction_{friction_id}_save").click().run()
    assert any("Three complaints this week." in plain(i.value) for i in at.info)
    assert _db(demo_copy, "SELECT why FROM agenda_pin WHERE ref_id = ?", [friction_id]) == [
        ("Three complaints this week.",)
    ]
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    coming = meetings.first_not_closed(ws.db).id
    ws.db.close()
    at = _as(app, demo_copy, "meetings", "Marieke Jansen", id=str(coming))
    shown = [plain(m.value) for m in at.markdown]
    assert "**Asked for by members** (1)" in shown
    assert shown.index("**Asked for by members** (1)") < shown.index(
        next(s for s in shown if "Decisions to follow up" in s)
    )


def test_the_secretary_cancels_a_meeting_with_a_reason(app, demo_copy: Path) -> None:
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    coming = meetings.first_not_closed(ws.db).id
    ws.db.close()
    at = _as(app, demo_copy, "meetings", "Inge Brouwer", id=str(coming))
    at.button(key=f"cancel_meeting_{coming}_save").click().run()
    assert any("reason for cancelling is empty" in plain(e.value) for e in at.error)
    at.text_input(key=f"cancel_meeting_{coming}_reason").input("Half the council is on a course.").run()
    at.button(key=f"cancel_meeting_{coming}_save").click().run()
    assert _db(demo_copy, "SELECT status, cancel_reason FROM meeting WHERE id = ?", [coming]) == [
        ("cancelled", "Half the council is on a course.")
    ]
    assert any("was cancelled" in plain(i.value) for i in at.info)


def test_since_the_last_meeting_counts_what_happened_and_offers_the_downloads(app, demo_copy: Path) -> None:
    at = _as(app, demo_copy, "since", "Hans Dekker")
    assert not at.exception
    assert any("Since “Council meeting" in plain(c.value) for c in at.caption)
    at = _as(app, demo_copy, "since", "Hans Dekker", since="2026-01-01")
    counts = {m.label: int(m.value) for m in at.metric}
    assert counts["Logged"] > 0 and counts["Decided"] > 0
    decided = next(e for e in at.expander if e.label.startswith("Decided"))
    listed = plain(decided.markdown[0].value).splitlines()
    assert len(listed) == min(counts["Decided"], 100) and listed[0].startswith("- Decision #")
    assert [d.proto.label for d in at.get("download_button")] == ["Markdown", "Printable (HTML)"]
    assert any(plain(m.value).startswith("**Customers:** NPS") for m in at.markdown)
