from datetime import UTC, datetime

import pytest

from council.domain.errors import Conflict
from council.domain.meetings import Meeting, Proposal
from council.domain.people import Person
from council.store import meetings, people
from council.store import proposals as proposal_store
from council.store.database import Database


def test_second_proposal_by_same_guest_for_same_meeting_is_refused_by_the_database(db: Database) -> None:
    def setup(tx):  # type: ignore[no-untyped-def]
        guest = people.add_person(tx, Person("Kees", None, is_external=True))
        first = meetings.add_meeting(tx, Meeting("First", datetime(2026, 12, 1, 13, tzinfo=UTC)))
        second = meetings.add_meeting(tx, Meeting("Second", datetime(2027, 1, 5, 13, tzinfo=UTC)))
        proposal_store.add_proposal(tx, Proposal(first, guest, "One change", "Because"))
        return guest, first, second

    guest, first, second = db.write(setup)
    # Straight SQL, past any check in the code: the table itself refuses it.
    with pytest.raises(Conflict, match="nothing was saved"):
        db.write(
            lambda tx: tx.insert("proposal", {"meeting_id": first, "guest_id": guest, "change": "Another"})
        )
    assert [p.change for p in proposal_store.proposals_by(db, guest)] == ["One change"]
    # The same guest may propose one change at another meeting.
    db.write(lambda tx: proposal_store.add_proposal(tx, Proposal(second, guest, "Next change", "Also")))
    assert len(proposal_store.proposals_by(db, guest)) == 2


def test_updating_a_proposal_changes_only_the_guests_words(db: Database) -> None:
    def setup(tx):  # type: ignore[no-untyped-def]
        guest = people.add_person(tx, Person("Kees", None, is_external=True))
        meeting = meetings.add_meeting(tx, Meeting("First", datetime(2026, 12, 1, 13, tzinfo=UTC)))
        return proposal_store.add_proposal(tx, Proposal(meeting, guest, "One change", "Because", "billing"))

    proposal_id = db.write(setup)
    before = proposal_store.get_proposal(db, proposal_id)
    later = datetime(2026, 11, 30, 9, tzinfo=UTC)
    edited = Proposal(
        -1, -1, "Better change", "Because, really", None, "Fewer calls", "decided", id=proposal_id
    )
    db.write(lambda tx: proposal_store.update_proposal(tx, edited, later))
    after = proposal_store.get_proposal(db, proposal_id)
    assert (after.change, after.why, after.journey_stage, after.customer_notices) == (
        "Better change", "Because, really", None, "Fewer calls"
    )  # fmt: skip
    assert (after.meeting_id, after.guest_id, after.status) == (
        before.meeting_id,
        before.guest_id,
        "submitted",
    )
    assert (after.submitted_at, after.updated_at) == (before.submitted_at, later)
