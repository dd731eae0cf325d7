"""Customer feedback: one response with its score, and how scores turn into NPS."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

# Fewer responses than this and a score is shown as too small to trust.
MIN_RESPONSES = 30


@dataclass(frozen=True)
class Scale:
    """A way of scoring a contact. The net score is the share of enthusiastic customers minus the
    share of unhappy ones; on the 0-10 scale that is the NPS (promoters minus detractors)."""

    id: str
    name: str
    low: int
    high: int
    enthusiastic_from: int
    unhappy_up_to: int
    net_name: str

    def band(self, score: int) -> str:
        if score >= self.enthusiastic_from:
            return "enthusiastic"
        return "unhappy" if score <= self.unhappy_up_to else "neutral"


SCALES = {
    "nps": Scale("nps", "0-10 (NPS)", 0, 10, enthusiastic_from=9, unhappy_up_to=6, net_name="NPS"),
    "csat": Scale("csat", "1-5 (satisfaction)", 1, 5, enthusiastic_from=5, unhappy_up_to=2,
                  net_name="Net satisfaction"),
}  # fmt: skip
BANDS = {"enthusiastic": "Enthusiastic", "neutral": "Neutral", "unhappy": "Unhappy"}


@dataclass(frozen=True)
class Feedback:
    received_at: datetime
    score: int
    source: str
    scale: str = "nps"  # "nps" (0-10) or "csat" (1-5)
    journey_stage: str | None = None
    channel: str | None = None
    segment: str | None = None
    comment: str = ""
    import_id: int | None = None
    id: int | None = None


def nps_text(value: float | None, decimals: int = 1) -> str:
    """A net score as people read it, signed: "+12.5"; one decimal, as a small change matters; "—" for none."""
    return "—" if value is None else f"{value:+.{decimals}f}"


@dataclass(frozen=True)
class NpsFigure:
    responses: int
    promoters: int
    detractors: int

    @property
    def nps(self) -> float | None:
        """Share of promoters (9-10) minus share of detractors (0-6), in points from -100 to 100."""
        if self.responses == 0:
            return None
        return 100.0 * (self.promoters - self.detractors) / self.responses

    @property
    def enthusiastic_share(self) -> float | None:
        return None if self.responses == 0 else 100.0 * self.promoters / self.responses

    @property
    def trustworthy(self) -> bool:
        return self.responses >= MIN_RESPONSES


# How far back the customer voice looks: key -> (label, whole months including the current one).
VOICE_PERIODS = {"3m": ("Last 3 months", 3), "6m": ("Last 6 months", 6), "12m": ("Last 12 months", 12),
                 "24m": ("Last 24 months", 24), "all": ("Any time", None)}  # fmt: skip


def voice_period_start(period: str, today: date) -> date | None:
    """First day of the period: the first of the month, so every month in it is whole (bar the current)."""
    months = VOICE_PERIODS.get(period, VOICE_PERIODS["12m"])[1]
    if months is None:
        return None
    index = today.year * 12 + today.month - 1 - (months - 1)
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class VoiceFilter:
    """Which responses a score or comment list covers; None means any."""

    scale: str = "nps"
    period: str = "12m"
    journey_stage: str | None = None
    channel: str | None = None
    segment: str | None = None
    source: str | None = None  # one survey or file's source, as it was imported under
    band: str | None = None  # enthusiastic, neutral or unhappy (comments only)
    search: str = ""  # words a comment must all contain (comments only)


@dataclass(frozen=True)
class Breakdown:
    """One group's figure: a month, stage, channel or segment, or everything (key None)."""

    by: str  # month, journey_stage, channel, segment or all
    key: object
    figure: NpsFigure
