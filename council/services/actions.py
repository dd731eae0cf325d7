"""Actions between meetings: the council-wide register, ticking actions off (one or several at once),
moving a due date with a reason, and handing a leaver's actions over. Each action's history is in
`action_history`.

Every change is one transaction, checked against the person's role, appended to the action's history
and to the audit trail. A change made on a page that is out of date is refused, saying what changed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from math import ceil

from council.domain.actions import ActionEvent, ActionFilter, ActionUpdate, change_label
from council.domain.checks import clean_text
from council.domain.decisions import ActionItem
from council.domain.errors import NotAllowed, NotFound, StaleVersion, ValidationError
from council.domain.people import Person
from council.domain.permissions import Task, may_update_action, require
from council.domain.records import saved_id
from council.domain.spreadsheet import spreadsheet_safe
from council.domain.vocabulary import ActionStatus, DecisionStatus
from council.i18n import N_, _, ngettext
from council.i18n import formats as fmt
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.meetings import on_roster
from council.services.workspace import Workspace
from council.store import actions, decisions, people
from council.store.actions import ActionRow
from council.store.database import Transaction

PER_PAGE = 50
MAX_AT_ONCE = 500  # actions changed in one go; more is almost certainly a mistaken selection


@dataclass(frozen=True)
class ActionRegister:
    """One page of the matching actions and how many there are by status (the state filter aside)."""

    rows: list[ActionRow]
    counts: dict[str, int]
    page: int
    pages: int


def action_register(ws: Workspace, flt: ActionFilter, page: int = 1) -> ActionRegister:
    counts = actions.count_actions(ws.db, flt, ws.today())
    pages = max(1, ceil(counts["matching"] / PER_PAGE))
    page = min(max(page, 1), pages)
    rows = actions.find_actions(ws.db, flt, ws.today(), PER_PAGE, (page - 1) * PER_PAGE)
    return ActionRegister(rows, counts, page, pages)


@dataclass(frozen=True)
class RegisterChoices:
    owners: dict[int, str]  # those who left the roster are marked
    meetings: dict[int, str]


def register_choices(ws: Workspace) -> RegisterChoices:
    owners = {i: _left(name) if left else name for i, name, left in actions.action_owners(ws.db)}
    return RegisterChoices(owners, dict(actions.action_meetings(ws.db)))


def _left(name: str) -> str:
    # Translators: a person who has left the roster, in a list of owners.
    return _("{name} (left)").format(name=name)


def may_update(actor: Person | None, row: ActionRow) -> bool:
    """Whether `actor` may update this action (pages show the controls only then; the writes check anyway)."""
    return may_update_action(actor, row.owner_id, row.decision_owner_id)


def actions_of(ws: Workspace, decision_id: int) -> list[ActionRow]:
    return actions.action_rows_of(ws.db, [decision_id], ws.today())


def mine(person_id: int) -> ActionFilter:
    """The person's actions still to do."""
    return ActionFilter(states=(ActionStatus.OPEN, ActionStatus.IN_PROGRESS), owner_id=person_id)


def my_actions(ws: Workspace, person_id: int, limit: int | None = None) -> list[ActionRow]:
    """The person's actions still to do: overdue first, then by due date (the first `limit` of them)."""
    return actions.find_actions(ws.db, mine(person_id), ws.today(), limit)


# Column -> heading of the register's download (translated when the file is made), in the order of the file.
CSV_COLUMNS = {
    "id": N_("Action"), "what": N_("What"), "status": N_("Status"), "overdue": N_("Overdue"), "due_on": N_("Due"),
    "owner": N_("Owner"), "department": N_("Department"), "decision_id": N_("Decision"),
    "decision": N_("Decision title"), "decision_status": N_("Decision status"), "meeting": N_("Decided in"),
}  # fmt: skip


def register_csv(ws: Workspace, flt: ActionFilter) -> bytes:
    """Every matching action (not only the page on screen); text a spreadsheet would run starts with '.

    In the language of whoever downloads it; its dates stay ISO, which spreadsheets read best."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow(_(heading) for heading in CSV_COLUMNS.values())
    for a in actions.find_actions(ws.db, flt, ws.today()):
        owner = _left(a.owner_name) if a.owner_left and a.owner_name else a.owner_name or ""
        row = {
            "id": a.id, "what": a.what, "status": ActionStatus(a.status).label,
            "overdue": _("yes") if a.overdue else _("no"),
            "due_on": a.due_on.isoformat() if a.due_on else "", "owner": owner,
            "department": ws.config.name_of("department", a.owner_department) if a.owner_department else "",
            "decision_id": a.decision_id, "decision": a.decision_title,
            "decision_status": DecisionStatus(a.decision_status).label, "meeting": a.meeting_title or "",
        }  # fmt: skip
        writer.writerow(spreadsheet_safe(row[c]) for c in CSV_COLUMNS)
    return out.getvalue().encode("utf-8-sig")


@as_on_roster
def update_actions(ws: Workspace, actor: Person | None, seen: dict[int, int], update: ActionUpdate) -> int:
    """Record the same new status and/or due date, with the same note, for every action in `seen`
    (action id -> the revision the person saw). All of them are saved, or none; returns how many changed
    (of several, those already in that state are left as they are)."""
    _check_selection(seen)

    def write(tx: Transaction) -> int:
        saved = 0
        for action_id, revision in seen.items():
            action = _current(tx, ws, action_id, revision)
            decision = decisions.current_version(tx, action.decision_id)
            if not may_update_action(actor, action.owner_id, decision.owner_id if decision else None):
                raise NotAllowed(
                    _(
                        "Only an action's owner, its decision's owner and the council's members and secretary "
                        "update actions; “{what}” is not yours to change."
                    ).format(what=action.what[:80])
                )
            if len(seen) > 1 and update.leaves_as_is(action):
                continue  # one of several already where the others are going
            note, changes = update.changes(action, ws.today())
            _save(tx, ws, actor, action, changes, note)
            saved += 1
        return saved

    return ws.db.write(write)


@as_on_roster
def update_action(
    ws: Workspace, actor: Person | None, action_id: int, revision: int, update: ActionUpdate
) -> int:
    """One action's new status and/or due date, with a note."""
    return update_actions(ws, actor, {action_id: revision}, update)


