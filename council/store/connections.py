"""Missing connections: broken hand-offs between departments, and the friction they cause."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from council.domain.filters import ViewFilter
from council.domain.friction import CLOSED_ITEM_STATUSES, MissingConnection
from council.store.database import Query, Transaction
from council.store.filters import Where, connection_view
from council.store.records import update_record

EDITABLE = ("from_department", "to_department", "journey_stage", "what_breaks", "impact",
            "customers_per_month", "status")  # fmt: skip


def add_missing_connection(tx: Transaction, connection: MissingConnection) -> int:
    return tx.insert_record("missing_connection", connection)


def update_missing_connection(tx: Transaction, connection: MissingConnection, now: datetime) -> None:
    update_record(tx, "missing_connection", connection, EDITABLE, CLOSED_ITEM_STATUSES, now)


def get_missing_connection(q: Query, connection_id: int) -> MissingConnection | None:
    return q.record(MissingConnection, "SELECT * FROM missing_connection WHERE id = ?", [connection_id])


def list_missing_connections(q: Query) -> list[MissingConnection]:
    return q.records(MissingConnection, "SELECT * FROM missing_connection ORDER BY id")


def connection_frame(q: Query, view: ViewFilter = ViewFilter(), open_only: bool = False) -> pd.DataFrame:
    where = connection_view(Where(), view)
    if open_only:
        where.add("c.status IN ('open', 'on_agenda', 'decided')")
    return q.frame(
        f"""
        SELECT c.id, c.from_department, c.to_department, c.journey_stage, c.what_breaks, c.impact,
               c.customers_per_month, c.status,
               (SELECT count(*) FROM connection_friction l WHERE l.missing_connection_id = c.id)
                   AS friction_points,
               c.created_at
        FROM missing_connection c {where.sql()}
        ORDER BY c.status IN ('resolved', 'wont_fix'), c.impact DESC, c.id
        """,
        where.params,
    )


def hand_off_matrix(q: Query, view: ViewFilter = ViewFilter()) -> pd.DataFrame:
    """Open missing connections per (from, to) department pair: how many, how bad, for how many customers
    a month, and at which journey stages."""
    where = connection_view(Where(), view)
    where.add("c.status IN ('open', 'on_agenda', 'decided')")
    return q.frame(
        f"""
        SELECT c.from_department, c.to_department, count(*) AS connections,
               sum(c.impact) AS total_impact, max(c.impact) AS worst_impact,
               coalesce(sum(c.customers_per_month), 0) AS customers_per_month,
               list(DISTINCT c.journey_stage ORDER BY c.journey_stage) AS journey_stages
        FROM missing_connection c {where.sql()}
        GROUP BY ALL
        ORDER BY total_impact DESC, connections DESC
        """,
        where.params,
    )
