"""Staying signed in with a local account: a session per sign-in, known to the browser only by a random
token in a cookie scripts cannot read, and to the database only by that token's hash.

A session ends when its person signs out, after the workspace's idle time without a click (14 days for
"keep me signed in"), and for all of a person's sessions at once when their password changes or they
leave the roster. Each person sees their own sessions and can end any of them.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from council.domain.errors import NotAllowed, NotFound
from council.domain.people import Person
from council.domain.records import saved_id
from council.i18n import _
from council.services import passwords
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.workspace import Workspace
from council.store import people
from council.store import sessions as store
from council.store.database import Transaction
from council.store.sessions import SignInSession

COOKIE = "council_session"
KEEP_FOR = timedelta(days=14)
_TOUCH_EVERY = timedelta(minutes=1)  # last use is written at most this often: a click is not a write
ENTITY = "account"


@dataclass(frozen=True)
class SessionLine:
    """One of a person's sessions as they see it."""

    id: int
    browser: str
    created_at: datetime
    last_used_at: datetime
    keep: bool
    current: bool


def start(ws: Workspace, person: Person, *, keep: bool, browser: str) -> str:
    """A new session for someone who just proved who they are; returns the token for the cookie."""
    person_id = saved_id(person)
    token = secrets.token_urlsafe(32)
    now = ws.now()

    def write(tx: Transaction) -> None:
        store.add_session(tx, passwords.digest(token), person_id, now, keep=keep, browser=browser)

    ws.db.write(write)
    return token


def person_of(ws: Workspace, token: str | None) -> Person | None:
    """Who the session with this token belongs to, if it is still open, not idle for too long, and its
    person is on the roster; None otherwise. Using it counts as a click."""
    session = _open_session(ws, token)
    if session is None:
        return None
    person = people.get_person(ws.db, session.person_id)
    if person is None or not person.active:
        return None
    now = ws.now()
    if now - session.last_used_at >= _TOUCH_EVERY:
        ws.db.write(lambda tx: store.touch(tx, session.id, now))
    return person


def end(ws: Workspace, token: str | None, reason: str = "signed out") -> None:
    """End the session with this token (signing out); a token that is unknown or ended already is fine."""
    session = _open_session(ws, token, check_idle=False)
    if session is not None:
        now = ws.now()

        def write(tx: Transaction) -> None:
            store.end_sessions(tx, session.person_id, now, reason, only=session.id)
            record(tx, None, "sign_out", ENTITY, session.person_id, {"session": session.id})

        ws.db.write(write)


def end_all(tx: Transaction, person_id: int, now: datetime, reason: str) -> int:
    """Inside another change (a new password, leaving the roster): end every session of the person."""
    return store.end_sessions(tx, person_id, now, reason)


@as_on_roster
def my_sessions(ws: Workspace, me: Person | None, token: str | None) -> list[SessionLine]:
    if me is None or me.id is None:
        return []
    current = _open_session(ws, token, check_idle=False)
    idle = _idle_limits(ws)
    now = ws.now()
    return [
        SessionLine(
            s.id, s.browser, s.created_at, s.last_used_at, s.keep, current is not None and s.id == current.id
        )
        for s in store.open_sessions(ws.db, me.id)
        if now - s.last_used_at < idle[s.keep]
    ]


@as_on_roster
def end_mine(ws: Workspace, me: Person | None, session_id: int | None) -> int:
    """End one of my sessions, or with None all of them (this browser's too)."""
    if me is None or me.id is None:
        raise NotAllowed(_("Sign in first: only your own sign-ins can be ended, and you are not signed in."))
    my_id, now = me.id, ws.now()

    def write(tx: Transaction) -> int:
        ended = store.end_sessions(tx, my_id, now, "ended by its person", only=session_id)
        if session_id is not None and not ended:
            raise NotFound(_("That sign-in has ended already."))
        record(tx, me, "end_sessions", ENTITY, my_id, {"session": session_id, "ended": ended})
        return ended

    return ws.db.write(write)


def _open_session(ws: Workspace, token: str | None, *, check_idle: bool = True) -> SignInSession | None:
    if not token or len(token) > 200:
        return None
    session = store.session_by_token(ws.db, passwords.digest(token))
    if session is None or session.ended_at is not None:
        return None
    if check_idle and ws.now() - session.last_used_at >= _idle_limits(ws)[session.keep]:
        return None
    return session


def _idle_limits(ws: Workspace) -> dict[bool, timedelta]:
    return {False: timedelta(hours=ws.config.idle_sign_out_hours), True: KEEP_FOR}
