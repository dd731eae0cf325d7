"""What a guest does: see the meetings they are invited to, propose their one change, edit it.

A guest proposes at most one change per meeting (the database holds them to it too), and only
while the chair has not closed the meeting's agenda.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from council.domain.audit import changed_fields
from council.domain.errors import Conflict, NotAllowed, NotFound
from council.domain.meetings import Meeting, Proposal
from council.domain.people import Person
from council.domain.records import saved_id
from council.domain.vocabulary import ProposalStatus
from council.i18n import N_, _
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.meeting_lookup import get as get_meeting
from council.services.workspace import Workspace
from council.store import meetings, people, proposals
from council.store.database import Query, Transaction

ENTITY = "proposal"


class AlreadyProposed(Conflict):
    """The guest has proposed a change for this meeting already; `proposal` is that first one."""

    heading = N_("You already proposed a change for this meeting")

    def __init__(self, proposal: Proposal, meeting: Meeting) -> None:
        super().__init__(
            _(
                "You proposed “{change}” for “{meeting}”. Each guest proposes one change per meeting, so "
                "nothing new was saved. You can edit your proposal until the agenda is closed."
            ).format(change=proposal.change, meeting=meeting.title)
        )
        self.proposal = proposal


@dataclass(frozen=True)
class Invitation:
    """A coming meeting this person is the guest of, with their proposal if they made one."""

    meeting: Meeting
    proposal: Proposal | None
    chair: str | None = None  # the chair's name


@dataclass(frozen=True)
class PastProposal:
    proposal: Proposal
    meeting: Meeting


@dataclass(frozen=True)
class GuestView:
    """Everything the guest's page shows, read in one call."""

    invitations: list[Invitation]
    earlier: list[PastProposal]
    secretary: Person | None  # whom to ask for an invitation


def invitations(ws: Workspace, person_id: int) -> list[Invitation]:
    """Meetings to come where this person is the guest, each with their proposal if they made one."""
    return [
        Invitation(m, proposals.proposal_of(ws.db, saved_id(m), person_id), _name(ws.db, m.chair_id))
        for m in meetings.meetings_as_guest(ws.db, person_id, ws.now())
    ]


def past_proposals(ws: Workspace, person_id: int) -> list[Proposal]:
    return proposals.proposals_by(ws.db, person_id)


def guest_view(ws: Workspace, person_id: int) -> GuestView:
    """The meetings to come this person is the guest of, their other proposals, and who invites guests."""
    invited = invitations(ws, person_id)
    coming = {i.meeting.id for i in invited}
    earlier = [
        PastProposal(p, get_meeting(ws.db, p.meeting_id))
        for p in past_proposals(ws, person_id)
        if p.meeting_id not in coming
    ]
    secretary = next((p for p in people.list_people(ws.db) if p.has_role("secretary")), None)
    return GuestView(invited, earlier, secretary)


@as_on_roster
def submit_proposal(ws: Workspace, actor: Person | None, meeting_id: int, draft: Proposal) -> int:
    """Save the guest's one change for this meeting; refused when they proposed one already."""

    def write(tx: Transaction) -> int:
        meeting = get_meeting(tx, meeting_id)
        if actor is None or actor.id is None or actor.id != meeting.guest_id:
            raise NotAllowed(
                _(
                    "Only the guest of “{meeting}” can propose a change for it. Would you like to be a "
                    "guest? Ask the council's secretary to invite you to a coming meeting."
                ).format(meeting=meeting.title)
            )
        _agenda_open(tx, meeting)
        first = proposals.proposal_of(tx, meeting_id, actor.id)
        if first is not None:
            raise AlreadyProposed(first, meeting)
        proposal = replace(
            draft, meeting_id=meeting_id, guest_id=actor.id, status=ProposalStatus.SUBMITTED, id=None
        ).checked(ws.config)
        proposal_id = proposals.add_proposal(tx, proposal)
        record(
            tx, actor, "create", ENTITY, proposal_id, {"meeting_id": meeting_id, "change": proposal.change}
        )
        return proposal_id

    try:
        return ws.db.write(write)
    except AlreadyProposed:
        raise
    except Conflict as e:
        # Two saves at once (say, from two browser tabs): the database kept the first.
        first = proposals.proposal_of(ws.db, meeting_id, actor.id) if actor and actor.id is not None else None
        if first is None:
            raise
        raise AlreadyProposed(first, get_meeting(ws.db, meeting_id)) from e


@as_on_roster
def edit_proposal(
    ws: Workspace, actor: Person | None, proposal_id: int, draft: Proposal
) -> dict[str, list[Any]]:
    """Save the guest's changed words; returns what changed (nothing changed: nothing written)."""

    def write(tx: Transaction) -> dict[str, list[Any]]:
        before = proposals.get_proposal(tx, proposal_id)
        if before is None:
            raise NotFound(_("Proposal #{id} does not exist (any more).").format(id=proposal_id))
        if actor is None or actor.id != before.guest_id:
            raise NotAllowed(_("Only the guest who proposed this change can edit it."))
        meeting = get_meeting(tx, before.meeting_id)
        if meeting.guest_id != before.guest_id:
            raise NotAllowed(
                _(
                    "You are no longer the guest of “{meeting}”, so your proposal can no longer change. "
                    "Ask the council's secretary if this is a mistake."
                ).format(meeting=meeting.title)
            )
        _agenda_open(tx, meeting)
        after = replace(draft, id=proposal_id, meeting_id=before.meeting_id, guest_id=before.guest_id,
                        status=before.status).checked(ws.config)  # fmt: skip
        changes = changed_fields(before, after, proposals.EDITABLE)
        if changes:
            proposals.update_proposal(tx, after, ws.now())
            record(tx, actor, "update", ENTITY, proposal_id, {"changes": changes})
        return changes

    return ws.db.write(write)


def _agenda_open(q: Query, meeting: Meeting) -> None:
    if meeting.agenda_is_open:
        return
    chair = _name(q, meeting.chair_id)
    if chair:
        message = _(
            "The agenda of “{meeting}” is closed, so proposals can no longer be added or changed. "
            "You can still talk your idea over with the chair, {chair}."
        )
    else:
        message = _(
            "The agenda of “{meeting}” is closed, so proposals can no longer be added or changed. "
            "You can still talk your idea over with the chair."
        )
    raise NotAllowed(message.format(meeting=meeting.title, chair=chair))


def _name(q: Query, person_id: int | None) -> str | None:
    person = people.get_person(q, person_id) if person_id is not None else None
    return person.name if person else None
