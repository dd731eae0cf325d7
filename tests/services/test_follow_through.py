"""Closing the loop: My work, pins for the agenda, the chain from a record to its decisions, resolving."""

from __future__ import annotations

from datetime import date

import pytest

from council.domain.actions import ActionUpdate
from council.domain.agenda import PINNED
from council.domain.decisions import StatusChange
from council.domain.errors import NotAllowed, ValidationError
from council.domain.friction import FrictionPoint
from council.services import actions, agenda, chain, friction, my_work, pins, resolution, since
from council.services import decisions as decision_service
from council.services.agenda_suggestions import suggestions
from council.services.workspace import Workspace
from council.store import meetings, people
from tests.services.conftest import CHAIR, MEMBER


def _person(ws: Workspace, name: str):
    return next(p for p in people.list_people(ws.db) if p.name == name)


def test_my_work_lists_a_members_overdue_actions_first_and_what_their_meetings_need(demo: Workspace) -> None:
    marieke = _person(demo, "Marieke Jansen")  # chairs the coming meetings and owns decision #10
    work = my_work.my_work(demo, marieke)
    assert work.actions and all(a.owner_id == marieke.id for a in work.actions)
    assert [a.overdue for a in work.actions] == sorted((a.overdue for a in work.actions), reverse=True)
    assert {d.owner_id for d in work.decisions} == {marieke.id}
    assert all(d.status in ("decided", "in_progress") for d in work.decisions)
    coming = work.meetings[0]
    assert coming.part == "chair" and "Close the agenda when it is final." in coming.needed
    assert work.items and work.items_total >= len(work.items)


def test_a_guest_is_reminded_to_propose_until_they_did(demo: Workspace) -> None:
    coming = meetings.first_not_closed(demo.db)
    guest = people.get_person(demo.db, coming.guest_id)
    todo = next(t for t in my_work.my_work(demo, guest).meetings if t.meeting.id == coming.id)
    assert todo.part == "guest" and todo.needed == ["Propose your one change before the agenda closes."]


def test_a_pinned_friction_point_logged_today_is_suggested_right_after_the_guests_proposal(
    demo: Workspace,
) -> None:
    new = friction.log_friction_point(
        demo, MEMBER, FrictionPoint("Letters arrive after the due date", "", "billing", 2)
    )
    coming = meetings.first_not_closed(demo.db)
    assert new not in {s.ref_id for s in suggestions(demo, coming.id) if s.kind == "friction"}

    pins.pin_for_agenda(demo, MEMBER, "friction", new, "Three complaints this week.")
    found = suggestions(demo, coming.id)
    pinned = next(s for s in found if s.key == ("friction", new))
    assert pinned.group == PINNED and "Three complaints this week." in pinned.reason
    assert all(s.group <= PINNED for s in found[: found.index(pinned)])
    with pytest.raises(ValidationError, match="already asked"):
        pins.pin_for_agenda(demo, CHAIR, "friction", new, "Me too.")

    agenda.add_suggestion(demo, CHAIR, coming.id, "friction", new)
    assert ("friction", new) not in {s.key for s in suggestions(demo, coming.id)}
    pins.unpin(demo, MEMBER, "friction", new)
    assert pins.pin_of(demo, "friction", new) is None


def test_a_pin_needs_a_reason_and_an_open_record(demo: Workspace, nothing_written) -> None:
    closed = demo.db.value("SELECT min(id) FROM friction_point WHERE status = 'resolved'")
    with nothing_written(demo):
        with pytest.raises(ValidationError) as no_reason:
            pins.pin_for_agenda(demo, MEMBER, "friction", 1, " ")
        with pytest.raises(ValidationError, match="closed"):
            pins.pin_for_agenda(demo, MEMBER, "friction", closed, "Still happens.")
    assert no_reason.value.field == "pin_why"


