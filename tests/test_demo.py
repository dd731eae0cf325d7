"""The demo workspace tells a coherent story: what a new user sees first must make sense."""

from __future__ import annotations

from council.services.workspace import Workspace
from council.store import meetings, people


def test_every_point_of_a_closed_demo_meeting_has_an_outcome(demo: Workspace) -> None:
    closed = [m for m in meetings.list_meetings(demo.db) if m.status == "closed"]
    assert len(closed) == 8
    for meeting in closed:
        items = meetings.agenda_for(demo.db, meeting.id)
        assert items and all(i.outcome for i in items), meeting.title
    follow_ups = [i for m in closed for i in meetings.agenda_for(demo.db, m.id) if i.kind == "follow_up"]
    assert follow_ups and all(i.outcome == "discussed" and i.notes for i in follow_ups)


def test_a_demo_proposal_and_its_agenda_point_agree(demo: Workspace) -> None:
    rows = demo.db.rows(
        "SELECT p.status, a.outcome FROM proposal p JOIN agenda_item a ON a.proposal_id = p.id"
    )
    expected = {"decided": "decided", "declined": "dropped", "on_agenda": "needs_information"}
    assert rows and all(outcome == expected[status] for status, outcome in rows)
    assert {status for status, _ in rows} == set(expected)


def test_the_demos_planned_meetings_invite_the_council_chair_and_guest(demo: Workspace) -> None:
    planned = [m for m in meetings.list_meetings(demo.db) if m.status == "planned"]
    assert len(planned) == 2
    for meeting in planned:
        invited = set(meetings.attendees(demo.db, meeting.id))
        serving = people.serving_on(demo.db, meeting.starts_at.astimezone(demo.zone).date())
        assert serving <= invited and {meeting.chair_id, meeting.guest_id} <= invited
