"""Mail in a real browser: the secretary plans a meeting, and the invitations reach the mail server by
themselves (the app's own background worker sends them), each with its calendar invitation."""

from __future__ import annotations

import time

from icalendar import Calendar
from playwright.sync_api import Page, expect

from tests.e2e.conftest import MailApp, act_as, click_button, go_to, success_message, type_into, visited
from tests.mail_inbox import Inbox

SECRETARY = "Inge Brouwer"
MEETING = "Kiwimail council meeting"


def test_a_planned_meeting_sends_its_invitations(mail_page: Page, mail_app: MailApp) -> None:
    page, inbox = mail_page, mail_app.inbox
    act_as(page, SECRETARY)
    go_to(page, "Meetings")
    page.get_by_text("Plan a meeting", exact=True).click()
    type_into(page, "Title", MEETING)
    click_button(page, "Plan the meeting")
    expect(success_message(page)).to_contain_text("The meeting is planned")
    invitations = _arrived(inbox, f"Invitation: {MEETING}")
    assert invitations and all(len(m.recipients) == 1 for m in invitations)
    cal = Calendar.from_ical(invitations[0].attachment("invite.ics"))
    assert str(cal["METHOD"]) == "REQUEST" and str(cal.walk("VEVENT")[0]["SUMMARY"]) == MEETING

    go_to(page, "Settings")
    page.get_by_text("Mail", exact=True).first.scroll_into_view_if_needed()
    expect(page.get_by_text("Sent (", exact=False).first).to_be_visible()
    visited(page, "settings-mail")


def _arrived(inbox: Inbox, subject: str, within: float = 30) -> list:
    """The mails with this subject start, once they came (the worker sends them within moments)."""
    until = time.monotonic() + within
    while time.monotonic() < until:
        found = [m for m in inbox.messages if m.subject.startswith(subject)]
        if found:
            time.sleep(1)  # the rest of the round
            return [m for m in inbox.messages if m.subject.startswith(subject)]
        time.sleep(0.2)
    raise AssertionError(
        f"no mail “{subject}…” arrived within {within:.0f} s; came: {[m.subject for m in inbox.messages]}"
    )