def test_a_friction_points_page_shows_the_decisions_taken_with_actions_and_effect(demo: Workspace) -> None:
    decision_id, friction_id = demo.db.rows(
        "SELECT decision_id, friction_point_id FROM decision_link WHERE friction_point_id IS NOT NULL "
        "AND decision_id IN (SELECT decision_id FROM action_item) ORDER BY 1 LIMIT 1"
    )[0]
    taken = chain.decisions_taken_about(demo, "friction", friction_id)
    mine = next(t for t in taken if t.summary.decision_id == decision_id)
    assert mine.actions and all(a.decision_id == decision_id for a in mine.actions)
    assert mine.effect.row is not None or mine.effect.reason


def test_a_done_decisions_sources_are_resolved_in_one_step(demo: Workspace, nothing_written) -> None:
    decision_id = demo.db.value(
        "SELECT l.decision_id FROM decision_link l JOIN friction_point f ON f.id = l.friction_point_id "
        "WHERE f.status IN ('open', 'decided') ORDER BY 1 LIMIT 1"
    )
    still_open = resolution.still_open_sources(demo, decision_id)
    chosen = [(s.kind, s.id) for s in still_open]
    with nothing_written(demo), pytest.raises(NotAllowed, match="not done"):
        resolution.resolve_sources(demo, MEMBER, decision_id, chosen, "Live.")
    decision_service.follow_up(demo, MEMBER, decision_id, StatusChange("done", "Delivered."))
    with nothing_written(demo), pytest.raises(ValidationError) as no_note:
        resolution.resolve_sources(demo, MEMBER, decision_id, chosen, "")
    assert no_note.value.field == "resolve_note"

    assert resolution.resolve_sources(demo, MEMBER, decision_id, chosen, "The new script is live.") == len(
        chosen
    )
    assert resolution.still_open_sources(demo, decision_id) == []
    kinds = {"friction": "friction_point", "connection": "missing_connection", "blocker": "blocker"}
    for kind, ref in chosen:
        status, closed_at = demo.db.row(f"SELECT status, closed_at FROM {kinds[kind]} WHERE id = ?", [ref])
        assert status in ("resolved", "removed") and closed_at is not None
    assert demo.db.value(
        "SELECT count(*) FROM audit_log WHERE details->>'note' = 'The new script is live.'"
    ) == len(chosen)


def test_an_executive_cannot_resolve_or_pin(demo: Workspace, nothing_written) -> None:
    executive = next(p for p in people.list_people(demo.db) if p.roles == ("executive",))
    with nothing_written(demo):
        with pytest.raises(NotAllowed):
            pins.pin_for_agenda(demo, executive, "friction", 1, "Please.")
        with pytest.raises(NotAllowed):
            resolution.resolve_sources(demo, executive, 1, [("friction", 1)], "Done.")


def _logged(report: since.SinceReport) -> list[tuple[str, int]]:
    return [(c.kind, c.id) for c in report.sections["Logged"]]


def test_since_lists_what_was_logged_and_done_and_narrows_to_ones_own(demo: Workspace) -> None:
    marieke = _person(demo, "Marieke Jansen")
    # The demo may have logged something since its last meeting, depending on the day of the week.
    logged_before, mine_before = (
        _logged(since.since_report(demo)),
        _logged(since.since_report(demo, me=marieke)),
    )
    title = "<script>alert(1)</script> letters arrive late"
    new = friction.log_friction_point(
        demo, MEMBER, FrictionPoint(title, "", "billing", 2, owner_department="it")
    )
    action = actions.my_actions(demo, marieke.id)[0]
    actions.update_action(
        demo, marieke, action.id, action.revision, ActionUpdate(status="done", note="Done.")
    )

    report = since.since_report(demo)
    assert report.since_label.startswith("the meeting of")
    assert _logged(report) == [("friction", new), *logged_before]  # the latest first
    assert [c.id for c in report.sections["Actions done"]] == [action.id]
    mine = since.since_report(demo, me=marieke)  # not of Marieke's department, nor logged by her
    assert _logged(mine) == mine_before and [c.id for c in mine.sections["Actions done"]] == [action.id]
    earlier = since.since_report(demo, date(2026, 1, 1))
    assert len(earlier.sections["Decided"]) > 0 and earlier.since_label == "1 January 2026"

    page = since.since_html(demo, report)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "\\<script\\>" in since.since_markdown(demo, report)
