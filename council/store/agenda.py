"""Agenda items of a meeting (add, remove, reorder, time boxes, outcomes) and what could go on an agenda."""

from __future__ import annotations

from datetime import date, datetime

from council.domain.agenda import FollowUp, Postponed
from council.domain.meetings import AgendaItem
from council.store.database import Query, Transaction
from council.store.decisions import CURRENT_DECISIONS
from council.store.filters import OPEN_BLOCKER, OPEN_ITEM

# Agenda kind -> the column holding what the item is about.
REFERENCE = {
    "friction": "friction_point_id",
    "connection": "missing_connection_id",
    "blocker": "blocker_id",
    "proposal": "proposal_id",
    "follow_up": "decision_id",
}
# Kind -> the table whose status follows the agenda (blockers keep their own status); the audit
# log names these records by the same table names.
STATUS_TABLE = {"friction": "friction_point", "connection": "missing_connection", "proposal": "proposal"}
_REF = "coalesce(a.friction_point_id, a.missing_connection_id, a.blocker_id, a.proposal_id, a.decision_id)"


def get_item(q: Query, item_id: int) -> AgendaItem | None:
    return q.record(AgendaItem, "SELECT * FROM agenda_item WHERE id = ?", [item_id])


def append_item(tx: Transaction, item: AgendaItem) -> int:
    """Add `item` at the end of its meeting's agenda (its own position is ignored)."""
    last = tx.number(
        "SELECT coalesce(max(position), 0) FROM agenda_item WHERE meeting_id = ?", [item.meeting_id]
    )
    values = {k: v for k, v in vars(item).items() if v is not None and k != "id"} | {"position": last + 1}
    return tx.insert("agenda_item", values)


def put_first(tx: Transaction, item_id: int, meeting_id: int) -> None:
    """Move the item to the top of its meeting's agenda; the others keep their order below it."""
    position = tx.value("SELECT position FROM agenda_item WHERE id = ?", [item_id])
    tx.execute(
        "UPDATE agenda_item SET position = position + 1 WHERE meeting_id = ? AND position < ?",
        [meeting_id, position],
    )
    tx.execute("UPDATE agenda_item SET position = 1 WHERE id = ?", [item_id])


def remove_item(tx: Transaction, item: AgendaItem) -> None:
    """Delete the item and close the gap it leaves."""
    tx.execute("DELETE FROM agenda_item WHERE id = ?", [item.id])
    tx.execute(
        "UPDATE agenda_item SET position = position - 1 WHERE meeting_id = ? AND position > ?",
        [item.meeting_id, item.position],
    )


def swap_positions(tx: Transaction, first: AgendaItem, second: AgendaItem) -> None:
    tx.execute("UPDATE agenda_item SET position = ? WHERE id = ?", [second.position, first.id])
    tx.execute("UPDATE agenda_item SET position = ? WHERE id = ?", [first.position, second.id])


def set_time_box(tx: Transaction, item_id: int, minutes: int | None) -> None:
    tx.execute("UPDATE agenda_item SET time_box_minutes = ? WHERE id = ?", [minutes, item_id])


def set_outcome(tx: Transaction, item_id: int, notes: str, outcome: str | None) -> None:
    tx.execute("UPDATE agenda_item SET notes = ?, outcome = ? WHERE id = ?", [notes, outcome, item_id])


def postpone_undecided(tx: Transaction, meeting_id: int) -> int:
    """Give every item without an outcome the outcome 'postponed'; returns how many."""
    count = tx.number(
        "SELECT count(*) FROM agenda_item WHERE meeting_id = ? AND outcome IS NULL", [meeting_id]
    )
    tx.execute(
        "UPDATE agenda_item SET outcome = 'postponed' WHERE meeting_id = ? AND outcome IS NULL", [meeting_id]
    )
    return count


def references_on(q: Query, meeting_id: int) -> set[tuple[str, int]]:
    """(kind, id) of everything the meeting's agenda is about."""
    rows = q.rows(f"SELECT a.kind, {_REF} FROM agenda_item a WHERE a.meeting_id = ? AND a.kind <> 'other'",
                  [meeting_id])  # fmt: skip
    return {(kind, ref) for kind, ref in rows}