@as_on_roster
def hand_over(
    ws: Workspace, actor: Person | None, seen: dict[int, int], owner_id: int | None, note: str
) -> int:
    """Give these actions (id -> revision seen) to another person on the roster, say when their owner
    left. The secretary does this; returns how many actions were handed over."""
    require(actor, Task.ROSTER, _("hand actions over to someone else"))
    _check_selection(seen)
    note = clean_text(note, _("The note"), required=False, limit=1_000, field="action_note")

    def write(tx: Transaction) -> int:
        owner = on_roster(tx, owner_id, "action_owner")
        if owner.department is None:
            raise ValidationError(
                _("{name} is from outside the organisation. Hand the actions to a colleague.").format(
                    name=owner.name
                ),
                "action_owner",
            )
        for action_id, revision in seen.items():
            action = _current(tx, ws, action_id, revision)
            if action.owner_id == owner.id:
                continue
            after = replace(action, owner_id=owner.id, owner_department=owner.department)
            _save(tx, ws, actor, action, [("owner", after)],
                  note or _("Handed over to {name}.").format(name=owner.name))  # fmt: skip
        return len(seen)

    return ws.db.write(write)


def _check_selection(seen: dict[int, int]) -> None:
    if not seen:
        raise ValidationError(_("No action is selected. Tick the actions to change first."), "actions")
    if len(seen) > MAX_AT_ONCE:
        raise ValidationError(
            ngettext(
                "{n} action is selected; change at most {most} at once.",
                "{n} actions are selected; change at most {most} at once.",
                len(seen),
            ).format(n=fmt.number(len(seen)), most=fmt.number(MAX_AT_ONCE)),
            "actions",
        )


def _current(tx: Transaction, ws: Workspace, action_id: int, revision: int | None) -> ActionItem:
    """The action as stored, refused when it was saved since the person saw `revision`."""
    action = actions.get_action(tx, action_id)
    if action is None:
        raise NotFound(
            _("There is no action #{id}. It may be a mistyped link: go back to the list.").format(
                id=action_id
            )
        )
    if revision is not None and action.revision != revision:
        raise _stale(tx, ws, action)
    return action


def _stale(tx: Transaction, ws: Workspace, action: ActionItem) -> StaleVersion:
    latest = actions.action_events(tx, [saved_id(action)])[-1:]
    what = action.what[:80]
    if not latest:
        return StaleVersion(
            _(
                "Someone changed the action “{what}” while you were looking. Nothing was saved. The page now "
                "shows the action as it is: check it, then save again if your change still applies."
            ).format(what=what),
            action.revision,
        )
    e = latest[0]
    by = people.get_person(tx, e.by_id) if e.by_id else None
    when = fmt.short_moment(e.happened_at.astimezone(ws.zone))
    # Translators: {change} is what changed ("status", "due date" or "owner"); {when} a day and time.
    changed = (_("{change} changed {when} by {name}").format(change=change_label(e.change), when=when, name=by.name)
               if by else _("{change} changed {when}").format(change=change_label(e.change), when=when))  # fmt: skip
    status = ActionStatus(e.status).label.lower()
    # Translators: where an action now stands; {status} is its status in lower case.
    now = (_("now {status}, due {due}").format(status=status, due=fmt.day(e.due_on))
           if e.due_on else _("now {status}").format(status=status))  # fmt: skip
    return StaleVersion(
        # Translators: {changed} says what changed, when and by whom; {now} where the action now stands.
        _(
            "Someone changed the action “{what}” while you were looking ({changed}: {now}). Nothing was saved. "
            "The page now shows the action as it is: check it, then save again if your change still applies."
        ).format(what=what, changed=changed, now=now),
        action.revision,
    )


def _save(tx: Transaction, ws: Workspace, actor: Person | None, before: ActionItem,
          changes: list[tuple[str, ActionItem]], note: str) -> None:  # fmt: skip
    now = ws.now()
    after = changes[-1][1]
    if not actions.save_action(tx, after, now):
        raise _stale(tx, ws, before)
    for change, state in changes:
        event = ActionEvent(saved_id(before), change, state.status, now, state.due_on, state.owner_id, note,
                            actor.id if actor else None)  # fmt: skip
        actions.add_action_event(tx, event)
    details: dict[str, object] = {"action": before.id, "what": before.what, "note": note}
    details |= {c: [_plain(getattr(before, f)), _plain(getattr(after, f))]
                for c, f in (("status", "status"), ("due_on", "due_on"), ("owner", "owner_id"))
                if getattr(before, f) != getattr(after, f)}  # fmt: skip
    record(tx, actor, "action_update", "decision", before.decision_id, details)


def _plain(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value


def ready_to_close(rows: list[ActionRow]) -> bool:
    """Every action of the decision is done (dropped ones aside, at least one done) while the decision
    itself is still to do: the council can mark the decision done."""
    if not rows or rows[0].decision_status not in (DecisionStatus.DECIDED, DecisionStatus.IN_PROGRESS):
        return False
    states = {r.status for r in rows}
    return "done" in states and states <= {"done", "dropped"}
