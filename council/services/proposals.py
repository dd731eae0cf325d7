"""What a guest sees: the meetings they are invited to and the change they proposed."""

from __future__ import annotations

from dataclasses import dataclass

from council.domain.meetings import Meeting, Proposal
from council.services.workspace import Workspace
from council.store import meetings, proposals


@dataclass(frozen=True)
class Invitation:
    meeting: Meeting
    proposal: Proposal | None


def invitations(ws: Workspace, person_id: int) -> list[Invitation]:
    """Meetings to come where this person is the guest, each with their proposal if they made one."""
    return [
        Invitation(m, proposals.proposal_of(ws.db, m.id, person_id))
        for m in meetings.meetings_as_guest(ws.db, person_id, ws.now())
    ]


def past_proposals(ws: Workspace, person_id: int) -> list[Proposal]:
    return proposals.proposals_by(ws.db, person_id)
