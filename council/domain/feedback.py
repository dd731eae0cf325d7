"""Customer feedback: one response with its score, and how scores turn into NPS."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from council.i18n import N_, _
from council.i18n import formats as fmt

# Fewer responses than this and a score is shown as too small to trust.
MIN_RESPONSES = 30


@dataclass(frozen=True)
class Scale:
    """A way of scoring a contact. The net score is the share of enthusiastic customers minus the
    share of unhappy ones; on the 0-10 scale that is the NPS (promoters minus detractors)."""

    id: str
    title: str  # marked with N_; `name` in the reader's language
    low: int
    high: int
    enthusiastic_from: int
    unhappy_up_to: int
    net_title: str  # marked with N_; `net_name` in the reader's language

    @property
    def name(self) -> str:
        """The scale as a picker shows it: "0-10 (NPS)"."""
        return _(self.title)

    @property
    def net_name(self) -> str:
        """What its net score is called: "NPS", "Net satisfaction"."""
        return _(self.net_title)

    def band(self, score: int) -> str:
        if score >= self.enthusiastic_from:
            return "enthusiastic"
        return "unhappy" if score <= self.unhappy_up_to else "neutral"


SCALES = {
    "nps": Scale("nps", N_("0-10 (NPS)"), 0, 10, enthusiastic_from=9, unhappy_up_to=6, net_title=N_("NPS")),
    "csat": Scale("csat", N_("1-5 (satisfaction)"), 1, 5, enthusiastic_from=5, unhappy_up_to=2,
                  net_title=N_("Net satisfaction")),
}  # fmt: skip
# Band -> its name, marked with N_: show it with `_(BANDS[band])`.
BANDS = {"enthusiastic": N_("Enthusiastic"), "neutral": N_("Neutral"), "unhappy": N_("Unhappy")}


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
    """A net score as people read it, signed: "+12.5" ("+12,5" in Dutch); one decimal, as a small change
    matters; "—" for none."""
    if value is None or value != value:  # None or NaN
        return "—"
    sign = f"{value:+.{decimals}f}"[0]  # as Python rounds: -0.04 is "-0.0"
    return sign + fmt.number(abs(round(value, decimals)), decimals)


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


# How far back the customer voice looks: key -> (label marked with N_, whole months including the current one).
VOICE_PERIODS = {"3m": (N_("Last 3 months"), 3), "6m": (N_("Last 6 months"), 6), "12m": (N_("Last 12 months"), 12),
                 "24m": (N_("Last 24 months"), 24), "all": (N_("Any time"), None)}  # fmt: skip


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
