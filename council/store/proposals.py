"""Guest proposals: the one change a guest would make, at most one per guest per meeting."""

from __future__ import annotations

from datetime import datetime

from council.domain.meetings import Proposal
from council.store.database import Query, Transaction

# What the guest may still change while the agenda is open.
EDITABLE = ("change", "why", "journey_stage", "customer_notices")


def add_proposal(tx: Transaction, proposal: Proposal) -> int:
    return tx.insert_record("proposal", proposal)


def update_proposal(tx: Transaction, proposal: Proposal, now: datetime) -> None:
    """Write the guest's own words of `proposal` (which has its id); its meeting, guest and status stay."""
    assignments = ", ".join(f"{column} = ?" for column in EDITABLE)
    tx.execute(
        f"UPDATE proposal SET {assignments}, updated_at = ? WHERE id = ?",
        [*(getattr(proposal, c) for c in EDITABLE), now, proposal.id],
    )


def get_proposal(q: Query, proposal_id: int) -> Proposal | None:
    return q.record(Proposal, "SELECT * FROM proposal WHERE id = ?", [proposal_id])


def proposal_of(q: Query, meeting_id: int, guest_id: int) -> Proposal | None:
    return q.record(
        Proposal, "SELECT * FROM proposal WHERE meeting_id = ? AND guest_id = ?", [meeting_id, guest_id]
    )


def proposals_by(q: Query, guest_id: int) -> list[Proposal]:
    return q.records(
        Proposal, "SELECT * FROM proposal WHERE guest_id = ? ORDER BY submitted_at DESC", [guest_id]
    )


def list_proposals(q: Query) -> list[Proposal]:
    return q.records(Proposal, "SELECT * FROM proposal ORDER BY submitted_at DESC, id DESC")
