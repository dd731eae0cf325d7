"""The secretary's way back in: a one-time recovery code, with the same care as a password."""

from __future__ import annotations

import pytest

from council.domain.errors import SignInFailed, ValidationError
from council.services import recovery, sessions, signing_in
from tests.services.conftest import add_person

# Slow: hashes passwords and recovery codes, on purpose slowly.
pytestmark = pytest.mark.slow

NEW = "quiet harbour seven lamps"


@pytest.fixture
def sam(empty):
    return add_person(empty, "Sam Secretary", "secretary", email="sam@example.org")


def test_a_secretary_sets_a_new_password_with_the_code_once(empty, sam) -> None:
    code = recovery.new_recovery_code(empty)
    token = sessions.start(empty, sam, keep=True, browser="")
    assert recovery.recover(empty, "SAM@example.org", code.lower(), NEW, NEW).id == sam.id
    assert signing_in.sign_in(empty, "sam@example.org", NEW).id == sam.id
    assert sessions.person_of(empty, token) is None  # a sign-in someone else may hold ends
    with pytest.raises(SignInFailed):  # used up
        recovery.recover(empty, "sam@example.org", code, "another fine passphrase", "another fine passphrase")


def test_the_code_opens_nothing_for_someone_who_is_not_a_secretary_and_answers_alike(empty, sam) -> None:
    member = add_person(empty, "Mia Member", "member", email="mia@example.org")
    code = recovery.new_recovery_code(empty)
    answers = set()
    for email, tried in (
        ("mia@example.org", code),
        ("nobody@example.org", code),
        ("sam@example.org", "WRONG-CODE"),
    ):
        with pytest.raises(SignInFailed) as refused:
            recovery.recover(empty, email, tried, NEW, NEW)
        answers.add(refused.value.message)
    assert answers == {recovery.WRONG} and member.id is not None
    assert recovery.recover(empty, "sam@example.org", code, NEW, NEW).id == sam.id  # still unused


def test_a_weak_new_password_is_refused_and_leaves_the_code_unused(empty, sam, nothing_written) -> None:
    code = recovery.new_recovery_code(empty)
    with nothing_written(empty), pytest.raises(ValidationError):
        recovery.recover(empty, "sam@example.org", code, "password123", "password123")
    assert recovery.recover(empty, "sam@example.org", code, NEW, NEW).id == sam.id


def test_a_new_code_replaces_the_old_one(empty, sam) -> None:
    old = recovery.new_recovery_code(empty)
    new = recovery.new_recovery_code(empty)
    with pytest.raises(SignInFailed):
        recovery.recover(empty, "sam@example.org", old, NEW, NEW)
    assert recovery.recover(empty, "sam@example.org", new, NEW, NEW).id == sam.id
