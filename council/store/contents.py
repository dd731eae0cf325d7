"""What a workspace holds, table by table: for the empty check, the CLI and the Settings page."""

from __future__ import annotations

from council.store.database import Query

COUNTED_TABLES = (
    "person", "council_term", "meeting", "friction_point", "missing_connection", "blocker",
    "agenda_item", "proposal", "decision", "decision_event", "action_item", "feedback", "audit_log",
)  # fmt: skip


def table_counts(q: Query) -> dict[str, int]:
    # Table names come from the constant above, never from input.
    union = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM {t}" for t in COUNTED_TABLES)
    return dict(q.rows(union))


def is_empty(q: Query) -> bool:
    """True while the workspace holds no people and no friction points."""
    return not q.value("SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM friction_point)")
