"""Putting people on the roster: only the secretary, with a usable e-mail address and known roles."""

from __future__ import annotations

import pytest

from council.domain.errors import NotAllowed, ValidationError
from council.domain.people import OPERATOR, Person
from council.services import roster
from council.store import audit, people
from tests.services.conftest import add_person


def test_the_secretary_adds_a_person_with_trimmed_details_and_it_is_audited(empty):
    secretary = add_person(empty, "Sam Secretary", "secretary")
    draft = Person("  Noor Nieuw ", "sales", email=" noor@example.org ", roles=("member", "member", "chair"))

    person = people.get_person(empty.db, roster.add_person(empty, secretary, draft))

    assert (person.name, person.email, person.roles) == (
        "Noor Nieuw",
        "noor@example.org",
        ("member", "chair"),
    )
    entry = audit.entries_about(empty.db, "person", str(person.id))[0]
    assert (entry.action, entry.person_id) == ("create", secretary.id)


@pytest.mark.parametrize("who", ["member", "executive", "nobody"])
def test_nobody_but_the_secretary_adds_people(empty, nothing_written, who):
    actor = None if who == "nobody" else add_person(empty, "Someone", who)
    with nothing_written(empty), pytest.raises(NotAllowed):
        roster.add_person(empty, actor, Person("Eve", "sales", email="eve@example.org"))


@pytest.mark.parametrize(("draft", "message"), [
    (Person(" ", "sales"), "The name is empty"),
    (Person("Ann", "sales", email="ann at example"), "does not look like an e-mail address"),
    (Person("Ann", "legal"), "department 'legal' is not known"),
    (Person("Ann", "sales", roles=("admin",)), "role 'admin' is not known"),
])  # fmt: skip
def test_bad_details_are_refused_with_what_to_fix(empty, nothing_written, draft, message):
    with nothing_written(empty), pytest.raises(ValidationError, match=message):
        roster.add_person(empty, OPERATOR, draft)
