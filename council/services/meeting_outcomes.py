"""What a running meeting records under its agenda points: each point's notes and outcome, the decision
taken on it with what it is about, and that decision's actions; and, for a point that follows a decision up,
a line on what it says and where it stands."""

from __future__ import annotations

from dataclasses import dataclass

from council.domain.decisions import (
    ActionDraft,
    ActionItem,
    DecisionDraft,
    DecisionEvent,
    DecisionLink,
    DecisionVersion,
)
from council.domain.errors import NotFound, StaleVersion, ValidationError
from council.domain.meetings import AgendaItem, Meeting
from council.domain.minutes import MAX_NOTES
from council.domain.people import Person
from council.domain.permissions import require_decider
from council.domain.vocabulary import DecisionStatus, Outcome
from council.i18n import _, use_language
from council.i18n import formats as fmt
from council.services.acting import as_on_roster
from council.services.agenda import agenda_item, subject_id
from council.services.history import record
from council.services.meeting_lookup import ENTITY
from council.services.meeting_mode import follow_outcome, running
from council.services.meetings import on_roster
from council.services.workspace import Workspace
from council.store import agenda, audit, decisions, meetings, people
from council.store.database import Query, Transaction


@dataclass(frozen=True)
class DecisionTaken:
    version: DecisionVersion
    actions: list[ActionItem]


def decisions_under(ws: Workspace, item_id: int) -> list[DecisionTaken]:
    """The decisions recorded under one agenda point, each with its action items."""
    taken = []
    for decision_id in agenda.decisions_of_item(ws.db, item_id):
        version = decisions.current_version(ws.db, decision_id)
        if version is not None:
            taken.append(DecisionTaken(version, decisions.action_items(ws.db, decision_id)))
    return taken


@as_on_roster
def record_outcome(
    ws: Workspace,
    actor: Person | None,
    item_id: int,
    notes: str,
    outcome: str | None,
    decision: DecisionDraft | None = None,
    seen: tuple[str, str | None] | None = None,
) -> int | None:
    """Save an agenda point's notes and outcome; 'decided' needs a decision, which is recorded with it.

    `seen`: the notes and outcome the form started from. When someone saved the point since, nothing is
    saved and the refusal says what it holds now. Returns the new decision's id, if one was recorded.
    """
    if outcome is not None and outcome not in set(Outcome):
        raise ValidationError(
            _("{outcome} is not an outcome. Choose one of the options.").format(outcome=repr(outcome)),
            "outcome",
        )
    notes = (notes or "").strip()
    if len(notes) > MAX_NOTES:
        raise ValidationError(
            _("The notes are {length} characters long; please keep them under {limit}.").format(
                length=fmt.number(len(notes)), limit=fmt.number(MAX_NOTES)
            ),
            "notes",
        )

    def write(tx: Transaction) -> int | None:
        item = agenda_item(tx, item_id)
        meeting = running(tx, item.meeting_id)
        require_decider(actor, meeting, set(meetings.attendees(tx, item.meeting_id)))
        if seen is not None and (item.notes, item.outcome) != seen:
            raise _saved_meanwhile(tx, ws, item)
        day = meeting.starts_at.astimezone(ws.zone).date()
        already = agenda.decisions_of_item(tx, item_id)
        if already and outcome != Outcome.DECIDED:
            raise ValidationError(
                _(
                    "A decision has been recorded for this point, so its outcome stays “decided”. "
                    "You can still change the notes."
                ),
                "outcome",
            )
        checked = None
        if outcome == Outcome.DECIDED and not already:
            if decision is None:
                raise ValidationError(
                    _("“Decided” needs the decision itself: fill in what was decided."), "decision_title"
                )
            checked = decision.checked(ws.config.ids("department"), day)
            on_roster(tx, checked.owner_id, "decision_owner")
        agenda.set_outcome(tx, item_id, notes, outcome)
        record(tx, actor, "outcome", ENTITY, item.meeting_id, {"item": item_id, "outcome": outcome})
        follow_outcome(tx, ws, actor, item, outcome)
        return _decide(tx, ws, actor, meeting, item, checked) if checked else None

    return ws.db.write(write)


