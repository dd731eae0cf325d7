"""What a person or their department owns among the open friction points, missing connections and
blockers: for My work. A missing connection belongs to both departments of its hand-off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from council.store.database import Query
from council.store.filters import OPEN_BLOCKER, OPEN_ITEM
from council.store.headline import headline


@dataclass(frozen=True)
class OwnedItem:
    kind: str  # "friction", "connection" or "blocker"
    id: int
    title: str
    status: str
    weight: int  # severity or impact, 1-5 (a blocker: the worst open friction it causes, 0 if none)
    logged_by_me: bool
    created_at: datetime


_OWNED = f"""
    SELECT 'friction' AS kind, f.id, f.title, f.status, f.severity AS weight, f.created_by = $me AS logged_by_me,
           f.created_at
    FROM friction_point f
    WHERE f.status IN {OPEN_ITEM} AND (f.owner_department = $department OR f.created_by = $me)
    UNION ALL
    SELECT 'connection', c.id, {headline("c.what_breaks")}, c.status, c.impact,
           c.created_by = $me, c.created_at
    FROM missing_connection c
    WHERE c.status IN {OPEN_ITEM} AND ($department IN (c.from_department, c.to_department) OR c.created_by = $me)
    UNION ALL
    SELECT 'blocker', b.id, b.title, b.status,
           coalesce((SELECT max(f.severity) FROM blocker_friction l JOIN friction_point f ON f.id = l.friction_point_id
                     WHERE l.blocker_id = b.id AND f.status IN {OPEN_ITEM}), 0),
           b.created_by = $me, b.created_at
    FROM blocker b
    WHERE b.status IN {OPEN_BLOCKER} AND (b.owner_department = $department OR b.created_by = $me)
"""


def owned_items(q: Query, person_id: int, department: str | None, limit: int) -> tuple[list[OwnedItem], int]:
    """The `limit` weightiest open items the person logged or their department owns, and how many there are."""
    rows = q.rows(
        f"""SELECT *, count(*) OVER () FROM ({_OWNED})
            ORDER BY weight DESC, created_at DESC, kind, id LIMIT {int(limit)}""",
        {"me": person_id, "department": department},
    )
    return [OwnedItem(*row[:-1]) for row in rows], rows[0][-1] if rows else 0
