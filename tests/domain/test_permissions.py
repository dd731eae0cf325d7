"""Which role may do what, and the meeting-bound rules: the chair runs a meeting, attendees decide."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from council.domain.errors import NotAllowed
from council.domain.meetings import Meeting
from council.domain.people import Person
from council.domain.permissions import (
    Task,
    may,
    may_decide,
    may_follow_up,
    require,
    require_chair,
    runs,
    tasks_of,
)


def person(*roles: str, pid: int = 1) -> Person:
    return Person("Sam", "service", roles=roles, id=pid)


MEETING = Meeting("Council", datetime(2026, 12, 3, 14, tzinfo=UTC), chair_id=7, id=3)


def test_each_role_holds_its_own_tasks() -> None:
    assert may(person("member"), Task.LOG) and may(person("member"), Task.AGENDA)
    assert not may(person("member"), Task.ROSTER)
    assert may(person("secretary"), Task.ROSTER) and may(person("secretary"), Task.IMPORT)
    assert not may(person("secretary"), Task.LOG)
    assert tasks_of(person("executive")) == {Task.READ, Task.AUDIT}
    assert tasks_of(person("guest")) == {Task.PROPOSE}


def test_roles_add_up_and_nobody_may_do_anything() -> None:
    both = person("member", "secretary")
    assert may(both, Task.LOG) and may(both, Task.ROSTER)
    assert tasks_of(None) == set() and tasks_of(person()) == set()
    assert not may(person("unknown role"), Task.READ)


def test_a_refusal_says_who_may_and_who_asked() -> None:
    with pytest.raises(NotAllowed, match="Only council members may log friction points; Sam is not"):
        require(person("executive"), Task.LOG, "log friction points")
    with pytest.raises(NotAllowed, match="Sign in first"):
        require(None, Task.LOG, "log friction points")
    require(person("chair"), Task.LOG, "log friction points")  # allowed: nothing raised


def test_only_the_meetings_own_chair_runs_it() -> None:
    assert runs(person("member", pid=7), MEETING)
    assert not runs(person("chair", pid=8), MEETING)  # a chair, but not of this meeting
    with pytest.raises(NotAllowed, match="Only the chair of “Council” may close it"):
        require_chair(person("chair", pid=8), MEETING, "close it")


def test_members_decide_only_in_a_meeting_they_attend() -> None:
    assert may_decide(person("member", pid=5), MEETING, {5})
    assert not may_decide(person("member", pid=5), MEETING, {6})
    assert not may_decide(person("executive", pid=5), MEETING, {5})
    assert may_decide(person("executive", pid=7), MEETING, set())  # whoever chairs it


def test_owners_and_council_people_follow_up_executives_and_guests_only_read() -> None:
    assert may_follow_up(person("member", pid=1), owner_id=2)
    assert may_follow_up(person("secretary", pid=1), owner_id=2)
    assert may_follow_up(person("executive", pid=2), owner_id=2)  # an executive who owns it reports on it
    assert not may_follow_up(person("executive", pid=1), owner_id=2)
    assert not may_follow_up(person("guest", pid=1), owner_id=2)
    assert not may_follow_up(None, owner_id=None)
