"""The decision record is append-only: the store refuses changes, and the database refuses deletes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from council.domain.decisions import ActionItem, DecisionEvent, DecisionVersion
from council.domain.errors import AppendOnly, NotFound
from council.store import decisions
from council.store.database import Database

DECIDED = datetime(2026, 3, 2, 10, tzinfo=UTC)


def _decide(db: Database) -> int:
    first = DecisionVersion(0, 1, "Callback within a day", "Every missed call gets a callback.", "Customers wait.",
                            DECIDED)  # fmt: skip
    return db.write(lambda tx: decisions.record_decision(tx, first))


def _amend(db: Database, decision_id: int, text: str) -> int:
    amendment = DecisionVersion(decision_id, 0, "Callback within a day", text, "Customers wait.", DECIDED,
                                change_note="Sharper wording.")  # fmt: skip
    return db.write(lambda tx: decisions.amend_decision(tx, amendment))


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE decision SET text = 'rewritten'",
        "DELETE FROM decision",
        "delete from decision_event",
        "UPDATE  decision_link\nSET journey_stage = 'billing'",
        "TRUNCATE decision",
        "INSERT INTO decision SELECT * FROM decision ON CONFLICT DO UPDATE SET text = 'x'",
        # Forms a pattern over the text missed or could miss: qualified, quoted, commented, several at once.
        "UPDATE main.decision_event SET note = 'x'",
        "DELETE FROM main.decision_event",
        'UPDATE "main"."decision" SET text = \'rewritten\'',
        'DELETE FROM "DECISION_EVENT"',
        "UPDATE /* a comment */ decision SET text = 'rewritten'",
        "DELETE -- a comment\nFROM decision",
        "SELECT 1; UPDATE decision SET text = 'rewritten'",
        "WITH gone AS (SELECT 1) DELETE FROM decision_event",
        "INSERT OR REPLACE INTO decision SELECT * FROM decision",
        "MERGE INTO decision_event e USING (SELECT 1 AS id) s ON s.id = e.id WHEN MATCHED THEN DELETE",
        "UPDATE audit_log SET action = 'nothing'",
        "DELETE FROM main.audit_log",
    ],
)
def test_no_statement_can_change_or_delete_the_decision_record(db: Database, sql: str) -> None:
    decision_id = _decide(db)
    db.write(lambda tx: decisions.add_decision_event(tx, DecisionEvent(decision_id, "decided", DECIDED)))

    with pytest.raises(AppendOnly, match="append-only"):
        db.write(lambda tx: tx.execute(sql))

    assert decisions.current_version(db, decision_id).text == "Every missed call gets a callback."
    assert [e.status for e in decisions.decision_events(db, decision_id)] == ["decided"]


def test_appending_to_the_record_still_works_also_with_on_conflict_do_nothing(db: Database) -> None:
    decision_id = _decide(db)
    db.write(lambda tx: tx.execute(
        "INSERT INTO audit_log (action, entity, entity_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        ["note", "decision", decision_id],
    ))  # fmt: skip
    assert db.value("SELECT count(*) FROM audit_log WHERE action = 'note'") == 1


def test_action_items_can_still_be_ticked_off(db: Database) -> None:
    decision_id = _decide(db)
    db.write(lambda tx: decisions.add_action_item(tx, ActionItem(decision_id, "Set up the callback queue")))
    db.write(
        lambda tx: tx.execute("UPDATE action_item SET status = 'done' WHERE decision_id = ?", [decision_id])
    )
    assert [a.status for a in decisions.action_items(db, decision_id)] == ["done"]


def test_events_and_actions_name_the_version_they_were_written_against(db: Database) -> None:
    decision_id = _decide(db)
    db.write(lambda tx: decisions.add_decision_event(tx, DecisionEvent(decision_id, "decided", DECIDED)))
    _amend(db, decision_id, "Every missed call gets a callback the same day.")
    db.write(lambda tx: decisions.add_decision_event(tx, DecisionEvent(decision_id, "in_progress", DECIDED)))
    db.write(lambda tx: decisions.add_action_item(tx, ActionItem(decision_id, "Hire two agents")))

    assert [e.version for e in decisions.decision_events(db, decision_id)] == [1, 2]
    assert [a.version for a in decisions.action_items(db, decision_id)] == [2]


def test_an_event_for_a_decision_that_does_not_exist_is_refused(db: Database) -> None:
    with pytest.raises(NotFound, match="Decision 404 does not exist"):
        db.write(lambda tx: decisions.add_decision_event(tx, DecisionEvent(404, "done", DECIDED)))


def test_the_database_itself_refuses_to_delete_a_followed_up_version(db: Database, tmp_path: Path) -> None:
    decision_id = _decide(db)
    db.write(lambda tx: decisions.add_decision_event(tx, DecisionEvent(decision_id, "decided", DECIDED)))
    path = db.path
    db.close()

    # Even a tool that bypasses the app cannot remove a version something points at.
    raw = duckdb.connect(str(path))
    with pytest.raises(duckdb.ConstraintException, match="foreign key"):
        raw.execute("DELETE FROM decision WHERE decision_id = ?", [decision_id])
    assert raw.execute("SELECT count(*) FROM decision").fetchone()[0] == 1
    raw.close()
