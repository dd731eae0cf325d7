"""Decisions as append-only versions, what they came from, their status events and action items.

Nothing here updates or deletes a decision version or an event: corrections are new rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from council.domain.decisions import ActionItem, DecisionEvent, DecisionLink, DecisionSummary, DecisionVersion
from council.domain.errors import NotFound
from council.i18n import N_, _
from council.store.database import Query, Transaction


def record_decision(tx: Transaction, first: DecisionVersion) -> int:
    """Store version 1 of a new decision under a fresh decision id, and return that id."""
    decision_id = tx.number("SELECT nextval('decision_id_seq')")
    values = _version_values(first) | {"decision_id": decision_id, "version": 1}
    tx.insert("decision", values, returning="decision_id")
    return decision_id


def amend_decision(tx: Transaction, amendment: DecisionVersion) -> int:
    """Store the next version of an existing decision; returns its version number."""
    latest = _latest_version(
        tx, amendment.decision_id, N_("Decision {id} does not exist, so it cannot be amended.")
    )
    values = _version_values(amendment) | {
        "decision_id": amendment.decision_id,
        "version": latest + 1,
    }
    return tx.insert("decision", values, returning="version")


def _latest_version(q: Query, decision_id: int, unknown: str) -> int:
    """The decision's latest version; `unknown` (marked with N_, with `{id}`) says what cannot be done
    without one."""
    latest = q.value_of(int, "SELECT max(version) FROM decision WHERE decision_id = ?", [decision_id])
    if latest is None:
        raise NotFound(_(unknown).format(id=decision_id))
    return latest


def _version_values(version: DecisionVersion) -> dict[str, object]:
    fields = (
        "meeting_id", "agenda_item_id", "title", "text", "rationale", "owner_department",
        "owner_id", "due_on", "decided_at", "decided_by", "change_note",
    )  # fmt: skip
    return {f: getattr(version, f) for f in fields if getattr(version, f) is not None}


def decision_versions(q: Query, decision_id: int) -> list[DecisionVersion]:
    return q.records(
        DecisionVersion,
        "SELECT * FROM decision WHERE decision_id = ? ORDER BY version",
        [decision_id],
    )


def current_version(q: Query, decision_id: int) -> DecisionVersion | None:
    return q.record(
        DecisionVersion,
        "SELECT * FROM decision WHERE decision_id = ? ORDER BY version DESC LIMIT 1",
        [decision_id],
    )


def add_decision_link(tx: Transaction, link: DecisionLink) -> None:
    tx.insert_record("decision_link", link, skip=(), returning="decision_id")


def decision_links(q: Query, decision_id: int) -> list[DecisionLink]:
    return q.records(DecisionLink, "SELECT * FROM decision_link WHERE decision_id = ?", [decision_id])


def add_decision_event(tx: Transaction, event: DecisionEvent) -> int:
    """Append a status event, written against the version that was current when it happened."""
    # Refuses an unknown decision.
    _latest_version(tx, event.decision_id, N_("Decision {id} does not exist, so it cannot be followed up."))
    version = tx.value_of(
        int,
        "SELECT max(version) FROM decision WHERE decision_id = ? AND decided_at <= ?",
        [event.decision_id, event.happened_at],
    )
    return tx.insert_record("decision_event", replace(event, version=version or 1))


def decision_events(q: Query, decision_id: int) -> list[DecisionEvent]:
    return q.records(
        DecisionEvent,
        "SELECT * FROM decision_event WHERE decision_id = ? ORDER BY happened_at, id",
        [decision_id],
    )


def add_action_item(tx: Transaction, item: ActionItem) -> int:
    version = _latest_version(
        tx, item.decision_id, N_("Decision {id} does not exist, so it cannot be given an action.")
    )
    return tx.insert_record("action_item", replace(item, version=version))


def action_items(q: Query, decision_id: int) -> list[ActionItem]:
    return q.records(ActionItem, "SELECT * FROM action_item WHERE decision_id = ? ORDER BY id", [decision_id])


# A decision's status is the one its latest event gave: the last by time and, of events at the same
# moment, the last recorded. One number sorts as the pair (happened_at, id) does, and DuckDB finds the
# latest by it twice as fast as by the pair (ids stay far below 2^32).
LATEST_STATUS = "arg_max(status, epoch_us(happened_at)::HUGEINT * 4294967296 + id)"

# The current version of every decision with its latest status, to filter, count and sort. `decided_at`
# and `meeting_id` are those of the first version (when and where it was decided); `amended_at` is
# when the current version was written. `current_core(only)` gives the same for the decisions the
# condition `only` keeps (on decision_id), reading only their rows.
_CURRENT = """
    WITH head AS (
        SELECT decision_id, max(version) AS version, min(decided_at) AS first_decided_at,
               arg_min(meeting_id, version) AS first_meeting_id
        FROM decision WHERE {only} GROUP BY decision_id
    ), latest_event AS (
        SELECT decision_id, {latest_status} AS status, max(happened_at) AS happened_at
        FROM decision_event WHERE {only} GROUP BY decision_id
    )
    SELECT c.decision_id, c.version, c.title, c.text, c.rationale, h.first_decided_at AS decided_at,
           c.decided_at AS amended_at, c.due_on, c.owner_department, c.owner_id,
           h.first_meeting_id AS meeting_id, c.change_note,
           coalesce(e.status, 'decided') AS status, coalesce(e.happened_at, c.decided_at) AS status_since
    FROM head h
    JOIN decision c USING (decision_id, version)
    LEFT JOIN latest_event e USING (decision_id)
