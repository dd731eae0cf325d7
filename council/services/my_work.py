"""My work: what is one person's to do between meetings, in one place.

Their open actions (overdue first), the decisions they own that are not done, the open friction
points, missing connections and blockers their department owns or they logged, and the coming
meetings they chair, are the guest of or are invited to, with what is still needed from them there.
"""

from __future__ import annotations

from dataclasses import dataclass

from council.domain.decisions import DecisionSummary
from council.domain.filters import DecisionFilter
from council.domain.meetings import Meeting
from council.domain.people import Person
from council.domain.permissions import runs
from council.domain.records import saved_id
from council.domain.vocabulary import DecisionStatus, MeetingStatus
from council.i18n import _
from council.services import self_check
from council.services.actions import mine, my_actions, ready_to_close
from council.services.workspace import Workspace
from council.store import actions as actions_store
from council.store import decision_search, meetings, proposals
from council.store import self_check as answers
from council.store.actions import ActionRow, action_rows_of
from council.store.ownership import OwnedItem, owned_items

ITEMS_SHOWN = 10
ACTIONS_SHOWN = 25  # the rest are in the Actions register, filtered to the person
DECISIONS_SHOWN = 10


@dataclass(frozen=True)
class MeetingTodo:
    """A coming meeting of the person's, and what it still needs from them (empty: nothing)."""

    meeting: Meeting
    part: str  # "chair", "guest" or "invited"
    needed: list[str]


@dataclass(frozen=True)
class MyWork:
    actions: list[ActionRow]  # the first ACTIONS_SHOWN, overdue first
    action_counts: dict[str, int]  # open, in_progress, overdue, matching (all still to do)
    decisions: list[DecisionSummary]  # the first DECISIONS_SHOWN, soonest due first
    decisions_total: int
    items: list[OwnedItem]  # the weightiest ITEMS_SHOWN
    items_total: int
    meetings: list[MeetingTodo]
    ready_to_close: dict[
        int, list[ActionRow]
    ]  # owned decisions whose actions are all done, with those actions


def my_work(ws: Workspace, me: Person) -> MyWork:
    assert me.id is not None
    owned = DecisionFilter(owners=(me.id,), statuses=(DecisionStatus.DECIDED, DecisionStatus.IN_PROGRESS))
    items, total = owned_items(ws.db, me.id, me.department, ITEMS_SHOWN)
    decisions, decisions_total = decision_search.find_and_count_decisions(
        ws.db, owned, ws.today(), "due", limit=DECISIONS_SHOWN, brief=True
    )
    # Only decisions whose actions are all settled are offered to be closed: those few are read in full.
    settled = actions_store.all_actions_settled(ws.db, [d.decision_id for d in decisions])
    by_decision: dict[int, list[ActionRow]] = {}
    for row in action_rows_of(ws.db, settled, ws.today()) if settled else []:
        by_decision.setdefault(row.decision_id, []).append(row)
    return MyWork(
        actions=my_actions(ws, me.id, ACTIONS_SHOWN),
        action_counts=actions_store.count_actions(ws.db, mine(me.id), ws.today()),
        decisions=decisions,
        decisions_total=decisions_total,
        items=items,
        items_total=total,
        meetings=_meetings(ws, me),
        ready_to_close={d: rows for d, rows in by_decision.items() if ready_to_close(rows)},
    )


def _meetings(ws: Workspace, me: Person) -> list[MeetingTodo]:
    answering = self_check.answering_meeting(ws, me)
    my_id = saved_id(me)
    found = []
    for meeting in meetings.meetings_of(ws.db, my_id):
        meeting_id = saved_id(meeting)
        part = "chair" if runs(me, meeting) else "guest" if meeting.guest_id == my_id else "invited"
        needed = []
        if (
            part == "guest"
            and meeting.agenda_is_open
            and proposals.proposal_of(ws.db, meeting_id, my_id) is None
        ):
            needed.append(_("Propose your one change before the agenda closes."))
        if (
            answering is not None
            and answering.id == meeting_id
            and not answers.answers_of(ws.db, meeting_id, my_id)
        ):
            needed.append(_("Answer the council's self-check."))
        if part == "chair":
            needed += _chair_needs(ws, meeting)
        found.append(MeetingTodo(meeting, part, needed))
    return found


def _chair_needs(ws: Workspace, meeting: Meeting) -> list[str]:
    needed = []
    meeting_id = saved_id(meeting)
    agenda = meetings.agenda_for(ws.db, meeting_id)
    if meeting.status == MeetingStatus.PLANNED:
        proposal = proposals.proposal_of(ws.db, meeting_id, meeting.guest_id) if meeting.guest_id else None
        if proposal is not None and not any(i.proposal_id == proposal.id for i in agenda):
            needed.append(_("Put the guest's proposal on the agenda."))
        if not agenda:
            needed.append(_("The agenda is empty: add its points."))
        elif meeting.agenda_closed_at is None:
            needed.append(_("Close the agenda when it is final."))
    elif meeting.status == MeetingStatus.OPEN and not meeting.minutes.strip():
        needed.append(_("Write the minutes before you close the meeting."))
    return needed
