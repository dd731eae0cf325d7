"""A guest's one change per meeting: proposing it, the one-proposal rule, editing until the agenda closes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from council.domain.errors import Conflict, NotAllowed, ValidationError
from council.domain.meetings import AgendaItem, Meeting, Proposal
from council.domain.people import Person
from council.services import proposals as service
from council.services.workspace import Workspace
from council.store import meetings, people
from council.store import proposals as proposal_store
from council.store.database import Transaction

DRAFT = Proposal(
    meeting_id=0,
    guest_id=0,
    change="  Let customers change their address in the app  ",
    why="Movers now call three departments to pass on one new address.",
    journey_stage="moving",
    customer_notices="One message instead of three phone calls.",
)


@pytest.fixture
def meeting(demo: Workspace) -> Meeting:
    """The next planned meeting of the demo, its agenda still open."""
    found = meetings.next_meeting(demo.db, demo.now())
    assert found is not None and found.agenda_is_open and found.guest_id is not None
    return found


@pytest.fixture
def guest(demo: Workspace, meeting: Meeting) -> Person:
    person = people.get_person(demo.db, meeting.guest_id)
    assert person is not None
    return person


@pytest.fixture
def outsider(demo: Workspace, meeting: Meeting) -> Person:
    """Someone on the roster who is not this meeting's guest."""
    return next(p for p in people.list_people(demo.db) if p.id != meeting.guest_id)


@pytest.fixture
def nothing_written() -> Callable[[Workspace], AbstractContextManager[None]]:
    """`with nothing_written(ws): ...` fails unless no proposal and no audit entry changed."""

    def snapshot(ws: Workspace) -> tuple:
        return (
            ws.db.rows("SELECT * FROM proposal ORDER BY id"),
            ws.db.value("SELECT count(*) FROM audit_log"),
        )

    @contextmanager
    def check(ws: Workspace) -> Iterator[None]:
        before = snapshot(ws)
        yield
        assert snapshot(ws) == before

    return check


def _audit(ws: Workspace, proposal_id: int) -> list[tuple]:
    return ws.db.rows(
        "SELECT action, person_id FROM audit_log WHERE entity = 'proposal' AND entity_id = ? ORDER BY id",
        [str(proposal_id)],
    )


def _close_agenda(ws: Workspace, meeting: Meeting) -> None:
    ws.db.write(lambda tx: meetings.set_agenda_closed(tx, meeting.id, ws.now()))


def test_the_guest_proposes_one_change_and_it_is_logged(
    demo: Workspace, meeting: Meeting, guest: Person
) -> None:
    proposal_id = service.submit_proposal(demo, guest, meeting.id, DRAFT)
    saved = proposal_store.proposal_of(demo.db, meeting.id, guest.id)
    assert saved is not None and saved.id == proposal_id
    assert saved.change == "Let customers change their address in the app"
    assert (saved.journey_stage, saved.status) == ("moving", "submitted")
    assert _audit(demo, proposal_id) == [("create", guest.id)]


def test_second_proposal_by_same_guest_is_refused_naming_the_first(
    demo: Workspace, meeting: Meeting, guest: Person, nothing_written
) -> None:
    first = service.submit_proposal(demo, guest, meeting.id, DRAFT)
    second = replace(DRAFT, change="Answer the phone within a minute")
    with nothing_written(demo), pytest.raises(service.AlreadyProposed) as refused:
        service.submit_proposal(demo, guest, meeting.id, second)
    assert "Let customers change their address in the app" in refused.value.message
    assert "edit" in refused.value.message
    assert refused.value.proposal.id == first
    assert isinstance(refused.value, Conflict)


