"""Action items between meetings: the register with its filters and counts, one action with its
append-only history, and saving a change to one (only if nobody saved it meanwhile)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from council.domain.actions import ActionEvent, ActionFilter
from council.domain.decisions import ActionItem
from council.store.database import Query, Transaction
from council.store.decisions import LATEST_STATUS
from council.store.filters import Where

OPEN_ACTION = "('open', 'in_progress')"


@dataclass(frozen=True)
class ActionRow:
    """An action as the register and My work list it, with its decision and meeting."""

    id: int
    decision_id: int
    decision_title: str
    decision_status: str
    what: str
    status: str
    overdue: bool
    revision: int
    meeting_id: int | None = None
    meeting_title: str | None = None
    owner_id: int | None = None
    owner_name: str | None = None
    owner_left: bool = False  # no longer on the roster
    owner_department: str | None = None
    decision_owner_id: int | None = None
    due_on: date | None = None
    updated_at: datetime | None = None


# The actions `{picked}` keeps (a condition on the action `a` and its owner `p`), in the register's order
# and cut to `{page}` before anything else is joined: only the decisions of the actions kept are read.
# Each comes with the current version of its decision, the meeting that took it and the decision's
# latest status. `$today` is the workspace's today.
_ROWS = """
    WITH picked AS (
        SELECT a.*, (a.due_on < $today::DATE AND a.status IN ('open', 'in_progress')) AS overdue,
               p.name AS owner_name, coalesce(NOT p.active, false) AS owner_left,
               coalesce(a.owner_department, p.department) AS department
        FROM action_item a LEFT JOIN person p ON p.id = a.owner_id
        WHERE {picked} {order} {page}
    ), head AS (
        SELECT decision_id, max(version) AS version, arg_min(meeting_id, version) AS meeting_id
        FROM decision WHERE decision_id IN (SELECT decision_id FROM picked) GROUP BY decision_id
    ), latest_event AS (
        SELECT decision_id, {latest_status} AS status
        FROM decision_event WHERE decision_id IN (SELECT decision_id FROM picked) GROUP BY decision_id
    )
    SELECT a.id, a.decision_id, d.title AS decision_title, coalesce(e.status, 'decided') AS decision_status,
           a.what, a.status, a.overdue, a.revision, h.meeting_id, m.title AS meeting_title, a.owner_id,
           a.owner_name, a.owner_left, a.department AS owner_department, d.owner_id AS decision_owner_id,
           a.due_on, a.updated_at
    FROM picked a
    JOIN head h USING (decision_id)
    JOIN decision d ON d.decision_id = h.decision_id AND d.version = h.version
    LEFT JOIN latest_event e ON e.decision_id = a.decision_id
    LEFT JOIN meeting m ON m.id = h.meeting_id
    {order}
"""
# Still to do first, the overdue ones on top, then by due date; done and dropped after them.
_ORDER = "ORDER BY a.status NOT IN ('open', 'in_progress'), NOT overdue, a.due_on NULLS LAST, a.id"
# The meeting that took a decision is the one of its first version.
_TAKEN_AT = """a.decision_id IN (
    SELECT decision_id FROM decision GROUP BY decision_id HAVING arg_min(meeting_id, version) = {meeting})"""


def _where(flt: ActionFilter, today: date, *, with_states: bool = True) -> Where:
    """The filter as conditions on the action `a` and its owner `p`."""
    where = Where({"today": today})
    if with_states and flt.states:
        where.add(f"list_contains({where.param(flt.states)}, a.status)")
    if flt.owner_id is not None:
        where.add(f"a.owner_id = {where.param(flt.owner_id)}")
    if flt.decision_id is not None:
        where.add(f"a.decision_id = {where.param(flt.decision_id)}")
    if flt.overdue:
        where.add(f"a.due_on < $today::DATE AND a.status IN {OPEN_ACTION}")
    if flt.due_within_days is not None:
        where.add(
            f"a.status IN {OPEN_ACTION} AND a.due_on <= $today::DATE + {where.param(flt.due_within_days)}::INTEGER"
        )
    if flt.department:
        where.add(f"coalesce(a.owner_department, p.department) = {where.param(flt.department)}")
    if flt.meeting_id is not None:
        where.add(_TAKEN_AT.format(meeting=where.param(flt.meeting_id)))
    return where


def find_actions(
    q: Query, flt: ActionFilter, today: date, limit: int | None = None, offset: int = 0
) -> list[ActionRow]:
    """The matching actions in the register's order; `limit` None gives all of them."""
    where = _where(flt, today)
    page = "" if limit is None else f"LIMIT {int(limit)} OFFSET {int(offset)}"
    return q.records(
        ActionRow,
        _ROWS.format(picked=where.conditions(), order=_ORDER, page=page, latest_status=LATEST_STATUS),
        where.params,
    )


