"""The large synthetic workspace for measuring speed, at a small scale: the sizes asked for, the
same workspace again from the same seed, and every page opens on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from council.cli import main
from council.demo.large import FULL, Sizes
from council.services.workspace import open_workspace
from tests.conftest import DEMO_CONFIG, ROOT
from tests.services.conftest import table_contents
from tests.ui.conftest import PAGES

# Slow: builds a large workspace.
pytestmark = pytest.mark.slow

SCALE = 0.002


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("large") / "large.duckdb"
    assert main(["large", "--scale", str(SCALE), "--config", str(DEMO_CONFIG), "--db", str(db)]) == 0
    return db


def _contents(db: Path) -> dict:
    ws = open_workspace(DEMO_CONFIG, db, demo=False)
    try:
        return table_contents(ws)
    finally:
        ws.db.close()


def test_the_sizes_follow_the_scale_on_top_of_the_demo(large: Path, demo_file: Path) -> None:
    demo, grown = _contents(demo_file), _contents(large)
    sizes = Sizes.at(SCALE)
    for table in FULL:
        if table == "decision":  # a quarter of the new decisions also got a second version
            added = grown[table][0] - demo[table][0]
            assert sizes.decision <= added <= sizes.decision * 1.5
        else:
            assert grown[table][0] - demo[table][0] == getattr(sizes, table), table


def test_links_belong_to_a_decisions_first_version_as_the_app_writes_them(large: Path) -> None:
    ws = open_workspace(DEMO_CONFIG, large, demo=False)
    try:
        versions, decisions = ws.db.row(
            "SELECT list(DISTINCT version), count(DISTINCT decision_id) FROM decision_link"
        )
        assert versions == [1] and decisions > Sizes.at(SCALE).decision
    finally:
        ws.db.close()


def _generated(db: Path) -> dict[str, tuple[int, int]]:
    """Per table, the row count and a checksum of every column but those the clock fills in when a row is
    written (`created_at` and the like), which no seed decides."""
    ws = open_workspace(DEMO_CONFIG, db, demo=False)
    try:
        columns: dict[str, list[str]] = {}
        for table, column in ws.db.rows(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND "
            "coalesce(column_default, '') NOT LIKE '%current_timestamp%' ORDER BY table_name, column_index"
        ):
            columns.setdefault(table, []).append(f'"{column}"')
        return {
            t: tuple(
                ws.db.rows(f"SELECT count(*), coalesce(sum(hash({', '.join(c)})::HUGEINT), 0) FROM {t}")[0]
            )
            for t, c in columns.items()
        }
    finally:
        ws.db.close()


def test_the_same_seed_gives_the_same_workspace(large: Path, tmp_path: Path, capsys) -> None:
    again = tmp_path / "again.duckdb"
    assert main(["large", "--scale", str(SCALE), "--config", str(DEMO_CONFIG), "--db", str(again)]) == 0
    first, second = _generated(large), _generated(again)
    assert first == second and first["friction_point"][0] > 100


def test_a_large_workspace_goes_only_into_a_new_file(large: Path, capsys) -> None:
    assert main(["large", "--config", str(DEMO_CONFIG), "--db", str(large)]) == 1
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize("page", ["overview", "friction_points", "meetings", "decisions", "customer_voice",
                                  "audit_trail", "wall"])  # fmt: skip
def test_the_pages_open_on_it(large: Path, monkeypatch, page: str) -> None:
    monkeypatch.setenv("COUNCIL_CONFIG", str(DEMO_CONFIG))
    monkeypatch.setenv("COUNCIL_DB", str(large))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert PAGES[page] in [t.value for t in at.title]
