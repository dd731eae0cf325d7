"""Building an agenda: what the council could discuss, in which order, and whether it fits the time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from council.domain.priority import PriorityScore
from council.domain.vocabulary import AgendaKind
from council.i18n import _, ngettext
from council.i18n import formats as fmt

# Why an item is suggested, in the order the suggestions are shown.
GUEST_PROPOSAL, PINNED, FOLLOW_UP, ROLLED_OVER, OPEN_ITEM = range(5)
PARKED = -1  # what an earlier meeting parked comes before all of them
MINUTES_TO_APPROVE = -2  # and before that, approving the last meeting's minutes
MINUTES = "minutes"  # a suggestion's kind for approving minutes; the point itself is of kind "other"
_KIND_ORDER: dict[str, int] = {
    AgendaKind.FRICTION: 0, AgendaKind.CONNECTION: 1, AgendaKind.BLOCKER: 2, AgendaKind.PROPOSAL: 3,
    AgendaKind.FOLLOW_UP: 4, AgendaKind.OTHER: 5,
}  # fmt: skip


@dataclass(frozen=True)
class FollowUp:
    """A decision still being carried out, as a candidate for the agenda."""

    decision_id: int
    title: str
    due_on: date
    status: str
    owner: str | None = None


@dataclass(frozen=True)
class Postponed:
    """An item a closed meeting postponed or wanted more information on."""

    kind: str
    ref_id: int
    title: str
    outcome: str
    starts_at: datetime
    meeting_title: str


@dataclass(frozen=True)
class Suggestion:
    """Something the chair may put on the agenda, with the reason it is suggested."""

    kind: str  # an AgendaKind value
    ref_id: int  # the friction point, connection, blocker, proposal, decision, parked point or meeting it is about
    title: str
    group: int  # MINUTES_TO_APPROVE, PARKED, GUEST_PROPOSAL, PINNED, FOLLOW_UP, ROLLED_OVER or OPEN_ITEM
    reason: str
    journey_stage: str | None = None
    at_moment_of_truth: bool = False
    score: PriorityScore | None = None
    due_on: date | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.ref_id)

    @property
    def kind_label(self) -> str:
        return _("Minutes") if self.kind == MINUTES else AgendaKind(self.kind).label


def rank_suggestions(suggestions: list[Suggestion]) -> list[Suggestion]:
    """Approving the last meeting's minutes, what an earlier meeting parked (longest ago first), the guest's proposal, then what members pinned, then
    follow-ups (earliest due first), then what was postponed, then open items: moments of truth first, each by
    priority score; ties in a fixed order (kind, then id)."""

    def order(s: Suggestion) -> tuple[int, date, bool, float, int, int]:
        score = round(s.score.total, 6) if s.score else 0.0
        due = s.due_on or date.max
        return (s.group, due, not s.at_moment_of_truth, -score, _KIND_ORDER.get(s.kind, 9), s.ref_id)

    unique = {s.key: s for s in reversed(suggestions)}  # an item suggested twice keeps its first reason
    return sorted(unique.values(), key=order)


@dataclass(frozen=True)
class AgendaTime:
    """How the time boxes add up against the meeting's length."""

    planned_minutes: int
    meeting_minutes: int
    items_without_time: int

    @property
    def over_by(self) -> int:
        return max(0, self.planned_minutes - self.meeting_minutes)

    @property
    def left(self) -> int:
        return max(0, self.meeting_minutes - self.planned_minutes)

    def summary(self) -> str:
        planned, meeting = fmt.number(self.planned_minutes), fmt.number(self.meeting_minutes)
        if self.over_by:
            text = _(
                "The time boxes add up to {planned} minutes: {over} more than the meeting's {meeting}. "
                "Shorten or move an item, or plan a longer meeting."
            ).format(planned=planned, over=fmt.number(self.over_by), meeting=meeting)
        elif self.left:
            text = ngettext(
                "{planned} of {meeting} minutes planned; {left} minute left.",
                "{planned} of {meeting} minutes planned; {left} minutes left.",
                self.left,
            ).format(planned=planned, meeting=meeting, left=fmt.number(self.left))
        else:
            text = _("{planned} of {meeting} minutes planned.").format(planned=planned, meeting=meeting)
        if self.items_without_time:
            n = self.items_without_time
            text += " " + ngettext(
                "{n} item has no time box yet.", "{n} items have no time box yet.", n
            ).format(n=fmt.number(n))
        return text


def agenda_time(time_boxes: list[int | None], meeting_minutes: int) -> AgendaTime:
    return AgendaTime(
        planned_minutes=sum(t for t in time_boxes if t),
        meeting_minutes=meeting_minutes,
        items_without_time=sum(1 for t in time_boxes if not t),
    )
