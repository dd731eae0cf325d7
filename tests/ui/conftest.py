"""Run the app under AppTest against a given workspace file."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import DEMO_CONFIG, ROOT

PAGES = {
    "overview": "Overview",
    "friction_points": "Friction points",
    "missing_connections": "Missing connections",
    "blockers": "Blockers",
    "meetings": "Meetings",
    "propose_change": "Propose a change",
    "self_check": "Council self-check",
    "decisions": "Decisions",
    "customer_voice": "Customer voice",
    "wall": "Where we stand with our customers",
    "council": "Council & rotation",
    "import_feedback": "Import feedback",
    "audit_trail": "Audit trail",
    "settings": "Settings",
}


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    """`app(db_file, page, **params)`: the app opened on `page` (with these query parameters), run."""

    def open_page(db_file: Path, page: str, config: Path = DEMO_CONFIG, **params: str | list[str]) -> AppTest:
        monkeypatch.setenv("COUNCIL_CONFIG", str(config))
        monkeypatch.setenv("COUNCIL_DB", str(db_file))
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
        at.run()
        at.switch_page(f"app_pages/{page}.py")
        at.query_params.update(params)  # as if the address held them, like a shared link
        return at.run()

    return open_page


def changed_config(tmp_path: Path, line: str, instead: str) -> Path:
    """The demo's workspace config with one setting's line replaced, written to tmp_path."""
    text = DEMO_CONFIG.read_text(encoding="utf-8")
    assert line in text
    path = tmp_path / "workspace.yaml"
    path.write_text(text.replace(line, instead), encoding="utf-8")
    return path


@pytest.fixture
def no_demo_config(tmp_path: Path) -> Path:
    """The demo's workspace config, but with `demo_data: false`: a new database stays empty."""
    return changed_config(tmp_path, "demo_data: true", "demo_data: false")


def plain(markdown: str) -> str:
    """What a Markdown element shows: the escapes the app adds around user text removed."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("  \n", "\n")


def button(at: AppTest, label: str):
    """The button with this label (forms' submit buttons included)."""
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r}; there are {[b.label for b in at.button]}"
    return found[0]
