"""What a person narrows a list or the overview down to; plain values the store turns into SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from council.domain.words import search_words
from council.i18n import N_

# The overview's period choices: id -> (label, days back; None for all time). Translate the label
# with `_()` where it is shown.
PERIODS: dict[str, tuple[str, int | None]] = {
    "all": (N_("All time"), None),
    "30d": (N_("Last 30 days"), 30),
    "90d": (N_("Last 3 months"), 91),
    "12m": (N_("Last 12 months"), 365),
}
DEFAULT_PERIOD = "all"


def period_start(period: str, today: date) -> date | None:
    """The first day of a period, or None for all time (and for an unknown period id)."""
    days = PERIODS.get(period, PERIODS[DEFAULT_PERIOD])[1]
    return None if days is None else today - timedelta(days=days)


@dataclass(frozen=True)
class ViewFilter:
    """The overview's filters: departments and stages (empty = all) and a start date.

    `zone` is the workspace's time zone: a day, and a month, start at midnight there.
    """

    departments: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    since: date | None = None
    zone: str = "UTC"


@dataclass(frozen=True)
class FrictionFilter:
    """The friction list's filters; empty tuples mean "any"."""

    search: str = ""
    stages: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    min_severity: int = 1
    since: date | None = None
    zone: str = "UTC"

    @property
    def words(self) -> tuple[str, ...]:
        return search_words(self.search)


# The decision history's period choices; "custom" takes the dates the person picks. Translate the
# labels with `_()` where they are shown.
DECISION_PERIODS = {
    "all": N_("Any time"),
    "90d": N_("Last 3 months"),
    "12m": N_("Last 12 months"),
    "this_year": N_("This year"),
    "last_year": N_("Last year"),
    "custom": N_("Between two dates…"),
}


def decision_period(
    period: str, today: date, custom: tuple[date | None, date | None] = (None, None)
) -> tuple[date | None, date | None]:
    """The first and last day (both included) of a period; None where it is open-ended."""
    if period == "custom":
        start, end = custom
        return (end, start) if start and end and end < start else (start, end)
    if period == "this_year":
        return date(today.year, 1, 1), None
    if period == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if period in PERIODS:
        return period_start(period, today), None
    return None, None


@dataclass(frozen=True)
class DecisionFilter:
    """The decision history's filters; empty tuples mean "any". Days are in the workspace's time zone."""

    search: str = ""
    decided_from: date | None = None
    decided_to: date | None = None
    departments: tuple[str, ...] = ()
    owners: tuple[int, ...] = ()
    stages: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    meetings: tuple[int, ...] = ()
    overdue_only: bool = False
    zone: str = "UTC"

    @property
    def words(self) -> tuple[str, ...]:
        return search_words(self.search)
