"""Dates, times and numbers as a reader of the current language writes them, through Babel.

English follows British usage (4 December 2026, 14:00, 1,234.5, €96), Dutch its own (4 december 2026,
14:00, 1.234,5, € 96). Machine formats (ISO dates in JSON and file names) do not come through here.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_datetime, match_skeleton
from babel.numbers import format_currency, format_decimal

from council.i18n import PSEUDO, current_language, mark

_LOCALES = {"en": "en_GB", "nl": "nl_NL", PSEUDO: "en_GB"}


def locale(language: str | None = None) -> Locale:
    return _locale(language or current_language())


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(_LOCALES.get(language, "en_GB"))


_PATTERNS = {
    "long weekday": "EEEE d MMMM y",
    "weekday day month": "EEEE d MMMM",
}  # where Babel's nearest skeleton abbreviates


@cache
def _pattern(language: str, skeleton: str) -> str:
    if skeleton in _PATTERNS:
        return _PATTERNS[skeleton]
    loc = locale(language)
    return loc.datetime_skeletons[match_skeleton(skeleton, loc.datetime_skeletons)].pattern


def _shown(text: str, language: str) -> str:
    return mark(text) if language == PSEUDO else text


def _when(value: date | datetime | time, skeleton: str) -> str:
    # The same moment in two time zones is equal, and hashes alike, but reads differently: the zone is
    # part of the key.
    return _when_in(value, repr(getattr(value, "tzinfo", None)), skeleton, current_language())


# Babel works each one out from its patterns, which is slow next to the rest of a page: a page shows the
# same days and counts on every run, so the texts are remembered.
@lru_cache(maxsize=8192)
def _when_in(value: date | datetime | time, zone: str, skeleton: str, language: str) -> str:
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    elif isinstance(value, time):
        value = datetime.combine(date(2000, 1, 1), value)
    return _shown(format_datetime(value, _pattern(language, skeleton), locale=locale(language)), language)


def day(value: date | datetime) -> str:
    """4 Dec 2026 / 4 dec 2026."""
    return _when(value, "yMMMd")


def long_day(value: date | datetime) -> str:
    """4 December 2026 / 4 december 2026."""
    return _when(value, "yMMMMd")


def short_day(value: date | datetime) -> str:
    """4 Dec / 4 dec: a day in the months around today."""
    return _when(value, "MMMd")


def day_month(value: date | datetime) -> str:
    """4 December / 4 december: a day of this year, written out."""
    return _when(value, "MMMMd")


def weekday_day_month(value: date | datetime) -> str:
    """Friday 4 December / vrijdag 4 december."""
    return _when(value, "weekday day month")


def weekday(value: date | datetime) -> str:
    """Fri 4 Dec / vr 4 dec."""
    return _when(value, "MMMEd")


def long_weekday(value: date | datetime) -> str:
    """Friday 4 December 2026 / vrijdag 4 december 2026."""
    return _when(value, "long weekday")


def clock(value: datetime | time) -> str:
    """14:00."""
    return _when(value, "Hm")


def moment(value: datetime) -> str:
    """4 Dec 2026 14:00."""
    return f"{day(value)} {clock(value)}"


def short_moment(value: datetime) -> str:
    """4 Dec 14:00."""
    return f"{short_day(value)} {clock(value)}"


def month(value: date | datetime) -> str:
    """Dec / dec."""
    return _when(value, "MMM")


def month_year(value: date | datetime) -> str:
    """December 2026 / december 2026."""
    return _when(value, "yMMMM")


def short_month_year(value: date | datetime) -> str:
    """Dec 2026 / dec 2026."""
    return _when(value, "yMMM")


def number(value: float, decimals: int = 0) -> str:
    """1,234.5 / 1.234,5, rounded to `decimals` places."""
    return _number(value, decimals, current_language())


@lru_cache(maxsize=8192)
def _number(value: float, decimals: int, language: str) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _shown(format_decimal(value, format=pattern, locale=locale(language)), language)


def percent(share: float, decimals: int = 0) -> str:
    """A share (0.25) as 25% / 25%."""
    return f"{number(share * 100, decimals)}%"


def money(amount: float, decimals: int = 0) -> str:
    """€96 / € 96."""
    language = current_language()
    loc = locale(language)
    pattern = loc.currency_formats["standard"].pattern.split(";")[0]
    pattern = pattern.replace(".00", "." + "0" * decimals if decimals else "")
    text = format_currency(amount, "EUR", format=pattern, locale=loc, currency_digits=False)
    return _shown(text, language)


def separators(language: str | None = None) -> str:
    """Plotly's `separators`: the decimal mark then the thousands mark, ".," or ",."."""
    loc = locale(language)
    return loc.number_symbols["latn"]["decimal"] + loc.number_symbols["latn"]["group"]