def count_actions(q: Query, flt: ActionFilter, today: date) -> dict[str, int]:
    """How many actions match the filter by status, ignoring its choice of states, plus 'overdue' and
    'matching' (those the whole filter keeps)."""
    where = _where(flt, today, with_states=False)
    keep = f"list_contains({where.param(flt.states)}, a.status)" if flt.states else "TRUE"
    rows = q.rows(
        f"""SELECT a.status, count(*), count(*) FILTER (WHERE a.due_on < $today::DATE AND a.status IN {OPEN_ACTION}),
                   count(*) FILTER (WHERE {keep})
            FROM action_item a LEFT JOIN person p ON p.id = a.owner_id
            WHERE {where.conditions()} GROUP BY a.status""",
        where.params,
    )
    counts = {status: n for status, n, _, _ in rows}
    counts["overdue"] = sum(overdue for _, _, overdue, _ in rows)
    counts["matching"] = sum(kept for _, _, _, kept in rows)
    return counts


def action_rows_of(q: Query, decision_ids: list[int], today: date) -> list[ActionRow]:
    """The actions of these decisions, in the register's order."""
    return q.records(
        ActionRow,
        _ROWS.format(
            picked="list_contains($ids, a.decision_id)", order=_ORDER, page="", latest_status=LATEST_STATUS
        ),
        {"today": today, "ids": decision_ids},
    )


def all_actions_settled(q: Query, decision_ids: list[int]) -> list[int]:
    """Those of these decisions whose actions are all done or dropped, at least one done."""
    return [
        r[0]
        for r in q.rows(
            """SELECT decision_id FROM action_item WHERE list_contains($ids, decision_id) GROUP BY decision_id
               HAVING bool_and(status IN ('done', 'dropped')) AND bool_or(status = 'done') ORDER BY decision_id""",
            {"ids": decision_ids},
        )
    ]


def action_owners(q: Query) -> list[tuple[int, str, bool]]:
    """(id, name, left the roster) of everyone who owns an action, by name."""
    return [
        (r[0], r[1], r[2])
        for r in q.rows(
            """SELECT p.id, p.name, NOT p.active FROM person p
               WHERE p.id IN (SELECT owner_id FROM action_item) ORDER BY p.name, p.id"""
        )
    ]


def action_meetings(q: Query) -> list[tuple[int, str]]:
    """(id, title) of the meetings whose decisions have actions, newest first."""
    return [
        (r[0], r[1])
        for r in q.rows(
            """SELECT m.id, m.title FROM meeting m WHERE m.id IN (
                   SELECT d.meeting_id FROM decision d JOIN action_item a USING (decision_id) WHERE d.version = 1)
               ORDER BY m.starts_at DESC"""
        )
    ]


def get_action(q: Query, action_id: int) -> ActionItem | None:
    return q.record(ActionItem, "SELECT * FROM action_item WHERE id = ?", [action_id])


def actions_among(q: Query, action_ids: list[int]) -> list[ActionItem]:
    return q.records(
        ActionItem, "SELECT * FROM action_item WHERE list_contains(?, id) ORDER BY id", [action_ids]
    )


def save_action(tx: Transaction, after: ActionItem, now: datetime) -> int:
    """Write the state of `after` (status, due date, owner) as the revision after `after.revision`.

    Returns the new revision; 0 when someone saved the action since revision `after.revision`.
    """
    done_at = (after.done_at or now) if after.status == "done" else None
    # No RETURNING: DuckDB turns such an UPDATE into a delete and insert, which the events pointing at
    # the action forbid.
    tx.execute(
        """UPDATE action_item SET status = ?, due_on = ?, owner_id = ?, owner_department = ?, done_at = ?,
               revision = revision + 1, updated_at = ?
           WHERE id = ? AND revision = ?""",
        [after.status, after.due_on, after.owner_id, after.owner_department, done_at, now, after.id,
         after.revision],
    )  # fmt: skip
    saved = tx.value("SELECT revision FROM action_item WHERE id = ?", [after.id])
    return saved if saved == after.revision + 1 else 0


def add_action_event(tx: Transaction, event: ActionEvent) -> int:
    return tx.insert_record("action_event", event)


def action_events(q: Query, action_ids: list[int]) -> list[ActionEvent]:
    """The history of these actions, oldest first."""
    return q.records(
        ActionEvent,
        "SELECT * FROM action_event WHERE list_contains(?, action_id) ORDER BY happened_at, id",
        [action_ids],
    )
