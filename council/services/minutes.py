"""A meeting's minutes, gathered and put into words: who was there, what was discussed and decided.

The words (statuses, outcomes, kinds) are in the language of the moment `minutes` is called: a mail's
recipient's. The minutes themselves, downloaded or read on the meeting's page, are the workspace's
record and in its language, whoever reads them: `workspace_minutes`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from council.domain.meetings import AgendaItem, Meeting
from council.domain.minutes import MinutesState, VersionKind
from council.domain.people import Person
from council.domain.records import saved_id
from council.domain.vocabulary import (
    ActionStatus,
    AgendaKind,
    DecisionStatus,
    MeetingStatus,
    Outcome,
    ProposalStatus,
)
from council.domain.workspace import WorkspaceConfig
from council.i18n import DEFAULT, N_, _, current_language, use_language
from council.i18n import formats as fmt
from council.services.meeting_lookup import ENTITY, PLANNING_CHANGES, get
from council.services.minutes_record import record_of
from council.services.workspace import Workspace
from council.store import audit, follow, meetings, parking, proposals
from council.store import minutes as store
from council.store.database import Query
from council.store.follow import Remark
from council.store.minutes import TakenAction, TakenDecision

DRAFT_NOTICE = N_("Draft — the meeting has not been closed")  # translate with `_` where shown


@dataclass(frozen=True)
class Participant:
    name: str
    detail: str  # their department, or for a guest the voice they bring and their role
    email: str | None = None
    role: str = ""  # "Chair", "Guest" or empty: a code, put into words where shown


@dataclass(frozen=True)
class MinutesProposal:
    """The one change the guest proposed for this meeting."""

    guest: str
    change: str
    why: str
    stage: str | None
    customer_notices: str
    status: str


@dataclass(frozen=True)
class MinutesItem:
    position: int
    kind: str
    title: str
    presenter: str | None
    time_box_minutes: int | None
    notes: str
    outcome: str | None
    remarks: tuple[tuple[str, str], ...] = ()  # (who, what) of the remarks made on it during the meeting


@dataclass(frozen=True)
class MinutesAction:
    what: str
    owner: str | None
    due_on: date | None
    status: str
    is_open: bool


@dataclass(frozen=True)
class MinutesDecision:
    decision_id: int
    version: int
    title: str
    text: str
    rationale: str
    owner_name: str | None
    owner_department: str | None
    due_on: date | None
    status: str
    amended_on: date | None  # when the version shown was recorded, if it is an amendment
    change_note: str
    agenda_position: int | None  # the agenda item of this meeting it was taken under
    actions: tuple[MinutesAction, ...]


@dataclass(frozen=True)
class Minutes:
    """Everything a meeting's minutes show, in words and in the workspace's time zone."""

    meeting_id: int
    organisation: str
    title: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    location: str
    status: str
    is_draft: bool
    closed_at: datetime | None
    chair: Participant | None
    guest: Participant | None
    attendees: tuple[Participant, ...]
    proposal: MinutesProposal | None
    text: str
    agenda: tuple[MinutesItem, ...]
    decisions: tuple[MinutesDecision, ...]
    revision: int = 0  # how many times its planning changed: an invite's SEQUENCE
    cancelled: str | None = None  # the reason, when the meeting was cancelled
    language: str = DEFAULT  # the language its words are in, and its documents are written in
    parked: tuple[str, ...] = ()  # points parked for a later meeting, in the order they were parked
    state: str = MinutesState.OPEN  # being written, draft, approved or amended
    standing: tuple[str, ...] = ()  # where they stand, in sentences: approved when and where, each amendment

    def decisions_under(self, position: int) -> tuple[MinutesDecision, ...]:
        return tuple(d for d in self.decisions if d.agenda_position == position)

    @property
    def decisions_without_item(self) -> tuple[MinutesDecision, ...]:
        on_agenda = {item.position for item in self.agenda}
        return tuple(d for d in self.decisions if d.agenda_position not in on_agenda)


def minutes(ws: Workspace, meeting_id: int, q: Query | None = None) -> Minutes:
    """The minutes of meeting `meeting_id`; a meeting not yet closed gives a draft. Read through `q` when
    given: inside a write, so a mail it causes tells what the write is saving."""
    q = q or ws.db
    meeting = get(q, meeting_id)
    config = ws.config
    agenda = meetings.agenda_for(q, meeting_id)
    wanted = {meeting.chair_id, meeting.guest_id, *(item.presenter_id for item in agenda)}
    people = store.people_by_id(q, {i for i in wanted if i is not None})
    chair, guest = people.get(meeting.chair_id or -1), people.get(meeting.guest_id or -1)
    starts_at = meeting.starts_at.astimezone(ws.zone)
    remarks = follow.remarks_at(q, meeting_id)
    state, standing = _standing(ws, q, meeting_id)
    return Minutes(
        meeting_id=meeting_id,
        organisation=config.organisation,
        title=meeting.title,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=meeting.duration_minutes),
        time_zone=config.time_zone,
        location=meeting.location,
        status=MeetingStatus(meeting.status).label,
        is_draft=not meeting.is_closed,
        closed_at=meeting.closed_at.astimezone(ws.zone) if meeting.closed_at else None,
        chair=_participant(config, chair, "Chair") if chair else None,
        guest=_participant(config, guest, "Guest") if guest else None,
        attendees=tuple(_attendee(config, p, meeting) for p in store.attendees_of(q, meeting_id)),
        proposal=_proposal(ws, q, meeting_id, guest),
        text=meeting.minutes,
        agenda=tuple(_item(item, people, remarks.get(saved_id(item), [])) for item in agenda),
        decisions=_decisions(ws, q, meeting_id, {item.id: item.position for item in agenda}),
        revision=audit.count_about(q, ENTITY, str(meeting_id), PLANNING_CHANGES),
        cancelled=meeting.cancel_reason if meeting.is_cancelled else None,
        language=current_language(),
        parked=tuple(point.title for point in parking.parked_at(q, meeting_id)),
        state=state,
        standing=standing,
    )


def _standing(ws: Workspace, q: Query, meeting_id: int) -> tuple[str, tuple[str, ...]]:
    """The minutes' state, and the sentences that say it: every download carries them."""
    record = record_of(ws, meeting_id, q)
    lines = []
    if record.state == MinutesState.DRAFT:
        lines.append(
            _("Draft minutes: the council approves them at “{meeting}”.").format(
                meeting=record.approve_at.title
            )
            if record.approve_at
            else _("Draft minutes: the council approves them at its next meeting.")
        )
    elif record.approved_on is not None:
        lines.append(
            _("Approved on {day} at “{meeting}”.").format(
                day=fmt.long_day(record.approved_on), meeting=record.approved_at
            )
        )
    for version in record.versions:
        if version.kind == VersionKind.CORRECTION:
            text = _("Corrected on {day}: {reason}.")
        elif version.kind == VersionKind.AMENDMENT:
            text = _("Amended on {day}: {reason}.")
        else:
            continue
        lines.append(text.format(day=fmt.long_day(version.at), reason=version.reason.rstrip(".")))
    return record.state, tuple(lines)


