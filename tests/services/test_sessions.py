"""Staying signed in: a session per sign-in, ended by signing out, idleness, a new password or leaving."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from council.domain.errors import NotAllowed, NotFound
from council.domain.people import OPERATOR
from council.services import accounts, passwords, roster, sessions
from council.store import audit
from tests.services.conftest import add_person

PASSWORD = "lantern orbit coffee marble"


@pytest.fixture
def mia(empty):
    person = add_person(empty, "Mia Member", "member", email="mia@example.org")
    accounts.set_password(empty, OPERATOR, person.id, PASSWORD, PASSWORD)
    return person


def _idle(ws, token: str, hours: float) -> None:
    """As if nothing was clicked in this session for `hours`."""
    ws.db.write(lambda tx: tx.execute(
        "UPDATE sign_in_session SET last_used_at = ? WHERE token_hash = ?",
        [ws.now() - timedelta(hours=hours), passwords.digest(token)],
    ))  # fmt: skip


def test_a_session_knows_its_person_until_they_sign_out_and_the_database_keeps_only_a_hash(empty, mia):
    token = sessions.start(empty, mia, keep=False, browser="Firefox on Linux")
    assert sessions.person_of(empty, token).id == mia.id
    assert empty.db.value("SELECT count(*) FROM sign_in_session WHERE token_hash = ?", [token]) == 0
    sessions.end(empty, token)
    assert sessions.person_of(empty, token) is None
    assert (
        sessions.person_of(empty, "a token nobody was given") is None
        and sessions.person_of(empty, None) is None
    )
    assert audit.entries_about(empty.db, "account", str(mia.id))[0].action == "sign_out"


def test_a_session_ends_after_the_idle_time_unless_kept_for_fourteen_days(empty, mia):
    short = sessions.start(empty, mia, keep=False, browser="")
    kept = sessions.start(empty, mia, keep=True, browser="")
    _idle(empty, short, empty.config.idle_sign_out_hours + 0.1)
    _idle(empty, kept, 24 * 13)
    assert sessions.person_of(empty, short) is None
    assert sessions.person_of(empty, kept).id == mia.id  # and using it counts as a click
    _idle(empty, kept, 24 * 14 + 1)
    assert sessions.person_of(empty, kept) is None


def test_a_new_password_or_leaving_the_roster_ends_every_session(empty, mia):
    secretary = add_person(empty, "Sam Secretary", "secretary", email="sam@example.org")
    first, second = (sessions.start(empty, mia, keep=True, browser="") for _ in range(2))
    accounts.change_own_password(
        empty, mia, PASSWORD, "marble coffee orbit lantern", "marble coffee orbit lantern"
    )
    assert sessions.person_of(empty, first) is None and sessions.person_of(empty, second) is None

    third = sessions.start(empty, mia, keep=False, browser="")
    roster.edit_person(empty, secretary, mia.id, replace(mia, active=False))
    assert sessions.person_of(empty, third) is None


def test_people_see_their_own_sessions_and_end_one_or_all(empty, mia):
    here = sessions.start(empty, mia, keep=False, browser="Firefox on Linux")
    phone = sessions.start(empty, mia, keep=True, browser="Safari on iPhone")
    lines = sessions.my_sessions(empty, mia, here)
    assert {(line.browser, line.current) for line in lines} == {
        ("Firefox on Linux", True),
        ("Safari on iPhone", False),
    }
    phone_id = next(line.id for line in lines if not line.current)
    assert sessions.end_mine(empty, mia, phone_id) == 1
    assert sessions.person_of(empty, phone) is None and sessions.person_of(empty, here).id == mia.id
    with pytest.raises(NotFound):
        sessions.end_mine(empty, mia, phone_id)
    other = add_person(empty, "Olaf Other", "member", email="olaf@example.org")
    with pytest.raises(NotFound):  # someone else's session is not theirs to end
        sessions.end_mine(empty, other, next(line.id for line in lines if line.current))
    assert sessions.end_mine(empty, mia, None) == 1
    assert sessions.person_of(empty, here) is None
    with pytest.raises(NotAllowed):
        sessions.end_mine(empty, None, None)
