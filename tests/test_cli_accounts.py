"""The account commands: the first password of a new workspace, and help for those made to wait."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from council.domain.accounts import SLOW_AFTER
from council.domain.errors import SignInFailed
from council.services import signing_in
from council.services.workspace import open_workspace
from tests.test_cli import CONFIG, run

# Slow: runs the command line, with password hashes.
pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def no_environment_overrides(monkeypatch):
    monkeypatch.delenv("COUNCIL_DB", raising=False)
    monkeypatch.delenv("COUNCIL_CONFIG", raising=False)


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.duckdb"
    shutil.copy(demo_file, target)
    return target


def _email(db: Path) -> str:
    ws = open_workspace(CONFIG, db, demo=False)
    try:
        return ws.db.value(
            "SELECT email FROM person JOIN person_role r ON r.person_id = person.id "
            "WHERE r.role = 'secretary' ORDER BY id LIMIT 1"
        )
    finally:
        ws.db.close()


def _sign_in(db: Path, email: str, password: str) -> str:
    ws = open_workspace(CONFIG, db, demo=False)
    try:
        return signing_in.sign_in(ws, email, password).name
    finally:
        ws.db.close()


def test_set_password_from_standard_input_lets_the_person_sign_in(demo_db, monkeypatch, capsys):
    email = _email(demo_db)
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough passphrase\n"))

    assert run("set-password", email.upper(), "--password-stdin", "--config", CONFIG, "--db", demo_db) == 0
    assert "can now sign in as" in capsys.readouterr().out
    assert _sign_in(demo_db, email, "a long enough passphrase")


def test_a_weak_password_or_an_unknown_address_is_refused_with_what_to_do(demo_db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert run("set-password", _email(demo_db), "--password-stdin", "--config", CONFIG, "--db", demo_db) == 1
    assert "use at least 10" in capsys.readouterr().err

    assert (
        run("set-password", "nobody@example.org", "--password-stdin", "--config", CONFIG, "--db", demo_db)
        == 1
    )
    assert "Nobody on the roster has the e-mail address 'nobody@example.org'" in capsys.readouterr().err


def test_accounts_lists_who_is_slowed_down_and_set_password_lets_them_in(demo_db, monkeypatch, capsys):
    email = _email(demo_db)
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough passphrase\n"))
    run("set-password", email, "--password-stdin", "--config", CONFIG, "--db", demo_db)
    for n in range(SLOW_AFTER):
        with pytest.raises(SignInFailed):
            _sign_in(demo_db, email, f"wrong guess {n}")
    capsys.readouterr()

    assert run("accounts", "--config", CONFIG, "--db", demo_db) == 0
    line, zone, waiting = capsys.readouterr().out.splitlines()
    assert email in line and "never signed in" in line and line.endswith("SLOWED DOWN")
    assert zone == "(times in Europe/Amsterdam)"
    assert waiting.startswith("No password yet: ") and email not in waiting  # the others on the roster

    monkeypatch.setattr("sys.stdin", io.StringIO("another long passphrase\n"))
    run("set-password", email, "--password-stdin", "--config", CONFIG, "--db", demo_db)
    assert _sign_in(demo_db, email, "another long passphrase")


def test_a_new_workspace_gets_its_first_secretary_who_can_then_sign_in(tmp_path, monkeypatch, capsys):
    db = tmp_path / "new.duckdb"
    assert run("init", "--config", CONFIG, "--db", db) == 0
    args = ("--config", CONFIG, "--db", db)
    assert run("add-person", "Sara Secretary", "--email", "sara@example.org", "--department", "service",
               "--roles", "secretary,member", *args) == 0  # fmt: skip
    assert "set-password sara@example.org" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough passphrase\n"))
    assert run("set-password", "sara@example.org", "--password-stdin", *args) == 0
    assert _sign_in(db, "sara@example.org", "a long enough passphrase") == "Sara Secretary"

    capsys.readouterr()
    assert run("add-person", "Sara Again", "--email", "SARA@example.org", *args) == 1
    assert "already has the e-mail address" in capsys.readouterr().err
    assert run("add-person", "Bad Role", "--email", "b@example.org", "--roles", "king", *args) == 1
    assert "'king' is not known" in capsys.readouterr().err
    assert run("add-person", "No Mail", "--email", "not-an-address", *args) == 1
    assert "does not look like an e-mail address" in capsys.readouterr().err
