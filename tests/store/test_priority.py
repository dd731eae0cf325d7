"""The priority score in SQL agrees with the rule in `council.domain.priority`, item by item."""

from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd
import pytest

from council.domain.filters import ViewFilter
from council.domain.priority import PriorityScore, priority_factors, priority_score
from council.services.workspace import Workspace
from council.store import connections, friction
from council.store.priority import ranked_open_items

OPEN = ("open", "on_agenda", "decided")
PARTS = {"severity_points": "severity", "reach_points": "reach", "moment_points": "moment_of_truth",
         "age_points": "age"}  # fmt: skip


def ranked(ws: Workspace, now: datetime, view: ViewFilter = ViewFilter()) -> pd.DataFrame:
    factors = priority_factors(ws.config.scoring)
    return ranked_open_items(ws.db, factors, ws.config.moments_of_truth, now, view, limit=None)


def python_score(ws: Workspace, severity: int, customers: int | None, stage: str, opened_at: datetime,
                 now: datetime) -> PriorityScore:  # fmt: skip
    return priority_score(
        severity=severity,
        customers_per_month=customers,
        at_moment_of_truth=stage in ws.config.moments_of_truth,
        opened_at=opened_at,
        now=now,
        weights=ws.config.scoring,
    )


def assert_same_score(row: pd.Series, expected: PriorityScore) -> None:
    assert row["priority"] == pytest.approx(expected.total, abs=1e-6)
    for column, part in PARTS.items():
        assert row[column] == pytest.approx(getattr(expected, part), abs=1e-6), column


# Now, long after (every age part full) and long before (every age part zero) the demo's items.
@pytest.mark.parametrize("shift", [timedelta(0), timedelta(days=400), timedelta(days=-400)], ids=str)
def test_the_sql_score_of_every_open_friction_point_equals_the_python_score(
    demo: Workspace, shift: timedelta
) -> None:
    now = demo.now() + shift
    frame = ranked(demo, now)
    scored = frame[frame["kind"] == "friction"].set_index("id")
    open_points = [p for p in friction.list_friction_points(demo.db) if p.status in OPEN]
    assert set(scored.index) == {p.id for p in open_points}
    for point in open_points:
        expected = python_score(demo, point.severity, point.customers_per_month, point.journey_stage,
                                point.created_at, now)  # fmt: skip
        assert_same_score(scored.loc[point.id], expected)


def test_the_sql_score_of_every_open_missing_connection_equals_the_python_score(demo: Workspace) -> None:
    now = demo.now()
    frame = ranked(demo, now)
    scored = frame[frame["kind"] == "connection"].set_index("id")
    open_connections = [c for c in connections.list_missing_connections(demo.db) if c.status in OPEN]
    assert set(scored.index) == {c.id for c in open_connections}
    for connection in open_connections:
        expected = python_score(demo, connection.impact, connection.customers_per_month,
                                connection.journey_stage, connection.created_at, now)  # fmt: skip
        assert_same_score(scored.loc[connection.id], expected)


def test_a_blocker_scores_as_the_worst_open_friction_it_causes(demo: Workspace) -> None:
    frame = ranked(demo, demo.now())
    friction_scores = frame[frame["kind"] == "friction"].set_index("id")["priority"]
    caused: dict[int, list[int]] = {}
    for blocker_id, friction_id in demo.db.rows(
        "SELECT l.blocker_id, l.friction_point_id FROM blocker_friction l JOIN blocker b ON b.id = l.blocker_id"
        " WHERE b.status IN ('active', 'being_removed')"
    ):
        if friction_id in friction_scores.index:
            caused.setdefault(blocker_id, []).append(friction_id)
    scored = frame[frame["kind"] == "blocker"].set_index("id")
    assert set(scored.index) == set(caused)
    for blocker_id, friction_ids in caused.items():
        worst = max(friction_ids, key=lambda i: friction_scores[i])
        assert scored.loc[blocker_id, "priority"] == pytest.approx(friction_scores[worst], abs=1e-9)
        assert friction_scores[scored.loc[blocker_id, "via"]] == pytest.approx(
            friction_scores[worst], abs=1e-9
        )


def test_items_are_ranked_highest_priority_first_and_the_limit_keeps_the_top(demo: Workspace) -> None:
    now = demo.now()
    frame = ranked(demo, now)
    assert list(frame["priority"]) == sorted(frame["priority"], reverse=True)
    factors = priority_factors(demo.config.scoring)
    top = ranked_open_items(demo.db, factors, demo.config.moments_of_truth, now, ViewFilter(), limit=5)
    assert (
        list(zip(top["kind"], top["id"], strict=True))
        == list(zip(frame["kind"], frame["id"], strict=True))[:5]
    )


def test_the_view_narrows_what_is_ranked(demo: Workspace) -> None:
    frame = ranked(demo, demo.now(), ViewFilter(stages=("billing",)))
    assert not frame.empty
    assert set(frame["journey_stage"]) == {"billing"}