def workspace_minutes(ws: Workspace, meeting_id: int, q: Query | None = None) -> Minutes:
    """The minutes as the workspace keeps them: in its language, whoever reads or downloads them."""
    with use_language(ws.config.language):
        return minutes(ws, meeting_id, q)


def _participant(config: WorkspaceConfig, person: Person, role: str = "") -> Participant:
    if role == "Guest":
        detail = " · ".join(part for part in (config.voice_name(person.voice), person.role_title) if part)
    elif person.department:
        detail = config.name_of("department", person.department)
    else:
        detail = config.voice_name(person.guest_kind)
    return Participant(person.name, detail, person.email or None, role)


def _attendee(config: WorkspaceConfig, person: Person, meeting: Meeting) -> Participant:
    role = {meeting.chair_id: "Chair", meeting.guest_id: "Guest"}.get(person.id, "")
    return _participant(config, person, role)


def _proposal(ws: Workspace, q: Query, meeting_id: int, guest: Person | None) -> MinutesProposal | None:
    proposal = proposals.proposal_of(q, meeting_id, guest.id) if guest and guest.id else None
    if guest is None or proposal is None:
        return None
    return MinutesProposal(
        guest=guest.name,
        change=proposal.change,
        why=proposal.why,
        stage=ws.config.name_of("journey_stage", proposal.journey_stage) if proposal.journey_stage else None,
        customer_notices=proposal.customer_notices,
        status=ProposalStatus(proposal.status).label,
    )


def _item(item: AgendaItem, people: dict[int, Person], remarks: list[Remark]) -> MinutesItem:
    presenter = people.get(item.presenter_id or -1)
    return MinutesItem(
        position=item.position,
        kind=AgendaKind(item.kind).label,
        title=item.title,
        presenter=presenter.name if presenter else None,
        time_box_minutes=item.time_box_minutes,
        notes=item.notes,
        outcome=Outcome(item.outcome).label if item.outcome else None,
        remarks=tuple((r.person_name or "—", r.text) for r in remarks),
    )


def _decisions(
    ws: Workspace, q: Query, meeting_id: int, positions: dict[int | None, int]
) -> tuple[MinutesDecision, ...]:
    actions: dict[int, list[MinutesAction]] = defaultdict(list)
    for action in store.actions_of_decisions_at(q, meeting_id):
        actions[action.decision_id].append(_action(action))
    return tuple(
        _decision(ws, d, positions.get(d.agenda_item_id), tuple(actions[d.decision_id]))
        for d in store.decisions_taken_at(q, meeting_id)
    )


def _decision(
    ws: Workspace, d: TakenDecision, position: int | None, actions: tuple[MinutesAction, ...]
) -> MinutesDecision:
    config = ws.config
    return MinutesDecision(
        decision_id=d.decision_id,
        version=d.version,
        title=d.title,
        text=d.text,
        rationale=d.rationale,
        owner_name=d.owner_name,
        owner_department=config.name_of("department", d.owner_department) if d.owner_department else None,
        due_on=d.due_on,
        status=DecisionStatus(d.status).label,
        amended_on=d.decided_at.astimezone(ws.zone).date() if d.version > 1 else None,
        change_note=d.change_note,
        agenda_position=position,
        actions=actions,
    )


def _action(action: TakenAction) -> MinutesAction:
    return MinutesAction(
        what=action.what,
        owner=action.owner_name,
        due_on=action.due_on,
        status=ActionStatus(action.status).label,
        is_open=action.status == "open",
    )
