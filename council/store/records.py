"""Saving an edited record: its editable columns, when it changed, and when it was closed."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from council.store.database import Transaction


def update_record(
    tx: Transaction,
    table: str,
    record: Any,
    editable: tuple[str, ...],
    closed_statuses: Collection[str],
    now: datetime,
) -> None:
    """Write `editable` columns of `record` (which has its id) into `table`.

    `closed_at` is stamped the first time the status becomes a closing one and cleared when the
    record is reopened. Table and column names come from the store's constants, never from input.
    """
    assignments = ", ".join(f"{column} = ?" for column in editable)
    closed = record.status in closed_statuses
    tx.execute(
        f"UPDATE {table} SET {assignments}, updated_at = ?,"
        " closed_at = CASE WHEN ? THEN coalesce(closed_at, ?) ELSE NULL END WHERE id = ?",
        [*(getattr(record, c) for c in editable), now, closed, now, record.id],
    )
