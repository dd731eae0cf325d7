"""Cancelling a meeting that has not started: it stays in the history, its points and guest are free again."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from council.domain.errors import NotAllowed, ValidationError
from council.domain.meetings import Meeting
from council.services import agenda, invites, meeting_mode, meetings
from council.services.agenda_suggestions import suggestions
from council.services.cancellation import cancel_meeting
from council.services.minutes import minutes
from council.services.workspace import Workspace
from council.store import meetings as meeting_store
from council.store import people
from tests.services.conftest import CHAIR, SECRETARY


def _coming(ws: Workspace) -> tuple[Meeting, Meeting]:
    planned = sorted(
        (m for m in meeting_store.list_meetings(ws.db) if m.status == "planned"), key=lambda m: m.starts_at
    )
    return planned[0], planned[1]


def test_a_cancelled_meeting_stays_in_the_history_with_its_reason(demo: Workspace) -> None:
    first, _ = _coming(demo)
    cancel_meeting(demo, SECRETARY, first.id, "Half the council is on a training day.")
    cancelled = meeting_store.get_meeting(demo.db, first.id)
    assert cancelled.is_cancelled and cancelled.cancel_reason == "Half the council is on a training day."
    assert meeting_store.first_not_closed(demo.db).id != first.id
    with pytest.raises(NotAllowed, match="was cancelled"):
        agenda.add_other(demo, CHAIR, first.id, "Late point", 10)
    assert demo.db.value("SELECT details->>'reason' FROM audit_log WHERE action = 'cancel'") == (
        "Half the council is on a training day."
    )


def test_its_agenda_points_return_to_the_suggestions_of_the_next_meeting(demo: Workspace) -> None:
    first, second = _coming(demo)
    on_agenda = [i.friction_point_id for i in meeting_store.agenda_for(demo.db, first.id)]
    assert on_agenda
    cancel_meeting(demo, SECRETARY, first.id, "No quorum.")
    statuses = demo.db.rows(
        "SELECT DISTINCT status FROM friction_point WHERE list_contains(?, id)", [on_agenda]
    )
    assert statuses == [("open",)]
    suggested = {s.ref_id: s for s in suggestions(demo, second.id, limit=50) if s.kind == "friction"}
    assert set(on_agenda) <= set(suggested)
    assert all("cancelled" in suggested[f].reason for f in on_agenda)


def test_its_guest_may_be_invited_again_and_its_day_is_free(demo: Workspace) -> None:
    first, second = _coming(demo)
    guest = first.guest_id
    cancel_meeting(demo, SECRETARY, first.id, "No quorum.")
    # The next meeting may now have the same guest: the cancelled meeting did not hear them.
    meetings.set_guest(demo, SECRETARY, second.id, guest)
    assert meeting_store.get_meeting(demo.db, second.id).guest_id == guest
    # And another meeting can be planned on the cancelled one's day.
    again = meetings.plan_meeting(demo, SECRETARY, replace(first, id=None, title="Rescheduled", guest_id=None,
                                                           starts_at=first.starts_at + timedelta(hours=1)))  # fmt: skip
    assert meeting_store.get_meeting(demo.db, again).status == "planned"


def test_only_a_planned_meeting_can_be_cancelled_with_a_reason_by_its_planner(
    demo: Workspace, nothing_written
) -> None:
    first, second = _coming(demo)
    member = next(p for p in people.list_people(demo.db) if p.roles == ("member",))
    with nothing_written(demo):
        with pytest.raises(ValidationError) as no_reason:
            cancel_meeting(demo, SECRETARY, first.id, "  ")
        with pytest.raises(NotAllowed):
            cancel_meeting(demo, member, first.id, "I am busy.")
    assert no_reason.value.field == "cancel_reason"

    chair = people.get_person(demo.db, first.chair_id)
    meeting_mode.start_meeting(demo, chair, first.id, bring_forward=True)
    with nothing_written(demo), pytest.raises(NotAllowed, match="has started"):
        cancel_meeting(demo, SECRETARY, first.id, "Too late.")
    cancel_meeting(demo, people.get_person(demo.db, second.chair_id), second.id, "The chair calls it off.")


def test_the_invite_of_a_cancelled_meeting_tells_calendars_to_remove_it(demo: Workspace) -> None:
    first, _ = _coming(demo)
    before = invites.meeting_invite(minutes(demo, first.id)).decode()
    cancel_meeting(demo, SECRETARY, first.id, "No quorum.")
    after = invites.meeting_invite(minutes(demo, first.id)).decode()
    assert "STATUS:CONFIRMED" in before and "STATUS:CANCELLED" in after
    assert "METHOD:CANCEL" in after and "CANCELLED: No quorum." in after
    sequence = lambda text: int(text.split("SEQUENCE:")[1].split()[0])  # noqa: E731
    assert sequence(after) == sequence(before) + 1