"""


def current_core(only: str) -> str:
    return _CURRENT.format(only=only, latest_status=LATEST_STATUS)


CURRENT_CORE = current_core("TRUE")
# The owner's name and the meeting's title for rows of CURRENT_CORE (alias `d`): joined last, to the
# rows shown only where that can be.
NAMES = """
    SELECT d.*, owner.name AS owner_name, m.title AS meeting_title FROM ({rows}) d
    LEFT JOIN person owner ON owner.id = d.owner_id
    LEFT JOIN meeting m ON m.id = d.meeting_id
"""
CURRENT_DECISIONS = NAMES.format(rows=CURRENT_CORE)

# Still to be carried out and past its due date; `$today` is the workspace's today.
OVERDUE = "(due_on < $today::DATE AND status IN ('decided', 'in_progress'))"

# The journey stages a decision is about: named directly, or those of what it came from. `{links}`
# is decision_link, or the links of some decisions only.
STAGES_OF_LINKS = """
    SELECT decision_id, journey_stage FROM {links} l WHERE journey_stage IS NOT NULL
    UNION SELECT l.decision_id, f.journey_stage FROM {links} l
          JOIN friction_point f ON f.id = l.friction_point_id
    UNION SELECT l.decision_id, c.journey_stage FROM {links} l
          JOIN missing_connection c ON c.id = l.missing_connection_id WHERE c.journey_stage IS NOT NULL
    UNION SELECT l.decision_id, p.journey_stage FROM {links} l
          JOIN proposal p ON p.id = l.proposal_id WHERE p.journey_stage IS NOT NULL
"""
DECISION_STAGES = STAGES_OF_LINKS.format(links="decision_link")


def count_decisions(q: Query, today: date) -> dict[str, int]:
    """Decisions by latest status, plus 'overdue' for those past their due date."""
    counts = dict(q.rows(f"SELECT status, count(*) FROM ({CURRENT_DECISIONS}) GROUP BY status"))
    counts["overdue"] = q.value(
        f"SELECT count(*) FROM ({CURRENT_DECISIONS}) WHERE {OVERDUE}", {"today": today}
    )
    return counts


@dataclass(frozen=True)
class DecisionSource:
    """Something a decision came from: a friction point, connection, blocker or guest proposal."""

    kind: str  # "friction", "connection", "blocker" or "proposal"
    id: int
    title: str
    status: str
    journey_stage: str | None


def decision_sources(q: Query, decision_id: int) -> list[DecisionSource]:
    return q.records(
        DecisionSource,
        """
        SELECT 'friction' AS kind, f.id, f.title, f.status, f.journey_stage
        FROM decision_link l JOIN friction_point f ON f.id = l.friction_point_id WHERE l.decision_id = $d
        UNION ALL
        SELECT 'connection', c.id, c.what_breaks, c.status, c.journey_stage
        FROM decision_link l JOIN missing_connection c ON c.id = l.missing_connection_id WHERE l.decision_id = $d
        UNION ALL
        SELECT 'blocker', b.id, b.title, b.status, NULL
        FROM decision_link l JOIN blocker b ON b.id = l.blocker_id WHERE l.decision_id = $d
        UNION ALL
        SELECT 'proposal', p.id, p.change, p.status, p.journey_stage
        FROM decision_link l JOIN proposal p ON p.id = l.proposal_id WHERE l.decision_id = $d
        ORDER BY 1, 2
        """,
        {"d": decision_id},
    )


# What a decision can come from -> the link's column naming it.
SOURCE_COLUMN = {"friction": "friction_point_id", "connection": "missing_connection_id", "blocker": "blocker_id",
                 "proposal": "proposal_id"}  # fmt: skip


def decisions_about(q: Query, kind: str, ref_id: int) -> list[int]:
    """The decisions that came from this friction point, connection, blocker or proposal, oldest first."""
    column = SOURCE_COLUMN[kind]
    rows = q.rows(f"SELECT DISTINCT decision_id FROM decision_link WHERE {column} = ? ORDER BY 1", [ref_id])
    return [r[0] for r in rows]


def stages_of(q: Query, decision_id: int) -> list[str]:
    """The journey stages a decision is about, directly or through what it came from."""
    rows = q.rows(f"SELECT DISTINCT journey_stage FROM ({DECISION_STAGES}) WHERE decision_id = ? ORDER BY 1",
                  [decision_id])  # fmt: skip
    return [r[0] for r in rows]


def summary_of(q: Query, decision_id: int, today: date) -> DecisionSummary | None:
    """One decision as the history lists it, with the journey stages it is about."""
    return q.record(
        DecisionSummary,
        f"""
        SELECT *, {OVERDUE} AS overdue,
               coalesce((SELECT list(DISTINCT journey_stage ORDER BY journey_stage) FROM ({DECISION_STAGES}) s
                         WHERE s.decision_id = $decision), []) AS stages
        FROM ({CURRENT_DECISIONS}) WHERE decision_id = $decision
        """,
        {"today": today, "decision": decision_id},
    )
