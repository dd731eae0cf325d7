"""Decisions as append-only versions, their status events and action items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from council.domain.checks import MAX_TITLE, check_choice, clean_text
from council.domain.errors import ValidationError
from council.domain.vocabulary import DecisionStatus
from council.i18n import N_, _
from council.i18n import formats as fmt


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
    status: str = "open"  # an ActionStatus value
    done_at: datetime | None = None
    version: int | None = None  # the decision's version it was agreed under; the store fills it in
    created_at: datetime | None = None
    revision: int = 1  # how many times it was saved: a save made on an older revision is refused
    updated_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class DecisionSummary:
    """A decision as the history lists it: its current version, latest status and where it came from.

    `decided_at` and `meeting_id` are the first version's; `amended_at` is when the current one was written.
    """

    decision_id: int
    version: int
    title: str
    text: str
    rationale: str
    decided_at: datetime
    amended_at: datetime
    status: str
    status_since: datetime
    overdue: bool
    meeting_id: int | None = None
    meeting_title: str | None = None
    owner_id: int | None = None
    owner_name: str | None = None
    owner_department: str | None = None
    due_on: date | None = None
    change_note: str = ""
    stages: tuple[str, ...] = ()


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
        title = clean_text(self.title, _("The decision's title"), limit=MAX_TITLE, field="decision_title")
        text = clean_text(self.text, _("What was decided"), field="decision_text")
        rationale = clean_text(self.rationale, _("Why"), required=False, field="decision_rationale")
        check_choice(
            self.owner_department, departments, _("The owning department"), field="decision_department"
        )
        if self.owner_id is None:
            raise ValidationError(
                _("Nobody owns this decision yet. Choose the person who will see it through."),
                "decision_owner",
            )
        _check_due(self.due_on, meeting_day, "decision_due_on",
                   _("There is no due date for the decision. Choose when it should be done."))  # fmt: skip
        return DecisionDraft(title, text, rationale, self.owner_department, self.owner_id, self.due_on)


@dataclass(frozen=True)
class ActionDraft:
    """One thing someone will do to carry out a decision."""

    what: str
    owner_id: int | None = None
    due_on: date | None = None

    def checked(self, meeting_day: date) -> ActionDraft:
        what = clean_text(self.what, _("What needs doing"), limit=MAX_TITLE * 2, field="action_what")
        if self.owner_id is None:
            raise ValidationError(_("Nobody owns this action yet. Choose who will do it."), "action_owner")
        _check_due(self.due_on, meeting_day, "action_due_on",
                   _("There is no due date for the action. Choose when it should be done."))  # fmt: skip
        return ActionDraft(what, self.owner_id, self.due_on)


def _check_due(due_on: date | None, meeting_day: date, field: str, missing: str) -> None:
    """`missing` is the whole message for a missing due date."""
    if due_on is None:
        raise ValidationError(missing, field)
    if due_on < meeting_day:
        raise ValidationError(
            _(
                "The due date {due} lies before the meeting ({meeting}). Choose a date on or after the meeting."
            ).format(due=fmt.long_day(due_on), meeting=fmt.long_day(meeting_day)),
            field,
        )


# How far along a status is; moving to a lower step, or out of done or dropped, goes back.
_STEP = {"decided": 0, "in_progress": 1, "done": 2, "dropped": 2}


def goes_back(current: str, new: str) -> bool:
    """Reopening a done or dropped decision, or stepping back from in progress to decided."""
    return new != current and (current in ("done", "dropped") or _STEP[new] < _STEP[current])


@dataclass(frozen=True)
class StatusChange:
    """A follow-up of a decision: its new status and a note on what happened."""

    status: str
    note: str = ""
    based_on: int | None = None  # how many status events the person saw, to catch someone else's change

    def checked(self, current: str) -> StatusChange:
        """Going back, dropping, or a note without a new status each need words that say why."""
        check_choice(self.status, _STEP, _("The new status"), field="status")
        note = clean_text(self.note, _("The note"), required=False, field="status_note")
        label, was = DecisionStatus(self.status).label, DecisionStatus(current).label
        if note:
            return StatusChange(self.status, note, self.based_on)
        if self.status == current:
            raise ValidationError(
                # Translators: {status} is the decision's status in lower case, e.g. "in progress".
                _(
                    "This decision is already {status}. To record progress without a new status, "
                    "write what happened in the note."
                ).format(status=was.lower()),
                "status_note",
            )
        if goes_back(current, self.status):
            raise ValidationError(
                # Translators: {was} and {now} are decision statuses in lower case, e.g. "done", "in progress".
                _(
                    "Moving this decision from {was} back to {now} needs a reason. "
                    "Write in the note why, so the history explains itself."
                ).format(was=was.lower(), now=label.lower()),
                "status_note",
            )
        if self.status == "dropped":
            raise ValidationError(
                _("Dropping a decision needs a reason. Write in the note why it will not be carried out."),
                "status_note",
            )
        return StatusChange(self.status, note, self.based_on)


# What an amendment can change, with the words people use for it (translate them where they are shown).
AMENDABLE = {
    "title": N_("Title"),
    "text": N_("What was decided"),
    "rationale": N_("Why"),
    "owner_department": N_("Owning department"),
    "owner_id": N_("Owner"),
    "due_on": N_("Due date"),
}


@dataclass(frozen=True)
class Amendment:
    """A new version of a decision: the fields as they now read, and a note that says what changed and why."""

    title: str
    text: str
    rationale: str
    owner_department: str | None
    owner_id: int | None
    due_on: date | None
    change_note: str
    meeting_id: int | None = None  # the meeting that agreed the change, if one did
    based_on: int | None = None  # the version the person was changing, to catch someone else's change

    def checked(self, current: DecisionVersion, departments: tuple[str, ...], today: date) -> Amendment:
        draft = DecisionDraft(self.title, self.text, self.rationale, self.owner_department, self.owner_id,
                              self.due_on)  # fmt: skip
        # Said first: a note on what changed makes no sense when nothing did.
        if all(_trimmed(getattr(self, f)) == getattr(current, f) for f in AMENDABLE):
            raise ValidationError(
                _(
                    "Nothing in the decision changed. Change what it says, its owner or its due date, "
                    "or leave it as it is."
                ),
                "decision_text",
            )
        checked = draft.checked(departments, date.min)
        # A due date that already passed may stay as it is; a new one cannot lie in the past. (A checked
        # draft always has one.)
        due_on = checked.due_on
        if due_on is not None and due_on != current.due_on and due_on < today:
            raise ValidationError(
                _("The new due date {due} lies in the past. Choose today or a later day.").format(
                    due=fmt.long_day(due_on)
                ),
                "decision_due_on",
            )
        note = clean_text(self.change_note, _("What changed and why"), field="change_note")

        amended = Amendment(checked.title, checked.text, checked.rationale, checked.owner_department,
                            checked.owner_id, checked.due_on, note, self.meeting_id, self.based_on)  # fmt: skip
        return amended


def _trimmed(value: object) -> object:
    return value.strip() if isinstance(value, str) else value
