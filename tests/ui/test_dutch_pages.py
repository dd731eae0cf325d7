"""A person who chose Dutch reads the workspace in Dutch: titles, dates and numbers as Dutch writes them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from council.i18n import use_language
from council.services.workspace import open_workspace
from tests.conftest import DEMO_CONFIG
from tests.ui.pseudo import shown_texts

DUTCH_DAY = re.compile(r"\b\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\.? \d{4}\b")
ENGLISH_DAY = re.compile(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d{4}\b")
DUTCH_THOUSANDS = re.compile(r"\b\d{1,3}(\.\d{3})+\b")
ENGLISH_THOUSANDS = re.compile(r"\b\d{1,3}(,\d{3})+\b")


@pytest.fixture(scope="module")
def dutch_demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Dutch demo, whose people read Dutch, built once."""
    path = tmp_path_factory.mktemp("dutch") / "demo.duckdb"
    open_workspace(DEMO_CONFIG, path, demo=True, demo_language="nl").db.close()
    return path


@pytest.fixture
def dutch_demo(dutch_demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.duckdb"
    shutil.copy(dutch_demo_file, target)
    return target


def _page_text(app, db_file: Path, page: str) -> tuple[object, str]:
    with use_language("nl"):
        at = app(db_file, page)
    assert not at.exception, [e.value for e in at.exception]
    return at, "\n".join(text for _, text in shown_texts(at))


@pytest.mark.parametrize(
    ("page", "title"),
    [("overview", "Overzicht"), ("decisions", "Besluiten"), ("meetings", "Vergaderingen"),
     ("customer_voice", "Stem van de klant"), ("friction_points", "Knelpunten")],
)  # fmt: skip
def test_a_dutch_reader_gets_dutch_titles_dates_and_numbers(
    app, dutch_demo: Path, page: str, title: str
) -> None:
    at, text = _page_text(app, dutch_demo, page)

    assert [t.value for t in at.title] == [title]
    for english in (ENGLISH_DAY, ENGLISH_THOUSANDS):
        found = english.search(text)
        assert not found, [(where, shown) for where, shown in shown_texts(at) if found.group(0) in shown][:3]


def test_the_decisions_page_shows_dutch_dates(app, dutch_demo: Path) -> None:
    _, text = _page_text(app, dutch_demo, "decisions")

    assert DUTCH_DAY.search(text)


def test_the_customer_voice_page_writes_thousands_and_decimals_the_dutch_way(app, dutch_demo: Path) -> None:
    _, text = _page_text(app, dutch_demo, "customer_voice")

    assert DUTCH_THOUSANDS.search(text)
    assert re.search(r"\b\d+,\d\b", text), "a decimal comma"
