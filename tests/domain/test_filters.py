from datetime import date

from council.domain.filters import decision_period


def test_periods_of_the_decision_history() -> None:
    today = date(2026, 11, 23)
    assert decision_period("all", today) == (None, None)
    assert decision_period("this_year", today) == (date(2026, 1, 1), None)
    assert decision_period("last_year", today) == (date(2025, 1, 1), date(2025, 12, 31))
    assert decision_period("90d", today) == (date(2026, 8, 24), None)
    # Dates picked the wrong way round are read the right way round.
    assert decision_period("custom", today, (date(2026, 5, 1), date(2026, 2, 1))) == (
        date(2026, 2, 1),
        date(2026, 5, 1),
    )
    assert decision_period("nonsense", today) == (None, None)
