"""Did customers notice? Feedback scores before and after a decision, over windows of equal length.

A before/after comparison shows what changed around a decision, not that the decision caused it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from council.domain.feedback import NpsFigure

WINDOW_CHOICES = (30, 90, 180)
DEFAULT_WINDOW = 90
# With fewer days after the decision than this, there is nothing to compare yet.
MIN_WINDOW = 14


@dataclass(frozen=True)
class Windows:
    """`days` days before the decision day and as many after it; the decision day itself is in neither.

    Ends are exclusive: the before window is [before_from, decided_on), the after window
    [after_from, after_until).
    """

    decided_on: date
    days: int

    @property
    def before_from(self) -> date:
        return self.decided_on - timedelta(days=self.days)

    @property
    def after_from(self) -> date:
        return self.decided_on + timedelta(days=1)

    @property
    def after_until(self) -> date:
        return self.after_from + timedelta(days=self.days)


def compare_windows(decided_on: date, today: date, wanted_days: int = DEFAULT_WINDOW) -> Windows | None:
    """Windows of `wanted_days`, shortened to the whole days since the decision; None when too early.

    Today is left out: its feedback is still coming in.
    """
    days = min(wanted_days, (today - decided_on).days - 1)
    return Windows(decided_on, days) if days >= MIN_WINDOW else None


@dataclass(frozen=True)
class StageEffect:
    """One journey stage's NPS in the two windows; `stage` is None for all the decision's stages together."""

    stage: str | None
    before: NpsFigure
    after: NpsFigure

    @property
    def change(self) -> float | None:
        if self.before.nps is None or self.after.nps is None:
            return None
        return self.after.nps - self.before.nps

    @property
    def trustworthy(self) -> bool:
        """Both windows have enough responses to compare."""
        return self.before.trustworthy and self.after.trustworthy
