"""The demo comes in every language with the same shape: the same records, ids, numbers and random
choices, only its texts translated, and a demo built in Dutch shows no English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from string import Formatter
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from council.config import load_config
from council.demo.content import SECTIONS, DemoContent, content_for, languages
from council.demo.generator import load_demo
from council.demo.large import add_large_history
from council.domain.errors import ValidationError
from council.domain.meetings import default_title
from council.store.database import Database
from council.store.migrations import migrate
from tests.conftest import DEMO_CONFIG, DEMO_TODAY

# Slow: builds the demo in every language.
pytestmark = pytest.mark.slow

# Fields that name things rather than say them: the same in every language.
NEUTRAL = {
    "key", "stage", "channel", "segment", "severity", "customers_per_month", "owner", "involved", "kind",
    "count", "url", "status", "from", "to", "impact", "friction", "blockers", "proposal", "category", "name",
    "email", "department", "roles", "guest_kind", "guest", "owner_department",
}  # fmt: skip
# Words that are English and not Dutch: a Dutch text containing one was probably left untranslated.
ENGLISH = re.compile(
    r"\b(the|and|with|your|you|from|which|when|customers?|meeting|council|bill|please|nobody|cannot)\b",
    re.IGNORECASE,
)


def _leaves(value: Any, path: tuple = (), field: str = "") -> Iterator[tuple[tuple, str, Any]]:
    """Every value in `value` with its path and the name of the field it is under."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, k), k)
    elif isinstance(value, list):
        for n, v in enumerate(value):
            yield from _leaves(v, (*path, n), field)
    else:
        yield path, field, value


