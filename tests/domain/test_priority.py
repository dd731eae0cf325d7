"""The agenda priority score: 0-100, a sum of weighted parts, logarithmic and capped reach."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from council.domain.priority import PriorityScore, priority_score
from council.domain.workspace import ScoringWeights

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
DEFAULTS = ScoringWeights()


def score(
    *,
    severity: int = 3,
    customers: int | None = 100,
    moment_of_truth: bool = False,
    days_open: float = 30,
    weights: ScoringWeights = DEFAULTS,
) -> PriorityScore:
    return priority_score(
        severity=severity,
        customers_per_month=customers,
        at_moment_of_truth=moment_of_truth,
        opened_at=NOW - timedelta(days=days_open),
        now=NOW,
        weights=weights,
    )


def worst(weights: ScoringWeights = DEFAULTS) -> PriorityScore:
    return score(severity=5, customers=1_000_000, moment_of_truth=True, days_open=10_000, weights=weights)


def mildest(weights: ScoringWeights = DEFAULTS) -> PriorityScore:
    return score(severity=1, customers=None, moment_of_truth=False, days_open=0, weights=weights)


def test_total_is_between_0_and_100_and_is_the_sum_of_its_parts():
    grid = itertools.product(
        [1, 2, 3, 4, 5], [None, 0, 1, 50, 2000, 10**7], [False, True], [0, 1, 90, 180, 5000]
    )

    for severity, customers, moment_of_truth, days_open in grid:
        case = f"severity={severity} customers={customers} mot={moment_of_truth} days={days_open}"
        result = score(
            severity=severity, customers=customers, moment_of_truth=moment_of_truth, days_open=days_open
        )
        assert 0 <= result.total <= 100 + 1e-9, case
        assert result.total == pytest.approx(sum(result.parts().values())), case
        assert all(points >= 0 for points in result.parts().values()), case


def test_worst_case_scores_100_with_default_weights():
    assert worst().total == pytest.approx(100)


def test_each_part_at_its_maximum_gets_its_share_of_the_default_weights():
    parts = worst().parts()

    assert parts["severity"] == pytest.approx(40)
    assert parts["reach"] == pytest.approx(25)
    assert parts["moment of truth"] == pytest.approx(20)
    assert parts["age"] == pytest.approx(15)


def test_mildest_brand_new_issue_without_reach_outside_moments_of_truth_scores_0():
    result = mildest()

    assert result.total == pytest.approx(0)
    assert all(points == pytest.approx(0) for points in result.parts().values())


def test_no_reach_given_and_zero_reach_both_count_nothing():
    assert score(customers=None).reach == 0
    assert score(customers=0).reach == 0


def test_severity_rises_in_equal_steps_from_1_to_5():
    points = [score(severity=s).severity for s in range(1, 6)]

    steps = [b - a for a, b in itertools.pairwise(points)]
    assert points[0] == 0
    assert steps == pytest.approx([10, 10, 10, 10])


def test_reach_at_or_above_reach_full_at_gives_the_full_reach_part():
    full = DEFAULTS.reach / (DEFAULTS.severity + DEFAULTS.reach + DEFAULTS.moment_of_truth + DEFAULTS.age)
    full_points = 100 * full

    assert score(customers=DEFAULTS.reach_full_at).reach == pytest.approx(full_points)
    assert score(customers=DEFAULTS.reach_full_at * 10).reach == pytest.approx(full_points)
    assert score(customers=10**9).reach == pytest.approx(full_points)


def test_ten_times_fewer_customers_gives_a_clearly_smaller_but_non_zero_reach_part():
    full = score(customers=DEFAULTS.reach_full_at).reach
    tenth = score(customers=DEFAULTS.reach_full_at // 10).reach

    assert 0 < tenth < 0.8 * full
    # Logarithmic, not linear: a tenth of the customers keeps far more than a tenth of the points.
    assert tenth > 0.5 * full


def test_reach_is_logarithmic_each_tenfold_adds_about_the_same_points():
    weights = ScoringWeights(reach_full_at=1_000_000)
    r10, r100, r1000 = (score(customers=n, weights=weights).reach for n in (10, 100, 1000))

    assert r100 - r10 == pytest.approx(r1000 - r100, rel=0.05)
    assert r1000 - r100 > 0


def test_reach_full_at_from_the_weights_sets_where_reach_is_full():
    weights = ScoringWeights(reach_full_at=100)
    full = score(customers=100, weights=weights).reach

    assert score(customers=100, weights=DEFAULTS).reach < full
    assert score(customers=50, weights=weights).reach < full


def test_age_grows_until_age_full_after_days_then_stays():
    days = DEFAULTS.age_full_after_days
    half = score(days_open=days / 2).age
    full = score(days_open=days).age

    assert half == pytest.approx(full / 2)
    assert score(days_open=days * 3).age == pytest.approx(full)


def test_issue_opened_in_the_future_gets_no_age_points():
    assert score(days_open=-5).age == 0


def test_weights_are_normalised_so_doubling_all_weights_changes_nothing():
    doubled = ScoringWeights(severity=0.8, reach=0.5, moment_of_truth=0.4, age=0.3)
    cases = [
        dict(severity=4, customers=300, moment_of_truth=True, days_open=40),
        dict(severity=2, customers=None, moment_of_truth=False, days_open=400),
    ]

    for case in cases:
        assert score(**case, weights=doubled).parts() == pytest.approx(score(**case).parts())


def test_weights_that_do_not_add_up_to_one_still_give_at_most_100():
    loud = ScoringWeights(severity=4, reach=2.5, moment_of_truth=2, age=1.5)

    assert worst(loud).total == pytest.approx(100)
    assert mildest(loud).total == pytest.approx(0)


@pytest.mark.parametrize(
    ("weight", "part"),
    [("severity", "severity"), ("reach", "reach"), ("moment_of_truth", "moment of truth"), ("age", "age")],
)
def test_zero_weight_removes_that_part_and_the_others_still_reach_100(weight, part):
    weights = ScoringWeights(**{weight: 0.0})

    result = worst(weights)

    assert result.parts()[part] == 0
    assert result.total == pytest.approx(100)
    assert all(points > 0 for name, points in result.parts().items() if name != part)


def test_explain_names_every_part_with_its_rounded_points():
    result = score(severity=4, customers=300, moment_of_truth=True, days_open=40)

    pieces = result.explain().split(" + ")

    assert [piece.rsplit(" ", 1)[0] for piece in pieces] == list(result.parts())
    assert [piece.rsplit(" ", 1)[1] for piece in pieces] == [f"{p:.0f}" for p in result.parts().values()]
    assert set(result.parts()) == {"severity", "reach", "moment of truth", "age"}


def test_explain_of_a_zero_score_still_names_every_part():
    text = mildest().explain()

    for name in ("severity", "reach", "moment of truth", "age"):
        assert f"{name} 0" in text
