"""The workspace in a real browser in another language: every text on screen translated (the pseudo-language
marks each ⟦like this⟧, the demo's data too, and charts as drawn), and a person switching to Dutch in the
sidebar keeps Dutch after a reload."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from council.i18n import LANGUAGE_NAMES, PSEUDO
from council.services.workspace import open_workspace
from tests.conftest import DEMO_CONFIG
from tests.e2e.conftest import _serve, act_as, choose, opened_on, shot, visited, wait_for_app
from tests.ui.pseudo import mark_the_data, unmarked

PROPER_NAMES = ("Helder Energie", *LANGUAGE_NAMES.values())
# What is not text to translate: icons (ligatures such as "keyboard_arrow_down", marked translate="no"),
# style and scripts, hidden tooltips, and the cells of a table's copy for screen readers (the page test
# checks those; true/false there is a tick box on screen).
NOT_OURS = "[translate=no], style, script, [role=tooltip], [data-testid=stDataFrame] td"
_SHOWN_TEXTS = """(notOurs) => {
    // The text of the main area and the sidebar as one, Streamlit's own parts taken out: a translated
    // sentence with Markdown in it is drawn as several pieces, its marks in different ones.
    return Array.from(document.querySelectorAll('[data-testid=stMain], [data-testid=stSidebar]'), root => {
        const copy = root.cloneNode(true);
        copy.querySelectorAll(notOurs).forEach(e => e.remove());
        copy.querySelectorAll('p, div, li, h1, h2, h3, h4, h5, h6, label, button, td, th, text, tspan')
            .forEach(e => e.append(' '));  // words of neighbouring elements stay apart
        return copy.textContent;
    });
}"""


@pytest.fixture(scope="module")
def pseudo_url(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("e2e_pseudo")
    db = folder / "source.duckdb"
    shutil.copy(demo_file, db)
    ws = open_workspace(DEMO_CONFIG, db, demo=False)
    ws.db.write(
        lambda tx: tx.execute(
            "INSERT OR REPLACE INTO person_language SELECT id, ?, now() FROM person", [PSEUDO]
        )
    )
    ws.db.close()
    mark_the_data(db)
    yield from _serve(db, DEMO_CONFIG, folder)


def _untranslated(page: Page) -> list[str]:
    """The words outside every mark, each with the text around it."""
    left = []
    for text in page.evaluate(_SHOWN_TEXTS, NOT_OURS):
        for name in PROPER_NAMES:
            text = text.replace(name, "")
        rest = unmarked(text)
        left += [rest[max(m.start() - 40, 0) : m.end() + 40] for m in re.finditer(r"[^\W\d_]{2,}", rest)]
    return left


@pytest.mark.parametrize("path", ["overview", "decisions", "meetings", "customer_voice"])
def test_every_text_a_page_shows_in_the_browser_is_translated(
    browser: Browser, pseudo_url: str, path: str
) -> None:
    with opened_on(browser, pseudo_url, f"/{path}") as page:
        page.wait_for_timeout(1000)  # charts finish drawing
        visited(page, f"pseudo-{path}")
        shown = "".join(page.evaluate(_SHOWN_TEXTS, NOT_OURS))
        assert shown.count("⟦") > 20, "the page is not in the pseudo-language"
        left = _untranslated(page)
        assert left == [], left


@pytest.fixture
def own_app(demo_file: Path, tmp_path: Path, browser: Browser) -> Iterator[Page]:
    """A browser on an app of its own: the language chosen here is kept in its workspace."""
    for url in _serve(demo_file, DEMO_CONFIG, tmp_path):
        with opened_on(browser, url) as page:
            yield page


def test_a_person_who_picks_dutch_reads_dutch_and_keeps_it_after_a_reload(own_app: Page) -> None:
    page = own_app
    act_as(page, "Inge Brouwer")
    page.goto("/overview")
    wait_for_app(page)
    choose(page, "Language", "Nederlands")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overzicht")
    expect(page.get_by_test_id("stSidebar").get_by_role("link", name="Besluiten", exact=True)).to_be_visible()

    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Overzicht")
    shot(page, "dutch-overview")
