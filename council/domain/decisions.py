"""Decisions as append-only versions, their status events and action items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class DecisionVersion:
    """One version of a decision; an amendment is a new version that supersedes the one before."""

    decision_id: int
    version: int
    title: str
    text: str
    rationale: str
    decided_at: datetime
    meeting_id: int | None = None
    agenda_item_id: int | None = None
    owner_department: str | None = None
    owner_id: int | None = None
    due_on: date | None = None
    decided_by: int | None = None
    change_note: str = ""

    @property
    def supersedes(self) -> int | None:
        return self.version - 1 if self.version > 1 else None


@dataclass(frozen=True)
class DecisionLink:
    """What a decision came from or is about; exactly one field is set."""

    decision_id: int
    friction_point_id: int | None = None
    missing_connection_id: int | None = None
    blocker_id: int | None = None
    proposal_id: int | None = None
    journey_stage: str | None = None


@dataclass(frozen=True)
class DecisionEvent:
    decision_id: int
    status: str  # a DecisionStatus value
    happened_at: datetime
    by_id: int | None = None
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class ActionItem:
    decision_id: int
    what: str
    owner_id: int | None = None
    owner_department: str | None = None
    due_on: date | None = None
    status: str = "open"
    done_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class DecisionSummary:
    """The current version of a decision with its latest status, as the history lists it."""

    decision_id: int
    version: int
    title: str
    text: str
    rationale: str
    decided_at: datetime
    meeting_title: str | None
    owner_department: str | None
    owner_name: str | None
    due_on: date | None
    status: str

    def is_overdue(self, today: date) -> bool:
        return self.due_on is not None and self.due_on < today and self.status in ("decided", "in_progress")
