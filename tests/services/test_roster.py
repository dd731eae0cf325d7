"""Putting people on the roster: only the secretary, with a usable e-mail address and known roles."""

from __future__ import annotations

from dataclasses import replace

import pytest

from council.domain.errors import NotAllowed, ValidationError
from council.domain.people import OPERATOR, Person
from council.services import accounts, roster
from council.store import audit, people
from tests.services.conftest import add_person


def test_the_secretary_adds_a_person_with_trimmed_details_and_it_is_audited(empty):
    secretary = add_person(empty, "Sam Secretary", "secretary")
    draft = Person("  Noor Nieuw ", "sales", email=" noor@example.org ", roles=("member", "member", "chair"))

    person = people.get_person(empty.db, roster.add_person(empty, secretary, draft))

    assert (person.name, person.email, person.roles) == (
        "Noor Nieuw",
        "noor@example.org",
        ("chair", "member"),
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


def test_the_secretary_changes_roles_of_someone_with_a_history_and_the_log_keeps_before_and_after(
    demo, secretary
):
    # Someone other records point at (terms, meetings, decisions): their roles live in their own table.
    member = next(
        p
        for p in people.list_people(demo.db)
        if p.roles == ("member",) and people.council_terms(demo.db, p.id)
    )
    edited = Person("Annelies  Smit-de Vries ", member.department, email=member.email, role_title="Head of billing",
                    roles=("chair", "member"), active=True)  # fmt: skip

    changes = roster.edit_person(demo, secretary, member.id, edited)

    after = people.get_person(demo.db, member.id)
    assert (after.name, after.role_title, after.roles, after.email) == (
        "Annelies  Smit-de Vries", "Head of billing", ("chair", "member"), member.email,
    )  # fmt: skip
    assert changes["roles"] == [["member"], ["chair", "member"]]
    entry = audit.entries_about(demo.db, "person", str(member.id))[0]
    assert (entry.action, entry.person_id) == ("update", secretary.id)
    assert entry.details["changes"]["name"] == [member.name, "Annelies  Smit-de Vries"]
    assert roster.edit_person(demo, secretary, member.id, edited) == {}  # nothing changed, nothing logged
    assert len(audit.entries_about(demo.db, "person", str(member.id))) == 1


def test_someone_who_leaves_the_roster_stays_in_the_history_but_not_in_the_lists(demo, secretary):
    member = next(p for p in people.list_people(demo.db) if p.roles == ("member",))
    roster.edit_person(demo, secretary, member.id, replace(member, active=False))
    assert member.id not in {p.id for p in people.list_people(demo.db)}
    assert people.get_person(demo.db, member.id).active is False


def test_the_last_secretary_cannot_give_up_the_role_or_leave(empty, nothing_written):
    only = add_person(empty, "Sam Secretary", "secretary", "member")
    for change in ({"roles": ("member",)}, {"active": False}):
        with nothing_written(empty), pytest.raises(ValidationError, match="only secretary"):
            roster.edit_person(empty, only, only.id, replace(only, **change))
    second = add_person(empty, "Sid Secretary", "secretary")
    roster.edit_person(empty, second, only.id, replace(only, roles=("member",)))
    assert people.get_person(empty.db, only.id).roles == ("member",)


@pytest.mark.parametrize("who", ["member", "chair", "executive", "guest", "nobody"])
def test_nobody_but_the_secretary_changes_the_roster(empty, nothing_written, who):
    target = add_person(empty, "Mia Member", "member")
    actor = None if who == "nobody" else add_person(empty, "Someone", who)
    with nothing_written(empty), pytest.raises(NotAllowed):
        roster.edit_person(empty, actor, target.id, replace(target, roles=("secretary",)))


def test_the_roster_list_shows_everyone_with_their_sign_in_and_only_to_the_secretary(empty):
    secretary = add_person(empty, "Sam Secretary", "secretary", email="sam@example.org")
    ann = add_person(empty, "ann Member", "member", email="ann@example.org")
    left = add_person(empty, "Bo Left", "member")
    roster.edit_person(empty, secretary, left.id, replace(left, active=False))
    accounts.set_password(empty, secretary, ann.id, "a long enough passphrase", "a long enough passphrase")

    lines = roster.roster_lines(empty, secretary)

    # Those still on the roster first, by name in any case; those who left last.
    assert [(line.person.name, line.has_password) for line in lines] == [
        ("ann Member", True), ("Sam Secretary", False), ("Bo Left", False)
    ]  # fmt: skip
    with pytest.raises(NotAllowed):
        roster.roster_lines(empty, ann)
