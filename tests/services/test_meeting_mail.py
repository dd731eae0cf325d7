"""The mails a meeting causes reach the right people, with a calendar invite that updates in place."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from icalendar import Calendar

from council.domain.mail import MailKind
from council.domain.meetings import Meeting
from council.services import agenda, mail_choices, meeting_mode, meetings, outbox, roster
from council.services.cancellation import cancel_meeting
from council.services.meeting_mail import invited_now
from council.services.workspace import Workspace
from council.store import meetings as meeting_store
from council.store import people
from tests.mail_inbox import Inbox, Received, with_mail
from tests.services.conftest import SECRETARY, add_person

# Slow: sends through a real mail server.
pytestmark = pytest.mark.slow


@pytest.fixture
def council(demo: Workspace, inbox: Inbox) -> Iterator[Workspace]:
    """The demo organisation, sending its mails to the test server; nothing queued yet."""
    yield with_mail(demo, inbox.settings())


def _coming(ws: Workspace) -> Meeting:
    return min(
        (m for m in meeting_store.list_meetings(ws.db) if m.status == "planned"), key=lambda m: m.starts_at
    )


def _event(mail: Received) -> tuple[str, object]:
    cal = Calendar.from_ical(mail.attachment("invite.ics"))
    [event] = cal.walk("VEVENT")
    return str(cal["METHOD"]), event


def _addresses(ws: Workspace, ids: set[int]) -> set[str]:
    return {p.email for p in people.list_people(ws.db) if p.id in ids and p.email}


def _delivered(ws: Workspace, inbox: Inbox) -> list[Received]:
    inbox.messages.clear()
    outbox.deliver(ws)
    return list(inbox.messages)


def _plan(ws: Workspace, inbox: Inbox, weeks: int = 9) -> tuple[int, list[Received]]:
    coming = _coming(ws)
    draft = Meeting(title="Winter council", starts_at=coming.starts_at + timedelta(weeks=weeks), duration_minutes=90,
                    location="Room 4.12", chair_id=coming.chair_id, guest_id=None)  # fmt: skip
    meeting_id = meetings.plan_meeting(ws, SECRETARY, draft)
    return meeting_id, _delivered(ws, inbox)


def test_a_planned_meeting_invites_everyone_it_invites_with_a_calendar_request(
    council: Workspace, inbox: Inbox
) -> None:
    meeting_id, mails = _plan(council, inbox)
    invited = _addresses(council, invited_now(council.db, council, meeting_id))
    assert invited and {r for m in mails for r in m.recipients} == invited
    assert all(len(m.recipients) == 1 for m in mails)  # one mail each: one refused address stops no other
    mail = mails[0]
    assert mail.subject.startswith("Invitation: Winter council, ")
    assert "Room 4.12" in mail.body("plain") and "Room 4.12" in mail.body("html")
    assert f"https://council.example.org/meetings?id={meeting_id}" in mail.body("plain")
    method, event = _event(mail)
    chair = people.get_person(council.db, _coming(council).chair_id)
    assert method == "REQUEST" and event["SEQUENCE"] == 0
    assert str(event["ORGANIZER"]) == f"mailto:{chair.email}"
    assert event["DTSTART"].dt.tzinfo.key == "Europe/Amsterdam"
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert {str(a) for a in event["ATTENDEE"]} >= {f"mailto:{a}" for a in invited if a != chair.email}


def test_a_changed_meeting_sends_an_update_of_the_same_event(council: Workspace, inbox: Inbox) -> None:
    meeting_id, first = _plan(council, inbox)
    _, before = _event(first[0])
    meeting = meeting_store.get_meeting(council.db, meeting_id)
    meetings.edit_meeting(
        council,
        SECRETARY,
        meeting_id,
        replace(meeting, starts_at=meeting.starts_at + timedelta(hours=1), location="Room 2"),
    )
    mails = _delivered(council, inbox)
    assert {r for m in mails for r in m.recipients} == {r for m in first for r in m.recipients}
    assert all(m.subject.startswith("Changed: Winter council") for m in mails)
    assert "date and time, place" in mails[0].body("plain")
    method, after = _event(mails[0])
    assert method == "REQUEST" and str(after["UID"]) == str(before["UID"]) and after["SEQUENCE"] == 1
    assert after["DTSTART"].dt - before["DTSTART"].dt == timedelta(hours=1)


def test_a_new_guest_gets_their_own_invitation_and_the_old_one_a_cancellation(
    council: Workspace, inbox: Inbox
) -> None:
    meeting_id, _ = _plan(council, inbox)
    serving = invited_now(council.db, council, meeting_id)
    guests = [p for p in people.list_people(council.db) if p.id not in serving and p.email and p.department]
    first, second = guests[0], guests[1]
    meetings.set_guest(council, SECRETARY, meeting_id, first.id)
    mails = _delivered(council, inbox)
    [welcome] = inbox.to(first.email)
    assert welcome.subject.startswith("You are invited as our guest: Winter council")
    assert "https://council.example.org/propose_change" in welcome.body("plain")
    assert "customer-experience council of Helder Energie" in welcome.body("plain")
    assert all(m.subject.startswith("Changed:") for m in mails if m is not welcome)
    meetings.set_guest(council, SECRETARY, meeting_id, second.id)
    _delivered(council, inbox)
    [goodbye] = inbox.to(first.email)
    method, event = _event(goodbye)
    assert goodbye.subject.startswith("No longer expected") and method == "CANCEL" and event["SEQUENCE"] == 2
    assert inbox.to(second.email)[0].subject.startswith("You are invited as our guest")


def test_a_cancelled_meeting_sends_a_cancel_to_everyone(council: Workspace, inbox: Inbox) -> None:
    meeting_id, planned = _plan(council, inbox)
    cancel_meeting(council, SECRETARY, meeting_id, "Too close to the holidays")
    mails = _delivered(council, inbox)
    assert {r for m in mails for r in m.recipients} == {r for m in planned for r in m.recipients}
    method, event = _event(mails[0])
    assert method == "CANCEL" and str(event["STATUS"]) == "CANCELLED" and event["SEQUENCE"] == 1
    assert "Too close to the holidays" in mails[0].body("plain")


def test_closing_the_agenda_sends_it_to_those_invited_who_want_it(council: Workspace, inbox: Inbox) -> None:
    meeting_id, _ = _plan(council, inbox)
    chair = people.get_person(council.db, meeting_store.get_meeting(council.db, meeting_id).chair_id)
    agenda.add_other(council, chair, meeting_id, "Billing letters <b>again</b>", 20)
    refuser = next(
        p
        for p in people.list_people(council.db)
        if p.id in invited_now(council.db, council, meeting_id) and p.id != chair.id
    )
    mail_choices.choose(council, refuser, MailKind.AGENDA, False)
    agenda.close_agenda(council, chair, meeting_id)
    mails = _delivered(council, inbox)
    assert mails and all(m.subject.startswith("Agenda: Winter council") for m in mails)
    assert refuser.email not in {r for m in mails for r in m.recipients}
    assert "Billing letters <b>again</b> (20 min)" in mails[0].body("plain")
    assert "Billing letters &lt;b&gt;again&lt;/b&gt; (20 min)" in mails[0].body("html")
    agenda.close_agenda(council, chair, meeting_id)  # closing a closed agenda again sends nothing
    assert _delivered(council, inbox) == []


def test_closing_a_meeting_sends_the_minutes_with_its_decisions(council: Workspace, inbox: Inbox) -> None:
    meeting = _coming(council)
    chair = people.get_person(council.db, meeting.chair_id)
    meeting_mode.start_meeting(council, chair, meeting.id, bring_forward=True)
    _delivered(council, inbox)
    held = meeting_store.get_meeting(council.db, meeting.id)  # brought forward: its title follows the date
    meeting_mode.close_meeting(council, chair, meeting.id)
    mails = _delivered(council, inbox)
    assert mails and all(m.subject.startswith(f"Minutes: {held.title}") for m in mails), [
        m.subject for m in mails
    ]
    assert "Decisions" in mails[0].body("plain")
    assert "Draft minutes: the council approves them at" in mails[0].body("plain")  # not final yet


def test_someone_who_left_the_roster_or_has_no_address_gets_nothing(council: Workspace, inbox: Inbox) -> None:
    coming = _coming(council)
    day = (coming.starts_at + timedelta(weeks=9)).astimezone(council.zone).date()
    gone = people.get_person(council.db, min(people.serving_on(council.db, day) - {coming.chair_id}))
    roster.edit_person(council, SECRETARY, gone.id, replace(gone, active=False))
    meeting_id, _ = _plan(council, inbox)
    no_address = add_person(council, "Kees without mail", department="finance")
    meetings.set_guest(council, SECRETARY, meeting_id, no_address.id)
    mails = _delivered(council, inbox)
    assert mails and all(m.subject.startswith("Changed:") for m in mails)  # no guest's own invitation
    assert gone.email not in {r for m in mails for r in m.recipients}


def test_a_change_refused_sends_nothing(council: Workspace, inbox: Inbox) -> None:
    coming = _coming(council)
    with pytest.raises(Exception, match="already planned"):
        meetings.plan_meeting(council, SECRETARY, replace(coming, id=None, title="Twice"))
    assert outbox.outbox_counts(council)["queued"] == 0


def test_with_mail_off_nothing_is_queued(demo: Workspace) -> None:
    coming = _coming(demo)
    meetings.plan_meeting(
        demo, SECRETARY, Meeting("Off", coming.starts_at + timedelta(weeks=9), 90, chair_id=coming.chair_id)
    )
    assert outbox.outbox_counts(demo) == {"queued": 0, "sent": 0, "failed": 0}


def test_someone_given_a_seat_after_a_meeting_was_planned_gets_its_invitation(
    mailing: Workspace, inbox: Inbox
) -> None:
    from council.services import rotation

    sara = add_person(mailing, "Sara Jansen", "member", department="service", email="sara@example.org")
    tom = add_person(mailing, "Tom Bakker", "member", department="finance", email="tom@example.org")
    day = mailing.now().replace(hour=14, minute=0, second=0, microsecond=0) + timedelta(days=7)
    meetings.plan_meeting(mailing, SECRETARY, Meeting("Winter council", day, 90))
    assert _delivered(mailing, inbox) == []  # nobody holds a seat yet: nobody to invite
    rotation.accept_successor(mailing, SECRETARY, "service", sara.id, mailing.today())
    [invitation] = _delivered(mailing, inbox)
    assert invitation.recipients == ["sara@example.org"] and invitation.subject.startswith(
        "Invitation: Winter council"
    )
    method, _ = _event(invitation)
    assert method == "REQUEST"
    rotation.accept_successor(mailing, SECRETARY, "finance", tom.id, mailing.today())
    assert [m.recipients for m in _delivered(mailing, inbox)] == [
        ["tom@example.org"]
    ]  # Sara is not mailed again
