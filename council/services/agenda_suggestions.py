"""What could go on a meeting's agenda, best first: points parked at an earlier meeting, approving the last
minutes, the guest's proposal, what members pinned, follow-ups of decisions coming due, what earlier meetings
postponed, then the open items by priority score; each with the reason it is suggested."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial

from council.domain.agenda import (
    FOLLOW_UP,
    GUEST_PROPOSAL,
    OPEN_ITEM,
    PARKED,
    PINNED,
    ROLLED_OVER,
    Postponed,
    Suggestion,
    rank_suggestions,
)
from council.domain.filters import ViewFilter
from council.domain.priority import PriorityScore, priority_factors
from council.domain.records import saved_id
from council.i18n import N_, _
from council.i18n import formats as fmt
from council.services import minutes_record
from council.services.meeting_lookup import get
from council.services.workspace import Workspace
from council.store import agenda, parking, pins, priority, proposals
from council.store.pins import Pin

# Why a point comes back, by what happened to it at an earlier meeting.
_OUTCOME_WORDS = {"postponed": N_("Postponed on {day}"),
                  "needs_information": N_("Waiting for more information on {day}"),
                  "cancelled": N_("On the agenda of the meeting cancelled on {day}")}  # fmt: skip
SUGGESTED_ITEMS = 12


def suggestions(ws: Workspace, meeting_id: int, limit: int = SUGGESTED_ITEMS) -> list[Suggestion]:
    """What the chair could add, best first: points parked at an earlier meeting, the guest's proposal, what
    members pinned for the agenda, follow-ups due by the next meeting, items postponed before, then open items
    (moments of truth first) by priority score."""
    meeting = get(ws.db, meeting_id)
    taken = agenda.references_on(ws.db, meeting_id)
    found = minutes_record.approval_suggestions(ws, meeting)
    found += [Suggestion("other", p.id, p.title, PARKED, _parked_reason(ws, p))
              for p in parking.waiting(ws.db) if p.meeting_id != meeting_id]  # fmt: skip
    if meeting.guest_id is not None:
        proposal = proposals.proposal_of(ws.db, meeting_id, meeting.guest_id)
        if proposal is not None:
            found.append(Suggestion("proposal", saved_id(proposal), proposal.change, GUEST_PROPOSAL,
                                    _("The guest's proposal for this meeting"), proposal.journey_stage))  # fmt: skip
    day = meeting.starts_at.astimezone(ws.zone).date()
    until = day + timedelta(weeks=ws.config.council.meeting_every_weeks)
    for row in agenda.follow_ups_due(ws.db, until, meeting_id):
        late = _("Decision overdue since {day}") if row.due_on < day else _("Decision due {day}")
        found.append(Suggestion("follow_up", row.decision_id, row.title, FOLLOW_UP,
                                late.format(day=fmt.long_day(row.due_on)), due_on=row.due_on))  # fmt: skip
    found = [s for s in found if s.key not in taken]
    # Why an item is suggested ahead of its score: a member pinned it, or a meeting postponed it.
    earlier: dict[tuple[str, int], tuple[int, str]] = {}
    for p in agenda.rolled_over(ws.db, meeting.starts_at):
        if (p.kind, p.ref_id) in taken:
            continue
        if p.kind == "proposal":  # proposals carry no score; they roll over as they are
            found.append(Suggestion(p.kind, p.ref_id, p.title, ROLLED_OVER, _postponed_reason(ws, p)))
        else:
            earlier.setdefault((p.kind, p.ref_id), (ROLLED_OVER, _postponed_reason(ws, p)))
    for pin in pins.active_pins(ws.db):
        if (pin.kind, pin.ref_id) not in taken:
            earlier[(pin.kind, pin.ref_id)] = (PINNED, _pinned_reason(ws, pin))
    scored = _ranked_open_items(ws, earlier, taken | {s.key for s in found}, limit)
    return rank_suggestions(found + scored)


def _ranked_open_items(ws: Workspace, earlier: dict[tuple[str, int], tuple[int, str]],
                       leave_out: set[tuple[str, int]], limit: int) -> list[Suggestion]:  # fmt: skip
    """Those pinned or postponed before (`earlier`: their group and reason) with their scores, and the
    open items with the highest scores."""
    ask = partial(priority.ranked_open_items, ws.db, priority_factors(ws.config.scoring),
                  ws.config.moments_of_truth, ws.now(), ViewFilter(), moments_first=True)  # fmt: skip
    frames = [ask(limit=limit, leave_out=_by_kind(leave_out | set(earlier)))]
    if earlier:
        frames.append(ask(limit=None, only=_by_kind(earlier)))
    columns = ["kind", "id", "title", "journey_stage", "severity_points", "reach_points", "moment_points",
               "age_points"]  # fmt: skip
    rows = [row for frame in frames for row in frame[columns].itertuples(index=False, name=None)]
    result = []
    for kind, item_id, title, stage_id, severity, reach, at_moment, age in rows:
        moment = stage_id in ws.config.moments_of_truth
        stage = ws.config.name_of("journey_stage", stage_id)
        reason = _("{stage} — a moment of truth").format(stage=stage) if moment else stage
        group, why = earlier.get((kind, int(item_id)), (OPEN_ITEM, ""))
        if why:
            reason = f"{why} · {reason}"
        parts = PriorityScore(severity, reach, at_moment, age)
        result.append(Suggestion(kind, int(item_id), title, group, reason, stage_id, moment, parts))
    return result


def _parked_reason(ws: Workspace, point: parking.ParkedPoint) -> str:
    day = fmt.long_day(point.meeting_starts_at.astimezone(ws.zone))
    if point.parked_by_name:
        return _("Parked by {name} at the meeting of {day}").format(name=point.parked_by_name, day=day)
    return _("Parked at the meeting of {day}").format(day=day)


def _pinned_reason(ws: Workspace, pin: Pin) -> str:
    day = _day_and_month(pin.pinned_at.astimezone(ws.zone))
    if pin.asked_by_name:
        return _("{name} asked for it on {day}: “{why}”").format(name=pin.asked_by_name, day=day, why=pin.why)
    return _("A member asked for it on {day}: “{why}”").format(day=day, why=pin.why)


def _day_and_month(moment: datetime) -> str:
    """4 December / 4 december: a day this year (the formats offer no such short long form)."""
    return fmt.day_month(moment)


def _postponed_reason(ws: Workspace, p: Postponed) -> str:
    return _(_OUTCOME_WORDS[p.outcome]).format(day=fmt.long_day(p.starts_at.astimezone(ws.zone)))


def _by_kind(keys: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    ids: dict[str, list[int]] = {}
    for kind, ref in keys:
        ids.setdefault(kind, []).append(ref)
    return ids
