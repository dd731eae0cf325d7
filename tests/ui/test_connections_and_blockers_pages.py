"""The missing connections and blockers pages: the forms (good and bad input), links and details."""

from __future__ import annotations

from pathlib import Path

from council.services.workspace import open_workspace
from tests.conftest import DEMO_CONFIG
from tests.ui.conftest import button, plain


def _db(path: Path):
    return open_workspace(DEMO_CONFIG, path, demo=False).db


def _fill_connection(at, **fields) -> None:
    values = {"from_department": "service", "to_department": "logistics", "journey_stage": "support",
              "impact": 4, "customers_per_month": 120, **fields}  # fmt: skip
    for field, value in values.items():
        at.session_state[f"new_connection_{field}"] = value


def test_logging_a_missing_connection_links_the_friction_it_causes(app, demo_copy: Path) -> None:
    db = _db(demo_copy)
    friction_id = db.value("SELECT min(id) FROM friction_point WHERE status = 'open'")
    at = app(demo_copy, "missing_connections")
    _fill_connection(at, friction_ids=[friction_id])
    at.text_area(key="new_connection_what_breaks").input("Service books a visit, but planning never sees it.")
    button(at, "Log missing connection").click().run()
    assert not at.error and "is logged" in plain(at.success[0].value)
    db = _db(demo_copy)
    connection_id, impact = db.row(
        "SELECT id, impact FROM missing_connection WHERE what_breaks LIKE 'Service books a visit%'"
    )
    assert impact == 4
    assert db.value("SELECT list(friction_point_id) FROM connection_friction WHERE missing_connection_id = ?",
                    [connection_id]) == [friction_id]  # fmt: skip
    assert at.subheader[0].value.startswith(f"#{connection_id} Customer service → Logistics")


def test_a_connection_from_a_department_to_itself_is_refused_next_to_the_field(app, demo_copy: Path) -> None:
    before = _db(demo_copy).value("SELECT count(*) FROM missing_connection")
    at = app(demo_copy, "missing_connections")
    _fill_connection(at, to_department="service")
    at.text_area(key="new_connection_what_breaks").input("Goes round in circles.")
    button(at, "Log missing connection").click().run()
    assert "same department" in plain(at.error[0].value)
    assert _db(demo_copy).value("SELECT count(*) FROM missing_connection") == before
    assert at.text_area(key="new_connection_what_breaks").value == "Goes round in circles."


def test_a_connection_without_what_breaks_is_refused(app, demo_copy: Path) -> None:
    before = _db(demo_copy).value("SELECT count(*) FROM missing_connection")
    at = app(demo_copy, "missing_connections")
    _fill_connection(at)
    button(at, "Log missing connection").click().run()
    assert "What breaks for the customer is empty" in plain(at.error[0].value)
    assert _db(demo_copy).value("SELECT count(*) FROM missing_connection") == before


def test_the_matrix_and_the_list_show_the_open_connections(app, demo_copy: Path) -> None:
    at = app(demo_copy, "missing_connections")
    open_count = _db(demo_copy).value(
        "SELECT count(*) FROM missing_connection WHERE status IN ('open', 'on_agenda', 'decided')"
    )
    assert len(at.dataframe[0].value) == open_count
    assert at.get("plotly_chart"), "the department matrix is drawn"


def test_logging_a_blocker_with_the_friction_it_causes(app, demo_copy: Path) -> None:
    db = _db(demo_copy)
    friction_ids = [
        r[0] for r in db.rows("SELECT id FROM friction_point WHERE status = 'open' ORDER BY id LIMIT 2")
    ]
    at = app(demo_copy, "blockers")
    at.text_input(key="new_blocker_title").input("Refunds above 50 euros need two signatures")
    at.session_state["new_blocker_category"] = "policy"
    at.session_state["new_blocker_owner_department"] = "finance"
    at.session_state["new_blocker_friction_ids"] = friction_ids
    button(at, "Log blocker").click().run()
    assert not at.error and "is logged" in plain(at.success[0].value)
    db = _db(demo_copy)
    blocker_id = db.value("SELECT id FROM blocker WHERE title = 'Refunds above 50 euros need two signatures'")
    assert db.value("SELECT list(friction_point_id ORDER BY 1) FROM blocker_friction WHERE blocker_id = ?",
                    [blocker_id]) == friction_ids  # fmt: skip
    assert sorted(at.dataframe[0].value["id"]) == friction_ids, "the detail lists the friction it causes"


def test_a_blocker_without_a_kind_is_refused(app, demo_copy: Path) -> None:
    before = _db(demo_copy).value("SELECT count(*) FROM blocker")
    at = app(demo_copy, "blockers")
    at.text_input(key="new_blocker_title").input("Something in the way")
    button(at, "Log blocker").click().run()
    assert "Category is not chosen" in plain(at.error[0].value)
    assert _db(demo_copy).value("SELECT count(*) FROM blocker") == before


def test_blockers_are_listed_per_kind_and_searchable(app, demo_copy: Path) -> None:
    at = app(demo_copy, "blockers")
    headings = [m.value for m in at.markdown if m.value.startswith("####")]
    assert len(headings) == 7, "one group per kind of blocker in the demo"
    at.text_input(key="bl_search").input("bonus").run()
    found = sorted(i for frame in at.dataframe for i in frame.value["id"])
    expected = _db(demo_copy).value(
        "SELECT list(id ORDER BY id) FROM blocker WHERE lower(title) LIKE '%bonus%' OR lower(description) LIKE '%bonus%'"
    )
    assert found and found == expected


def test_unlinking_friction_from_a_blocker_is_saved_and_recorded(app, demo_copy: Path) -> None:
    db = _db(demo_copy)
    blocker_id, friction_id = db.row(
        "SELECT blocker_id, friction_point_id FROM blocker_friction ORDER BY 1, 2 LIMIT 1"
    )
    at = app(demo_copy, "blockers", id=str(blocker_id))
    at.multiselect(key=f"friction_of_blocker_{blocker_id}_chosen").unselect(friction_id).run()
    assert "1 unlinked" in plain(at.success[0].value)
    db = _db(demo_copy)
    assert not db.value("SELECT count(*) FROM blocker_friction WHERE blocker_id = ? AND friction_point_id = ?",
                        [blocker_id, friction_id])  # fmt: skip
    assert db.value("SELECT count(*) FROM audit_log WHERE action = 'unlink' AND entity = 'friction_point'"
                    " AND entity_id = ?", [str(friction_id)]) == 1  # fmt: skip


def test_editing_a_blocker_to_removed_is_saved(app, demo_copy: Path) -> None:
    blocker_id = _db(demo_copy).value("SELECT min(id) FROM blocker WHERE status = 'active'")
    at = app(demo_copy, "blockers", id=str(blocker_id))
    at.session_state[f"edit_blocker_{blocker_id}_status"] = "removed"
    button(at, "Save changes").click().run()
    assert _db(demo_copy).row("SELECT status, closed_at IS NOT NULL FROM blocker WHERE id = ?", [blocker_id]) == (
        "removed", True,
    )  # fmt: skip
    assert any("In the way → Removed" in t.value for t in at.text)
