"""Friction points, the departments involved in them, and the evidence behind them."""

from __future__ import annotations

from datetime import datetime

from council.domain.friction import CLOSED_ITEM_STATUSES, Evidence, FrictionPoint
from council.store.database import Query, Transaction
from council.store.records import update_record

_FRICTION = """
    SELECT f.*, coalesce(
        (SELECT list(department ORDER BY department) FROM friction_department d
         WHERE d.friction_point_id = f.id), []) AS involved_departments
    FROM friction_point f
"""
EDITABLE = (
    "title", "description", "journey_stage", "channel", "segment", "severity",
    "customers_per_month", "owner_department", "status",
)  # fmt: skip


def add_friction_point(tx: Transaction, friction: FrictionPoint) -> int:
    friction_id = tx.insert_record("friction_point", friction, skip=("id", "involved_departments"))
    _set_departments(tx, friction_id, friction.involved_departments)
    return friction_id


def update_friction_point(tx: Transaction, friction: FrictionPoint, now: datetime) -> None:
    """Save the editable fields of `friction` (which has its id); closing stamps `closed_at`."""
    update_record(tx, "friction_point", friction, EDITABLE, CLOSED_ITEM_STATUSES, now)
    tx.execute("DELETE FROM friction_department WHERE friction_point_id = ?", [friction.id])
    _set_departments(tx, friction.id, friction.involved_departments)


def _set_departments(tx: Transaction, friction_id: int | None, departments: tuple[str, ...]) -> None:
    for department in departments:
        tx.execute("INSERT INTO friction_department VALUES (?, ?)", [friction_id, department])


def any_friction(q: Query) -> bool:
    return bool(q.value("SELECT EXISTS (SELECT 1 FROM friction_point)"))


def get_friction_point(q: Query, friction_id: int) -> FrictionPoint | None:
    return q.record(FrictionPoint, f"{_FRICTION} WHERE f.id = ?", [friction_id])


def list_friction_points(q: Query) -> list[FrictionPoint]:
    return q.records(FrictionPoint, f"{_FRICTION} ORDER BY f.id")


def similar_open_friction(
    q: Query, title: str, stop_words: frozenset[str], limit: int = 5
) -> list[tuple[int, str, float]]:
    """Open friction points whose title says much the same as `title`: (id, title, similarity 0-1).

    Titles are compared as sets of meaningful words (longer than two letters, not a stop word),
    each cut to its first five letters so "invoice" meets "invoices" and "engineer" meets
    "engineers". At least two words must be shared; the similarity is the mean of the Dice
    coefficient and the share of the shorter title's words found in the other.
    """
    words = """list_distinct(list_transform(list_filter(
                   string_split_regex(strip_accents(lower({0})), '[^\\p{{L}}\\p{{N}}]+'),
                   lambda w: length(w) > 2 AND NOT list_contains($stop, w)), lambda w: left(w, 5)))"""
    rows = q.rows(
        f"""
        WITH candidates AS (
            SELECT id, title, {words.format("title")} AS ws
            FROM friction_point WHERE status IN ('open', 'on_agenda', 'decided')
        ), mine AS (SELECT {words.format("$title")} AS ws),
        compared AS (
            SELECT c.id, c.title, len(list_intersect(c.ws, m.ws)) AS common, len(c.ws) AS a, len(m.ws) AS b
            FROM candidates c, mine m
        )
        SELECT id, title, (2.0 * common / (a + b) + common / least(a, b)) / 2 AS similarity
        FROM compared
        WHERE common >= 2 AND similarity >= 0.5
        ORDER BY similarity DESC, id DESC
        LIMIT $limit
        """,
        {"title": title, "stop": sorted(stop_words), "limit": limit},
    )
    return [(r[0], r[1], float(r[2])) for r in rows]


def add_evidence(tx: Transaction, evidence: Evidence) -> int:
    return tx.insert_record("evidence", evidence)


def evidence_for(q: Query, friction_id: int) -> list[Evidence]:
    return q.records(
        Evidence, "SELECT * FROM evidence WHERE friction_point_id = ? ORDER BY id", [friction_id]
    )
