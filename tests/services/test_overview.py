"""The overview's charts and counts agree with the records they summarise, under every filter."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pandas as pd
import pytest

from council.domain.filters import ViewFilter, period_start
from council.domain.friction import Blocker, FrictionPoint, MissingConnection
from council.services import overview
from council.services.friction import log_friction_point
from council.services.workspace import Workspace
from council.store import blockers, connections, friction
from council.store.database import Transaction
from tests.services.conftest import MEMBER

OPEN = ("open", "on_agenda", "decided")
# Views by name; a view with a start date is built from the workspace's today.
VIEWS: dict[str, Callable[[date], ViewFilter]] = {
    "everything": lambda today: ViewFilter(),
    "two stages": lambda today: ViewFilter(stages=("billing", "support")),
    "one department": lambda today: ViewFilter(departments=("it",)),
    "departments and stages": lambda today: ViewFilter(
        departments=("it", "sales"), stages=("renewal", "usage")
    ),
    "last three months": lambda today: ViewFilter(since=period_start("90d", today)),
    "everything narrowed": lambda today: ViewFilter(("finance",), ("billing",), period_start("12m", today)),
}
CHARTS = (
    overview.friction_heatmap,
    overview.hand_off_network,
    overview.blockers_by_category,
    overview.friction_by_segment,
    overview.opened_and_resolved,
    overview.top_priorities,
)


@pytest.fixture(params=VIEWS, ids=list(VIEWS))
def view(request: pytest.FixtureRequest, demo_to_read: Workspace) -> ViewFilter:
    return VIEWS[request.param](demo_to_read.today())


def starts_in_view(created_at: datetime, view: ViewFilter) -> bool:
    return view.since is None or created_at >= datetime.combine(view.since, time.min, UTC)


def departments_of(point: FrictionPoint) -> set[str]:
    return {d for d in (point.owner_department, *point.involved_departments) if d}


def friction_in_view(ws: Workspace, view: ViewFilter) -> list[FrictionPoint]:
    return [
        p
        for p in friction.list_friction_points(ws.db)
        if p.status in OPEN
        and (not view.departments or departments_of(p) & set(view.departments))
        and (not view.stages or p.journey_stage in view.stages)
        and starts_in_view(p.created_at, view)
    ]


def connections_in_view(ws: Workspace, view: ViewFilter) -> list[MissingConnection]:
    return [
        c
        for c in connections.list_missing_connections(ws.db)
        if c.status in OPEN
        and (not view.departments or {c.from_department, c.to_department} & set(view.departments))
        and (not view.stages or c.journey_stage in view.stages)
        and starts_in_view(c.created_at, view)
    ]


def blockers_in_view(ws: Workspace, view: ViewFilter) -> dict[Blocker, set[int]]:
    """Blockers still in the way that the view shows, with the open friction in view each causes."""
    shown = {p.id for p in friction_in_view(ws, view)}
    causes: dict[int, set[int]] = {}
    for blocker_id, friction_id in ws.db.rows("SELECT blocker_id, friction_point_id FROM blocker_friction"):
        causes.setdefault(blocker_id, set())
        if friction_id in shown:
            causes[blocker_id].add(friction_id)
    filtered = bool(view.departments or view.stages or view.since)
    return {
        b: causes.get(b.id, set())
        for b in blockers.list_blockers(ws.db)
        if b.status in ("active", "being_removed")
        and (not filtered or causes.get(b.id) or b.owner_department in view.departments)
    }


def test_the_heatmap_counts_each_open_friction_point_once_per_department_involved(
    demo_to_read: Workspace, view: ViewFilter
) -> None:
    ws = demo_to_read
    expected: Counter[tuple[str, str]] = Counter()
    for point in friction_in_view(ws, view):
        stage = next(s for s in ws.config.journey_stages if s.id == point.journey_stage)
        row = f"★ {stage.name}" if stage.moment_of_truth else stage.name
        for department in departments_of(point):
            # With a department filter, only the chosen departments are columns.
            if not view.departments or department in view.departments:
                expected[row, ws.config.name_of("department", department)] += 1
    grid = overview.friction_heatmap(ws, view).frame
    cells = {(row, column): n for (row, column), n in grid.stack().items() if n}
    assert cells == dict(expected)
    if view.stages:
        assert [label.removeprefix("★ ") for label in grid.index] == [
            s.name for s in ws.config.journey_stages if s.id in view.stages
        ]
    if view.departments:
        chosen = [d.name for d in ws.config.departments if d.id in view.departments]
        assert list(grid.columns) == chosen


def test_the_heatmap_total_equals_a_direct_count(demo_to_read: Workspace) -> None:
    ws = demo_to_read
    expected = ws.db.value(
        """
        SELECT count(*) FROM (
            SELECT id, owner_department FROM friction_point WHERE status IN ('open', 'on_agenda', 'decided')
            UNION
            SELECT f.id, d.department FROM friction_point f JOIN friction_department d ON d.friction_point_id = f.id
            WHERE f.status IN ('open', 'on_agenda', 'decided')
        )
        """
    )
    assert overview.friction_heatmap(ws, ViewFilter()).frame.to_numpy().sum() == expected


def test_the_headline_counts_follow_the_view(demo_to_read: Workspace, view: ViewFilter) -> None:
    ws = demo_to_read
    points = friction_in_view(ws, view)
    assert overview.counts(ws, view) == {
        "open_friction": len(points),
        "at_moments_of_truth": sum(p.journey_stage in ws.config.moments_of_truth for p in points),
        "missing_connections": len(connections_in_view(ws, view)),
        "blockers": len(blockers_in_view(ws, view)),
    }


def test_the_open_friction_count_is_the_number_of_open_friction_points(demo_to_read: Workspace) -> None:
    ws = demo_to_read
    expected = ws.db.value(
        "SELECT count(*) FROM friction_point WHERE status IN ('open', 'on_agenda', 'decided')"
    )
    assert overview.counts(ws, ViewFilter())["open_friction"] == expected > 0


def test_friction_by_segment_follows_the_view(demo_to_read: Workspace, view: ViewFilter) -> None:
    ws = demo_to_read
    expected = Counter(
        (p.journey_stage, ws.config.name_of("segment", p.segment) if p.segment else overview.NO_SEGMENT)
        for p in friction_in_view(ws, view)
    )
    frame = overview.friction_by_segment(ws, view).frame
    assert dict(
        zip(zip(frame["journey_stage"], frame["segment"], strict=True), frame["open_friction"], strict=True)
    ) == dict(expected)


def test_the_hand_off_network_follows_the_view(demo_to_read: Workspace, view: ViewFilter) -> None:
    ws = demo_to_read
    name = ws.config.name_of
    expected = Counter(
        (name("department", c.from_department), name("department", c.to_department))
        for c in connections_in_view(ws, view)
    )
    frame = overview.hand_off_network(ws, view).frame
    pairs = zip(frame["from_department"], frame["to_department"], strict=True)
    assert dict(zip(pairs, frame["connections"], strict=True)) == dict(expected)


def test_blockers_by_category_follow_the_view(demo_to_read: Workspace, view: ViewFilter) -> None:
    ws = demo_to_read
    name = ws.config.name_of
    expected: dict[tuple[str, str], list] = {}
    for blocker, caused in blockers_in_view(ws, view).items():
        key = (name("blocker_category", blocker.category), name("department", blocker.owner_department))
        count, friction_ids = expected.get(key, (0, set()))
        expected[key] = [count + 1, friction_ids | caused]
    frame = overview.blockers_by_category(ws, view).frame
    shown = {(r.category, r.owner_department): [r.blockers, r.friction_caused] for r in frame.itertuples()}
    assert shown == {key: [n, len(ids)] for key, (n, ids) in expected.items()}


def test_the_top_priorities_are_the_open_items_in_view_highest_first(
    demo_to_read: Workspace, view: ViewFilter
) -> None:
    ws = demo_to_read
    in_view = {("friction", p.id) for p in friction_in_view(ws, view)} | {
        ("connection", c.id) for c in connections_in_view(ws, view)
    }
    frame = overview.top_priorities(ws, view).frame
    shown = set(zip(frame["kind"], frame["id"], strict=True))
    assert shown <= in_view and len(shown) == len(frame) == min(10, len(in_view))
    assert list(frame["priority"]) == sorted(frame["priority"], reverse=True)


def month_start(moment: datetime) -> date:
    return moment.astimezone(UTC).date().replace(day=1)


def test_opened_and_resolved_months_are_contiguous_and_sum_to_direct_counts(
    demo_to_read: Workspace, view: ViewFilter
) -> None:
    ws = demo_to_read
    frame = overview.opened_and_resolved(ws, view).frame
    months = [pd.Timestamp(m).date() for m in frame["month"]]
    first = (view.since or min(p.created_at for p in friction.list_friction_points(ws.db)).date()).replace(
        day=1
    )
    assert months[0] == first and months[-1] == ws.today().replace(day=1)
    assert all((b.year * 12 + b.month) - (a.year * 12 + a.month) == 1 for a, b in itertools.pairwise(months))
    # The period is the span of months shown; departments and stages pick the friction.
    every = [
        p
        for p in friction.list_friction_points(ws.db)
        if (not view.departments or departments_of(p) & set(view.departments))
        and (not view.stages or p.journey_stage in view.stages)
    ]
    opened = sum(month_start(p.created_at) >= first for p in every)
    resolved = sum(
        p.status == "resolved" and p.closed_at and month_start(p.closed_at) >= first for p in every
    )
    assert (frame["opened"].sum(), frame["resolved"].sum()) == (opened, resolved)
    assert opened > 0


def test_opened_and_resolved_goes_back_at_most_two_years(empty: Workspace) -> None:
    now = empty.now()

    def add(tx: Transaction) -> None:
        for days_ago in (1000, 100):
            created = now - timedelta(days=days_ago)
            point = FrictionPoint(
                f"{days_ago} days old", "", "billing", 2, created_at=created, updated_at=created
            )
            friction.add_friction_point(tx, point)

    empty.db.write(add)
    frame = overview.opened_and_resolved(empty, ViewFilter()).frame
    assert pd.Timestamp(frame["month"].iloc[0]).date() == (empty.today() - timedelta(days=730)).replace(day=1)
    assert frame["opened"].sum() == 1


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c.__name__)
@pytest.mark.parametrize(
    "empty_view", [ViewFilter(), ViewFilter(("it",), ("billing",), date(2026, 1, 1))], ids=["all", "filtered"]
)
def test_an_empty_workspace_shows_empty_charts_that_say_there_is_nothing(
    empty_to_refuse: Workspace, chart, empty_view: ViewFilter
) -> None:
    data = chart(empty_to_refuse, empty_view)
    assert data.empty and data.frame.empty
    assert data.takeaway.startswith(("No ", "Nothing ")), data.takeaway


def test_an_empty_workspace_counts_zero_everywhere(empty_to_refuse: Workspace) -> None:
    assert set(overview.counts(empty_to_refuse, ViewFilter()).values()) == {0}


def test_a_view_with_nothing_in_it_says_so(demo_to_read: Workspace) -> None:
    future = ViewFilter(since=demo_to_read.today() + timedelta(days=1))
    # Left out: opened_and_resolved, whose period is a span of months that may hold this month's resolutions.
    for chart in [c for c in CHARTS if c is not overview.opened_and_resolved]:
        data = chart(demo_to_read, future)
        assert data.empty and data.takeaway.startswith(("No ", "Nothing ")), chart.__name__


def test_friction_at_a_stage_removed_from_the_config_still_shows_on_the_heatmap(
    empty: Workspace, without_hr_and_moving: Workspace
) -> None:
    log_friction_point(empty, MEMBER, FrictionPoint("Moving trouble", "", "moving", 3, owner_department="it"))
    chart = overview.friction_heatmap(without_hr_and_moving, ViewFilter())
    assert "(0 open)" not in chart.takeaway
    assert (
        chart.frame.to_numpy().sum()
        == overview.counts(without_hr_and_moving, ViewFilter())["open_friction"]
        == 1
    )
