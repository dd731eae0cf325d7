"""Internal blockers (policies, systems, KPIs, budgets…) and the friction they cause."""

from __future__ import annotations

import pandas as pd

from council.domain.friction import Blocker
from council.store.database import Query, Transaction


def add_blocker(tx: Transaction, blocker: Blocker) -> int:
    return tx.insert_record("blocker", blocker)


def get_blocker(q: Query, blocker_id: int) -> Blocker | None:
    return q.record(Blocker, "SELECT * FROM blocker WHERE id = ?", [blocker_id])


def list_blockers(q: Query) -> list[Blocker]:
    return q.records(Blocker, "SELECT * FROM blocker ORDER BY id")


def link_blocker_to_friction(tx: Transaction, blocker_id: int, friction_id: int) -> None:
    tx.execute("INSERT INTO blocker_friction VALUES (?, ?) ON CONFLICT DO NOTHING", [blocker_id, friction_id])


def friction_caused_by(q: Query, blocker_id: int) -> list[int]:
    rows = q.rows(
        "SELECT friction_point_id FROM blocker_friction WHERE blocker_id = ? ORDER BY 1", [blocker_id]
    )
    return [r[0] for r in rows]


def blocker_frame(q: Query) -> pd.DataFrame:
    """Blockers with how much open friction each one causes."""
    return q.frame(
        """
        SELECT b.id, b.category, b.title, b.owner_department, b.status,
               count(f.id) FILTER (WHERE f.status IN ('open', 'on_agenda', 'decided'))
                   AS open_friction,
               coalesce(sum(f.customers_per_month)
                   FILTER (WHERE f.status IN ('open', 'on_agenda', 'decided')), 0)
                   AS customers_per_month
        FROM blocker b
        LEFT JOIN blocker_friction l ON l.blocker_id = b.id
        LEFT JOIN friction_point f ON f.id = l.friction_point_id
        GROUP BY ALL
        ORDER BY b.category, open_friction DESC, b.id
        """
    )


def count_blockers(q: Query) -> dict[str, int]:
    return dict(q.rows("SELECT status, count(*) FROM blocker GROUP BY status"))
