"""The friction list: filtered, searched (title, description, evidence) and sorted by the database."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from council.domain.filters import FrictionFilter
from council.store.database import Query
from council.store.filters import OPEN_ITEM, Where, friction_list
from council.store.priority import score_columns, score_params

# Sort choice -> ORDER BY; the keys are the only values that reach the SQL text.
SORTS = {
    "priority": "priority DESC NULLS LAST, id DESC",
    "newest": "created_at DESC, id DESC",
    "severity": "severity DESC, customers_per_month DESC NULLS LAST, id DESC",
    "customers": "customers_per_month DESC NULLS LAST, severity DESC, id DESC",
}


def find_friction(
    q: Query,
    flt: FrictionFilter,
    factors: dict[str, float],
    moments: frozenset[str],
    now: datetime,
    sort: str = "priority",
    limit: int = 500,
) -> tuple[pd.DataFrame, int]:
    """The matching friction points (at most `limit`, in `sort` order) and how many match in all."""
    where = friction_list(Where(score_params(factors, moments, now)), flt)
    order = SORTS.get(sort, SORTS["priority"])
    frame = q.frame(
        f"""
        WITH matching AS (
            SELECT f.*, {
            score_columns(
                "f.severity",
                "f.customers_per_month",
                "list_contains($moments, f.journey_stage)",
                "f.created_at",
            )
        }
            FROM friction_point f {where.sql()}
        )
        SELECT id, title, journey_stage, severity,
               CASE WHEN status IN {OPEN_ITEM}
                    THEN round(severity_points + reach_points + moment_points + age_points) END AS priority,
               customers_per_month, segment, channel, owner_department, status, created_at,
               (SELECT count(*) FROM evidence e WHERE e.friction_point_id = m.id) AS evidence,
               (SELECT count(*) FROM blocker_friction b WHERE b.friction_point_id = m.id) AS blockers,
               (SELECT count(*) FROM connection_friction c WHERE c.friction_point_id = m.id) AS connections,
               count(*) OVER () AS matching
        FROM matching m
        ORDER BY {order}
        LIMIT {int(limit)}
        """,
        where.params,
    )
    total = int(frame["matching"].iloc[0]) if len(frame) else 0
    return frame.drop(columns=["matching"]), total
