"""Customer feedback: one response with its score, and how scores turn into NPS."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
