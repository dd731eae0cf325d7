"""Showing what people wrote exactly as they wrote it: never as Markdown, HTML or a link; and tables'
dates as the reader's language writes them."""

from __future__ import annotations

import re

from council.i18n import current_language

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=^])")


def md(text: object) -> str:
    """User text made safe to put inside a Markdown string: every special character is escaped."""
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("\n", "  \n")


# Table columns of dates are drawn by the browser, which writes month names in English only: other
# languages get their own numeric dates instead (Dutch 4-12-2026).
_TABLE_DATES = {
    "en": {"day": "D MMM YYYY", "short": "D MMM HH:mm", "moment": "D MMM YYYY, HH:mm",
           "seconds": "D MMM YYYY, HH:mm:ss", "weekday": "ddd D MMM YYYY, HH:mm"},
    "nl": {"day": "D-M-YYYY", "short": "D-M HH:mm", "moment": "D-M-YYYY HH:mm",
           "seconds": "D-M-YYYY HH:mm:ss", "weekday": "D-M-YYYY HH:mm"},
}  # fmt: skip


def table_date(kind: str) -> str:
    """The `format` of a table's date column in the current language: "day", "short" (day and time without
    the year), "moment", "seconds" or "weekday"."""
    return _TABLE_DATES.get(current_language(), _TABLE_DATES["en"])[kind]
