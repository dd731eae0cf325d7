"""Council meetings, their agenda items, and the one change a guest proposes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from council.domain.checks import MAX_TITLE, check_choice, clean_text
from council.domain.vocabulary import MeetingStatus, ProposalStatus
from council.domain.workspace import WorkspaceConfig


@dataclass(frozen=True)
class Meeting:
    title: str
    starts_at: datetime
    duration_minutes: int = 90
    location: str = ""
    status: str = MeetingStatus.PLANNED
    chair_id: int | None = None
    guest_id: int | None = None
    minutes: str = ""
    closed_at: datetime | None = None
    agenda_closed_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class AgendaItem:
    """One point on a meeting's agenda; `kind` says which of the reference ids is set."""

    meeting_id: int
    position: int
    kind: str  # an AgendaKind value
    title: str
    friction_point_id: int | None = None
    missing_connection_id: int | None = None
    blocker_id: int | None = None
    proposal_id: int | None = None
    decision_id: int | None = None
    presenter_id: int | None = None
    time_box_minutes: int | None = None
    notes: str = ""
    outcome: str | None = None  # an Outcome value once discussed
    id: int | None = None


@dataclass(frozen=True)
class Proposal:
    """The one change a guest would make in the customer journey."""

    meeting_id: int
    guest_id: int
    change: str
    why: str
    journey_stage: str | None = None
    customer_notices: str = ""
    status: str = ProposalStatus.SUBMITTED
    submitted_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None

    def checked(self, config: WorkspaceConfig) -> Proposal:
        check_choice(self.journey_stage, config.ids("journey_stage"), "Where in the journey", required=False)
        return replace(
            self,
            change=clean_text(self.change, "The change you propose", limit=MAX_TITLE * 3),
            why=clean_text(self.why, "Why it matters"),
            customer_notices=clean_text(
                self.customer_notices, "What the customer would notice", required=False
            ),
        )
