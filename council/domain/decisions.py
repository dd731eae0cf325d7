"""Decisions as append-only versions, their status events and action items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from council.domain.checks import MAX_TITLE, check_choice, clean_text
from council.domain.errors import ValidationError


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
    version: int | None = None  # the decision's version when this happened; the store fills it in
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
    version: int | None = None  # the decision's version it was agreed under; the store fills it in
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


@dataclass(frozen=True)
class DecisionDraft:
    """A decision as the chair records it during a meeting, before it becomes version 1."""

    title: str
    text: str
    rationale: str = ""
    owner_department: str | None = None
    owner_id: int | None = None
    due_on: date | None = None

    def checked(self, departments: tuple[str, ...], meeting_day: date) -> DecisionDraft:
        """Every decision says what, who owns it and by when; it cannot fall due before the meeting."""
        title = clean_text(self.title, "The decision's title", limit=MAX_TITLE, field="decision_title")
        text = clean_text(self.text, "What was decided", field="decision_text")
        rationale = clean_text(self.rationale, "Why", required=False, field="decision_rationale")
        check_choice(self.owner_department, departments, "The owning department", field="decision_department")
        if self.owner_id is None:
            raise ValidationError(
                "Nobody owns this decision yet. Choose the person who will see it through.", "decision_owner"
            )
        _check_due(self.due_on, meeting_day, "decision_due_on", "the decision")
        return DecisionDraft(title, text, rationale, self.owner_department, self.owner_id, self.due_on)


@dataclass(frozen=True)
class ActionDraft:
    """One thing someone will do to carry out a decision."""

    what: str
    owner_id: int | None = None
    due_on: date | None = None

    def checked(self, meeting_day: date) -> ActionDraft:
        what = clean_text(self.what, "What needs doing", limit=MAX_TITLE * 2, field="action_what")
        if self.owner_id is None:
            raise ValidationError("Nobody owns this action yet. Choose who will do it.", "action_owner")
        _check_due(self.due_on, meeting_day, "action_due_on", "the action")
        return ActionDraft(what, self.owner_id, self.due_on)


def _check_due(due_on: date | None, meeting_day: date, field: str, what: str) -> None:
    if due_on is None:
        raise ValidationError(f"There is no due date for {what}. Choose when it should be done.", field)
    if due_on < meeting_day:
        raise ValidationError(
            f"The due date {due_on:%-d %B %Y} lies before the meeting ({meeting_day:%-d %B %Y}). "
            "Choose a date on or after the meeting.",
            field,
        )
