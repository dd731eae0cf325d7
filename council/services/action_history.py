"""An action's history in words, oldest first: when it was agreed, then every change to its status, due date
or owner, with who made it and their note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from council.domain.decisions import ActionItem
from council.domain.errors import NotFound
from council.domain.records import saved_id
from council.domain.vocabulary import ActionStatus
from council.i18n import _
from council.i18n import formats as fmt
from council.services.workspace import Workspace
from council.store import actions, people


@dataclass(frozen=True)
class ActionHistoryLine:
    at: datetime
    by: str | None
    what: str  # in words
    note: str
    action_id: int = 0
    change: str = "agreed"  # "agreed", or the ActionEvent's change: "status", "due_on" or "owner"


def action_history(ws: Workspace, action_id: int) -> list[ActionHistoryLine]:
    """What happened to one action, oldest first: agreed, then every change, in words."""
    if actions.get_action(ws.db, action_id) is None:
        raise NotFound(_("There is no action #{id}.").format(id=action_id))
    return history_of_actions(ws, [action_id])


def _agreed(ws: Workspace, action: ActionItem) -> ActionHistoryLine:
    """The first line of an action's history: when it was agreed, which the store says of every action."""
    if action.created_at is None:
        raise ValueError(f"Action #{action.id} has not been saved, so it was never agreed.")
    return ActionHistoryLine(action.created_at.astimezone(ws.zone), None, _("Agreed"), "", saved_id(action))


def history_of_actions(ws: Workspace, action_ids: list[int]) -> list[ActionHistoryLine]:
    """Every change to these actions, oldest first, in words (their agreement first, per action)."""
    names = {p.id: p.name for p in people.list_people(ws.db, active_only=False)}
    lines = [_agreed(ws, a) for a in actions.actions_among(ws.db, action_ids)]
    for e in actions.action_events(ws.db, action_ids):
        if e.change == "status":
            # Translators: {status} is the action's new status in lower case, e.g. "done".
            what = _("Marked {status}").format(status=ActionStatus(e.status).label.lower())
        elif e.change == "due_on":
            what = (_("Due date moved to {day}").format(day=fmt.long_day(e.due_on)) if e.due_on
                    else _("Due date removed"))  # fmt: skip
        elif e.owner_id in names:
            what = _("Handed over to {name}").format(name=names[e.owner_id])
        else:
            what = _("Handed over to someone no longer on the roster")
        lines.append(
            ActionHistoryLine(
                e.happened_at.astimezone(ws.zone), names.get(e.by_id), what, e.note, e.action_id, e.change
            )
        )
    return lines
