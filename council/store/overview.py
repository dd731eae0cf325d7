"""The overview's aggregations: one DuckDB query per chart, filtered by department, stage and period."""

from __future__ import annotations

from datetime import date

import pandas as pd

from council.domain.filters import ViewFilter
from council.store.database import Query
from council.store.filters import OPEN_BLOCKER, OPEN_ITEM, Where, friction_view


def friction_by_stage_and_department(q: Query, view: ViewFilter) -> pd.DataFrame:
    """Open friction per (journey stage, department); a point counts for its owner and each involved."""
    where = friction_view(Where(), view)
    where.add(f"f.status IN {OPEN_ITEM}")
    return q.frame(
        f"""
        WITH shown AS (SELECT f.id, f.journey_stage, f.owner_department FROM friction_point f {where.sql()}),
        departments AS (
            -- Without an owner, a point counts under "no department" only if nobody else is involved.
            SELECT id, journey_stage, owner_department AS department FROM shown
            WHERE owner_department IS NOT NULL
               OR NOT EXISTS (SELECT 1 FROM friction_department d WHERE d.friction_point_id = shown.id)
            UNION
            SELECT s.id, s.journey_stage, d.department
            FROM shown s JOIN friction_department d ON d.friction_point_id = s.id
        )
        SELECT journey_stage, department, count(DISTINCT id) AS open_friction
        FROM departments
        GROUP BY ALL
        """,
        where.params,
    )


def blockers_by_category_and_owner(q: Query, view: ViewFilter) -> pd.DataFrame:
    """Blockers still in the way per (category, owner), with the open friction in view they cause."""
    where = friction_view(Where(), view)
    where.add(f"f.status IN {OPEN_ITEM}")
    filtered = bool(view.departments or view.stages or view.since)
    owners = where.param(view.departments)
    return q.frame(
        f"""
        WITH caused AS (
            SELECT l.blocker_id, f.id AS friction_id
            FROM blocker_friction l JOIN friction_point f ON f.id = l.friction_point_id
            {where.sql()}
        )
        SELECT b.category, b.owner_department, count(DISTINCT b.id) AS blockers,
               count(DISTINCT c.friction_id) AS friction_caused
        FROM blocker b LEFT JOIN caused c ON c.blocker_id = b.id
        WHERE b.status IN {OPEN_BLOCKER}
          AND (NOT {"true" if filtered else "false"} OR c.friction_id IS NOT NULL
               OR list_contains({owners}, b.owner_department))
        GROUP BY ALL
        ORDER BY friction_caused DESC
        """,
        where.params,
    )


def friction_by_stage_and_segment(q: Query, view: ViewFilter) -> pd.DataFrame:
    """Open friction per (journey stage, customer segment); friction without a segment is 'NULL'."""
    where = friction_view(Where(), view)
    where.add(f"f.status IN {OPEN_ITEM}")
    return q.frame(
        f"""
        SELECT f.journey_stage, f.segment, count(*) AS open_friction,
               coalesce(sum(f.customers_per_month), 0) AS customers_per_month
        FROM friction_point f {where.sql()}
        GROUP BY ALL
        """,
        where.params,
    )


def opened_and_resolved_by_month(
    q: Query, view: ViewFilter, first_month: date, last_month: date
) -> pd.DataFrame:
    """Per month from `first_month` to `last_month`: friction points logged and friction resolved.

    The period does not narrow which friction counts here; it is the span of months shown. Months
    are those of the workspace's time zone.
    """
    where = friction_view(Where(), ViewFilter(view.departments, view.stages, zone=view.zone))
    start, end = where.param(first_month.replace(day=1)), where.param(last_month.replace(day=1))
    zone = where.param(view.zone)
    return q.frame(
        f"""
        WITH shown AS (SELECT f.created_at, f.closed_at, f.status FROM friction_point f {where.sql()}),
        months AS (
            SELECT unnest(generate_series(date_trunc('month', {start}::DATE), {end}::DATE,
                                          INTERVAL 1 MONTH))::DATE AS month
        ),
        opened AS (
            SELECT date_trunc('month', timezone({zone}, created_at))::DATE AS month, count(*) AS n
            FROM shown GROUP BY 1
        ),
        resolved AS (
            SELECT date_trunc('month', timezone({zone}, closed_at))::DATE AS month, count(*) AS n
            FROM shown WHERE status = 'resolved' AND closed_at IS NOT NULL GROUP BY 1
        )
        SELECT m.month, coalesce(o.n, 0) AS opened, coalesce(r.n, 0) AS resolved
        FROM months m LEFT JOIN opened o USING (month) LEFT JOIN resolved r USING (month)
        ORDER BY m.month
        """,
        where.params,
    )


def first_friction_day(q: Query) -> date | None:
    found = q.value("SELECT min(created_at) FROM friction_point")
    return found.date() if found else None


def open_friction_by_stage(q: Query, view: ViewFilter) -> dict[str, int]:
    """Open friction points per journey stage, in the view."""
    where = friction_view(Where(), view)
    where.add(f"f.status IN {OPEN_ITEM}")
    return dict(
        q.rows(f"SELECT journey_stage, count(*) FROM friction_point f {where.sql()} GROUP BY 1", where.params)
    )
