"""What changed in the workspace since a moment: logged, decided, amended, done, dropped, overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from council.store.database import Query
from council.store.decisions import current_core
from council.store.headline import headline


@dataclass(frozen=True)
class Change:
    """One thing that happened: `what` happened to a record of `kind` (or, for 'overdue', fell due)."""

    what: str  # "logged", "decided", "amended", "done", "dropped" or "overdue"
    kind: str  # "friction", "connection", "blocker", "decision" or "action"
    id: int
    title: str
    happened_at: datetime | None  # when; for 'overdue' the due date has no time (None)
    decision_id: int | None = None
    person_id: int | None = None  # who logged it, or who owns it
    department: str | None = None  # its owning department (a connection: where the hand-off starts)
    due_on: date | None = None
    note: str = ""


# Only the decisions that may have changed are read in their current form: those done or dropped since,
# and those with a version falling due in the window (the current version's due date is one of them).
_CANDIDATES = """decision_id IN (
    SELECT decision_id FROM decision_event WHERE happened_at >= $since AND status IN ('done', 'dropped')
    UNION SELECT decision_id FROM decision WHERE due_on >= $since_day AND due_on < $today)"""

_CHANGES = f"""
    WITH current AS ({current_core(_CANDIDATES)})
    SELECT 'logged' AS what, 'friction' AS kind, id, title, created_at AS happened_at, NULL AS decision_id,
           created_by AS person_id, owner_department AS department, NULL::DATE AS due_on, '' AS note
    FROM friction_point WHERE created_at >= $since
    UNION ALL
    SELECT 'logged', 'connection', id, {headline("what_breaks")}, created_at, NULL,
           created_by, from_department, NULL, '' FROM missing_connection WHERE created_at >= $since
    UNION ALL
    SELECT 'logged', 'blocker', id, title, created_at, NULL, created_by, owner_department, NULL, ''
    FROM blocker WHERE created_at >= $since
    UNION ALL
    SELECT CASE WHEN d.version = 1 THEN 'decided' ELSE 'amended' END, 'decision', d.decision_id, d.title,
           d.decided_at, d.decision_id, d.owner_id, d.owner_department, d.due_on, d.change_note
    FROM decision d WHERE d.decided_at >= $since
    UNION ALL
    SELECT e.status, 'decision', e.decision_id, c.title, e.happened_at, e.decision_id, c.owner_id,
           c.owner_department, c.due_on, e.note
    FROM decision_event e JOIN current c USING (decision_id)
    WHERE e.happened_at >= $since AND e.status IN ('done', 'dropped')
    UNION ALL
    SELECT e.status, 'action', a.id, a.what, e.happened_at, a.decision_id, a.owner_id, a.owner_department,
           a.due_on, e.note
    FROM action_event e JOIN action_item a ON a.id = e.action_id
    WHERE e.happened_at >= $since AND e.change = 'status' AND e.status IN ('done', 'dropped')
    UNION ALL
    SELECT 'overdue', 'decision', decision_id, title, NULL, decision_id, owner_id, owner_department, due_on, ''
    FROM current WHERE due_on >= $since_day AND due_on < $today AND status IN ('decided', 'in_progress')
    UNION ALL
    SELECT 'overdue', 'action', id, what, NULL, decision_id, owner_id, owner_department, due_on, ''
    FROM action_item WHERE due_on >= $since_day AND due_on < $today AND status IN ('open', 'in_progress')
"""


def changes_since(q: Query, since: datetime, since_day: date, today: date) -> list[Change]:
    """Everything that happened since `since` (fell due since `since_day`), the latest first."""
    return q.records(
        Change,
        f"SELECT * FROM ({_CHANGES}) ORDER BY coalesce(happened_at, due_on::TIMESTAMPTZ) DESC, kind, id",
        {"since": since, "since_day": since_day, "today": today},
    )
