"""Links between friction points and the blockers that cause them or the missing connections behind them.

Each link is one row; linking twice is harmless and unlinking a link that is gone does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from council.store.database import Query, Transaction
from council.store.filters import OPEN_ITEM, Where, like_pattern, matches

# Link kind -> (link table, column of the other side, table of the other side).
_LINKS = {
    "blocker": ("blocker_friction", "blocker_id", "blocker"),
    "connection": ("connection_friction", "missing_connection_id", "missing_connection"),
}


def link(tx: Transaction, kind: str, other_id: int, friction_id: int) -> bool:
    """Link `friction_id` to a blocker or connection; False when the link already existed."""
    table, column, _ = _LINKS[kind]
    exists = tx.value(f"SELECT count(*) FROM {table} WHERE {column} = ? AND friction_point_id = ?",
                      [other_id, friction_id])  # fmt: skip
    if exists:
        return False
    tx.execute(f"INSERT INTO {table} ({column}, friction_point_id) VALUES (?, ?)", [other_id, friction_id])
    return True


def unlink(tx: Transaction, kind: str, other_id: int, friction_id: int) -> bool:
    """Remove the link; False when there was none."""
    table, column, _ = _LINKS[kind]
    exists = tx.value(f"SELECT count(*) FROM {table} WHERE {column} = ? AND friction_point_id = ?",
                      [other_id, friction_id])  # fmt: skip
    tx.execute(f"DELETE FROM {table} WHERE {column} = ? AND friction_point_id = ?", [other_id, friction_id])
    return bool(exists)


def blockers_of(q: Query, friction_id: int) -> pd.DataFrame:
    """The blockers that cause a friction point."""
    return q.frame(
        """
        SELECT b.id, b.title, b.category, b.owner_department, b.status
        FROM blocker_friction l JOIN blocker b ON b.id = l.blocker_id
        WHERE l.friction_point_id = ? ORDER BY b.id
        """,
        [friction_id],
    )


def connections_of(q: Query, friction_id: int) -> pd.DataFrame:
    """The missing connections behind a friction point."""
    return q.frame(
        """
        SELECT c.id, c.from_department, c.to_department, c.journey_stage, c.what_breaks, c.impact, c.status
        FROM connection_friction l JOIN missing_connection c ON c.id = l.missing_connection_id
        WHERE l.friction_point_id = ? ORDER BY c.id
        """,
        [friction_id],
    )


def friction_of(q: Query, kind: str, other_id: int) -> pd.DataFrame:
    """The friction points a blocker causes, or that lie behind a missing connection."""
    table, column, _ = _LINKS[kind]
    return q.frame(
        f"""
        SELECT f.id, f.title, f.journey_stage, f.severity, f.customers_per_month, f.status
        FROM {table} l JOIN friction_point f ON f.id = l.friction_point_id
        WHERE l.{column} = ? ORDER BY f.id
        """,
        [other_id],
    )


def exists(q: Query, kind: str, item_id: int) -> bool:
    """Whether a friction point, blocker or missing connection with this id is there."""
    table = "friction_point" if kind == "friction" else _LINKS[kind][2]
    return bool(q.value(f"SELECT count(*) FROM {table} WHERE id = ?", [item_id]))


# What a picker offers, per kind: the table, the text searched, and which rows can be chosen.
_CHOOSABLE = {
    "blocker": ("blocker", "title", "TRUE"),
    "connection": ("missing_connection", "what_breaks", "TRUE"),
    "friction": ("friction_point", "title", f"status IN {OPEN_ITEM}"),
}


@dataclass(frozen=True)
class Choosable:
    id: int
    text: str  # the title, or for a connection what breaks
    from_department: str | None = None
    to_department: str | None = None


def choosable(
    q: Query, kind: str, words: tuple[str, ...], keep: tuple[int, ...], limit: int
) -> tuple[list[Choosable], int]:
    """What a picker of `kind` can offer: the newest `limit` rows whose text holds every word (a word
    like "#12" or "12" also matches the number), plus the rows `keep` (those chosen already),
    newest first; and how many rows match in all."""
    table, text, choosable_sql = _CHOOSABLE[kind]
    where = Where()
    where.add(choosable_sql)
    for word in words:
        found = matches(text, where.param(like_pattern(word)))
        number = word.removeprefix("#")
        is_number = number.isdigit() and len(number) < 10
        where.add(f"({found} OR id = {where.param(int(number))})" if is_number else found)
    departments = "from_department, to_department" if kind == "connection" else "NULL, NULL"
    listed = f"SELECT id, {text} AS text, {departments} FROM {table}"
    rows = q.records(
        Choosable,
        f"""
        SELECT * FROM (
            (SELECT * FROM ({listed} WHERE {where.conditions()}) ORDER BY id DESC LIMIT {int(limit)})
            UNION SELECT * FROM ({listed} WHERE list_contains($keep, id))
        ) ORDER BY id DESC
        """,
        where.params | {"keep": list(keep)},
    )
    return rows, q.value(f"SELECT count(*) FROM {table} WHERE {where.conditions()}", where.params)
