"""The wall screen in the office corridor: how customers feel, what they say, what still hurts at the
moments of truth, and what the council got done this month; one read, refreshed every minute."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time

import pandas as pd

from council.domain.decisions import DecisionSummary
from council.domain.feedback import SCALES, Feedback, NpsFigure, Scale, VoiceFilter
from council.domain.filters import ViewFilter
from council.domain.priority import priority_factors
from council.services import customer_voice
from council.services.workspace import Workspace
from council.store import decision_search, feedback, priority

RECENT_MONTHS = 3  # the current figure covers this month and the two before it
COMMENTS = 3
FRICTION = 3
DONE = 5
QUOTE_LENGTH = 220


@dataclass(frozen=True)
class WallBoard:
    as_of: datetime
    scale: Scale | None  # None when no feedback was imported yet
    recent: NpsFigure  # the last RECENT_MONTHS months, this one included
    before: NpsFigure  # the RECENT_MONTHS months before those
    months: list[tuple[date, NpsFigure]]  # the last twelve months, oldest first
    praise: list[Feedback]  # the latest comments of enthusiastic customers
    complaints: list[Feedback]  # the latest comments of unhappy customers
    # The most urgent open friction at the moments of truth: id, title, journey_stage.
    friction: pd.DataFrame
    moments: int  # how many friction points are open at the moments of truth
    done: list[DecisionSummary]  # decisions done this month, latest first
    done_count: int
    last_done: DecisionSummary | None  # the latest decision done, for a month with none done yet

    @property
    def change(self) -> float | None:
        """How far the net score moved against the months before, in points; None if either is empty."""
        if self.recent.nps is None or self.before.nps is None:
            return None
        return self.recent.nps - self.before.nps


def wall_board(ws: Workspace) -> WallBoard:
    now, today = ws.now(), ws.today()
    scales = feedback.scales_in_use(ws.db)  # NPS first
    scale = scales[0] if scales else None
    months: list[tuple[date, NpsFigure]] = []
    praise: list[Feedback] = []
    complaints: list[Feedback] = []
    if scale is not None:
        months = customer_voice.scores(ws, VoiceFilter(scale=scale, period="12m")).months
        recent = VoiceFilter(scale=scale, period=f"{RECENT_MONTHS}m")
        praise = _different(customer_voice.comment_page(ws, replace(recent, band="enthusiastic")).items)
        complaints = _different(customer_voice.comment_page(ws, replace(recent, band="unhappy")).items)
    moments = ws.config.moments_of_truth
    open_at_moments = _no_friction()
    if moments:  # an empty stage filter would mean every stage
        open_at_moments = priority.ranked_open_items(
            ws.db, priority_factors(ws.config.scoring), moments, now, ViewFilter(stages=tuple(sorted(moments))),
            limit=None, kinds=("friction",),
        )  # fmt: skip
    month_start = datetime.combine(today.replace(day=1), time(0), ws.zone)
    done, done_count = decision_search.done_since(ws.db, month_start, today, DONE)
    last_done = None if done else next(iter(decision_search.done_since(ws.db, None, today, 1)[0]), None)
    return WallBoard(
        as_of=now,
        scale=SCALES[scale] if scale else None,
        recent=_total(months[-RECENT_MONTHS:]),
        before=_total(months[-2 * RECENT_MONTHS : -RECENT_MONTHS]),
        months=months,
        praise=praise,
        complaints=complaints,
        friction=open_at_moments.head(FRICTION)[["id", "title", "journey_stage"]],
        moments=len(open_at_moments),
        done=done,
        done_count=done_count,
        last_done=last_done,
    )


def quote(comment: str) -> str:
    """A comment short enough to read from a distance: cut at a word, with an ellipsis when cut."""
    text = " ".join(comment.split())
    if len(text) <= QUOTE_LENGTH:
        return text
    return text[:QUOTE_LENGTH].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def _different(comments: list[Feedback]) -> list[Feedback]:
    """The first COMMENTS comments that say something else: many customers give the same short answer."""
    seen, kept = set(), []
    for c in comments:
        words = " ".join(c.comment.lower().split())
        if words not in seen:
            seen.add(words)
            kept.append(c)
    return kept[:COMMENTS]


def _total(months: list[tuple[date, NpsFigure]]) -> NpsFigure:
    figures = [f for _, f in months]
    return NpsFigure(
        sum(f.responses for f in figures),
        sum(f.promoters for f in figures),
        sum(f.detractors for f in figures),
    )


def _no_friction() -> pd.DataFrame:
    return pd.DataFrame(columns=["id", "title", "journey_stage"])
