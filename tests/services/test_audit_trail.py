"""The audit trail as the secretary and executives read it: filters, before and after, and nobody else."""

from __future__ import annotations

from dataclasses import replace

import pytest

from council.domain.errors import NotAllowed
from council.services import roster
from council.services.audit_trail import AuditFilter, audit_page
from tests.services.conftest import add_person


def test_the_trail_shows_who_changed_what_before_and_after_and_filters_by_person_and_words(empty):
    secretary = add_person(empty, "Sam Secretary", "secretary")
    executive = add_person(empty, "Erin Executive", "executive")
    mia = add_person(empty, "Mia Member", "member")
    roster.edit_person(empty, secretary, mia.id, replace(mia, roles=("member", "chair")))

    found = audit_page(empty, executive, AuditFilter(person_id=secretary.id, words="CHAIR"))

    assert found.total == 1
    row = found.rows.iloc[0]
    assert (row["who"], row["record"], row["action"]) == ("Sam Secretary", f"person #{mia.id}", "update")
    assert "roles: member → chair, member" in row["details"]
    assert audit_page(empty, executive, AuditFilter(person_id=mia.id)).total == 0


@pytest.mark.parametrize("role", ["member", "chair", "guest"])
def test_only_the_secretary_and_executives_read_the_trail(empty, role):
    with pytest.raises(NotAllowed):
        audit_page(empty, add_person(empty, "Someone", role), AuditFilter())
