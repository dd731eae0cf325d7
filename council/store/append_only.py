"""The record that is never rewritten: decisions, their links and status events, the history of actions and
the audit trail. Corrections are new rows.

DuckDB has no triggers to refuse an UPDATE, so every statement a transaction runs is read by DuckDB's own
parser and planner: one that would change or remove rows of these tables is refused, however it is written
(schema-qualified, quoted, commented, several at once).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import duckdb

from council.domain.errors import AppendOnly
from council.i18n import _

APPEND_ONLY = ("decision", "decision_event", "decision_link", "action_event", "audit_log")
# Statement types that can change existing rows; an INSERT can, with ON CONFLICT DO UPDATE or OR REPLACE.
_MAY_CHANGE_ROWS = {"UPDATE", "DELETE", "MERGE_INTO", "INSERT"}
_CHANGING_OPERATORS = {"UPDATE", "DELETE"}


def refuse_changes_to_the_record(
    cur: duckdb.DuckDBPyConnection, statement: Any, params: Sequence[Any] | dict[str, Any]
) -> None:
    """Refuse `statement` (as DuckDB's parser split it out) if it would change or remove rows of the record."""
    if statement.type.name not in _MAY_CHANGE_ROWS:
        return
    sql = statement.query
    cur.execute("PRAGMA explain_output = 'all'")
    plans = dict(cur.execute(f"EXPLAIN (FORMAT JSON) {sql}", params).fetchall())
    cur.execute("PRAGMA explain_output = 'physical_only'")
    operators = _plan_values(json.loads(plans["physical_plan"]), "name")
    if not operators & _CHANGING_OPERATORS:
        return  # it only adds rows (an INSERT, ON CONFLICT DO NOTHING, a MERGE that only inserts)
    # The tables it reads, its target among them, as DuckDB named them: catalog.schema.table.
    tables = {tuple(t.split(".")[-2:]) for t in _plan_values(json.loads(plans["logical_plan"]), "Table")}
    touched = sorted(name for schema, name in tables if schema == "main" and name in APPEND_ONLY)
    if touched:
        raise AppendOnly(_(
            "The {table} table is append-only: a recorded decision, link, status event, action change or "
            "audit entry is never changed or deleted. Record a new version or a new event instead."
        ).format(table=touched[0]))  # fmt: skip


def _plan_values(nodes: list[dict[str, Any]], key: str) -> set[str]:
    """Every value of `key` in a JSON query plan: operator names ("name") or the tables scanned ("Table")."""
    found: set[str] = set()
    for node in nodes:
        info = node.get("extra_info")
        value = node.get(key) if key == "name" else info.get(key) if isinstance(info, dict) else None
        if isinstance(value, str) and value:
            found.add(value)
        found |= _plan_values(node.get("children", []), key)
    return found
