"""A second program on a workspace that a running app holds: every command line command, and a
second app, say which process holds the database and what to do instead, never a traceback."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from council.cli import main
from tests.conftest import DEMO_CONFIG, ROOT

# Slow: starts a second process beside the app.
pytestmark = pytest.mark.slow

HOLD = """
import sys, time
from council.services.workspace import open_workspace
ws = open_workspace(sys.argv[1], sys.argv[2], demo=False)
print("holding", flush=True)
time.sleep(120)
"""


@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int]]:
    """A workspace file that another process keeps open, as a running app does; (file, its pid)."""
    db = tmp_path_factory.mktemp("held") / "council.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(DEMO_CONFIG), str(db)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        yield db, holder.pid
    finally:
        holder.kill()
        holder.wait(timeout=30)


COMMANDS = {
    "init": ["init"],
    "version": ["version"],
    "backup": ["backup", "{tmp}/backup.duckdb"],
    "restore": ["restore", "{tmp}/backup.duckdb"],
    "import-feedback": ["import-feedback", "{tmp}/feedback.csv", "--source", "Survey"],
    "set-password": ["set-password", "someone@example.org", "--password-stdin"],
    "accounts": ["accounts"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_on_a_held_workspace_says_who_holds_it_and_what_to_do(
    held, tmp_path, capsys, monkeypatch, command
):
    db, pid = held
    (tmp_path / "feedback.csv").write_text("Date;Score\n2026-11-02;9\n", encoding="utf-8")
    (tmp_path / "backup.duckdb").write_bytes(b"")
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough passphrase\n"))
    args = [a.format(tmp=tmp_path) for a in COMMANDS[command]]

    code = main([*args, "--config", str(DEMO_CONFIG), "--db", str(db)])

    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert f"is in use by process {pid} (python" in err, err
    assert "stop the app" in err and "handed to it by themselves" in err


def test_a_second_app_on_a_held_workspace_shows_the_same_message(held, monkeypatch) -> None:
    db, pid = held
    monkeypatch.setenv("COUNCIL_CONFIG", str(DEMO_CONFIG))
    monkeypatch.setenv("COUNCIL_DB", str(db))

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()

    assert not at.exception
    assert [e.value for e in at.error if f"in use by process {pid}" in e.value], [e.value for e in at.error]
