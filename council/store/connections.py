"""Missing connections: broken hand-offs between departments, and the friction they cause."""

from __future__ import annotations

import pandas as pd

from council.domain.friction import MissingConnection
from council.store.database import Query, Transaction


def add_missing_connection(tx: Transaction, connection: MissingConnection) -> int:
    return tx.insert_record("missing_connection", connection)


def get_missing_connection(q: Query, connection_id: int) -> MissingConnection | None:
    return q.record(MissingConnection, "SELECT * FROM missing_connection WHERE id = ?", [connection_id])


def list_missing_connections(q: Query) -> list[MissingConnection]:
    return q.records(MissingConnection, "SELECT * FROM missing_connection ORDER BY id")


def link_connection_to_friction(tx: Transaction, connection_id: int, friction_id: int) -> None:
    tx.execute(
        "INSERT INTO connection_friction VALUES (?, ?) ON CONFLICT DO NOTHING",
        [connection_id, friction_id],
    )


def friction_behind_connection(q: Query, connection_id: int) -> list[int]:
    rows = q.rows(
        "SELECT friction_point_id FROM connection_friction WHERE missing_connection_id = ? ORDER BY 1",
        [connection_id],
    )
    return [r[0] for r in rows]


def connection_frame(q: Query) -> pd.DataFrame:
    return q.frame(
        """
        SELECT c.id, c.from_department, c.to_department, c.journey_stage, c.what_breaks, c.impact,
               c.customers_per_month, c.status,
               (SELECT count(*) FROM connection_friction l WHERE l.missing_connection_id = c.id)
                   AS friction_points
        FROM missing_connection c
        ORDER BY c.impact DESC, c.id
        """
    )


def count_connections(q: Query) -> dict[str, int]:
    return dict(q.rows("SELECT status, count(*) FROM missing_connection GROUP BY status"))
