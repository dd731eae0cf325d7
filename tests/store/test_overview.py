"""The overview's aggregations, on small hand-made data where every count can be checked by eye."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd

from council.domain.filters import ViewFilter
from council.domain.friction import Blocker, FrictionPoint
from council.store import blockers, friction, links
from council.store import overview as aggregates
from council.store.database import Database, Transaction


def at(day: str, hour: int = 12, minute: int = 0) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=UTC)


def add_points(db: Database, *points: FrictionPoint) -> list[int]:
    def add(tx: Transaction) -> list[int]:
        return [friction.add_friction_point(tx, p) for p in points]

    return db.write(add)


def cells(frame: pd.DataFrame) -> dict[tuple[str, str | None], int]:
    return {
        (r.journey_stage, None if pd.isna(r.department) else r.department): r.open_friction
        for r in frame.itertuples()
    }


def test_open_friction_counts_once_for_its_owner_and_once_for_each_department_involved(db: Database) -> None:
    add_points(
        db,
        FrictionPoint(
            "A", "", "billing", 3, owner_department="finance", involved_departments=("it", "service")
        ),
        # Stored past the checks: the owner listed as involved too still counts once.
        FrictionPoint("B", "", "billing", 3, owner_department="finance", involved_departments=("finance",)),
        FrictionPoint("C", "", "usage", 3, owner_department="it", status="resolved"),
    )
    counted = cells(aggregates.friction_by_stage_and_department(db, ViewFilter()))
    assert counted == {("billing", "finance"): 2, ("billing", "it"): 1, ("billing", "service"): 1}


def test_friction_without_any_department_counts_once_as_no_department(db: Database) -> None:
    add_points(db, FrictionPoint("Nobody's", "", "usage", 3))
    assert cells(aggregates.friction_by_stage_and_department(db, ViewFilter())) == {("usage", None): 1}


def test_friction_without_an_owner_counts_only_for_the_departments_involved(db: Database) -> None:
    add_points(db, FrictionPoint("App crashes", "", "usage", 3, involved_departments=("it",)))
    assert cells(aggregates.friction_by_stage_and_department(db, ViewFilter())) == {("usage", "it"): 1}


def test_a_department_filter_keeps_friction_it_owns_or_is_involved_in(db: Database) -> None:
    add_points(
        db,
        FrictionPoint("Owned", "", "billing", 3, owner_department="it"),
        FrictionPoint("Involved", "", "usage", 3, owner_department="sales", involved_departments=("it",)),
        FrictionPoint("Elsewhere", "", "usage", 3, owner_department="sales"),
    )
    view = ViewFilter(departments=("it",))
    assert cells(aggregates.friction_by_stage_and_department(db, view)) == {
        ("billing", "it"): 1,
        ("usage", "it"): 1,
        ("usage", "sales"): 1,
    }
    assert aggregates.open_friction_by_stage(db, view) == {"billing": 1, "usage": 1}


def test_opened_and_resolved_counts_per_month_over_a_contiguous_span(db: Database) -> None:
    add_points(
        db,
        FrictionPoint("Before the span", "", "billing", 3, created_at=at("2026-01-31", 23, 30)),
        FrictionPoint("First minute of February", "", "billing", 3, created_at=at("2026-02-01", 0, 0)),
        FrictionPoint("Resolved in May", "", "billing", 3, created_at=at("2026-02-15"), status="resolved",
                      closed_at=at("2026-05-02")),
        FrictionPoint("Won't fix is not resolved", "", "billing", 3, created_at=at("2026-03-10"),
                      status="wont_fix", closed_at=at("2026-04-01")),
        FrictionPoint("Resolved after the span", "", "billing", 3, created_at=at("2026-04-30", 23, 59),
                      status="resolved", closed_at=at("2026-07-01")),
    )  # fmt: skip
    frame = aggregates.opened_and_resolved_by_month(db, ViewFilter(), date(2026, 2, 14), date(2026, 6, 3))
    by_month = {pd.Timestamp(m).date(): (o, r) for m, o, r in frame.itertuples(index=False)}
    assert by_month == {
        date(2026, 2, 1): (2, 0),
        date(2026, 3, 1): (1, 0),
        date(2026, 4, 1): (1, 0),
        date(2026, 5, 1): (0, 1),
        date(2026, 6, 1): (0, 0),
    }


def test_opened_and_resolved_follows_departments_and_stages_but_not_the_start_date(db: Database) -> None:
    add_points(
        db,
        FrictionPoint("IT, billing", "", "billing", 3, owner_department="it", created_at=at("2026-02-10")),
        FrictionPoint("IT, usage", "", "usage", 3, owner_department="it", created_at=at("2026-02-11")),
        FrictionPoint(
            "Sales, billing", "", "billing", 3, owner_department="sales", created_at=at("2026-02-12")
        ),
    )
    view = ViewFilter(departments=("it",), stages=("billing",), since=date(2026, 2, 11))
    frame = aggregates.opened_and_resolved_by_month(db, view, date(2026, 2, 1), date(2026, 2, 28))
    assert list(frame["opened"]) == [1]


def test_blockers_still_in_the_way_are_counted_with_the_open_friction_they_cause(db: Database) -> None:
    def add(tx: Transaction) -> None:
        billing = friction.add_friction_point(
            tx, FrictionPoint("Bill", "", "billing", 3, owner_department="finance")
        )
        usage = friction.add_friction_point(tx, FrictionPoint("App", "", "usage", 3, owner_department="it"))
        done = friction.add_friction_point(tx, FrictionPoint("Old", "", "billing", 3, status="resolved"))
        policy = blockers.add_blocker(tx, Blocker("Two signatures", "policy", "finance"))
        system = blockers.add_blocker(tx, Blocker("Old CRM", "system", "it", status="being_removed"))
        blockers.add_blocker(tx, Blocker("Gone", "system", "it", status="removed"))
        blockers.add_blocker(tx, Blocker("Idle", "budget", "sales"))
        for blocker_id, friction_id in (
            (policy, billing),
            (policy, done),
            (system, usage),
            (system, billing),
        ):
            links.link(tx, "blocker", blocker_id, friction_id)

    db.write(add)

    def shown(view: ViewFilter) -> dict[tuple[str, str], tuple[int, int]]:
        frame = aggregates.blockers_by_category_and_owner(db, view)
        return {(r.category, r.owner_department): (r.blockers, r.friction_caused) for r in frame.itertuples()}

    assert shown(ViewFilter()) == {
        ("policy", "finance"): (1, 1),
        ("system", "it"): (1, 2),
        ("budget", "sales"): (1, 0),
    }
    assert shown(ViewFilter(stages=("usage",))) == {("system", "it"): (1, 1)}
    # A department's own blockers stay in its view even when they cause no friction there.
    assert shown(ViewFilter(departments=("sales",))) == {("budget", "sales"): (1, 0)}
