"""Missing connections: logging with checks and links, editing with an audit trail, the tables."""

from __future__ import annotations

from dataclasses import replace

import pytest

from council.domain.errors import NotFound, ValidationError
from council.domain.filters import ViewFilter
from council.domain.friction import FrictionPoint, MissingConnection
from council.services import connections as service
from council.services.friction import log_friction_point
from council.services.workspace import Workspace
from council.store import audit
from tests.services.conftest import MEMBER

DRAFT = MissingConnection(
    from_department="logistics",
    to_department="service",
    journey_stage="switching",
    what_breaks="A cancelled engineer visit is not passed on to service.\nAgents give the old date.",
    impact=4,
    customers_per_month=60,
)
NASTY = "<script>alert(1)</script> **bold** [x](javascript:alert(1))"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"to_department": "logistics"}, "to_department"),
        ({"from_department": "legal"}, "from_department"),
        ({"to_department": "legal"}, "to_department"),
        ({"from_department": ""}, "from_department"),
        ({"journey_stage": "teleportation"}, "journey_stage"),
        ({"what_breaks": " \n "}, "what_breaks"),
        ({"what_breaks": "x" * 10_001}, "what_breaks"),
        ({"impact": 0}, "impact"),
        ({"impact": 6}, "impact"),
        ({"customers_per_month": -5}, "customers_per_month"),
        ({"status": "forgotten"}, "status"),
    ],
    ids=lambda v: repr(v)[:40] if isinstance(v, dict) else v,
)
def test_a_missing_connection_with_bad_input_is_refused_and_nothing_is_written(
    empty_to_refuse: Workspace, nothing_written, change: dict, field: str
) -> None:
    with nothing_written(empty_to_refuse), pytest.raises(ValidationError) as refused:
        service.log_missing_connection(empty_to_refuse, MEMBER, replace(DRAFT, **change))
    assert refused.value.field == field


def test_a_connection_from_a_department_to_itself_is_refused(
    empty_to_refuse: Workspace, nothing_written
) -> None:
    with nothing_written(empty_to_refuse), pytest.raises(ValidationError) as refused:
        service.log_missing_connection(
            empty_to_refuse, MEMBER, replace(DRAFT, to_department=DRAFT.from_department)
        )
    assert refused.value.field == "to_department"
    assert "same department" in refused.value.message


def test_a_connection_linked_to_a_friction_point_that_does_not_exist_is_not_saved(
    empty: Workspace, nothing_written
) -> None:
    friction_id = log_friction_point(empty, MEMBER, FrictionPoint("Engineer no-show", "", "switching", 4))
    with nothing_written(empty), pytest.raises(NotFound):
        service.log_missing_connection(empty, MEMBER, DRAFT, [friction_id, 999])


def test_logging_saves_the_connection_with_its_links_and_history(empty: Workspace) -> None:
    first = log_friction_point(empty, MEMBER, FrictionPoint("Engineer no-show", "", "switching", 4))
    second = log_friction_point(empty, MEMBER, FrictionPoint("Old date given", "", "switching", 3))
    connection_id = service.log_missing_connection(empty, MEMBER, DRAFT, [second, first, first])
    detail = service.connection_detail(empty, connection_id)
    assert replace(detail.connection, id=None, created_at=None, updated_at=None) == DRAFT
    assert list(detail.friction["id"]) == [first, second]
    assert [line.what for line in detail.history][-1] == "Logged it."
    assert sum(line.what.startswith("Linked friction point") for line in detail.history) == 2


def test_markup_in_what_breaks_is_stored_verbatim(empty: Workspace) -> None:
    connection_id = service.log_missing_connection(empty, MEMBER, replace(DRAFT, what_breaks=NASTY))
    assert service.get(empty, connection_id).what_breaks == NASTY


def test_an_edit_records_only_the_changed_fields_and_closing_stamps_closed_at(empty: Workspace) -> None:
    connection_id = service.log_missing_connection(empty, MEMBER, DRAFT)
    stored = service.get(empty, connection_id)
    changes = service.edit_missing_connection(
        empty, MEMBER, connection_id, replace(stored, impact=2, status="resolved")
    )
    assert changes == {"impact": [4, 2], "status": ["open", "resolved"]}
    newest = audit.entries_about(empty.db, "missing_connection", str(connection_id))[0]
    assert (newest.action, newest.details) == ("update", {"changes": changes})
    assert service.get(empty, connection_id).closed_at is not None
    service.edit_missing_connection(empty, MEMBER, connection_id, replace(stored, status="on_agenda"))
    assert service.get(empty, connection_id).closed_at is None


