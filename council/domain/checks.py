"""Input checks shared by the council's records; each raises a `ValidationError` that says what to fix."""

from __future__ import annotations

from collections.abc import Iterable

from council.domain.errors import ValidationError

MAX_TITLE = 200
MAX_TEXT = 10_000


def clean_text(value: str | None, label: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    """Trimmed text; refuses empty required text and text longer than `limit`."""
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(f"{label} is empty. Please fill it in.")
    if len(text) > limit:
        raise ValidationError(f"{label} is {len(text):,} characters long; please keep it under {limit:,}.")
    return text


def check_choice(value: str | None, allowed: Iterable[str], label: str, *, required: bool = True) -> None:
    if value is None or value == "":
        if required:
            raise ValidationError(f"{label} is not chosen. Please pick one.")
        return
    options = tuple(allowed)
    if value not in options:
        raise ValidationError(f"{label} {value!r} is not known here; choose one of: {', '.join(options)}.")


def check_range(value: int | None, low: int, high: int | None, label: str, *, required: bool = True) -> None:
    if value is None:
        if required:
            raise ValidationError(f"{label} is missing.")
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{label} must be a whole number.")
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ValidationError(f"{label} must be {bounds}; it is {value}.")
