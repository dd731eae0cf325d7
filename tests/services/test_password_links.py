"""A first password from a link in a mail: the invitation carries it for someone without one, it works once,
and for two weeks."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

import pytest

from council.domain.errors import SignInFailed, ValidationError
from council.domain.meetings import Meeting
from council.domain.people import OPERATOR
from council.services import accounts, meetings, outbox, password_links, signing_in
from council.services.workspace import Workspace
from council.store import meetings as meeting_store
from tests.mail_inbox import Inbox, with_mail
from tests.services.conftest import SECRETARY, add_person

# Slow: hashes passwords and sends mail through a real mail server.
pytestmark = pytest.mark.slow

PASSWORD = "lantern orbit coffee marble"


@pytest.fixture
def council(demo: Workspace, inbox: Inbox) -> Workspace:
    """The demo with local accounts, sending its mail to the test server."""
    with_accounts = Workspace(replace(demo.config, sign_in="accounts"), demo.db)
    return with_mail(with_accounts, inbox.settings())


def _invite_guest(ws: Workspace, inbox: Inbox, email: str = "kees@example.org") -> tuple[int, str]:
    guest = add_person(ws, "Kees Visser", department="finance", email=email)
    coming = max(meeting_store.list_meetings(ws.db), key=lambda m: m.starts_at)
    meetings.plan_meeting(ws, SECRETARY, Meeting("Guest council", coming.starts_at + timedelta(weeks=6), 90,
                                                 chair_id=coming.chair_id, guest_id=guest.id))  # fmt: skip
    outbox.deliver(ws)
    [mail] = inbox.to(email)
    return guest.id, mail.body("plain")


def _token(text: str) -> str:
    found = re.search(r"https://council\.example\.org/auth/set-password\?token=([\w-]+)", text)
    assert found, text
    return found.group(1)


def test_a_guest_without_a_password_gets_a_link_that_sets_one_once(council: Workspace, inbox: Inbox) -> None:
    guest_id, text = _invite_guest(council, inbox)
    assert "You have no password yet" in text
    token = _token(text)
    assert password_links.person_of_link(council, token).id == guest_id
    password_links.set_password_with_link(council, token, PASSWORD, PASSWORD)
    assert signing_in.sign_in(council, "kees@example.org", PASSWORD).id == guest_id
    with pytest.raises(SignInFailed, match="no longer works"):
        password_links.set_password_with_link(council, token, PASSWORD + "!", PASSWORD + "!")


def test_a_weak_password_is_refused_and_the_link_still_works(council: Workspace, inbox: Inbox) -> None:
    _, text = _invite_guest(council, inbox)
    token = _token(text)
    with pytest.raises(ValidationError):
        password_links.set_password_with_link(council, token, "short", "short")
    assert password_links.person_of_link(council, token) is not None


def test_a_link_older_than_two_weeks_no_longer_works(council: Workspace, inbox: Inbox) -> None:
    _, text = _invite_guest(council, inbox)
    council.db.write(
        lambda tx: tx.execute("UPDATE password_link SET expires_at = expires_at - INTERVAL 15 DAY")
    )
    with pytest.raises(SignInFailed, match="no longer works"):
        password_links.set_password_with_link(council, _token(text), PASSWORD, PASSWORD)


def test_someone_with_a_password_gets_no_link(council: Workspace, inbox: Inbox) -> None:
    guest = add_person(council, "Kees Visser", department="finance", email="kees@example.org")
    accounts.set_password(council, OPERATOR, guest.id, PASSWORD, PASSWORD)
    coming = max(meeting_store.list_meetings(council.db), key=lambda m: m.starts_at)
    meetings.plan_meeting(council, SECRETARY, Meeting("Guest council", coming.starts_at + timedelta(weeks=6), 90,
                                                      chair_id=coming.chair_id, guest_id=guest.id))  # fmt: skip
    outbox.deliver(council)
    [mail] = inbox.to("kees@example.org")
    assert "set-password" not in mail.body("plain") and "the password you chose" in mail.body("plain")


def test_the_copy_kept_of_a_sent_mail_holds_no_working_link(council: Workspace, inbox: Inbox) -> None:
    _, text = _invite_guest(council, inbox)
    token = _token(text)
    kept = council.db.rows(
        "SELECT body_text, body_html FROM outbox_mail WHERE recipient = 'kees@example.org'"
    )
    assert kept and all(token not in body for row in kept for body in row)
    assert "set-password?token=sent" in kept[0][0] and "set-password?token=sent" in kept[0][1]