def test_a_second_proposal_saved_at_the_same_moment_is_refused_by_the_database(
    demo: Workspace, meeting: Meeting, guest: Person, nothing_written, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = service.submit_proposal(demo, guest, meeting.id, DRAFT)
    # As if the first save landed between the service's look and its insert (two tabs at once).
    look = proposal_store.proposal_of
    monkeypatch.setattr(
        service.proposals,
        "proposal_of",
        lambda q, m, g: None if isinstance(q, Transaction) else look(q, m, g),
    )
    with nothing_written(demo), pytest.raises(service.AlreadyProposed) as refused:
        service.submit_proposal(demo, guest, meeting.id, replace(DRAFT, change="Another change"))
    assert refused.value.proposal.id == first
    assert "Let customers change their address in the app" in refused.value.message


def test_only_the_meetings_guest_may_propose(
    demo: Workspace, meeting: Meeting, outsider: Person, nothing_written
) -> None:
    with nothing_written(demo):
        for actor in (outsider, None):
            with pytest.raises(NotAllowed, match=r"Only the guest of .* can propose"):
                service.submit_proposal(demo, actor, meeting.id, DRAFT)


def test_no_proposal_once_the_agenda_is_closed(
    demo: Workspace, meeting: Meeting, guest: Person, nothing_written
) -> None:
    _close_agenda(demo, meeting)
    with nothing_written(demo), pytest.raises(NotAllowed, match=r"agenda of .* is closed") as refused:
        service.submit_proposal(demo, guest, meeting.id, DRAFT)
    assert "chair" in refused.value.message


def test_a_closed_meeting_takes_no_new_proposal_and_no_edit(demo: Workspace, nothing_written) -> None:
    closed_without = demo.db.value(
        "SELECT max(id) FROM meeting WHERE status = 'closed' AND guest_id IS NOT NULL"
        " AND id NOT IN (SELECT meeting_id FROM proposal)"
    )
    closed_guest = people.get_person(demo.db, meetings.get_meeting(demo.db, closed_without).guest_id)
    past = demo.db.row("SELECT id, guest_id FROM proposal ORDER BY id LIMIT 1")
    past_guest = people.get_person(demo.db, past[1])
    with nothing_written(demo):
        with pytest.raises(NotAllowed, match="is closed"):
            service.submit_proposal(demo, closed_guest, closed_without, DRAFT)
        with pytest.raises(NotAllowed, match="is closed"):
            service.edit_proposal(demo, past_guest, past[0], DRAFT)


def test_the_guest_can_edit_until_the_agenda_closes(
    demo: Workspace, meeting: Meeting, guest: Person, nothing_written
) -> None:
    proposal_id = service.submit_proposal(demo, guest, meeting.id, DRAFT)
    edited = replace(DRAFT, change="Let customers move their contract in the app", journey_stage=None)
    changes = service.edit_proposal(demo, guest, proposal_id, edited)
    assert set(changes) == {"change", "journey_stage"}
    saved = proposal_store.get_proposal(demo.db, proposal_id)
    assert (saved.change, saved.journey_stage, saved.why) == (edited.change, None, DRAFT.why)
    assert saved.updated_at >= saved.submitted_at
    assert _audit(demo, proposal_id) == [("create", guest.id), ("update", guest.id)]
    with nothing_written(demo):
        assert service.edit_proposal(demo, guest, proposal_id, edited) == {}, "no change, nothing logged"
    _close_agenda(demo, meeting)
    with nothing_written(demo), pytest.raises(NotAllowed, match="can no longer be added or changed"):
        service.edit_proposal(demo, guest, proposal_id, replace(edited, change="Too late"))


def test_nobody_but_the_guest_edits_the_proposal(
    demo: Workspace, meeting: Meeting, guest: Person, outsider: Person, nothing_written
) -> None:
    proposal_id = service.submit_proposal(demo, guest, meeting.id, DRAFT)
    with nothing_written(demo), pytest.raises(NotAllowed, match="Only the guest who proposed"):
        service.edit_proposal(demo, outsider, proposal_id, replace(DRAFT, change="Mine now"))


def test_a_guest_who_was_replaced_can_no_longer_edit(
    demo: Workspace, meeting: Meeting, outsider: Person, nothing_written
) -> None:
    # Proposed while they were the guest; the secretary has invited someone else since.
    proposal_id = demo.db.write(
        lambda tx: proposal_store.add_proposal(
            tx, replace(DRAFT, meeting_id=meeting.id, guest_id=outsider.id)
        )
    )
    with nothing_written(demo), pytest.raises(NotAllowed, match="no longer the guest"):
        service.edit_proposal(demo, outsider, proposal_id, replace(DRAFT, change="Still mine"))


def test_a_proposal_on_the_agenda_can_still_be_edited(
    demo: Workspace, meeting: Meeting, guest: Person
) -> None:
    proposal_id = service.submit_proposal(demo, guest, meeting.id, DRAFT)
    demo.db.write(
        lambda tx: meetings.add_agenda_item(
            tx, AgendaItem(meeting.id, 1, "proposal", "Guest", proposal_id=proposal_id)
        )
    )
    assert service.edit_proposal(demo, guest, proposal_id, replace(DRAFT, why="Movers give up.")) == {
        "why": [DRAFT.why, "Movers give up."]
    }


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        ({"change": "   "}, "The change you propose is empty"),
        ({"change": "x" * 601}, "The change you propose is 601 characters long"),
        ({"why": ""}, "Why it matters is empty"),
        ({"customer_notices": "y" * 10_001}, "What the customer would notice is 10,001 characters long"),
        ({"journey_stage": "nowhere"}, "Where in the journey 'nowhere' is not known"),
    ],
)
def test_bad_input_is_refused_with_what_to_fix_and_nothing_is_written(
    demo: Workspace, meeting: Meeting, guest: Person, nothing_written, bad: dict, expected: str
) -> None:
    with nothing_written(demo), pytest.raises(ValidationError, match=expected):
        service.submit_proposal(demo, guest, meeting.id, replace(DRAFT, **bad))
    proposal_id = service.submit_proposal(demo, guest, meeting.id, DRAFT)
    with nothing_written(demo), pytest.raises(ValidationError, match=expected):
        service.edit_proposal(demo, guest, proposal_id, replace(DRAFT, **bad))


