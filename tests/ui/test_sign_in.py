"""Signing in with a local account: nothing but the form until the password is right, a lock after
five wrong ones, and signing out."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from council.domain.accounts import SLOW_AFTER
from council.domain.people import OPERATOR
from council.services import accounts
from council.services.workspace import open_workspace
from council.store import audit
from tests.conftest import DEMO_CONFIG, ROOT
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


def test_after_five_wrong_passwords_even_the_right_one_waits_with_the_same_answer(opened, secretary_email):
    at = opened
    for n in range(SLOW_AFTER):
        at = _try(at, secretary_email, f"wrong guess {n}")
    assert "not right, or there were several wrong tries" in plain(at.error[0].value)
    at = _try(at, secretary_email, PASSWORD)
    assert "wait a minute" in plain(at.error[0].value) and [t.value for t in at.title] == ["Sign in"]


def test_a_signed_in_person_changes_their_own_password_knowing_the_current_one(opened, secretary_email):
    at = _try(opened, secretary_email, PASSWORD)
    new = "another long passphrase"

    def change(current: str, password: str, confirm: str) -> AppTest:
        for field, typed in (("current", current), ("password", password), ("confirm", confirm)):
            at.text_input(key=f"own_password_{field}").input(typed)
        return button(at, "Change password").click().run()

    at = change("not my password", new, new)
    assert "current password is not right" in plain(at.error[0].value)
    assert all(at.text_input(key=f"own_password_{f}").value == "" for f in ("current", "password", "confirm"))

    at = change(PASSWORD, "short", "short")
    assert "use at least 10" in plain(at.error[0].value)

    at = change(PASSWORD, new, new)
    assert "Your password is changed" in at.success[0].value
    at = button(at, "Sign out").click().run()
    assert "is not right" in plain(_try(at, secretary_email, PASSWORD).error[0].value)
    at = _try(at, secretary_email, new)
    assert any("Signed in as" in m.value for m in at.sidebar.markdown)


def test_after_signing_out_the_next_person_opens_on_their_own_first_page(opened, demo_copy, accounts_config):
    ws = open_workspace(accounts_config, demo_copy, demo=False)
    try:
        member = next(p for p in accounts.people.list_people(ws.db) if p.roles == ("member",) and p.email)
        secretary = next(p for p in accounts.people.list_people(ws.db) if p.has_role("secretary"))
        for person in (member, secretary):
            accounts.set_password(ws, OPERATOR, person.id, PASSWORD, PASSWORD)
    finally:
        ws.db.close()
    at = _try(opened, secretary.email, PASSWORD)
    at.switch_page("app_pages/audit_trail.py").run()  # a page of the secretary's own
    assert [t.value for t in at.title] == ["Audit trail"]
    at = button(at, "Sign out").click().run()

    at = _try(at, member.email, PASSWORD)
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"Signed in as **{member.name}**" in m.value for m in at.sidebar.markdown)
    assert [t.value for t in at.title][:1] == ["My work"]  # a member's first page, not the audit trail
    assert not any("not for your role" in plain(i.value) for i in at.info)


# The organisation's own sign-in (OpenID Connect): Streamlit signs the person in; the roster says who they are.
PROVIDER = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a long random string",
    "client_id": "council-workspace",
    "client_secret": "not a real secret",
    "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
}


@pytest.fixture
def organisation(monkeypatch, demo_copy: Path, tmp_path: Path):
    """`organisation(user, secrets)`: a new browser session on a workspace with `sign_in: oidc`, where
    the provider's sign-in gives `user` (what `st.user` holds)."""
    monkeypatch.setenv("COUNCIL_CONFIG", str(changed_config(tmp_path, "sign_in: demo", "sign_in: oidc")))
    monkeypatch.setenv("COUNCIL_DB", str(demo_copy))

    def opening(user: dict, secrets: dict | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
        at.user = user
        at.secrets["auth"] = PROVIDER if secrets is None else secrets
        return at.run()

    return opening


def _sign_ins(demo_copy: Path, person_id: int) -> int:
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    try:
        return sum(e.action == "sign_in" for e in audit.entries_about(ws.db, "account", str(person_id)))
    finally:
        ws.db.close()


def test_the_organisations_sign_in_opens_the_workspace_for_someone_on_the_roster(organisation, demo_copy):
    at = organisation({"is_logged_in": False})
    assert [t.value for t in at.title] == ["Sign in"] and not at.dataframe
    assert button(at, "Sign in with your organisation account")

    secretary = _secretary(demo_copy)
    at = organisation({"is_logged_in": True, "email": secretary.email.upper(), "email_verified": True})
    assert not at.exception and "Sign in" not in [t.value for t in at.title]
    assert f"Signed in as **{secretary.name}**" in [m.value for m in at.sidebar.markdown]
    assert "Acting as" not in [s.label for s in at.sidebar.selectbox]  # only in demo mode
    at.run()
    assert _sign_ins(demo_copy, secretary.id) == 1  # once per browser session, not once per click

    at = button(at, "Sign out").click().run()
    assert [t.value for t in at.title] == ["Sign in"]


def test_the_organisations_sign_in_is_refused_for_someone_the_roster_does_not_know(organisation):
    at = organisation({"is_logged_in": True, "email": "stranger@example.org"})
    assert "stranger@example.org is not on the council's roster" in plain(at.error[0].value)
    assert not at.dataframe and button(at, "Sign out, to sign in with another account")


def test_without_the_providers_settings_the_sign_in_page_says_what_is_missing(organisation):
    at = organisation({"is_logged_in": False}, secrets={"redirect_uri": PROVIDER["redirect_uri"]})
    message = plain(at.error[0].value)
    assert "not set up yet" in message and "cookie_secret, client_id, client_secret" in message
    assert not [b for b in at.button if b.label == "Sign in with your organisation account"]


def _secretary(demo_copy: Path):
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    try:
        return next(p for p in accounts.people.list_people(ws.db) if p.has_role("secretary"))
    finally:
        ws.db.close()
