"""Every text a page shows passes through the catalogue: shown in the pseudo-language, which marks each
translated text ⟦like this⟧ (the workspace's own data marked too), no page has a word outside the marks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from council.i18n import LANGUAGE_NAMES, OPEN, PSEUDO, use_language
from council.services.workspace import open_workspace
from council.store import meetings
from council.ui.language import LANGUAGE_KEY
from council.ui.navigation import PAGES
from council.ui.session import ACTING_KEY
from tests.conftest import DEMO_CONFIG, ROOT
from tests.ui.pseudo import mark_the_data, shown_texts, untranslated

# Names that are the same in every language: the organisation's, and each language's own.
PROPER_NAMES = ("Helder Energie", *LANGUAGE_NAMES.values())
ALL_PAGES = [spec.path.removeprefix("app_pages/").removesuffix(".py") for spec in PAGES]


def _in_pseudo(db_file: Path) -> None:
    ws = open_workspace(DEMO_CONFIG, db_file, demo=False)
    ws.db.write(
        lambda tx: tx.execute(
            "INSERT OR REPLACE INTO person_language SELECT id, ?, now() FROM person", [PSEUDO]
        )
    )
    ws.db.close()
    mark_the_data(db_file)


@pytest.fixture(scope="module")
def pseudo_demo(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("pseudo") / "demo.duckdb"
    shutil.copy(demo_file, target)
    _in_pseudo(target)
    return target


def _words_outside_the_marks(at) -> list[str]:
    assert sum(OPEN in text for _, text in shown_texts(at)) >= 5, "the page is not in the pseudo-language"
    left = []
    for where, text, words in untranslated(at):
        rest = text
        for name in PROPER_NAMES:
            rest = rest.replace(name, "")
        if any(word in rest for word in words):
            left.append(f"{where}: {text[:160]!r} {words[:6]}")
    return left


@pytest.mark.parametrize("page", ALL_PAGES)
def test_every_text_on_a_page_of_the_demo_is_translated(
    app, pseudo_demo: Path, tmp_path: Path, page: str
) -> None:
    db_file = tmp_path / "demo.duckdb"
    shutil.copy(pseudo_demo, db_file)
    with use_language(PSEUDO):  # AppTest reads the widgets' options here, after the run
        at = app(db_file, page)
        if page == "propose_change":  # the guest's page, seen by the next meeting's guest
            ws = open_workspace(DEMO_CONFIG, db_file, demo=False)
            guest = meetings.next_meeting(ws.db, ws.now()).guest_id
            ws.db.close()
            at.session_state[ACTING_KEY] = guest
            at.run()

        assert not at.exception, [e.value for e in at.exception]
        assert _words_outside_the_marks(at) == []


@pytest.mark.parametrize("page", ALL_PAGES)
def test_every_text_on_a_page_of_a_new_empty_workspace_is_translated(
    no_demo_config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    monkeypatch.setenv("COUNCIL_CONFIG", str(no_demo_config))
    monkeypatch.setenv("COUNCIL_DB", str(tmp_path / "empty.duckdb"))
    with use_language(PSEUDO):
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
        at.session_state[LANGUAGE_KEY] = PSEUDO  # nobody on the roster yet: the session's language
        at.run()
        at.switch_page(f"app_pages/{page}.py")
        at.run()

        assert not at.exception, [e.value for e in at.exception]
        assert _words_outside_the_marks(at) == []


# One record of each kind, opened: the one with the most attached to it.
RECORDS = {
    "friction_points": "SELECT friction_point_id FROM decision_link WHERE friction_point_id IS NOT NULL"
                       " GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1",
    "missing_connections": "SELECT missing_connection_id FROM connection_friction GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1",
    "blockers": "SELECT blocker_id FROM blocker_friction GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1",
    "meetings": "SELECT meeting_id FROM decision GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1",
    "decisions": "SELECT decision_id FROM decision_event GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1",
}  # fmt: skip


@pytest.mark.parametrize("page", RECORDS)
def test_every_text_on_an_opened_record_is_translated(
    app, pseudo_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    # The workspace itself in the pseudo-language too: minutes are written in the workspace's language.
    monkeypatch.setattr("council.config._Reader.language", lambda reader, data: PSEUDO)
    db_file = tmp_path / "demo.duckdb"
    shutil.copy(pseudo_demo, db_file)
    ws = open_workspace(DEMO_CONFIG, db_file, demo=False)
    record = ws.db.value(RECORDS[page])
    ws.db.close()
    with use_language(PSEUDO):
        at = app(db_file, page, id=str(record))

        assert not at.exception, [e.value for e in at.exception]
        assert _words_outside_the_marks(at) == []
