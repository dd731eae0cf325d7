from datetime import date

from council.domain.effect import MIN_WINDOW, StageEffect, compare_windows
from council.domain.feedback import NpsFigure


def test_windows_have_equal_length_on_both_sides_and_leave_the_decision_day_out() -> None:
    w = compare_windows(date(2026, 3, 10), today=date(2026, 11, 23), wanted_days=90)
    assert (w.before_from, w.decided_on, w.after_from, w.after_until) == (
        date(2025, 12, 10), date(2026, 3, 10), date(2026, 3, 11), date(2026, 6, 9),
    )  # fmt: skip
    assert (w.decided_on - w.before_from).days == (w.after_until - w.after_from).days == 90


def test_a_recent_decision_gets_shorter_windows_that_end_before_today() -> None:
    w = compare_windows(date(2026, 10, 1), today=date(2026, 11, 23), wanted_days=90)
    assert w.days == 52
    assert w.after_until == date(2026, 11, 23)  # today is not in it: its feedback is still coming in


def test_too_recent_a_decision_has_nothing_to_compare() -> None:
    today = date(2026, 11, 23)
    assert compare_windows(date(2026, 11, 20), today) is None
    assert compare_windows(today.replace(day=23 - MIN_WINDOW - 1), today).days == MIN_WINDOW


def test_the_change_is_after_minus_before_and_trusted_only_with_enough_responses_on_both_sides() -> None:
    before, after = NpsFigure(40, 10, 20), NpsFigure(50, 25, 10)  # -25 and +30
    effect = StageEffect("billing", before, after)
    assert effect.change == 55.0
    assert effect.trustworthy
    assert not StageEffect("billing", NpsFigure(5, 1, 1), after).trustworthy
    assert StageEffect("billing", NpsFigure(0, 0, 0), after).change is None
