"""Decisions as append-only versions, what they came from, their status events and action items.

Nothing here updates or deletes a decision version or an event: corrections are new rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from council.domain.decisions import ActionItem, DecisionEvent, DecisionLink, DecisionVersion
from council.domain.errors import NotFound
from council.store.database import Query, Transaction


def record_decision(tx: Transaction, first: DecisionVersion) -> int:
    """Store version 1 of a new decision under a fresh decision id, and return that id."""
    decision_id = tx.value("SELECT nextval('decision_id_seq')")
    values = _version_values(first) | {"decision_id": decision_id, "version": 1}
    tx.insert("decision", values, returning="decision_id")
    return decision_id


def amend_decision(tx: Transaction, amendment: DecisionVersion) -> int:
    """Store the next version of an existing decision; returns its version number."""
    latest = _latest_version(tx, amendment.decision_id, "amended")
    values = _version_values(amendment) | {
        "decision_id": amendment.decision_id,
        "version": latest + 1,
    }
    return tx.insert("decision", values, returning="version")


def _latest_version(q: Query, decision_id: int, what: str) -> int:
    latest = q.value("SELECT max(version) FROM decision WHERE decision_id = ?", [decision_id])
    if latest is None:
        raise NotFound(f"Decision {decision_id} does not exist, so it cannot be {what}.")
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
    """Append a status event, written against the decision's current version."""
    version = _latest_version(tx, event.decision_id, "followed up")
    return tx.insert_record("decision_event", replace(event, version=version))


def decision_events(q: Query, decision_id: int) -> list[DecisionEvent]:
    return q.records(
        DecisionEvent,
        "SELECT * FROM decision_event WHERE decision_id = ? ORDER BY happened_at, id",
        [decision_id],
    )


def add_action_item(tx: Transaction, item: ActionItem) -> int:
    version = _latest_version(tx, item.decision_id, "given an action")
    return tx.insert_record("action_item", replace(item, version=version))


def action_items(q: Query, decision_id: int) -> list[ActionItem]:
    return q.records(ActionItem, "SELECT * FROM action_item WHERE decision_id = ? ORDER BY id", [decision_id])


# The current version of every decision with its latest status, to select from.
CURRENT_DECISIONS = """
    WITH current AS (
        SELECT * FROM decision QUALIFY row_number() OVER (PARTITION BY decision_id ORDER BY version DESC) = 1
    ), latest_event AS (
        SELECT decision_id, status FROM decision_event
        QUALIFY row_number() OVER (PARTITION BY decision_id ORDER BY happened_at DESC, id DESC) = 1
    )
    SELECT c.decision_id, c.version, c.title, c.text, c.rationale, c.decided_at, c.due_on,
           c.owner_department, owner.name AS owner_name, c.meeting_id, m.title AS meeting_title,
           c.change_note, coalesce(e.status, 'decided') AS status
    FROM current c
    LEFT JOIN latest_event e USING (decision_id)
    LEFT JOIN person owner ON owner.id = c.owner_id
    LEFT JOIN meeting m ON m.id = c.meeting_id
"""


_OVERDUE = "(due_on < ?::DATE AND status IN ('decided', 'in_progress'))"


def decision_frame(q: Query, today: date) -> pd.DataFrame:
    """The current version of every decision with its latest status, newest first."""
    return q.frame(
        f"SELECT *, {_OVERDUE} AS overdue FROM ({CURRENT_DECISIONS}) ORDER BY decided_at DESC, decision_id DESC",
        [today],
    )


def count_decisions(q: Query, today: date) -> dict[str, int]:
    """Decisions by latest status, plus 'overdue' for those past their due date."""
    counts = dict(q.rows(f"SELECT status, count(*) FROM ({CURRENT_DECISIONS}) GROUP BY status"))
    counts["overdue"] = q.value(f"SELECT count(*) FROM ({CURRENT_DECISIONS}) WHERE {_OVERDUE}", [today])
    return counts


@dataclass(frozen=True)
class DecisionGlance:
    """One decision's current text, owner, latest status and due date, and whether it is overdue."""

    text: str
    owner_name: str | None
    owner_department: str | None
    status: str
    due_on: date | None
    overdue: bool | None


def decision_at_a_glance(q: Query, decision_id: int, today: date) -> DecisionGlance | None:
    return q.record(
        DecisionGlance,
        f"SELECT text, owner_name, owner_department, status, due_on, {_OVERDUE} AS overdue"
        f" FROM ({CURRENT_DECISIONS}) WHERE decision_id = ?",
        [today, decision_id],
    )