def _shape(value: Any) -> Any:
    """The structure of `value`: its mappings' keys and its lists' lengths, all the way down."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return type(value).__name__


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def _texts(content: DemoContent) -> list[str]:
    return [
        v for s in SECTIONS for _, field, v in _leaves(getattr(content, s))
        if isinstance(v, str) and v and field not in NEUTRAL
    ]  # fmt: skip


def test_the_demo_comes_in_english_and_dutch() -> None:
    assert languages() == ["en", "nl"]
    assert content_for("nl") is content_for("nl")  # read once
    with pytest.raises(ValidationError, match="fr"):
        content_for("fr")


@pytest.mark.parametrize("section", SECTIONS)
def test_every_language_has_the_same_records_ids_and_numbers(section: str) -> None:
    english = getattr(content_for("en"), section)
    for language in languages():
        other = getattr(content_for(language), section)
        assert _shape(other) == _shape(english), f"{language}/{section}.yaml"
        for (path, field, en), (_, _, text) in zip(_leaves(english), _leaves(other), strict=True):
            where = f"{language}/{section}.yaml {'/'.join(map(str, path))}"
            if field in NEUTRAL or not isinstance(en, str):
                assert text == en, where
            elif language != "en":
                # Empty stays empty (a survey response without comment); every other text is translated, and
                # keeps the {names} the code fills in.
                assert (text == "") == (en == ""), where
                assert text != en or not en, where
                assert _placeholders(text) == _placeholders(en), where


def test_the_dutch_texts_have_no_english_left_in_them() -> None:
    left = [t for t in _texts(content_for("nl")) if ENGLISH.search(t)]
    assert not left


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_demo_names_its_meetings_as_the_app_does_in_its_language(
    demos: dict[str, Database], language: str
) -> None:
    zone = ZoneInfo(load_config(DEMO_CONFIG).time_zone)
    meetings = demos[language].rows("SELECT title, starts_at FROM meeting")
    assert meetings and all(
        title == default_title(at.astimezone(zone).date(), language) for title, at in meetings
    )


def _build(folder: Path, language: str) -> Database:
    db = Database(folder / f"demo_{language}.duckdb")
    migrate(db)
    load_demo(db, load_config(DEMO_CONFIG), today=DEMO_TODAY, language=language)
    return db


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Database]]:
    folder = tmp_path_factory.mktemp("demo_languages")
    built = {language: _build(folder, language) for language in ("en", "nl")}
    yield built
    for db in built.values():
        db.close()


def _tables(db: Database) -> list[str]:
    """The tables the demo may fill (not the schema's own record of its migrations)."""
    return [
        t for (t,) in db.rows("SELECT table_name FROM duckdb_tables() WHERE NOT internal ORDER BY 1")
        if t != "schema_version"
    ]  # fmt: skip


def _columns(db: Database, table: str, text: bool) -> list[str]:
    """The table's text columns, or the others but those the clock fills in when a row is written."""
    return [
        f'"{c}"' for (c,) in db.rows(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND (data_type = 'VARCHAR') = ? "
            "AND coalesce(column_default, '') NOT LIKE '%current_timestamp%' ORDER BY column_index",
            [table, text],
        )
    ]  # fmt: skip


def test_the_dutch_demo_has_the_same_records_dates_and_numbers_as_the_english_one(
    demos: dict[str, Database],
) -> None:
    en, nl = demos["en"], demos["nl"]
    assert _tables(nl) == _tables(en)
    for table in _tables(en):
        if table == "person_language":  # the Dutch demo's people read Dutch in this English workspace
            continue
        assert nl.value(f"SELECT count(*) FROM {table}") == en.value(f"SELECT count(*) FROM {table}"), table
        columns = ", ".join(_columns(en, table, text=False))
        if columns:
            query = f"SELECT {columns} FROM {table} ORDER BY ALL"
            assert nl.rows(query) == en.rows(query), table
    assert en.value("SELECT count(*) FROM friction_point") == len(content_for("en").friction_points)


def test_the_dutch_demo_reads_in_dutch(demos: dict[str, Database]) -> None:
    nl = demos["nl"]
    titles = {t for (t,) in nl.rows("SELECT title FROM friction_point")}
    assert titles == {f["title"] for f in content_for("nl").friction_points}
    assert "De prijs op de website is niet wat ik uiteindelijk betaal" in titles
    assert all(t.startswith("Raadsvergadering ") for (t,) in nl.rows("SELECT title FROM meeting"))
    follow_ups = nl.rows("SELECT title, notes FROM agenda_item WHERE kind = 'follow_up'")
    assert follow_ups and all(t.startswith("Opvolging: ") and n for t, n in follow_ups)
    assert nl.value("SELECT count(*) FROM self_check_answer WHERE note <> ''") > 0
    assert nl.rows("SELECT DISTINCT language FROM person_language") == [("nl",)]
    assert nl.value("SELECT count(*) FROM person_language") == nl.value("SELECT count(*) FROM person")


def test_no_english_text_of_the_demo_is_in_the_dutch_one(demos: dict[str, Database]) -> None:
    english = set(_texts(content_for("en")))
    nl = demos["nl"]
    found = []
    for table in _tables(nl):
        for column in _columns(nl, table, text=True):
            for (value,) in nl.rows(f"SELECT DISTINCT {column} FROM {table} WHERE {column} <> ''"):
                if value in english or ENGLISH.search(value):
                    found.append((table, column, value))
    assert not found


def test_the_large_history_speaks_the_language_it_is_asked_for(tmp_path: Path) -> None:
    db = _build(tmp_path, "nl")
    try:
        before = db.value("SELECT count(*) FROM friction_point")
        add_large_history(db, load_config(DEMO_CONFIG), today=DEMO_TODAY, scale=0.0005, language="nl")
        assert db.value("SELECT count(*) FROM friction_point") > before
        words = content_for("nl").large
        assert db.value("SELECT count(*) FROM feedback WHERE source = ?", [words["feedback_source"]]) > 0
        assert db.value("SELECT count(*) FROM meeting WHERE title LIKE 'Raadsvergadering %'") > 10
        english = [
            (table, column, value) for table in _tables(db) for column in _columns(db, table, text=True)
            for (value,) in db.rows(f"SELECT DISTINCT {column} FROM {table}") if value and ENGLISH.search(value)
        ]  # fmt: skip
        assert not english
    finally:
        db.close()
