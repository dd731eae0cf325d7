"""Signing in with a local account: nothing but the form until the password is right, a lock after
five wrong ones, and signing out."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from council.domain.accounts import LOCK_AFTER
from council.domain.people import OPERATOR
from council.services import accounts
from council.services.workspace import open_workspace
from tests.conftest import ROOT
from tests.ui.conftest import button, changed_config, plain

PASSWORD = "a long enough passphrase"


@pytest.fixture
def accounts_config(tmp_path: Path) -> Path:
    return changed_config(tmp_path, "sign_in: demo", "sign_in: accounts")


@pytest.fixture
def secretary_email(demo_copy: Path, accounts_config: Path) -> str:
    ws = open_workspace(accounts_config, demo_copy, demo=False)
    try:
        secretary = next(p for p in accounts.people.list_people(ws.db) if p.has_role("secretary"))
        accounts.set_password(ws, OPERATOR, secretary.id, PASSWORD, PASSWORD)
        return secretary.email
    finally:
        ws.db.close()


@pytest.fixture
def opened(monkeypatch, demo_copy: Path, accounts_config: Path) -> AppTest:
    """The app as a new browser session opens it: nobody signed in yet."""
    monkeypatch.setenv("COUNCIL_CONFIG", str(accounts_config))
    monkeypatch.setenv("COUNCIL_DB", str(demo_copy))
    return AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()


def _try(at: AppTest, email: str, password: str) -> AppTest:
    at.text_input(key="sign_in_email").input(email)
    at.text_input(key="sign_in_password").input(password)
    return button(at, "Sign in").click().run()


def test_only_the_form_shows_until_the_right_password_and_sign_out_returns_to_it(opened, secretary_email):
    at = opened
    assert [t.value for t in at.title] == ["Sign in"] and not at.dataframe and not at.sidebar.selectbox

    at = _try(at, secretary_email, "not the password")
    assert "is not right" in plain(at.error[0].value)
    assert [t.value for t in at.title] == ["Sign in"]
    assert at.text_input(key="sign_in_password").value == ""  # never kept in the form

    at = _try(at, secretary_email, PASSWORD)
    assert not at.exception and "Sign in" not in [t.value for t in at.title]
    assert any("Signed in as" in m.value for m in at.sidebar.markdown)

    at = button(at, "Sign out").click().run()
    assert [t.value for t in at.title] == ["Sign in"]


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(opened, secretary_email):
    at = opened
    for n in range(LOCK_AFTER):
        at = _try(at, secretary_email, f"wrong guess {n}")
    assert "locked after 5 wrong passwords" in plain(at.error[0].value)
    at = _try(at, secretary_email, PASSWORD)
    assert "locked" in plain(at.error[0].value) and [t.value for t in at.title] == ["Sign in"]
