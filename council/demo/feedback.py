"""A year of demo survey responses: scores per journey stage, with comments in the customers' words."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pandas as pd

from council.demo.content import DemoContent
from council.domain.workspace import WorkspaceConfig

RESPONSES = 3200
DAYS = 365
# Share of promoters and detractors per stage; moments of truth hurt most.
_MIX = {
    "orientation": (0.42, 0.18), "signup": (0.45, 0.16), "switching": (0.28, 0.38),
    "usage": (0.40, 0.20), "billing": (0.18, 0.48), "support": (0.22, 0.44),
    "moving": (0.25, 0.40), "renewal": (0.24, 0.42),
}  # fmt: skip
_STAGE_WEIGHT = {"billing": 3, "support": 3, "usage": 2, "switching": 2}


def demo_feedback(
    config: WorkspaceConfig, today: date, zone: ZoneInfo, rng: random.Random, content: DemoContent
) -> pd.DataFrame:
    """Responses of the past year, commented in `content`'s language; billing scores improve in the last four
    months."""
    sources = content.texts["feedback_source"]
    stages = [s for s in config.ids("journey_stage") if s in _MIX]
    weights = [_STAGE_WEIGHT.get(s, 1) for s in stages]
    channels = config.ids("channel")
    segment_mix = {"existing": 0.7, "new": 0.25, "former": 0.05}
    segments = [s for s in segment_mix if s in config.ids("segment")]
    improved_from = today - timedelta(days=120)
    rows = []
    for _ in range(RESPONSES):
        day = today - timedelta(days=rng.randint(1, DAYS))
        stage = rng.choices(stages, weights)[0]
        promoters, detractors = _MIX[stage]
        if stage == "billing" and day >= improved_from:
            promoters, detractors = promoters + 0.12, detractors - 0.15
        band = rng.choices(("good", "neutral", "bad"), (promoters, 1 - promoters - detractors, detractors))[0]
        score = {"good": rng.randint(9, 10), "neutral": rng.randint(7, 8), "bad": rng.randint(0, 6)}[band]
        channel = rng.choice(channels)
        comments = content.feedback_comments.get(stage, {}).get(band, ())
        rows.append(
            {
                "received_at": datetime.combine(day, time(rng.randint(8, 21), rng.randint(0, 59)), zone),
                "score": score,
                "scale": "nps",
                "journey_stage": stage,
                "channel": channel,
                "segment": rng.choices(segments, [segment_mix[s] for s in segments])[0],
                "comment": rng.choice(comments) if comments and rng.random() < 0.45 else "",
                "source": sources["by_channel"].get(channel, sources["otherwise"]),
            }
        )
    return pd.DataFrame(rows)
