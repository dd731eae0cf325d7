"""Dates and numbers as each language writes them, remembered once worked out: the same value must still
read right in another language, time zone or number of decimals."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from council.i18n import formats as fmt
from council.i18n import use_language


def test_one_moment_reads_in_the_time_zone_it_is_given_in() -> None:
    noon = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    with use_language("en"):
        assert fmt.clock(noon) == "12:00"
        assert fmt.clock(noon.astimezone(ZoneInfo("Europe/Amsterdam"))) == "13:00"
        assert fmt.clock(noon) == "12:00"  # asked again after the other zone


def test_the_same_number_and_day_read_in_each_language_and_precision() -> None:
    with use_language("en"):
        english = (fmt.number(3200), fmt.number(2.5, 1), fmt.day(datetime(2026, 5, 28)))
    with use_language("nl"):
        dutch = (fmt.number(3200), fmt.number(2.5, 1), fmt.day(datetime(2026, 5, 28)))
    assert english == ("3,200", "2.5", "28 May 2026")
    assert dutch == ("3.200", "2,5", "28 mei 2026")
    with use_language("en"):
        assert fmt.number(2.5) == "2" and fmt.number(2.5, 2) == "2.50"  # Babel rounds half to even
