"""A leaver's personal data removed on request, and an address that changes: what they did stays."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from council.domain.errors import NotAllowed, ValidationError
from council.domain.people import OPERATOR, Person
from council.services import accounts, roster, sessions
from council.services.anonymise import anonymise
from council.services.workspace import Workspace
from council.store import outbox as outbox_store
from council.store import people
from council.store.outbox import OutboxMail
from tests.services.conftest import MEMBER, SECRETARY

PASSWORD = "lantern orbit coffee marble"


def _owner_who_left(demo: Workspace) -> Person:
    owner_id = demo.db.value(
        "SELECT owner_id FROM decision WHERE owner_id IS NOT NULL ORDER BY decision_id LIMIT 1"
    )
    person = people.get_person(demo.db, owner_id)
    accounts.set_password(demo, OPERATOR, owner_id, PASSWORD, PASSWORD)
    sessions.start(demo, person, keep=True, browser="Firefox on Linux")
    now = datetime.now(demo.zone)
    demo.db.write(lambda tx: outbox_store.queue(tx, OutboxMail(
        "reminder", person.email, "Due: a thing", f"Hello {person.name}", f"<p>Hello {person.name}</p>", "<x@x>",
        now, now, person_id=owner_id, recipient_name=person.name)))  # fmt: skip
    roster.edit_person(demo, SECRETARY, owner_id, replace(person, active=False))
    return person


def test_a_leavers_name_and_address_are_replaced_and_their_records_stay(demo: Workspace) -> None:
    gone = _owner_who_left(demo)
    decisions = demo.db.value("SELECT count(*) FROM decision WHERE owner_id = ?", [gone.id])
    assert anonymise(demo, SECRETARY, gone.id) == f"Former member #{gone.id}"
    after = people.get_person(demo.db, gone.id)
    assert (after.name, after.email, after.role_title) == (f"Former member #{gone.id}", None, "")
    assert demo.db.value("SELECT count(*) FROM decision WHERE owner_id = ?", [gone.id]) == decisions
    assert demo.db.value("SELECT count(*) FROM account WHERE person_id = ?", [gone.id]) == 0
    assert (
        demo.db.value(
            "SELECT count(*) FROM sign_in_session WHERE person_id = ? AND (ended_at IS NULL OR browser <> '')",
            [gone.id],
        )
        == 0
    )
    mail = demo.db.row(
        "SELECT recipient, recipient_name, body_text, status FROM outbox_mail WHERE person_id = ?", [gone.id]
    )
    assert mail == ("", "", "", "failed")
    rows = demo.db.rows("SELECT details FROM audit_log WHERE action = 'anonymise'")
    assert len(rows) == 1 and gone.name not in str(rows[0])
    # The address is free again, for someone new.
    roster.add_person(demo, SECRETARY, Person("Someone new", "service", email=gone.email))


def test_only_someone_who_left_can_be_anonymised_and_only_once(demo: Workspace) -> None:
    member = next(p for p in people.list_people(demo.db) if p.roles == ("member",))
    with pytest.raises(ValidationError, match="still on the roster"):
        anonymise(demo, SECRETARY, member.id)
    gone = _owner_who_left(demo)
    with pytest.raises(NotAllowed):
        anonymise(demo, MEMBER, gone.id)
    anonymise(demo, SECRETARY, gone.id)
    with pytest.raises(ValidationError, match="anonymised already"):
        anonymise(demo, SECRETARY, gone.id)


def test_an_address_can_change_but_not_to_someone_elses(demo: Workspace) -> None:
    a, b = [p for p in people.list_people(demo.db) if p.email and p.roles == ("member",)][:2]
    roster.edit_person(demo, SECRETARY, a.id, replace(a, email="Anna.New@Example.org"))
    assert people.person_by_email(demo.db, "anna.new@example.org").id == a.id
    assert people.person_by_email(demo.db, a.email) is None
    with pytest.raises(ValidationError, match="already has the e-mail address"):
        roster.edit_person(demo, SECRETARY, b.id, replace(b, email="anna.new@example.org"))