def follow_status(tx: Transaction, kind: str, ref_id: int, statuses: tuple[str, ...], to: str,
                  now: datetime) -> str | None:  # fmt: skip
    """Move the item an agenda point is about to status `to` if it is in one of `statuses`.

    Returns the status it had when it moved, or None when it stayed as it was.
    """
    table = STATUS_TABLE.get(kind)
    if table is None:
        return None
    before = tx.value_of(str, f"SELECT status FROM {table} WHERE id = ?", [ref_id])
    if before not in statuses or before == to:
        return None
    tx.execute(f"UPDATE {table} SET status = ?, updated_at = ? WHERE id = ?", [to, now, ref_id])
    return before


def on_other_agenda(q: Query, kind: str, ref_id: int, meeting_id: int) -> bool:
    """Whether a meeting still to be closed, other than `meeting_id`, has this on its agenda."""
    column = REFERENCE[kind]
    return bool(
        q.value(
            f"""SELECT count(*) FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
                WHERE a.{column} = ? AND m.id <> ? AND m.status IN ('planned', 'open')""",
            [ref_id, meeting_id],
        )
    )


def rolled_over(q: Query, before: datetime) -> list[Postponed]:
    """Items a closed meeting before `before` postponed or wanted more information on, or that were on
    the agenda of a cancelled meeting, still open, and not taken up by a later meeting: they roll over to
    the next agenda. (A cancelled meeting's points have the outcome 'cancelled' here.)"""
    return q.records(
        Postponed,
        f"""
        WITH latest AS (
            SELECT a.kind, {_REF} AS ref_id, a.title,
                   CASE WHEN m.status = 'cancelled' THEN 'cancelled' ELSE a.outcome END AS outcome,
                   m.starts_at, m.title AS meeting_title
            FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
            WHERE ((m.status = 'closed' AND m.starts_at < ?) OR m.status = 'cancelled')
              AND a.kind IN ('friction', 'connection', 'blocker', 'proposal')
            QUALIFY row_number() OVER (PARTITION BY a.kind, ref_id ORDER BY m.starts_at DESC, a.id DESC) = 1
        )
        SELECT l.* FROM latest l
        LEFT JOIN friction_point f ON l.kind = 'friction' AND f.id = l.ref_id
        LEFT JOIN missing_connection c ON l.kind = 'connection' AND c.id = l.ref_id
        LEFT JOIN blocker b ON l.kind = 'blocker' AND b.id = l.ref_id
        LEFT JOIN proposal p ON l.kind = 'proposal' AND p.id = l.ref_id
        WHERE l.outcome IN ('postponed', 'needs_information', 'cancelled')
          AND (f.status IN {OPEN_ITEM} OR c.status IN {OPEN_ITEM} OR b.status IN {OPEN_BLOCKER}
               OR p.status IN ('submitted', 'on_agenda'))
        ORDER BY l.starts_at DESC, l.kind, l.ref_id
        """,
        [before],
    )


def follow_ups_due(q: Query, until: date, meeting_id: int) -> list[FollowUp]:
    """Decisions still being carried out whose due date falls on or before `until`, not taken in
    meeting `meeting_id` itself, with their owner and latest status."""
    return q.records(
        FollowUp,
        f"""
        SELECT decision_id, title, due_on, status, owner_name AS owner FROM ({CURRENT_DECISIONS})
        WHERE due_on <= ? AND status IN ('decided', 'in_progress') AND coalesce(meeting_id, -1) <> ?
        ORDER BY due_on, decision_id
        """,
        [until, meeting_id],
    )


def decisions_of_item(q: Query, item_id: int) -> list[int]:
    rows = q.rows("SELECT DISTINCT decision_id FROM decision WHERE agenda_item_id = ? ORDER BY 1", [item_id])
    return [r[0] for r in rows]


def stage_of(q: Query, kind: str, ref_id: int) -> str | None:
    """The journey stage a friction point, connection or proposal is at (None for the others)."""
    table = STATUS_TABLE.get(kind)
    if table is None:
        return None
    return q.value_of(str, f"SELECT journey_stage FROM {table} WHERE id = ?", [ref_id])
