"""The friction points page as a council member uses it: log, catch duplicates, edit, link, filter."""

from __future__ import annotations

from pathlib import Path

import pytest

from council.services import links as links_service
from council.services.workspace import open_workspace
from tests.conftest import DEMO_CONFIG
from tests.ui.conftest import button, plain

NEW = "new_friction"


def _db(path: Path):
    return open_workspace(DEMO_CONFIG, path, demo=False).db


def _fill_new(at, title: str, **fields) -> None:
    at.text_input(key=f"{NEW}_title").input(title)
    at.text_area(key=f"{NEW}_description").input(fields.pop("description", "The bill arrives weeks late."))
    for field, value in {"journey_stage": "billing", "severity": 4, **fields}.items():
        at.session_state[f"{NEW}_{field}"] = value


def test_logging_a_friction_point_saves_it_with_its_evidence_and_opens_it(app, demo_copy: Path) -> None:
    at = app(demo_copy, "friction_points")
    _fill_new(at, "Parcel lockers reject our return labels", journey_stage="usage", owner_department="logistics",
              involved_departments=["it"], quote="The locker just beeps at me.", complaints=12)  # fmt: skip
    button(at, "Log friction point").click().run()
    assert not at.exception and not at.error
    assert "is logged" in plain(at.success[0].value)
    db = _db(demo_copy)
    row = db.row("SELECT id, journey_stage, severity, owner_department FROM friction_point WHERE title = ?",
                 ["Parcel lockers reject our return labels"])  # fmt: skip
    assert row[1:] == ("usage", 4, "logistics")
    assert db.value(
        "SELECT list(department) FROM friction_department WHERE friction_point_id = ?", [row[0]]
    ) == ["it"]
    assert sorted(db.value("SELECT list(kind) FROM evidence WHERE friction_point_id = ?", [row[0]])) == [
        "complaints", "quote"
    ]  # fmt: skip
    assert db.value("SELECT count(*) FROM audit_log WHERE entity = 'friction_point' AND entity_id = ?",
                    [str(row[0])]) == 1  # fmt: skip
    # The new friction point is opened, ready to link its blockers.
    assert at.query_params["id"] == str(row[0])
    assert at.subheader[0].value.startswith(f"#{row[0]} ")


@pytest.mark.parametrize(
    ("field", "title", "description", "expected"),
    [
        ("title", "   ", "Something", "Title is empty"),
        ("title", "x" * 201, "Something", "Title is 201 characters long"),
        ("description", "A fine title", "y" * 10_001, "10,001 characters long"),
    ],
)
def test_bad_input_is_explained_next_to_its_field_and_nothing_is_written(
    app, demo_copy: Path, field: str, title: str, description: str, expected: str
) -> None:
    at = app(demo_copy, "friction_points")
    before = _db(demo_copy).value("SELECT count(*) FROM friction_point")
    _fill_new(at, title, description=description)
    button(at, "Log friction point").click().run()
    assert [plain(e.value) for e in at.error] and expected in plain(at.error[0].value)
    assert _db(demo_copy).value("SELECT count(*) FROM friction_point") == before
    # What the person typed is still there to correct.
    assert at.text_area(key=f"{NEW}_description").value == description
    assert at.session_state[f"{NEW}_journey_stage"] == "billing"


def test_a_missing_journey_stage_is_asked_for(app, demo_copy: Path) -> None:
    at = app(demo_copy, "friction_points")
    _fill_new(at, "Nobody calls me back", journey_stage=None)
    button(at, "Log friction point").click().run()
    assert "Journey stage is not chosen" in plain(at.error[0].value)


def test_a_likely_duplicate_is_shown_and_can_be_added_to_instead(app, demo_copy: Path) -> None:
    at = app(demo_copy, "friction_points")
    before = _db(demo_copy).value("SELECT count(*) FROM friction_point")
    _fill_new(at, "Annual statement is wrong, I owe far too much", description="Got a bill for 900 euros.")
    button(at, "Log friction point").click().run()
    assert "looks like something already logged" in plain(at.warning[0].value)
    existing = _db(demo_copy).value(
        "SELECT id FROM friction_point WHERE title LIKE 'My annual statement is wrong%'"
    )
    button(at, f"Same problem: add mine to #{existing}").click().run()
    db = _db(demo_copy)
    assert db.value("SELECT count(*) FROM friction_point") == before
    assert db.value(
        "SELECT count(*) FROM evidence WHERE friction_point_id = ? AND text LIKE '%Got a bill for 900 euros.%'",
        [existing],
    ) == 1  # fmt: skip
    assert at.query_params["id"] == str(existing)


