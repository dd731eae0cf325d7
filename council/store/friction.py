"""Friction points, the departments involved in them, and the evidence behind them."""

from __future__ import annotations

import pandas as pd

from council.domain.friction import Evidence, FrictionPoint
from council.store.database import Query, Transaction

_FRICTION = """
    SELECT f.*, coalesce(
        (SELECT list(department ORDER BY department) FROM friction_department d
         WHERE d.friction_point_id = f.id), []) AS involved_departments
    FROM friction_point f
"""


def add_friction_point(tx: Transaction, friction: FrictionPoint) -> int:
    friction_id = tx.insert_record("friction_point", friction, skip=("id", "involved_departments"))
    for department in friction.involved_departments:
        tx.execute("INSERT INTO friction_department VALUES (?, ?)", [friction_id, department])
    return friction_id


def get_friction_point(q: Query, friction_id: int) -> FrictionPoint | None:
    return q.record(FrictionPoint, f"{_FRICTION} WHERE f.id = ?", [friction_id])


def list_friction_points(q: Query) -> list[FrictionPoint]:
    return q.records(FrictionPoint, f"{_FRICTION} ORDER BY f.id")


def open_friction_frame(q: Query) -> pd.DataFrame:
    """The friction points still open, with what the priority score needs."""
    return q.frame(
        """
        SELECT id, title, journey_stage, channel, segment, severity, customers_per_month,
               owner_department, status, created_at
        FROM friction_point
        WHERE status IN ('open', 'on_agenda', 'decided')
        ORDER BY id
        """
    )


def friction_frame(q: Query) -> pd.DataFrame:
    return q.frame(
        """
        SELECT f.id, f.title, f.journey_stage, f.segment, f.channel, f.severity,
               f.customers_per_month, f.owner_department, f.status, f.created_at,
               (SELECT count(*) FROM evidence e WHERE e.friction_point_id = f.id) AS evidence
        FROM friction_point f
        ORDER BY f.id DESC
        """
    )


def add_evidence(tx: Transaction, evidence: Evidence) -> int:
    return tx.insert_record("evidence", evidence)


def evidence_for(q: Query, friction_id: int) -> list[Evidence]:
    return q.records(
        Evidence, "SELECT * FROM evidence WHERE friction_point_id = ? ORDER BY id", [friction_id]
    )


def count_friction(q: Query) -> dict[str, int]:
    """How many friction points there are in each status."""
    return dict(q.rows("SELECT status, count(*) FROM friction_point GROUP BY status"))


def open_friction_by_stage(q: Query) -> dict[str, int]:
    """Open friction points per journey stage."""
    return dict(
        q.rows(
            "SELECT journey_stage, count(*) FROM friction_point"
            " WHERE status IN ('open', 'on_agenda', 'decided') GROUP BY journey_stage"
        )
    )
