"""The decision history: current versions searched, filtered, counted and sorted by the database.

Search is a scan of the current versions' words (`contains` on lower-case text): DuckDB's full-text
extension cannot be installed offline, and a scan of 20,000 decisions is a few milliseconds.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from council.domain.decisions import DecisionSummary
from council.domain.filters import DecisionFilter
from council.domain.vocabulary import DecisionStatus
from council.store.database import Query
from council.store.decisions import (
    CURRENT_CORE,
    CURRENT_DECISIONS,
    NAMES,
    OVERDUE,
    STAGES_OF_LINKS,
    current_core,
)
from council.store.filters import Where, decision_list

# Sort choice -> ORDER BY; the keys are the only values that reach the SQL text.
SORTS = {
    "newest": "decided_at DESC, decision_id DESC",
    "oldest": "decided_at, decision_id",
    "due": "due_on NULLS LAST, decided_at DESC, decision_id DESC",
    "updated": "greatest(amended_at, status_since) DESC, decision_id DESC",
}


def _listed(flt: DecisionFilter, today: date) -> tuple[str, Where]:
    """The matching decisions as a subquery, with its parameters."""
    where = decision_list(Where({"today": today}), flt)
    return f"SELECT * FROM (SELECT *, {OVERDUE} AS overdue FROM ({CURRENT_CORE})) d {where.sql()}", where


def find_decisions(
    q: Query, flt: DecisionFilter, today: date, sort: str = "newest", limit: int | None = 20, offset: int = 0
) -> list[DecisionSummary]:
    """One page of matching decisions in `sort` order (all of them when `limit` is None)."""
    return find_and_count_decisions(q, flt, today, sort, limit, offset)[0]


def find_and_count_decisions(
    q: Query,
    flt: DecisionFilter,
    today: date,
    sort: str = "newest",
    limit: int | None = 20,
    offset: int = 0,
    *,
    brief: bool = False,
) -> tuple[list[DecisionSummary], int]:
    """One page of matching decisions in `sort` order, and how many match in all. `brief` leaves out
    the owner's name, the meeting's title and the journey stages, for lists that do not show them."""
    listed, where = _listed(flt, today)
    order = SORTS.get(sort, SORTS["newest"])
    page = f"LIMIT {int(limit)} OFFSET {max(int(offset), 0)}" if limit is not None else ""
    # First which decisions, reading only the columns the filter and the order need; then those
    # decisions in full. Reading every decision's text to keep twenty took most of the time.
    picked = q.rows(
        f"SELECT decision_id, count(*) OVER () FROM ({listed}) ORDER BY {order} {page}", where.params
    )
    if not picked:
        return [], count_decisions(q, flt, today) if offset else 0
    shown = f"SELECT *, {OVERDUE} AS overdue FROM ({current_core('list_contains($ids, decision_id)')})"
    params = {"ids": [r[0] for r in picked], "today": today}
    if brief:
        return q.records(DecisionSummary, f"{shown} ORDER BY {order}", params), picked[0][1]
    found = q.records(
        DecisionSummary,
        f"""
        WITH page AS ({NAMES.format(rows=shown)}),
             shown_links AS (SELECT * FROM decision_link WHERE decision_id IN (SELECT decision_id FROM page)),
             stages AS (SELECT decision_id, list(DISTINCT journey_stage ORDER BY journey_stage) AS stages
                        FROM ({STAGES_OF_LINKS.format(links="shown_links")}) GROUP BY decision_id)
        SELECT page.*, coalesce(stages.stages, []) AS stages
        FROM page LEFT JOIN stages USING (decision_id)
        ORDER BY {order}
        """,
        params,
    )
    return found, picked[0][1]


def count_decisions(q: Query, flt: DecisionFilter, today: date) -> int:
    listed, where = _listed(flt, today)
    return q.number(f"SELECT count(*) FROM ({listed})", where.params)


def decisions_per_month(q: Query, flt: DecisionFilter, today: date) -> pd.DataFrame:
    """Matching decisions per month they were decided in (in the workspace's time zone) and current
    status: columns month, status, decisions, overdue. One query gives both the chart and the counts."""
    listed, where = _listed(flt, today)
    where.params["zone"] = flt.zone
    return q.frame(
        f"""
        SELECT date_trunc('month', timezone($zone, decided_at))::DATE AS month, status,
               count(*) AS decisions, count(*) FILTER (WHERE overdue) AS overdue
        FROM ({listed}) GROUP BY ALL ORDER BY month, status
        """,
        where.params,
    )


def decision_owners(q: Query) -> list[tuple[int, str]]:
    """The people who own a decision's current version, by name."""
    return q.rows(
        f"""
        SELECT DISTINCT owner_id, owner_name FROM ({CURRENT_DECISIONS})
        WHERE owner_id IS NOT NULL ORDER BY owner_name, owner_id
        """
    )


def decision_meetings(q: Query) -> list[tuple[int, str]]:
    """The meetings that decided or amended something, newest first."""
    return q.rows(
        """
        SELECT m.id, m.title FROM meeting m
        WHERE EXISTS (SELECT 1 FROM decision d WHERE d.meeting_id = m.id)
        ORDER BY m.starts_at DESC, m.id DESC
        """
    )


def done_since(
    q: Query, since: datetime | None, today: date, limit: int
) -> tuple[list[DecisionSummary], int]:
    """Decisions whose latest status is done, reached at or after `since` (None: ever): the latest `limit`
    and how many there are."""
    listed, where = _listed(DecisionFilter(statuses=(DecisionStatus.DONE,)), today)
    done = f"SELECT * FROM ({listed}) WHERE $since IS NULL OR status_since >= $since"
    params = where.params | {"since": since}
    found = q.records(
        DecisionSummary, f"{done} ORDER BY status_since DESC, decision_id DESC LIMIT {int(limit)}", params
    )
    return found, q.number(f"SELECT count(*) FROM ({done})", params)