def test_the_guest_view_shows_the_invitation_the_chair_and_earlier_proposals(
    demo: Workspace, meeting: Meeting, guest: Person
) -> None:
    service.submit_proposal(demo, guest, meeting.id, DRAFT)
    view = service.guest_view(demo, guest.id)
    assert [i.meeting.id for i in view.invitations] == [meeting.id]
    assert view.invitations[0].proposal.change == DRAFT.change.strip()
    assert view.invitations[0].chair == people.get_person(demo.db, meeting.chair_id).name
    assert view.earlier == [], "the proposal for the coming meeting is shown with its invitation"
    assert view.secretary is not None and view.secretary.has_role("secretary")

    past_guest = demo.db.value("SELECT min(guest_id) FROM proposal WHERE meeting_id <> ?", [meeting.id])
    earlier = service.guest_view(demo, past_guest).earlier
    assert earlier and all(e.proposal.guest_id == past_guest for e in earlier)
    assert all(e.meeting.id == e.proposal.meeting_id for e in earlier)


def test_someone_not_invited_sees_no_invitation_but_whom_to_ask(demo: Workspace) -> None:
    member = next(p for p in people.list_people(demo.db) if p.has_role("member"))
    view = service.guest_view(demo, member.id)
    assert view.invitations == []
    assert view.secretary is not None


def test_a_meeting_that_started_is_no_longer_an_invitation(
    demo: Workspace, meeting: Meeting, guest: Person
) -> None:
    started = datetime(2000, 1, 1, tzinfo=UTC)
    demo.db.write(
        lambda tx: tx.execute("UPDATE meeting SET starts_at = ? WHERE id = ?", [started, meeting.id])
    )
    assert meeting.id not in [i.meeting.id for i in service.invitations(demo, guest.id)]
