"""Fresh temporary workspaces for every test: an empty one, and a copy of the demo built once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from streamlit import config as streamlit_config

from council.config import load_config
from council.domain.people import Person
from council.domain.workspace import WorkspaceConfig
from council.services import acting
from council.services.workspace import Workspace, open_workspace
from council.store.database import Database, Query
from tests.mail_inbox import Inbox, running_inbox, with_mail

ROOT = Path(__file__).resolve().parents[1]
DEMO_CONFIG = ROOT / "data" / "workspace.yaml"
DEMO_TODAY = date(2026, 11, 23)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marked by where they live: the browser tests `e2e`, the page tests `slow` (each runs the whole app
    under AppTest), so the quick loop, `-m "not e2e and not slow"`, leaves them out."""
    for item in items:
        folder = item.path.relative_to(ROOT).parts[1]
        if folder == "e2e":
            item.add_marker(pytest.mark.e2e)
        elif folder == "ui":
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session", autouse=True)
def page_errors_in_full() -> None:
    """People see a plain "something went wrong" (.streamlit/config.toml); tests see what went wrong."""
    streamlit_config.set_option("client.showErrorDetails", "full")


@pytest.fixture(autouse=True)
def stand_ins_act_as_themselves(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in actors of tests/services/conftest.py (those objects only) pass the services' roster check."""
    from tests.services.conftest import STAND_INS

    strict = acting.on_roster_now

    def on_roster_now(q: Query, actor: Person | None) -> Person | None:
        return actor if any(actor is p for p in STAND_INS) else strict(q, actor)

    monkeypatch.setattr(acting, "on_roster_now", on_roster_now)


@pytest.fixture
def config() -> WorkspaceConfig:
    return load_config(DEMO_CONFIG)


@pytest.fixture
def db(empty_file: Path, tmp_path: Path) -> Iterator[Database]:
    """An empty database at the newest schema: a copy of one migrated once (migrating is most of the set-up)."""
    target = tmp_path / "council.duckdb"
    shutil.copy(empty_file, target)
    database = Database(target)
    yield database
    database.close()


def _built_once(tmp_path_factory: pytest.TempPathFactory, name: str, *, demo: bool) -> Path:
    path = tmp_path_factory.mktemp(name) / f"{name}.duckdb"
    ws = open_workspace(DEMO_CONFIG, path, demo=demo)
    ws.db.checkpoint()
    ws.db.close()
    return path


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace, built once per test run; tests get their own copy."""
    return _built_once(tmp_path_factory, "demo", demo=True)


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.duckdb"
    shutil.copy(demo_file, target)
    return target


@pytest.fixture
def demo(demo_copy: Path) -> Iterator[Workspace]:
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    yield ws
    ws.db.close()


@pytest.fixture(scope="session")
def empty_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty workspace at the newest schema, built once; `empty` gives each test its own copy."""
    return _built_once(tmp_path_factory, "empty", demo=False)


@pytest.fixture
def empty(empty_file: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A fresh empty workspace per test, copied rather than migrated: migrating is most of the set-up."""
    target = tmp_path / "empty.duckdb"
    shutil.copy(empty_file, target)
    ws = open_workspace(DEMO_CONFIG, target, demo=False)
    yield ws
    ws.db.close()


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    """A real SMTP server on a free port of this machine; what it received is in `inbox.messages`."""
    with running_inbox() as server:
        yield server


@pytest.fixture
def mailing(empty: Workspace, inbox: Inbox) -> Workspace:
    """An empty workspace that sends its mails to `inbox`."""
    return with_mail(empty, inbox.settings())
