"""The priority score in SQL, so the database ranks thousands of open items at once.

The rule is `council.domain.priority.priority_score`; this computes the same parts from the
factors `priority_factors` gives, and a test checks both agree on every demo item.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from council.domain.filters import ViewFilter
from council.store.database import Query
from council.store.filters import OPEN_BLOCKER, OPEN_ITEM, Where, connection_view, friction_view
from council.store.headline import headline

PARTS = ("severity_points", "reach_points", "moment_points", "age_points")
_KINDS = ("friction", "connection", "blocker")
_ONLY = """AND list_contains(CASE kind WHEN 'friction' THEN $only_friction::INTEGER[]
                                    WHEN 'connection' THEN $only_connection::INTEGER[]
                                    ELSE $only_blocker::INTEGER[] END, id)"""


def score_params(factors: dict[str, float], moments: frozenset[str], now: datetime) -> dict[str, object]:
    return {
        "w_severity": factors["severity"],
        "w_reach": factors["reach"],
        "w_moment": factors["moment_of_truth"],
        "w_age": factors["age"],
        "reach_full_at": factors["reach_full_at"],
        "age_full_days": factors["age_full_after_days"],
        "moments": sorted(moments),
        "now": now,
    }


def score_columns(severity: str, reach: str, at_moment: str, opened_at: str) -> str:
    """SELECT expressions for the four parts of the score, given the columns they come from."""
    return f"""
        $w_severity * ({severity} - 1) / 4.0 AS severity_points,
        CASE WHEN coalesce({reach}, 0) > 0
             THEN $w_reach * least(1.0, ln(1 + {reach}) / ln(1 + $reach_full_at)) ELSE 0.0 END AS reach_points,
        CASE WHEN {at_moment} THEN $w_moment ELSE 0.0 END AS moment_points,
        $w_age * least(1.0, greatest(0.0, epoch($now - {opened_at}) / 86400.0) / $age_full_days) AS age_points
    """


def ranked_open_items(
    q: Query,
    factors: dict[str, float],
    moments: frozenset[str],
    now: datetime,
    view: ViewFilter,
    limit: int | None = 10,
    kinds: tuple[str, ...] = ("friction", "connection", "blocker"),
    *,
    moments_first: bool = False,
    leave_out: dict[str, list[int]] | None = None,
    only: dict[str, list[int]] | None = None,
) -> pd.DataFrame:
    """Open friction points, missing connections and blockers, highest priority first.

    A blocker is as urgent as the worst open friction it causes: it takes that friction point's
    score and parts (`via` names it), and ranks just after it. `moments_first` puts the items at a
    moment of truth before all others; `leave_out` skips ids per kind (say, those already on an agenda);
    `only` keeps just these ids per kind.
    """
    friction_where = friction_view(Where(score_params(factors, moments, now)), view)
    friction_where.add(f"f.status IN {OPEN_ITEM}")
    connection_where = connection_view(Where(friction_where.params), view)
    connection_where.add(f"c.status IN {OPEN_ITEM}")
    sql = f"""
        WITH friction AS (
            SELECT f.id, f.title, f.journey_stage,
                   {score_columns("f.severity", "f.customers_per_month",
                                  "list_contains($moments, f.journey_stage)", "f.created_at")}
            FROM friction_point f {friction_where.sql()}
        ), connection AS (
            SELECT c.id, {headline("c.what_breaks")} AS title, c.journey_stage,
                   {score_columns("c.impact", "c.customers_per_month",
                                  "list_contains($moments, c.journey_stage)", "c.created_at")}
            FROM missing_connection c {connection_where.sql()}
        ), blocker_worst AS (
            SELECT b.id, b.title, arg_max(f, f.severity_points + f.reach_points + f.moment_points
                                          + f.age_points) AS worst
            FROM blocker b
            JOIN blocker_friction l ON l.blocker_id = b.id
            JOIN friction f ON f.id = l.friction_point_id
            WHERE b.status IN {OPEN_BLOCKER}
            GROUP BY b.id, b.title
        ), items AS (
            SELECT 'friction' AS kind, 1 AS kind_order, *, NULL::INTEGER AS via FROM friction
            UNION ALL
            SELECT 'connection', 2, *, NULL FROM connection
            UNION ALL
            SELECT 'blocker', 3, id, title, worst.journey_stage, worst.severity_points, worst.reach_points,
                   worst.moment_points, worst.age_points, worst.id
            FROM blocker_worst
        )
        SELECT kind, id, title, journey_stage,
               severity_points + reach_points + moment_points + age_points AS priority,
               {", ".join(PARTS)}, via
        FROM items
        WHERE list_contains($kinds, kind)
          AND NOT list_contains(CASE kind WHEN 'friction' THEN $skip_friction::INTEGER[]
                                          WHEN 'connection' THEN $skip_connection::INTEGER[]
                                          ELSE $skip_blocker::INTEGER[] END, id)
          {_ONLY if only is not None else ""}
        ORDER BY {"moment_points > 0 DESC," if moments_first else ""} round(priority, 6) DESC, kind_order, id
        {"LIMIT " + str(int(limit)) if limit else ""}
    """  # fmt: skip
    lists = {f"skip_{kind}": list((leave_out or {}).get(kind, [])) for kind in _KINDS}
    if only is not None:
        lists |= {f"only_{kind}": list(only.get(kind, [])) for kind in _KINDS}
    return q.frame(sql, {**connection_where.params, "kinds": list(kinds), **lists})
