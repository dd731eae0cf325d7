"""The secretary's roster on the Council page: adding people, changing their roles, setting a
password and lifting a lock, with one clear message for each mistake."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from council.domain.accounts import SLOW_AFTER
from council.domain.errors import SignInFailed
from council.domain.people import OPERATOR, Person
from council.services import accounts, signing_in
from council.services.workspace import open_workspace
from council.store import people
from council.ui.session import SIGNED_IN_KEY
from tests.conftest import ROOT
from tests.ui.conftest import button, changed_config, plain

PASSWORD = "a long enough passphrase"


@pytest.fixture
def accounts_config(tmp_path: Path) -> Path:
    return changed_config(tmp_path, "sign_in: demo", "sign_in: accounts")


@pytest.fixture
def read(demo_copy: Path, accounts_config: Path):
    """`read(fn, *args)`: fn(ws, *args) on the workspace file as it is now."""

    def reading(fn, *args):
        ws = open_workspace(accounts_config, demo_copy, demo=False)
        try:
            return fn(ws, *args)
        finally:
            ws.db.close()

    return reading


@pytest.fixture
def open_as(monkeypatch, demo_copy: Path, accounts_config: Path, read):
    """`open_as(role)`: the Council page, signed in as the first active person with that role."""

    def opening(role: str) -> AppTest:
        monkeypatch.setenv("COUNCIL_CONFIG", str(accounts_config))
        monkeypatch.setenv("COUNCIL_DB", str(demo_copy))
        person = read(lambda ws: next(p for p in people.list_people(ws.db) if p.roles == (role,) or
                                      (role == "secretary" and p.has_role(role))))  # fmt: skip
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
        at.session_state[SIGNED_IN_KEY] = person.id
        at.run()
        at.switch_page("app_pages/council.py")
        return at.run()

    return opening


def _by_email(ws, email: str) -> Person | None:
    return people.person_by_email(ws.db, email)


def shown(at: AppTest):
    """The roster's table (the seats tab has tables of its own)."""
    return next(d.value for d in at.dataframe if "Signing in" in d.value.columns)


def _add(at: AppTest, name: str, email: str, department: str = "sales", roles=("member",)) -> AppTest:
    at.text_input(key="new_person_name").input(name)
    at.text_input(key="new_person_email").input(email)
    at.selectbox(key="new_person_department").select(department)
    at.multiselect(key="new_person_roles").set_value(list(roles))
    return button(at, "Add to the roster").click().run()


def test_the_secretary_adds_a_person_and_gives_them_a_first_password(open_as, read) -> None:
    at = open_as("secretary")
    assert [t.label for t in at.tabs] == ["Seats and rotation", "People and roles"]

    at = _add(at, "Noor Visser", "noor.visser@example.org", roles=("member", "chair"))
    assert not at.exception
    assert "Noor Visser is on the roster. Set a first password" in plain(at.success[0].value)
    added = read(_by_email, "noor.visser@example.org")
    assert (added.name, added.department, added.roles) == ("Noor Visser", "sales", ("chair", "member"))
    table = shown(at)
    assert table.loc[table["Name"] == "Noor Visser", "Signing in"].item() == "no password yet"
    assert at.selectbox(key="roster_person").value == added.id  # opened below, ready for the password
    assert at.text_input(key="new_person_name").value == ""  # the form is empty for the next one

    form = f"password_{added.id}"
    at.text_input(key=f"{form}_password").input(PASSWORD)
    at.text_input(key=f"{form}_confirm").input(PASSWORD + "!")
    at = button(at, "Set a first password").click().run()
    assert "not the same" in plain(at.error[0].value)
    assert at.text_input(key=f"{form}_password").value == ""  # a password never stays on screen
    assert read(lambda ws: accounts.accounts.get_account(ws.db, added.id)) is None

    at.text_input(key=f"{form}_password").input(PASSWORD)
    at.text_input(key=f"{form}_confirm").input(PASSWORD)
    at = button(at, "Set a first password").click().run()
    assert "Noor Visser has a new password." in plain(at.success[0].value)
    assert read(signing_in.sign_in, "Noor.Visser@example.org", PASSWORD).id == added.id


def test_a_mistake_in_a_new_person_says_what_to_fix_and_keeps_what_was_typed(open_as, read) -> None:
    at = open_as("secretary")
    before = read(lambda ws: len(people.list_people(ws.db, active_only=False)))
    at = _add(at, "Noor Visser", "noor at example")
    assert "does not look like an e-mail address" in plain(at.error[0].value)
    assert at.text_input(key="new_person_name").value == "Noor Visser"
    taken = read(lambda ws: people.list_people(ws.db)[0].email)
    at.text_input(key="new_person_email").input(taken.upper())
    at = button(at, "Add to the roster").click().run()
    assert "already has the e-mail address" in plain(at.error[0].value)
    assert read(lambda ws: len(people.list_people(ws.db, active_only=False))) == before