@as_on_roster
def add_action(ws: Workspace, actor: Person | None, decision_id: int, draft: ActionDraft) -> int:
    def write(tx: Transaction) -> int:
        version = decisions.current_version(tx, decision_id)
        if version is None or version.meeting_id is None:
            raise NotFound(
                _("Decision #{id} was not taken in a meeting, so actions cannot be added here.").format(
                    id=decision_id
                )
            )
        meeting = running(tx, version.meeting_id)
        require_decider(actor, meeting, set(meetings.attendees(tx, version.meeting_id)))
        checked = draft.checked(meeting.starts_at.astimezone(ws.zone).date())
        owner = on_roster(tx, checked.owner_id, "action_owner")
        action_id = decisions.add_action_item(
            tx, ActionItem(decision_id, checked.what, owner.id, owner.department, checked.due_on)
        )
        record(tx, actor, "action", "decision", decision_id, {"action": action_id, "what": checked.what})
        return action_id

    return ws.db.write(write)


def _saved_meanwhile(tx: Transaction, ws: Workspace, item: AgendaItem) -> StaleVersion:
    """The refusal of a save over someone else's: who saved the point, when, and what it holds now."""
    last = next((e for e in audit.entries_about(tx, ENTITY, str(item.meeting_id), limit=500)
                 if e.action == "outcome" and e.details.get("item") == item.id), None)  # fmt: skip
    who = people.get_person(tx, last.person_id) if last and last.person_id else None
    outcome = Outcome(item.outcome).label if item.outcome else _("no outcome yet")
    notes = item.notes[:200] + ("…" if len(item.notes) > 200 else "") if item.notes.strip() else _("no notes")
    # Translators: {name} saved the point at {time}; {outcome} and {notes} are what it holds now.
    text = _("{name} saved this point at {time} while you were editing it. It now reads: {outcome}; “{notes}”. "
             "Nothing of yours was saved, and your text is still in the form: compare, then save again.")  # fmt: skip
    name = who.name if who else _("Someone")
    when = fmt.clock(last.logged_at.astimezone(ws.zone)) if last and last.logged_at else "—"
    return StaleVersion(text.format(name=name, time=when, outcome=outcome, notes=notes), 0)


def _decide(
    tx: Transaction,
    ws: Workspace,
    actor: Person | None,
    meeting: Meeting,
    item: AgendaItem,
    draft: DecisionDraft,
) -> int:
    now = ws.now()
    with use_language(ws.config.language):  # the decision record keeps the workspace's language
        note = _("Decided in {meeting}.").format(meeting=meeting.title)
    decision_id = decisions.record_decision(
        tx,
        DecisionVersion(
            decision_id=0,
            version=1,
            title=draft.title,
            text=draft.text,
            rationale=draft.rationale,
            decided_at=now,
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            owner_department=draft.owner_department,
            owner_id=draft.owner_id,
            due_on=draft.due_on,
            decided_by=meeting.chair_id or (actor.id if actor else None),
        ),
    )
    for link in _links(tx, decision_id, item):
        decisions.add_decision_link(tx, link)
    decisions.add_decision_event(
        tx,
        DecisionEvent(
            decision_id,
            DecisionStatus.DECIDED,
            now,
            actor.id if actor else None,
            note,
        ),
    )
    record(tx, actor, "create", "decision", decision_id, {"title": draft.title, "meeting": meeting.id})
    return decision_id


def _links(q: Query, decision_id: int, item: AgendaItem) -> list[DecisionLink]:
    """What the decision is about: the agenda point's subject and its journey stage."""
    subject = subject_id(item)
    if item.kind in ("other", "follow_up") or subject is None:
        return []
    # The point names its subject in the one field of its kind; the link names it in the same.
    links = [DecisionLink(decision_id, friction_point_id=item.friction_point_id,
                          missing_connection_id=item.missing_connection_id, blocker_id=item.blocker_id,
                          proposal_id=item.proposal_id)]  # fmt: skip
    stage = agenda.stage_of(q, item.kind, subject)
    if stage:
        links.append(DecisionLink(decision_id, journey_stage=stage))
    return links


def follow_up_brief(ws: Workspace, decision_id: int) -> str | None:
    """One line that reminds the meeting what a followed-up decision says and where it stands."""
    d = decisions.summary_of(ws.db, decision_id, ws.today())
    if d is None:
        return None
    department = ws.config.name_of("department", d.owner_department) if d.owner_department else None
    who = ", ".join(part for part in (d.owner_name, department) if part) or _("no owner")
    due = _("due {day}").format(day=fmt.long_day(d.due_on)) if d.due_on else _("no due date")
    if d.overdue:
        brief = _("Decided: {text} · Owner: {owner} · {status}, {due} — overdue")
    else:
        brief = _("Decided: {text} · Owner: {owner} · {status}, {due}")
    return brief.format(text=d.text, owner=who, status=DecisionStatus(d.status).label, due=due)
