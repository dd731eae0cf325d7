"""The meeting's calendar invite: it parses back, keeps its UID, and counts its changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from icalendar import Calendar

from council.services.invites import meeting_invite
from council.services.meetings import edit_meeting, get, set_guest
from council.services.minutes import minutes
from council.services.workspace import Workspace
from tests.services.conftest import SECRETARY, closed_meeting

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def test_the_invite_parses_back_with_uid_stamp_and_the_start_in_the_workspace_zone(
    demo_to_read: Workspace,
) -> None:
    m = minutes(demo_to_read, closed_meeting(demo_to_read))
    cal = Calendar.from_ical(meeting_invite(m, now=NOW))
    assert str(cal["VERSION"]) == "2.0" and cal["PRODID"] and str(cal["METHOD"]) == "REQUEST"
    [event] = cal.walk("VEVENT")
    assert str(event["UID"]) == f"meeting-{m.meeting_id}@helder-energie.cx-council"
    assert event.decoded("DTSTAMP") == NOW
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event.decoded("DTSTART") == m.starts_at and event.decoded("DTEND") == m.ends_at
    assert event.decoded("DTSTART").astimezone(UTC) == m.starts_at.astimezone(UTC)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert "COMMENT" not in cal.walk("VTIMEZONE")[0]
    assert str(event["SUMMARY"]) == m.title and str(event["LOCATION"]) == m.location


def test_the_invite_goes_from_the_chair_to_everyone_with_an_address(demo_to_read: Workspace) -> None:
    m = minutes(demo_to_read, closed_meeting(demo_to_read))
    [event] = Calendar.from_ical(meeting_invite(m, now=NOW)).walk("VEVENT")
    assert m.chair is not None and str(event["ORGANIZER"]) == f"mailto:{m.chair.email}"
    invited = {str(a): a.params for a in event["ATTENDEE"]}
    assert m.guest is not None and f"mailto:{m.guest.email}" in invited
    assert {f"mailto:{p.email}" for p in m.attendees} <= set(invited)
    assert invited[f"mailto:{m.chair.email}"]["ROLE"] == "CHAIR"
    description = str(event["DESCRIPTION"])
    assert m.guest.name in description and all(item.title in description for item in m.agenda)


def test_the_invite_of_the_same_meeting_keeps_its_uid(demo_to_read: Workspace) -> None:
    m = minutes(demo_to_read, closed_meeting(demo_to_read))
    moved = replace(m, starts_at=m.starts_at + timedelta(days=7), ends_at=m.ends_at + timedelta(days=7))
    uids = {str(Calendar.from_ical(meeting_invite(x)).walk("VEVENT")[0]["UID"]) for x in (m, moved)}
    assert len(uids) == 1


def test_a_web_link_as_the_place_becomes_the_invites_url(demo_to_read: Workspace) -> None:
    m = replace(
        minutes(demo_to_read, closed_meeting(demo_to_read)), location="Video: https://meet.example/cx-42."
    )
    [event] = Calendar.from_ical(meeting_invite(m, now=NOW)).walk("VEVENT")
    assert str(event["URL"]) == "https://meet.example/cx-42"
    assert str(event["LOCATION"]) == "Video: https://meet.example/cx-42."


def test_without_a_chairs_address_the_invite_is_a_plain_event(demo_to_read: Workspace) -> None:
    m = minutes(demo_to_read, closed_meeting(demo_to_read))
    assert m.chair is not None
    cal = Calendar.from_ical(meeting_invite(replace(m, chair=replace(m.chair, email=None)), now=NOW))
    [event] = cal.walk("VEVENT")
    assert "METHOD" not in cal and "ORGANIZER" not in event and "ATTENDEE" not in event
    assert event["UID"] and event["DTSTAMP"] and cal.walk("VTIMEZONE")


def test_a_planned_meeting_in_winter_gets_a_winter_time_invite(demo_to_read: Workspace) -> None:
    meeting_id = demo_to_read.db.value(
        "SELECT min(id) FROM meeting WHERE status = 'planned' AND month(starts_at) IN (11, 12, 1)"
    )
    m = minutes(demo_to_read, meeting_id)
    [event] = Calendar.from_ical(meeting_invite(m, now=NOW)).walk("VEVENT")
    assert event.decoded("DTSTART") == m.starts_at and event.decoded("DTSTART").utcoffset() == timedelta(
        hours=1
    )


def _sequence(ws: Workspace, meeting_id: int) -> int:
    [event] = Calendar.from_ical(meeting_invite(minutes(ws, meeting_id), now=NOW)).walk("VEVENT")
    return int(event["SEQUENCE"])


def test_moving_a_meeting_or_changing_its_guest_raises_the_invites_sequence(demo: Workspace) -> None:
    meeting_id = demo.db.value("SELECT max(id) FROM meeting WHERE status = 'planned'")
    start = _sequence(demo, meeting_id)
    before = get(demo.db, meeting_id)
    moved = replace(before, starts_at=before.starts_at + timedelta(hours=1), location="Room 2.01")
    assert edit_meeting(demo, SECRETARY, meeting_id, moved) == ["starts_at", "location"]
    assert _sequence(demo, meeting_id) == start + 1
    set_guest(demo, SECRETARY, meeting_id, None)
    assert _sequence(demo, meeting_id) == start + 2
    assert edit_meeting(demo, SECRETARY, meeting_id, get(demo.db, meeting_id)) == []  # nothing changed
    assert _sequence(demo, meeting_id) == start + 2