def test_a_likely_duplicate_can_still_be_logged_as_a_different_problem(app, demo_copy: Path) -> None:
    at = app(demo_copy, "friction_points")
    before = _db(demo_copy).value("SELECT count(*) FROM friction_point")
    _fill_new(at, "Annual statement is wrong, I owe far too much")
    button(at, "Log friction point").click().run()
    button(at, "It is a different problem: log mine as new").click().run()
    assert _db(demo_copy).value("SELECT count(*) FROM friction_point") == before + 1
    assert "is logged" in plain(at.success[0].value)


def test_html_and_markdown_are_stored_as_written_and_shown_as_plain_text(app, demo_copy: Path) -> None:
    hostile = "<script>alert(1)</script> **bold** [click](javascript:alert(1))"
    at = app(demo_copy, "friction_points")
    _fill_new(at, hostile, description=hostile)
    button(at, "Log friction point").click().run()
    db = _db(demo_copy)
    assert db.value("SELECT description FROM friction_point WHERE title = ?", [hostile]) == hostile
    heading = at.subheader[0].value
    assert "<script>" not in heading and "**bold**" not in heading and "](javascript" not in heading
    assert hostile in [t.value for t in at.text], "the description is shown as plain text"


def test_editing_the_status_is_saved_and_shows_in_the_history(app, demo_copy: Path) -> None:
    db = _db(demo_copy)
    friction_id = db.value("SELECT min(id) FROM friction_point WHERE status = 'open'")
    at = app(demo_copy, "friction_points", id=str(friction_id))
    form = f"edit_friction_{friction_id}"
    at.session_state[f"{form}_status"] = "resolved"
    at.session_state[f"{form}_severity"] = 2
    button(at, "Save changes").click().run()
    assert not at.exception
    assert f"Saved changes to #{friction_id}" in plain(at.success[0].value)
    db = _db(demo_copy)
    status, severity, closed = db.row("SELECT status, severity, closed_at FROM friction_point WHERE id = ?",
                                      [friction_id])  # fmt: skip
    assert (status, severity) == ("resolved", 2) and closed is not None
    lines = [t.value for t in at.text]
    assert any("status Open → Resolved" in line and "severity" in line for line in lines)


def test_linking_a_blocker_from_the_friction_point_shows_on_the_blockers_side(app, demo_copy: Path) -> None:
    db = _db(demo_copy)
    friction_id = db.value(
        "SELECT min(id) FROM friction_point WHERE id NOT IN (SELECT friction_point_id FROM blocker_friction)"
    )
    blocker_id = db.value("SELECT min(id) FROM blocker")
    at = app(demo_copy, "friction_points", id=str(friction_id))
    at.multiselect(key=f"links_blocker_{friction_id}_chosen").select(blocker_id).run()
    assert "1 linked" in plain(at.success[0].value)
    assert _db(demo_copy).value(
        "SELECT count(*) FROM blocker_friction WHERE blocker_id = ? AND friction_point_id = ?", [blocker_id, friction_id]
    ) == 1  # fmt: skip
    other_side = app(demo_copy, "blockers", id=str(blocker_id))
    assert friction_id in list(other_side.dataframe[0].value["id"])


def test_beyond_the_limit_the_picker_finds_an_old_blocker_by_words_and_keeps_it_chosen(
    app, demo_copy: Path, monkeypatch
) -> None:
    monkeypatch.setattr(links_service, "PICKER_LIMIT", 3)
    db = _db(demo_copy)
    friction_id = db.value(
        "SELECT min(id) FROM friction_point WHERE id NOT IN (SELECT friction_point_id FROM blocker_friction)"
    )
    oldest, title = db.row("SELECT id, title FROM blocker ORDER BY id LIMIT 1")
    total = db.value("SELECT count(*) FROM blocker")
    at = app(demo_copy, "friction_points", id=str(friction_id))
    picker = f"links_blocker_{friction_id}_chosen"
    assert len(at.multiselect(key=picker).options) == 3
    assert f"The newest 3 of {total} blockers are listed" in "".join(plain(c.value) for c in at.caption)
    at.text_input(key=f"links_blocker_{friction_id}_find").input(title.upper()).run()
    assert at.multiselect(key=picker).options == [f"#{oldest} {title}"]
    at.multiselect(key=picker).select(oldest).run()
    assert not at.exception and "1 linked" in plain(at.success[0].value)
    assert _db(demo_copy).value("SELECT list(blocker_id) FROM blocker_friction WHERE friction_point_id = ?",
                                [friction_id]) == [oldest]  # fmt: skip
    at.text_input(key=f"links_blocker_{friction_id}_find").input("").run()  # back to the newest three
    assert at.multiselect(key=picker).value == [oldest]
    assert len(at.multiselect(key=picker).options) == 4  # the newest three, and the one chosen


