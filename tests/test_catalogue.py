"""The Dutch catalogue is complete: extracting the texts again adds nothing, and every entry is translated,
not fuzzy, with the same placeholders as the English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from council.i18n import CATALOGUES, DEFAULT, DOMAIN, LANGUAGES
from tests.conftest import ROOT

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z_0-9]*\}")


def extracted() -> Catalog:
    """What `pybabel extract -F council/locales/babel.cfg` finds in the code today."""
    with (CATALOGUES / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    catalogue = Catalog()
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, comment_tags=("Translators:",)
    ):
        catalogue.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalogue


def catalogue(language: str) -> Catalog:
    with (CATALOGUES / language / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as f:
        return read_po(f, locale=language)


TRANSLATED = [language for language in LANGUAGES if language != DEFAULT]


@pytest.fixture(scope="module")
def in_the_code() -> Catalog:
    return extracted()


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_text_of_the_code_is_in_the_catalogue_and_nothing_else(
    in_the_code: Catalog, language: str
) -> None:
    wanted = {(m.id, m.context) for m in in_the_code if m.id}
    held = {(m.id, m.context) for m in catalogue(language) if m.id}

    assert sorted(map(str, wanted - held)) == [], "run pybabel extract and update (README, Languages)"
    assert sorted(map(str, held - wanted)) == [], "texts the code no longer has: run pybabel update"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_entry_is_translated_not_fuzzy_and_keeps_its_placeholders(language: str) -> None:
    problems = []
    for m in catalogue(language):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.fuzzy:
            problems.append(f"fuzzy: {ids[0]!r}")
        elif not all(strings):
            problems.append(f"not translated: {ids[0]!r}")
        else:
            wanted = set(_PLACEHOLDER.findall(ids[-1]))
            for s in strings:
                # A singular may leave the count out ("one decision"), never add or rename a placeholder.
                if not set(_PLACEHOLDER.findall(s)) <= wanted or (
                    len(strings) == 1 and set(_PLACEHOLDER.findall(s)) != wanted
                ):
                    problems.append(f"placeholders differ: {ids[0]!r} -> {s!r}")
    assert problems == []


def test_a_text_without_a_translation_shows_in_english_never_empty(tmp_path: Path) -> None:
    from council.i18n import compiled

    po = tmp_path / "messages.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: nl\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Decisions"\nmsgstr "Besluiten"\n\nmsgid "Meetings"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Actions"\nmsgstr "Akties"\n',
        encoding="utf-8",
    )
    dutch = compiled(po, "nl")

    assert [dutch.gettext(t) for t in ("Decisions", "Meetings", "Actions", "Blockers")] == [
        "Besluiten", "Meetings", "Actions", "Blockers"]  # fmt: skip


# `_("…")` written inside an f-string's braces: the extractor does not look there, so the text would never
# reach the catalogue (and the checks above could not tell). Take it out into a name first.
_LITERAL_IN_FSTRING = re.compile(r"""\bf(["'])[^\n]*?\{[^}\n]*(?<![\w.])_\(\s*["']""")


def test_no_text_to_translate_hides_inside_an_f_string() -> None:
    hidden = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for folder in ("council", "app_pages")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if _LITERAL_IN_FSTRING.search(line)
    ]
    assert not hidden, "texts the extractor cannot see:\n" + "\n".join(hidden)
