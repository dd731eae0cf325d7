"""Input checks shared by the council's records; each raises a `ValidationError` that says what to fix.

`field` names the form field a check is about, so the form can show the message next to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlparse

from council.domain.errors import ValidationError

MAX_TITLE = 200
MAX_TEXT = 10_000


def clean_text(
    value: str | None, label: str, *, required: bool = True, limit: int = MAX_TEXT, field: str | None = None
) -> str:
    """Trimmed text; refuses empty required text and text longer than `limit`."""
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(f"{label} is empty. Please fill it in.", field)
    if len(text) > limit:
        raise ValidationError(
            f"{label} is {len(text):,} characters long; please keep it under {limit:,}.", field
        )
    return text


def check_choice(
    value: str | None, allowed: Iterable[str], label: str, *, required: bool = True, field: str | None = None
) -> None:
    if value is None or value == "":
        if required:
            raise ValidationError(f"{label} is not chosen. Please pick one.", field)
        return
    options = tuple(allowed)
    if value not in options:
        raise ValidationError(
            f"{label} {value!r} is not known in this workspace (it may have been removed from the "
            f"settings); choose one of: {', '.join(options)}.",
            field,
        )


def check_range(
    value: int | None,
    low: int,
    high: int | None,
    label: str,
    *,
    required: bool = True,
    field: str | None = None,
) -> None:
    if value is None:
        if required:
            raise ValidationError(f"{label} is missing.", field)
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{label} must be a whole number.", field)
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ValidationError(f"{label} must be {bounds}; it is {value}.", field)


def check_web_link(value: str | None, label: str, *, field: str | None = None) -> str | None:
    """A trimmed http(s) address, or None when empty; other schemes (javascript:, file:) are refused."""
    text = (value or "").strip()
    if not text:
        return None
    clean_text(text, label, limit=2_000, field=field)
    parsed = urlparse(text)
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
        raise ValidationError(
            f"{label} must be a web address starting with https:// or http://; {text[:60]!r} is not.", field
        )
    return text
