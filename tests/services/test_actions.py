"""Actions between meetings: ticking them off, moving due dates, handing them over, the register."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import timedelta

import pytest

from council.domain.actions import ActionFilter, ActionUpdate
from council.domain.decisions import ActionItem, StatusChange
from council.domain.errors import AppendOnly, NotAllowed, StaleVersion, ValidationError
from council.domain.people import Person
from council.services import actions as service
from council.services import decisions as decision_service
from council.services.action_history import action_history
from council.services.my_work import my_work
from council.services.workspace import Workspace
from council.store import actions as store
from council.store import decisions, people
from tests.services.conftest import add_person, decide


def _action(ws: Workspace, decision_id: int, what: str, owner: Person, due_in: int = 14) -> int:
    item = ActionItem(decision_id, what, owner.id, owner.department, ws.today() + timedelta(days=due_in))
    return ws.db.write(lambda tx: decisions.add_action_item(tx, item))


@pytest.fixture
def work(empty: Workspace):
    """A decision owned by a member, with two actions owned by another member, and an executive."""
    owner = add_person(empty, "Marieke Jansen", "member")
    doer = add_person(empty, "Joost de Vries", "member", department="it")
    executive = add_person(empty, "Hans Bakker", "executive", department="sales")
    d = decide(empty, "Callback within a day", "Every missed call gets a callback.", "Customers wait.", owner)
    first = _action(empty, d, "Set up the callback queue", doer)
    second = _action(empty, d, "Train the agents", doer, due_in=21)
    return empty, owner, doer, executive, d, first, second


def _revision(ws: Workspace, action_id: int) -> int:
    return store.get_action(ws.db, action_id).revision


def test_marking_an_action_done_keeps_its_history_and_the_audit_trail(work) -> None:
    ws, _, doer, _, _d, first, _ = work
    service.update_action(ws, doer, first, 1, ActionUpdate(status="in_progress"))
    service.update_action(ws, doer, first, 2, ActionUpdate(status="done", note="Queue is live."))

    action = store.get_action(ws.db, first)
    assert (action.status, action.revision) == ("done", 3) and action.done_at is not None
    lines = action_history(ws, first)
    assert [line.what for line in lines] == ["Agreed", "Marked in progress", "Marked done"]
    assert lines[-1].note == "Queue is live." and lines[-1].by == "Joost de Vries"
    audit = ws.db.rows(
        "SELECT details->>'status', details->>'note' FROM audit_log WHERE action = 'action_update'"
    )
    assert audit[-1] == ('["in_progress","done"]', "Queue is live.")


def test_moving_a_due_date_needs_a_reason_and_a_day_to_come(work, nothing_written) -> None:
    ws, _, doer, _, _, first, _ = work
    later = ws.today() + timedelta(days=40)
    with nothing_written(ws):
        with pytest.raises(ValidationError) as no_reason:
            service.update_action(ws, doer, first, 1, ActionUpdate(due_on=later))
        with pytest.raises(ValidationError) as past:
            service.update_action(
                ws, doer, first, 1, ActionUpdate(due_on=ws.today() - timedelta(days=1), note="x")
            )
        with pytest.raises(ValidationError) as long_note:
            service.update_action(ws, doer, first, 1, ActionUpdate(due_on=later, note="x" * 1001))
    assert no_reason.value.field == "action_note" and "reason" in no_reason.value.message
    assert past.value.field == "action_due_on" and "past" in past.value.message
    assert long_note.value.field == "action_note" and "1,000" in long_note.value.message

    service.update_action(ws, doer, first, 1, ActionUpdate(due_on=later, note="The supplier is late."))
    assert store.get_action(ws.db, first).due_on == later
    assert action_history(ws, first)[-1].what.startswith("Due date moved to")


def test_dropping_or_reopening_needs_a_reason(work, nothing_written) -> None:
    ws, _, doer, _, _, first, _ = work
    with nothing_written(ws), pytest.raises(ValidationError, match="Dropping an action needs a reason"):
        service.update_action(ws, doer, first, 1, ActionUpdate(status="dropped"))
    service.update_action(ws, doer, first, 1, ActionUpdate(status="done"))
    with nothing_written(ws), pytest.raises(ValidationError, match="back to open needs a reason"):
        service.update_action(ws, doer, first, 2, ActionUpdate(status="open"))
    with nothing_written(ws), pytest.raises(ValidationError, match="already done"):
        service.update_action(ws, doer, first, 2, ActionUpdate(status="done"))


def test_a_save_on_an_out_of_date_page_is_refused_and_says_what_changed(work, nothing_written) -> None:
    ws, owner, doer, _, _, first, _ = work
    service.update_action(ws, doer, first, 1, ActionUpdate(status="done", note="Live."))
    with nothing_written(ws), pytest.raises(StaleVersion) as stale:
        service.update_action(ws, owner, first, 1, ActionUpdate(status="in_progress"))
    assert "Joost de Vries" in stale.value.message and "now done" in stale.value.message


def test_several_actions_change_together_or_not_at_all(work, nothing_written) -> None:
    ws, owner, _doer, executive, d, first, second = work
    others = _action(ws, d, "Tell the executives", executive)
    # The executive may tick off their own action, but not those of others: nothing of the batch is saved.
    with nothing_written(ws), pytest.raises(NotAllowed):
        service.update_actions(ws, executive, {others: 1, first: 1}, ActionUpdate(status="done"))
    assert service.update_actions(ws, executive, {others: 1}, ActionUpdate(status="done")) == 1
    # Of several, one that is already done is left as it is.
    assert (
        service.update_actions(ws, owner, {first: 1, second: 1, others: 2}, ActionUpdate(status="done")) == 2
    )
    assert {store.get_action(ws.db, a).status for a in (first, second, others)} == {"done"}
    assert service.ready_to_close(service.actions_of(ws, d))


def test_a_decision_whose_actions_are_all_done_is_ready_to_close_until_it_is_done(work) -> None:
    ws, owner, doer, _, d, first, second = work
    assert not service.ready_to_close(service.actions_of(ws, d))
    service.update_actions(ws, doer, {first: 1, second: 1}, ActionUpdate(status="done"))
    assert service.ready_to_close(service.actions_of(ws, d))
    decision_service.follow_up(ws, owner, d, StatusChange("done", "All actions are done."))
    assert not service.ready_to_close(service.actions_of(ws, d))


def test_my_work_offers_to_close_a_decision_of_mine_once_its_actions_are_settled(work) -> None:
    ws, owner, doer, _, d, first, second = work
    service.update_actions(ws, doer, {first: 1}, ActionUpdate(status="done"))
    assert my_work(ws, owner).ready_to_close == {}
    service.update_actions(ws, doer, {second: 1}, ActionUpdate(status="dropped", note="Not needed."))
    offered = my_work(ws, owner).ready_to_close
    assert list(offered) == [d] and [a.id for a in offered[d]] == [first, second]
    assert my_work(ws, doer).ready_to_close == {}  # not the decision of the one who did the work


def test_a_leavers_actions_are_handed_over_by_the_secretary(work, nothing_written) -> None:
    ws, owner, doer, _, _d, first, second = work
    secretary = add_person(ws, "Sara Jansen", "secretary")
    ws.db.write(lambda tx: people.update_person(tx, replace(doer, active=False)))
    rows = service.my_actions(ws, doer.id)
    assert all(r.owner_left for r in rows) and len(rows) == 2

    with nothing_written(ws), pytest.raises(NotAllowed):
        service.hand_over(ws, owner, {first: 1, second: 1}, owner.id, "")
    with nothing_written(ws), pytest.raises(ValidationError, match="no longer on the roster"):
        service.hand_over(ws, secretary, {first: 1}, doer.id, "")
    assert service.hand_over(ws, secretary, {first: 1, second: 1}, owner.id, "Joost left the company.") == 2
    assert [r.id for r in service.my_actions(ws, owner.id)] == [first, second]
    assert action_history(ws, first)[-1].what == "Handed over to Marieke Jansen"


def test_an_actions_history_cannot_be_changed_or_deleted(work) -> None:
    ws, _, doer, _, _, first, _ = work
    service.update_action(ws, doer, first, 1, ActionUpdate(status="done"))
    for sql in (
        "UPDATE action_event SET note = 'x'",
        "DELETE FROM action_event",
        "DELETE FROM main.action_event",
    ):
        with pytest.raises(AppendOnly):
            ws.db.write(lambda tx, sql=sql: tx.execute(sql))


def test_the_register_filters_counts_and_lists_overdue_first(work) -> None:
    ws, _owner, doer, executive, d, first, second = work
    late = _action(ws, d, "Write the script", executive, due_in=-3)
    found = service.action_register(ws, ActionFilter(states=("open", "in_progress")))
    assert [r.id for r in found.rows] == [late, first, second]
    assert found.rows[0].overdue and found.counts == {"open": 3, "overdue": 1, "matching": 3}

    service.update_action(ws, doer, first, 1, ActionUpdate(status="done"))
    assert [r.id for r in service.action_register(ws, ActionFilter(overdue=True)).rows] == [late]
    assert [
        r.id for r in service.action_register(ws, ActionFilter(owner_id=doer.id, states=("done",))).rows
    ] == [first]
    assert [r.id for r in service.action_register(ws, ActionFilter(due_within_days=14)).rows] == [late]
    assert [r.id for r in service.action_register(ws, ActionFilter(department="it")).rows] == [second, first]
    counts = service.action_register(ws, ActionFilter(states=("done",))).counts
    assert counts == {"open": 2, "done": 1, "overdue": 1, "matching": 1}


def test_the_register_download_has_every_matching_row_and_runs_no_formula(work) -> None:
    ws, _owner, doer, _, d, first, _ = work
    formula = _action(ws, d, '=HYPERLINK("http://x")', doer)
    rows = list(csv.reader(io.StringIO(service.register_csv(ws, ActionFilter()).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Action", "What", "Status"]
    assert len(rows) == 4
    by_id = {int(float(r[0])): r for r in rows[1:]}
    assert by_id[formula][1].startswith("'=") and by_id[first][1] == "Set up the callback queue"


def test_a_decisions_status_saved_on_an_out_of_date_page_is_refused(work, nothing_written) -> None:
    ws, owner, doer, _, d, _, _ = work
    seen = len(decisions.decision_events(ws.db, d))
    decision_service.follow_up(ws, owner, d, StatusChange("in_progress", "Started.", based_on=seen))
    with nothing_written(ws), pytest.raises(StaleVersion, match="in progress"):
        decision_service.follow_up(ws, doer, d, StatusChange("done", "Finished.", based_on=seen))


def test_an_unknown_action_is_not_found(work) -> None:
    ws, owner, *_ = work
    with pytest.raises(Exception, match="no action #999"):
        service.update_action(ws, owner, 999, 1, ActionUpdate(status="done"))
    assert replace(ActionFilter(), overdue=True).narrows
