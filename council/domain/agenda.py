"""Building an agenda: what the council could discuss, in which order, and whether it fits the time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from council.domain.priority import PriorityScore
from council.domain.vocabulary import AgendaKind

# Why an item is suggested, in the order the suggestions are shown.
GUEST_PROPOSAL, PINNED, FOLLOW_UP, ROLLED_OVER, OPEN_ITEM = range(5)
_KIND_ORDER = {AgendaKind.FRICTION: 0, AgendaKind.CONNECTION: 1, AgendaKind.BLOCKER: 2, AgendaKind.PROPOSAL: 3,
               AgendaKind.FOLLOW_UP: 4, AgendaKind.OTHER: 5}  # fmt: skip


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
    ref_id: int  # the friction point, connection, blocker, proposal or decision it is about
    title: str
    group: int  # GUEST_PROPOSAL, PINNED, FOLLOW_UP, ROLLED_OVER or OPEN_ITEM
    reason: str
    journey_stage: str | None = None
    at_moment_of_truth: bool = False
    score: PriorityScore | None = None
    due_on: date | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.ref_id)


def rank_suggestions(suggestions: list[Suggestion]) -> list[Suggestion]:
    """The guest's proposal, then what members pinned, then follow-ups (earliest due first), then what was postponed, then open
    items: moments of truth first, each by priority score; ties in a fixed order (kind, then id)."""

    def order(s: Suggestion) -> tuple:
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
        text = f"{self.planned_minutes} of {self.meeting_minutes} minutes planned"
        if self.over_by:
            text = (
                f"The time boxes add up to {self.planned_minutes} minutes: {self.over_by} more than the "
                f"meeting's {self.meeting_minutes}. Shorten or move an item, or plan a longer meeting"
            )
        elif self.left:
            text += f"; {self.left} minutes left"
        if self.items_without_time:
            text += f". {self.items_without_time} item(s) have no time box yet"
        return text + "."


def agenda_time(time_boxes: list[int | None], meeting_minutes: int) -> AgendaTime:
    return AgendaTime(
        planned_minutes=sum(t for t in time_boxes if t),
        meeting_minutes=meeting_minutes,
        items_without_time=sum(1 for t in time_boxes if not t),
    )
