"""A meeting's minutes: who was there, the guest's proposal, the agenda and the decisions, in words."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from council.domain.errors import NotFound
from council.services.minutes import minutes
from council.services.workspace import Workspace
from tests.services.conftest import closed_meeting

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_minutes_show_the_meeting_in_the_workspace_time_zone(demo_to_read: Workspace) -> None:
    meeting_id = closed_meeting(demo_to_read)
    stored = demo_to_read.db.row(
        "SELECT starts_at, duration_minutes, title FROM meeting WHERE id = ?", [meeting_id]
    )
    m = minutes(demo_to_read, meeting_id)
    assert m.title == stored[2]
    assert m.starts_at == stored[0] and m.starts_at.tzinfo == AMSTERDAM
    assert (m.ends_at - m.starts_at).total_seconds() == stored[1] * 60
    assert m.status == "Closed" and not m.is_draft and m.closed_at is not None


def test_minutes_name_the_chair_the_guest_with_their_voice_and_every_attendee(
    demo_to_read: Workspace,
) -> None:
    meeting_id = closed_meeting(demo_to_read)
    m = minutes(demo_to_read, meeting_id)
    chair, guest = demo_to_read.db.row(
        "SELECT chair.name, guest.name FROM meeting m JOIN person chair ON chair.id = m.chair_id "
        "JOIN person guest ON guest.id = m.guest_id WHERE m.id = ?",
        [meeting_id],
    )
    attendees = demo_to_read.db.rows(
        "SELECT p.name FROM meeting_attendee a JOIN person p ON p.id = a.person_id WHERE a.meeting_id = ?",
        [meeting_id],
    )
    assert m.chair is not None and m.chair.name == chair and m.chair.email
    assert m.guest is not None and m.guest.name == guest and m.guest.detail
    assert sorted(p.name for p in m.attendees) == sorted(r[0] for r in attendees)
    assert {p.name: p.role for p in m.attendees}[guest] == "Guest"
    assert all(p.detail for p in m.attendees)


def test_the_guest_proposal_is_told_with_its_journey_stage_in_words(demo_to_read: Workspace) -> None:
    meeting_id = closed_meeting(demo_to_read)
    change, stage = demo_to_read.db.row(
        "SELECT p.change, p.journey_stage FROM proposal p JOIN meeting m ON m.guest_id = p.guest_id "
        "AND m.id = p.meeting_id WHERE m.id = ?",
        [meeting_id],
    )
    proposal = minutes(demo_to_read, meeting_id).proposal
    assert proposal is not None and proposal.change == change
    assert proposal.stage == demo_to_read.config.name_of("journey_stage", stage) != stage


def test_every_decision_taken_is_listed_in_its_current_version_with_its_actions(
    demo_to_read: Workspace,
) -> None:
    meeting_id = closed_meeting(demo_to_read)
    expected = demo_to_read.db.rows(
        "SELECT decision_id, max(version), (SELECT count(*) FROM action_item a WHERE a.decision_id = d.decision_id) "
        "FROM decision d WHERE decision_id IN (SELECT decision_id FROM decision WHERE meeting_id = ?) "
        "GROUP BY decision_id ORDER BY decision_id",
        [meeting_id],
    )
    m = minutes(demo_to_read, meeting_id)
    assert sorted((d.decision_id, d.version, len(d.actions)) for d in m.decisions) == expected
    amended = next(d for d in m.decisions if d.version > 1)
    assert amended.amended_on is not None and amended.change_note
    assert all(d.owner_name and d.owner_department and d.due_on for d in m.decisions)
    assert {d.status for d in m.decisions} <= {"Decided", "In progress", "Done", "Dropped"}


def test_decisions_sit_under_the_agenda_item_they_were_taken_on(demo_to_read: Workspace) -> None:
    meeting_id = closed_meeting(demo_to_read)
    m = minutes(demo_to_read, meeting_id)
    assert [item.position for item in m.agenda] == sorted(item.position for item in m.agenda)
    decided = [item.position for item in m.agenda if item.outcome == "Decided"]
    assert decided and all(m.decisions_under(position) for position in decided)
    assert m.decisions_without_item == ()
    assert {item.kind for item in m.agenda} <= {
        "Friction point", "Missing connection", "Blocker", "Guest proposal", "Follow-up", "Other",
    }  # fmt: skip


def test_a_planned_meeting_gives_a_draft_without_outcomes(demo_to_read: Workspace) -> None:
    meeting_id = demo_to_read.db.value("SELECT min(id) FROM meeting WHERE status = 'planned'")
    m = minutes(demo_to_read, meeting_id)
    assert m.is_draft and m.status == "Planned" and m.closed_at is None
    assert m.decisions == () and all(item.outcome is None for item in m.agenda)


def test_a_meeting_in_winter_is_shown_in_winter_time(demo_to_read: Workspace) -> None:
    meeting_id, starts_at = demo_to_read.db.row(
        "SELECT id, starts_at FROM meeting WHERE month(starts_at) IN (11, 12, 1) ORDER BY id LIMIT 1"
    )
    m = minutes(demo_to_read, meeting_id)
    assert m.starts_at == starts_at and m.starts_at.utcoffset() == timedelta(hours=1)


def test_an_unknown_meeting_has_no_minutes(demo_to_read: Workspace) -> None:
    with pytest.raises(NotFound, match="Meeting #4242 does not exist"):
        minutes(demo_to_read, 4242)
