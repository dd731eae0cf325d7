"""Input checks shared by the council's records; each raises a `ValidationError` that says what to fix.

`field` names the form field a check is about, so the form can show the message next to it. `label`
names that field (`_("Title")`, or a text marked `N_("Title")`, translated here); the message comes in
the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlparse

from council.domain.errors import ValidationError
from council.i18n import _
from council.i18n import formats as fmt

MAX_TITLE = 200
MAX_TEXT = 10_000


def clean_text(
    value: str | None, label: str, *, required: bool = True, limit: int = MAX_TEXT, field: str | None = None
) -> str:
    """Trimmed text; refuses empty required text and text longer than `limit`."""
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(_("{label} is empty. Please fill it in.").format(label=_named(label)), field)
    if len(text) > limit:
        raise ValidationError(
            _("{label} is {length} characters long; please keep it under {limit}.").format(
                label=_named(label), length=fmt.number(len(text)), limit=fmt.number(limit)
            ),
            field,
        )
    return text


def check_choice(
    value: str | None, allowed: Iterable[str], label: str, *, required: bool = True, field: str | None = None
) -> None:
    if value is None or value == "":
        if required:
            raise ValidationError(
                _("{label} is not chosen. Please pick one.").format(label=_named(label)), field
            )
        return
    options = tuple(allowed)
    if value not in options:
        raise ValidationError(
            _(
                "{label} {value} is not known in this workspace (it may have been removed from the "
                "settings); choose one of: {options}."
            ).format(label=_named(label), value=repr(value), options=", ".join(options)),
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
            raise ValidationError(_("{label} is missing.").format(label=_named(label)), field)
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(_("{label} must be a whole number.").format(label=_named(label)), field)
    if value < low or (high is not None and value > high):
        if high is None:
            message = _("{label} must be at least {low}; it is {value}.")
        else:
            message = _("{label} must be between {low} and {high}; it is {value}.")
        raise ValidationError(message.format(label=_named(label), low=low, high=high, value=value), field)


def check_web_link(value: str | None, label: str, *, field: str | None = None) -> str | None:
    """A trimmed http(s) address, or None when empty; other schemes (javascript:, file:) are refused."""
    text = (value or "").strip()
    if not text:
        return None
    clean_text(text, label, limit=2_000, field=field)
    parsed = urlparse(text)
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
        raise ValidationError(
            _("{label} must be a web address starting with https:// or http://; {text} is not.").format(
                label=_named(label), text=repr(text[:60])
            ),
            field,
        )
    return text


def _named(label: str) -> str:
    """The field's name in the reader's language (already translated names come back as they are)."""
    return _(label) if label else label
