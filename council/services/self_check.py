"""The council's self-check: members score statements about how we treat existing customers at every
meeting; everybody may read how the scores move from meeting to meeting."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from council.domain.errors import NotAllowed
from council.domain.meetings import Meeting
from council.domain.people import Person
from council.domain.permissions import Task, may
from council.domain.records import saved_id
from council.domain.self_check import MIN_ANSWERS, QuestionScore, SelfCheckAnswer, checked_answers
from council.i18n import _
from council.services import meeting_lookup
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.workspace import Workspace
from council.store import meetings, people
from council.store import self_check as store
from council.store.database import Query, Transaction

ENTITY = "self_check"


@dataclass(frozen=True)
class MeetingRound:
    """One meeting's self-check: the scores per question, the notes, who answered and who did not yet."""

    meeting: Meeting
    scores: list[QuestionScore]  # in the config's order; only those with at least MIN_ANSWERS answers
    hidden: int  # statements answered, but by too few to show
    previous: dict[str, float]  # average per question at the meeting before with enough answers
    notes: dict[str, list[tuple[int, str]]]  # per shown question: (score, note), lowest score first
    answered: list[str]
    waiting: list[str]  # members at the meeting who have not answered (yet)


@as_on_roster
def answering_meeting(ws: Workspace, actor: Person | None) -> Meeting | None:
    """The meeting whose self-check `actor` may answer now: the first one still open, if they are at it."""
    meeting = meetings.first_not_closed(ws.db)
    if meeting is None or _why_not(ws.db, meeting, actor, meeting) is not None:
        return None
    return meeting


@as_on_roster
def my_answers(ws: Workspace, actor: Person | None, meeting_id: int) -> dict[str, SelfCheckAnswer]:
    if actor is None or actor.id is None:
        return {}
    return store.answers_of(ws.db, meeting_id, actor.id)


@as_on_roster
def save_answers(
    ws: Workspace, actor: Person | None, meeting_id: int, answers: dict[str, tuple[int | None, str]]
) -> int:
    """Save the actor's scores and notes for a meeting (question id -> (score or None, note)).

    A question left without a score drops an earlier answer to it. Returns how many answers are saved.
    """
    scored, cleared = checked_answers(answers, ws.config.self_check)

    def write(tx: Transaction) -> int:
        meeting = meeting_lookup.get(tx, meeting_id)
        why_not = _why_not(tx, meeting, actor, meetings.first_not_closed(tx))
        if why_not:
            raise NotAllowed(why_not)
        assert actor is not None and actor.id is not None  # _why_not refuses nobody
        store.save_answers(tx, meeting_id, actor.id, scored, cleared)
        record(tx, actor, "answer", ENTITY, meeting_id, {"scored": len(scored), "cleared": len(cleared)})
        return len(scored)

    return ws.db.write(write)


def _why_not(q: Query, meeting: Meeting, actor: Person | None, first_open: Meeting | None) -> str | None:
    """Why `actor` may not answer this meeting's self-check, or None when they may; only the first
    meeting still open (`first_open`) can be answered."""
    if actor is None or actor.id is None:
        return _("Sign in first: the self-check is answered in your own name.")
    if meeting.is_closed:
        return _(
            "“{meeting}” is closed, and its self-check with it. Answer at the coming meeting instead."
        ).format(meeting=meeting.title)
    if first_open is not None and first_open.id != meeting.id:
        return _("The self-check is answered for one meeting at a time, the coming one: “{meeting}”.").format(
            meeting=first_open.title
        )
    if actor.id == meeting.guest_id:
        return _(
            "The self-check is for the council's own members; as this meeting's guest you need not answer."
        )
    if not may(actor, Task.SELF_CHECK):
        return _("The self-check is for the council's own members, and {name} is not one of them.").format(
            name=actor.name
        )
    if actor.id not in meetings.attendees(q, saved_id(meeting)):
        return _(
            "Only the council members at “{meeting}” answer its self-check, and {name} is not among them."
        ).format(meeting=meeting.title, name=actor.name)
    return None


def coming_meeting(ws: Workspace) -> Meeting | None:
    """The meeting whose self-check is being answered: the first one not closed."""
    return meetings.first_not_closed(ws.db)


def meetings_with_answers(ws: Workspace) -> list[Meeting]:
    """Meetings whose self-check has at least one answer, newest first."""
    ids = {s.meeting_id for s in store.question_scores(ws.db, _question_ids(ws))}
    return meetings.meetings_among(ws.db, ids)


def meeting_round(ws: Workspace, meeting_id: int) -> MeetingRound:
    meeting = meeting_lookup.get(ws.db, meeting_id)
    order = _question_ids(ws)
    every = store.question_scores(ws.db, order)
    here = [s for s in every if s.meeting_id == meeting_id]
    shown = [s for s in here if s.answers >= MIN_ANSWERS]
    earlier = [s for s in every if s.starts_at < meeting.starts_at and s.answers >= MIN_ANSWERS]
    last_before = max((s.starts_at for s in earlier), default=None)
    previous = {s.question: s.average for s in earlier if s.starts_at == last_before}
    notes: dict[str, list[tuple[int, str]]] = {}
    for question, score, note in store.notes_for(ws.db, meeting_id):
        if question in {s.question for s in shown}:
            notes.setdefault(question, []).append((score, note))
    names = {p.id: p.name for p in people.list_people(ws.db, active_only=False)}
    answered = store.who_answered(ws.db, meeting_id)
    members = set(meetings.attendees(ws.db, meeting_id)) - {meeting.guest_id}
    return MeetingRound(
        meeting=meeting,
        scores=sorted(shown, key=lambda s: order.index(s.question)),
        hidden=len(here) - len(shown),
        previous=previous,
        notes=notes,
        answered=sorted(names.get(i, f"#{i}") for i in answered),
        waiting=sorted(names.get(i, f"#{i}") for i in members - answered),
    )


def trend_frame(ws: Workspace) -> pd.DataFrame:
    """Average score per meeting and question with enough answers to show, for the trend chart: oldest
    meeting first, the questions in the config's order.

    Columns: meeting_id, starts_at, question, label, average, answers, lowest, highest, still_open.
    """
    order = _question_ids(ws)
    labels = {q.id: q.label for q in ws.config.self_check}
    found = [s for s in store.question_scores(ws.db, order) if s.answers >= MIN_ANSWERS]
    closed = {m.id for m in meetings.meetings_among(ws.db, {s.meeting_id for s in found}) if m.is_closed}
    rows = [
        {"meeting_id": s.meeting_id, "starts_at": s.starts_at.astimezone(ws.zone), "question": s.question,
         "label": labels[s.question], "average": s.average, "answers": s.answers, "lowest": s.lowest,
         "highest": s.highest, "still_open": s.meeting_id not in closed}
        for s in sorted(found, key=lambda s: (s.starts_at, order.index(s.question)))
    ]  # fmt: skip
    columns = [
        "meeting_id", "starts_at", "question", "label", "average", "answers", "lowest", "highest", "still_open",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def _question_ids(ws: Workspace) -> list[str]:
    return [q.id for q in ws.config.self_check]