def test_the_secretary_changes_roles_and_marks_someone_who_left(open_as, read) -> None:
    at = open_as("secretary")
    member = read(lambda ws: next(p for p in people.list_people(ws.db) if p.roles == ("member",)))
    at.selectbox(key="roster_person").select(member.id).run()
    form = f"edit_person_{member.id}"
    at.multiselect(key=f"{form}_roles").set_value(["member", "chair"])
    at = button(at, "Save changes").click().run()
    assert f"Saved the changes to {member.name}." in plain(at.success[0].value)
    assert read(lambda ws, i: people.get_person(ws.db, i), member.id).roles == ("chair", "member")

    at.checkbox(key=f"{form}_active").uncheck()
    at = button(at, "Save changes").click().run()
    assert read(lambda ws, i: people.get_person(ws.db, i), member.id).active is False
    assert member.name not in shown(at)["Name"].tolist()
    at.toggle(key="roster_show_left").set_value(True).run()
    table = shown(at)
    assert table.loc[table["Name"] == member.name, "Signing in"].item() == "left the roster: cannot sign in"


def test_the_only_secretary_cannot_give_up_the_role(open_as, read) -> None:
    at = open_as("secretary")
    me = read(lambda ws: next(p for p in people.list_people(ws.db) if p.has_role("secretary")))
    at.selectbox(key="roster_person").select(me.id).run()
    form = f"edit_person_{me.id}"
    at.multiselect(key=f"{form}_roles").set_value([r for r in me.roles if r != "secretary"])
    at = button(at, "Save changes").click().run()
    assert "the only secretary" in plain(at.error[0].value)
    assert read(lambda ws, i: people.get_person(ws.db, i), me.id).roles == me.roles


def test_an_account_made_to_wait_shows_so_and_the_secretary_lets_it_through(open_as, read) -> None:
    member = read(lambda ws: next(p for p in people.list_people(ws.db) if p.roles == ("member",)))

    def lock(ws) -> None:
        accounts.set_password(ws, OPERATOR, member.id, PASSWORD, PASSWORD)
        for _ in range(SLOW_AFTER):
            with pytest.raises(SignInFailed):
                signing_in.sign_in(ws, member.email, "a wrong password")

    read(lock)
    at = open_as("secretary")
    table = shown(at)
    assert table.loc[table["Name"] == member.name, "Signing in"].item().startswith("slowed down until")
    at.selectbox(key="roster_person").select(member.id).run()
    assert "the next try waits until" in plain(at.warning[0].value)
    at = button(at, "Let the next try through now, keeping the password").click().run()
    assert f"{member.name} can sign in again" in plain(at.success[0].value)
    assert read(signing_in.sign_in, member.email, PASSWORD).id == member.id


@pytest.mark.parametrize("role", ["member", "executive"])
def test_only_the_secretary_sees_the_roster(open_as, role: str) -> None:
    at = open_as(role)
    assert not at.exception and not at.tabs
    assert not [b for b in at.button if b.label in ("Add to the roster", "Save changes")]


def test_the_secretary_changes_an_address_and_anonymises_someone_who_left(open_as, read) -> None:
    at = open_as("secretary")
    member = read(lambda ws: next(p for p in people.list_people(ws.db) if p.roles == ("member",)))
    at.selectbox(key="roster_person").select(member.id).run()
    form = f"edit_person_{member.id}"
    assert at.text_input(key=f"{form}_email").value == member.email
    at.text_input(key=f"{form}_email").input("new.address@example.org")
    at.checkbox(key=f"{form}_active").uncheck()
    at = button(at, "Save changes").click().run()
    after = read(lambda ws, i: people.get_person(ws.db, i), member.id)
    assert (after.email, after.active) == ("new.address@example.org", False)

    at.toggle(key="roster_show_left").set_value(True).run()
    at.selectbox(key="roster_person").select(member.id).run()
    go = button(at, "Anonymise")
    assert go.disabled  # not before saying yes
    at.checkbox(key=f"anonymise_{member.id}_sure").check()
    at = button(at.run(), "Anonymise").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"is now Former member #{member.id}" in plain(s.value) for s in at.success)
    gone = read(lambda ws, i: people.get_person(ws.db, i), member.id)
    assert (gone.name, gone.email) == (f"Former member #{member.id}", None)