def test_filters_in_the_address_narrow_the_list(app, demo_copy: Path) -> None:
    at = app(demo_copy, "friction_points", stage="billing", severity="4")
    table = at.dataframe[0].value
    assert len(table) > 0
    assert set(table["journey_stage"]) == {"Bills & payments"}
    assert table["severity"].min() >= 4
    db = _db(demo_copy)
    expected = db.value("SELECT count(*) FROM friction_point WHERE journey_stage = 'billing' AND severity >= 4"
                        " AND status IN ('open', 'on_agenda', 'decided')")  # fmt: skip
    assert len(table) == expected


def test_search_finds_a_friction_point_by_a_word_of_its_evidence(app, demo_copy: Path) -> None:
    db = _db(demo_copy)
    friction_id = db.value("SELECT min(id) FROM friction_point WHERE status = 'open'")
    db.write(lambda tx: tx.execute(
        "INSERT INTO evidence (friction_point_id, kind, text) VALUES (?, 'quote', 'Zwartepiet voucher missing')",
        [friction_id]))  # fmt: skip
    at = app(demo_copy, "friction_points")
    at.text_input(key="fl_search").input("zwartepiet").run()
    assert list(at.dataframe[0].value["id"]) == [friction_id]
    assert at.query_params["q"] == "zwartepiet", "the search is kept in the address"


def test_a_friction_point_that_does_not_exist_is_explained(app, demo_copy: Path) -> None:
    at = app(demo_copy, "friction_points", id="99999")
    assert "does not exist" in plain(at.error[0].value)


def test_a_stage_removed_from_the_settings_is_explained_when_editing(app, demo_copy: Path) -> None:
    db = _db(demo_copy)
    friction_id = db.value("SELECT min(id) FROM friction_point")
    db.write(
        lambda tx: tx.execute("UPDATE friction_point SET journey_stage = 'gone' WHERE id = ?", [friction_id])
    )
    at = app(demo_copy, "friction_points", id=str(friction_id))
    assert not at.exception
    assert any("'gone', which is no longer in the workspace settings" in plain(w.value) for w in at.warning)
    button(at, "Save changes").click().run()
    assert "Journey stage is not chosen" in plain(at.error[0].value)
    assert (
        _db(demo_copy).value("SELECT journey_stage FROM friction_point WHERE id = ?", [friction_id]) == "gone"
    )


def test_evidence_with_a_script_link_is_refused_and_a_good_one_is_added(app, demo_copy: Path) -> None:
    friction_id = _db(demo_copy).value("SELECT min(id) FROM friction_point")
    before = _db(demo_copy).value("SELECT count(*) FROM evidence WHERE friction_point_id = ?", [friction_id])
    at = app(demo_copy, "friction_points", id=str(friction_id))
    form = f"evidence_{friction_id}"
    at.session_state[f"{form}_kind"] = "link"
    at.text_input(key=f"{form}_url").input("javascript:alert(1)")
    button(at, "Add evidence").click().run()
    assert "must be a web address starting with https://" in plain(at.error[0].value)
    assert "javascript:alert(1)" not in at.error[0].value, "the quoted input is escaped, never a live link"
    assert (
        _db(demo_copy).value("SELECT count(*) FROM evidence WHERE friction_point_id = ?", [friction_id])
        == before
    )
    at.text_input(key=f"{form}_url").input("https://example.org/complaints-report")
    button(at, "Add evidence").click().run()
    assert "Evidence added." in plain(at.success[0].value)
    assert _db(demo_copy).value(
        "SELECT url FROM evidence WHERE friction_point_id = ? ORDER BY id DESC LIMIT 1", [friction_id]
    ) == "https://example.org/complaints-report"  # fmt: skip
