"""The language a text is shown in, and the texts themselves, from gettext catalogues kept with Babel.

Every text a person reads is written in English in the code and passes through `_` (or `ngettext`
where a count chooses the form, "1 decision" / "3 decisions") when it is shown, so it comes out in
the language of whoever reads it: the person using the page, the recipient of a mail, the
workspace for its minutes. Texts defined at import time are marked with `N_` and translated where
they are shown.

The language is per run, never global (all sessions share a process): `use_language` sets it for a
block, `set_language` for the rest of a page run. The catalogues are the `.po` files in
`council/locales`, compiled in memory the first time a language is used. A text without a
translation shows in English, never empty.

The pseudo-language `PSEUDO` marks every translated text ⟦like this⟧; a test shows every page in it
and fails on any visible text outside the marks.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from io import BytesIO
from pathlib import Path

LANGUAGES = ("en", "nl")  # the languages a workspace and a person may choose
LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}  # each in its own language, as pickers show them
DEFAULT = "en"
PSEUDO = "pseudo"  # for tests: every translated text marked
OPEN, CLOSE = "⟦", "⟧"
CATALOGUES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"

_current: ContextVar[str | None] = ContextVar("language", default=None)
_fallback: list[Callable[[], str | None]] = []  # asked when no run set a language (e.g. a page fragment)


def current_language() -> str:
    """The language texts are shown in now."""
    language = _current.get()
    if language is None:
        for ask in _fallback:
            language = ask()
        return language or DEFAULT
    return language


def set_language(language: str) -> None:
    """Show the rest of this run (one page run, one command) in `language`."""
    _current.set(_known(language))


@contextmanager
def use_language(language: str) -> Iterator[None]:
    """Show the texts made inside the block in `language` (a mail in its recipient's language…)."""
    token = _current.set(_known(language))
    try:
        yield
    finally:
        _current.reset(token)


def when_no_language_is_set(ask: Callable[[], str | None]) -> None:
    """Where the language comes from in a run that did not set it: the page layer says the session's."""
    _fallback[:] = [ask]


def preferred_language(wanted: list[str], default: str) -> str:
    """The first of the languages a browser asks for (`nl-NL`, `en;q=0.8`…) that the workspace speaks, else `default`."""
    for tag in wanted:
        base = tag.split(";")[0].strip().lower().replace("_", "-").split("-")[0]
        if base in LANGUAGES:
            return base
    return default


def _known(language: str) -> str:
    return language if language in LANGUAGES or language == PSEUDO else DEFAULT


def _(message: str) -> str:
    """`message` in the current language."""
    return _catalogue(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` in the current language: ngettext("{n} decision", "{n} decisions", n).format(n=…)."""
    return _catalogue(current_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the current language where one English word has several meanings ("Open" a page / an open point)."""
    return _catalogue(current_language()).pgettext(context, message)


def N_(message: str) -> str:
    """Marks a text defined at import time for translation; translate it with `_` where it is shown."""
    return message


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    if language == PSEUDO:
        return _Marked()
    if language == DEFAULT:
        return gettext.NullTranslations()
    return compiled(CATALOGUES / language / "LC_MESSAGES" / f"{DOMAIN}.po", language)


def compiled(po_file: Path, language: str) -> gettext.NullTranslations:
    """The catalogue in `po_file`, compiled in memory; fuzzy and empty entries are left out, so they show in English."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    try:
        with po_file.open("rb") as f:
            catalogue = read_po(f, locale=language)
    except FileNotFoundError:
        return gettext.NullTranslations()
    mo = BytesIO()
    write_mo(mo, catalogue, use_fuzzy=False)
    mo.seek(0)
    return gettext.GNUTranslations(mo)


class _Marked(gettext.NullTranslations):
    """The pseudo-language: every text it translates comes back between marks, in English."""

    def gettext(self, message: str) -> str:
        return mark(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return mark(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return mark(message)


def mark(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"
