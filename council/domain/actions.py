"""Following actions up between meetings: a new status, a moved due date or a new owner, each with a note.

An action's history is append-only: every change is an `ActionEvent` that records what the action
looks like after it; the action itself holds the latest state and a revision number, so a save made
on a page that is out of date is refused instead of overwriting someone else's change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from council.domain.checks import check_choice, clean_text
from council.domain.decisions import ActionItem
from council.domain.errors import ValidationError
from council.domain.vocabulary import ActionStatus
from council.i18n import N_, _
from council.i18n import formats as fmt

MAX_NOTE = 1_000
# How far along a status is; moving to a lower step, or out of done or dropped, goes back.
_STEP = {"open": 0, "in_progress": 1, "done": 2, "dropped": 2}
# What an ActionEvent's `change` says changed, in words (translate them where they are shown).
CHANGE_KINDS = {"status": N_("status"), "due_on": N_("due date"), "owner": N_("owner")}


def change_label(change: str) -> str:
    """The kind of an action's change in words: "status", "due date" or "owner"."""
    return _(CHANGE_KINDS[change]) if change in CHANGE_KINDS else change


@dataclass(frozen=True)
class ActionEvent:
    """One change to an action: which part changed, and the action's state after it."""

    action_id: int
    change: str  # "status", "due_on" or "owner"
    status: str
    happened_at: datetime
    due_on: date | None = None
    owner_id: int | None = None
    note: str = ""
    by_id: int | None = None
    id: int | None = None

    @property
    def label(self) -> str:
        """What changed, in words."""
        return change_label(self.change)


@dataclass(frozen=True)
class ActionUpdate:
    """What someone records about an action: a new status and/or due date, and a note.

    `based_on` is the revision the person saw; None skips that check (a command, say).
    """

    status: str | None = None
    due_on: date | None = None
    note: str = ""
    based_on: int | None = None

    def leaves_as_is(self, action: ActionItem) -> bool:
        return (self.status or action.status) == action.status and self.due_on in (None, action.due_on)

    def changes(self, action: ActionItem, today: date) -> tuple[str, list[tuple[str, ActionItem]]]:
        """The trimmed note, and the changes this update makes to `action`, each as (what changed, the
        action after it): the due date first, then the status.

        Refuses, naming the field: nothing to record; dropping, going back or moving the due date
        without a note; a new due date in the past; a note over its limit.
        """
        note = clean_text(self.note, _("The note"), required=False, limit=MAX_NOTE, field="action_note")
        status = self.status or action.status
        check_choice(status, _STEP, _("The new status"), field="action_status")
        moved_to = self.due_on if self.due_on != action.due_on else None  # None: the due date stays
        moves = moved_to is not None
        if status == action.status and not moves:
            raise ValidationError(
                # Translators: {status} is the action's status in lower case, e.g. "in progress".
                _(
                    "This action is already {status} and its due date stays. "
                    "Choose a new status or a new due date."
                ).format(status=ActionStatus(status).label.lower()),
                "action_status",
            )
        if moved_to is not None and moved_to < today:
            raise ValidationError(
                _("The new due date {due} lies in the past. Choose today or a later day.").format(
                    due=fmt.long_day(moved_to)
                ),
                "action_due_on",
            )
        if moves and not note:
            raise ValidationError(
                _("Moving the due date needs a reason. Write in the note why it takes longer."), "action_note"
            )
        if status != action.status and not note:
            was, now = ActionStatus(action.status).label.lower(), ActionStatus(status).label.lower()
            if status == "dropped":
                raise ValidationError(
                    _("Dropping an action needs a reason. Write in the note why it will not be done."),
                    "action_note",
                )
            if goes_back(action.status, status):
                raise ValidationError(
                    # Translators: {was} and {now} are action statuses in lower case, e.g. "done", "open".
                    _(
                        "Moving this action from {was} back to {now} needs a reason. Write in the note why."
                    ).format(was=was, now=now),
                    "action_note",
                )

        found: list[tuple[str, ActionItem]] = []
        after = action
        if moves:
            after = replace(after, due_on=self.due_on)
            found.append(("due_on", after))
        if status != action.status:
            after = replace(after, status=status)
            found.append(("status", after))
        return note, found


def goes_back(current: str, new: str) -> bool:
    """Reopening a done or dropped action, or stepping back from in progress to open."""
    return new != current and (current in ("done", "dropped") or _STEP[new] < _STEP[current])


@dataclass(frozen=True)
class ActionFilter:
    """Which actions the register shows. Empty fields do not narrow."""

    states: tuple[str, ...] = ()  # ActionStatus values; empty: all
    owner_id: int | None = None
    department: str | None = None
    meeting_id: int | None = None
    decision_id: int | None = None
    overdue: bool = False  # only those past their due date and still to do
    due_within_days: int | None = None  # only those still to do, due within this many days (or overdue)

    @property
    def narrows(self) -> bool:
        return self != ActionFilter()
