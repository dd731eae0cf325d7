"""Internal blockers (policies, systems, KPIs, budgets…) and the friction they cause."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from council.domain.friction import CLOSED_BLOCKER_STATUSES, Blocker
from council.store.database import Query, Transaction
from council.store.filters import holds
from council.store.records import update_record

EDITABLE = ("title", "category", "owner_department", "description", "status")


def add_blocker(tx: Transaction, blocker: Blocker) -> int:
    return tx.insert_record("blocker", blocker)


def update_blocker(tx: Transaction, blocker: Blocker, now: datetime) -> None:
    update_record(tx, "blocker", blocker, EDITABLE, CLOSED_BLOCKER_STATUSES, now)


def get_blocker(q: Query, blocker_id: int) -> Blocker | None:
    return q.record(Blocker, "SELECT * FROM blocker WHERE id = ?", [blocker_id])


def list_blockers(q: Query) -> list[Blocker]:
    return q.records(Blocker, "SELECT * FROM blocker ORDER BY id")


def blocker_frame(q: Query, search: tuple[str, ...] = ()) -> pd.DataFrame:
    """Blockers with how much open friction each one causes; `search` words must all occur."""
    clauses = " AND ".join(
        f"({holds('b.title', f'$w{i}')} OR {holds('b.description', f'$w{i}')})" for i in range(len(search))
    )
    return q.frame(
        f"""
        SELECT b.id, b.category, b.title, b.owner_department, b.status,
               count(f.id) FILTER (WHERE f.status IN ('open', 'on_agenda', 'decided'))
                   AS open_friction,
               coalesce(sum(f.customers_per_month)
                   FILTER (WHERE f.status IN ('open', 'on_agenda', 'decided')), 0)
                   AS customers_per_month
        FROM blocker b
        LEFT JOIN blocker_friction l ON l.blocker_id = b.id
        LEFT JOIN friction_point f ON f.id = l.friction_point_id
        {"WHERE " + clauses if clauses else ""}
        GROUP BY b.id, b.category, b.title, b.owner_department, b.status
        ORDER BY b.category, b.status IN ('removed', 'accepted'), open_friction DESC, b.id
        """,
        {f"w{i}": word for i, word in enumerate(search)},
    )
