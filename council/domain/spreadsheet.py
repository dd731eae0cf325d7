"""Cells a spreadsheet shows as text and never runs as a formula."""

from __future__ import annotations

# A cell starting with one of these is a formula (or a DDE call) to Excel, LibreOffice and Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_safe(value: object) -> object:
    """Text that a spreadsheet would evaluate gets a leading apostrophe; numbers and the rest stay."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
