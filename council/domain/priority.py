"""The agenda priority score: a transparent sum of weighted parts the council can argue with."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from council.domain.workspace import ScoringWeights
from council.i18n import N_, _

# The parts of the score as `explain` names them, in the reader's language.
_PART_NAMES = {
    "severity": N_("severity"),
    "reach": N_("reach"),
    "moment of truth": N_("moment of truth"),
    "age": N_("age"),
}


@dataclass(frozen=True)
class PriorityScore:
    """A score from 0 to 100 and the points each part contributed to it."""

    severity: float
    reach: float
    moment_of_truth: float
    age: float

    @property
    def total(self) -> float:
        return self.severity + self.reach + self.moment_of_truth + self.age

    def parts(self) -> dict[str, float]:
        return {
            "severity": self.severity,
            "reach": self.reach,
            "moment of truth": self.moment_of_truth,
            "age": self.age,
        }

    def explain(self) -> str:
        """“severity 30 + reach 12 + moment of truth 20 + age 3”, with the parts named in the reader's language."""
        return " + ".join(f"{_(_PART_NAMES[name])} {points:.0f}" for name, points in self.parts().items())


def priority_factors(weights: ScoringWeights) -> dict[str, float]:
    """The points each part is worth at most (summing to 100), and the scales of reach and age.

    The store computes the same score in SQL from these factors, so lists of thousands of items
    are ranked by the database; `priority_score` is the same rule for one item.
    """
    total_weight = weights.severity + weights.reach + weights.moment_of_truth + weights.age
    scale = 100.0 / total_weight
    return {
        "severity": scale * weights.severity,
        "reach": scale * weights.reach,
        "moment_of_truth": scale * weights.moment_of_truth,
        "age": scale * weights.age,
        "reach_full_at": float(weights.reach_full_at),
        "age_full_after_days": float(weights.age_full_after_days),
    }


def priority_score(
    *,
    severity: int,
    customers_per_month: int | None,
    at_moment_of_truth: bool,
    opened_at: datetime,
    now: datetime,
    weights: ScoringWeights,
) -> PriorityScore:
    """Each part is scaled to 0-1 and weighted; the weights are normalised so the total is 0-100.

    Reach is logarithmic: going from 10 to 100 customers a month counts as much as from 100 to
    1,000, so a few very large numbers do not drown everything else.
    """
    f = priority_factors(weights)
    reach = 0.0
    if customers_per_month:
        reach = min(1.0, math.log10(1 + customers_per_month) / math.log10(1 + f["reach_full_at"]))
    age_days = max(0.0, (now - opened_at).total_seconds() / 86400)
    return PriorityScore(
        severity=f["severity"] * (severity - 1) / 4,
        reach=f["reach"] * reach,
        moment_of_truth=f["moment_of_truth"] * (1.0 if at_moment_of_truth else 0.0),
        age=f["age"] * min(1.0, age_days / f["age_full_after_days"]),
    )