def test_a_save_without_changes_writes_nothing(empty: Workspace, nothing_written) -> None:
    connection_id = service.log_missing_connection(empty, MEMBER, DRAFT)
    stored = service.get(empty, connection_id)
    with nothing_written(empty):
        assert service.edit_missing_connection(empty, MEMBER, connection_id, stored) == {}
    assert service.get(empty, connection_id) == stored


def test_editing_into_a_connection_from_a_department_to_itself_is_refused(
    empty: Workspace, nothing_written
) -> None:
    connection_id = service.log_missing_connection(empty, MEMBER, DRAFT)
    stored = service.get(empty, connection_id)
    with nothing_written(empty), pytest.raises(ValidationError) as refused:
        service.edit_missing_connection(
            empty, MEMBER, connection_id, replace(stored, from_department="service")
        )
    assert refused.value.field == "to_department"
    assert service.get(empty, connection_id) == stored


def test_a_connection_that_does_not_exist_raises_not_found(
    empty_to_refuse: Workspace, nothing_written
) -> None:
    with pytest.raises(NotFound):
        service.connection_detail(empty_to_refuse, 999)
    with nothing_written(empty_to_refuse), pytest.raises(NotFound):
        service.edit_missing_connection(empty_to_refuse, MEMBER, 999, DRAFT)


def test_the_connection_table_shows_names_and_can_leave_out_closed_ones(demo_to_read: Workspace) -> None:
    ws = demo_to_read
    every = service.connection_table(ws)
    still_open = service.connection_table(ws, open_only=True)
    statuses = dict(ws.db.rows("SELECT status, count(*) FROM missing_connection GROUP BY 1"))
    assert len(every) == sum(statuses.values())
    assert len(still_open) == sum(n for s, n in statuses.items() if s in ("open", "on_agenda", "decided"))
    assert set(still_open["status"]) <= {"Open", "On the agenda", "Decided"}
    names = {d.name for d in ws.config.departments}
    assert set(every["from_department"]) <= names and set(every["to_department"]) <= names
    linked = ws.db.rows("SELECT missing_connection_id, count(*) FROM connection_friction GROUP BY 1")
    counts = dict(zip(every["id"], every["friction_points"], strict=True))
    assert all(counts[c] == n for c, n in linked)


def test_the_connection_table_follows_the_view(demo_to_read: Workspace) -> None:
    ws = demo_to_read
    table = service.connection_table(
        ws, ViewFilter(departments=("it",), stages=("usage", "support", "billing"))
    )
    expected = ws.db.value(
        "SELECT count(*) FROM missing_connection WHERE 'it' IN (from_department, to_department)"
        " AND journey_stage IN ('usage', 'support', 'billing')"
    )
    assert len(table) == expected > 0
    assert all("IT" in (row.from_department, row.to_department) for row in table.itertuples())


def test_the_hand_off_matrix_counts_open_connections_per_pair_with_names(demo_to_read: Workspace) -> None:
    ws = demo_to_read
    matrix = service.hand_off_matrix(ws)
    expected = ws.db.rows(
        "SELECT from_department, to_department, count(*), sum(impact), list(DISTINCT journey_stage)"
        " FROM missing_connection WHERE status IN ('open', 'on_agenda', 'decided') GROUP BY ALL"
    )
    name = ws.config.name_of
    assert {
        (row.from_department, row.to_department): (row.connections, row.total_impact, row.journey_stages)
        for row in matrix.itertuples()
    } == {
        (name("department", f), name("department", t)): (
            n,
            impact,
            ", ".join(name("journey_stage", s) for s in sorted(stages)),
        )
        for f, t, n, impact, stages in expected
    }
    assert list(matrix["total_impact"]) == sorted(matrix["total_impact"], reverse=True)


def test_a_connection_lists_the_friction_behind_it(demo_to_read: Workspace) -> None:
    ws = demo_to_read
    connection_id, friction_ids = ws.db.row(
        "SELECT missing_connection_id, list(friction_point_id ORDER BY friction_point_id)"
        " FROM connection_friction GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    )
    detail = service.connection_detail(ws, connection_id)
    assert list(detail.friction["id"]) == friction_ids
