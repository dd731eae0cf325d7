"""The page that sets a first password from a mail's link: the form, a forged or weak post refused, a
used or unknown link told so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from council.domain.people import Person
from council.services import password_links, signing_in
from council.services.workspace import open_workspace
from council.store import people
from council.ui.password_page import set_password_page
from tests.ui.conftest import changed_config

PASSWORD = "lantern orbit coffee marble"


@pytest.fixture
def site(
    tmp_path: Path, empty_file: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, str, Path, Path]]:
    """The page served on a workspace with local accounts, and a fresh link for Kees (who has no password)."""
    config = changed_config(tmp_path, "sign_in: demo", "sign_in: accounts")
    db = tmp_path / "council.duckdb"
    db.write_bytes(empty_file.read_bytes())
    monkeypatch.setenv("COUNCIL_CONFIG", str(config))
    monkeypatch.setenv("COUNCIL_DB", str(db))
    ws = open_workspace(config, db)
    kees = Person("Kees Visser", "finance", email="kees@example.org")
    person_id = ws.db.write(lambda tx: people.add_person(tx, kees))
    link = ws.db.write(lambda tx: password_links.new_link(tx, ws, person_id))
    ws.db.close()
    app = Starlette(routes=[Route(password_links.PATH, set_password_page, methods=["GET", "POST"])])
    with TestClient(app, base_url="http://council.test") as client:
        yield client, link.split("?", 1)[1], config, db


def _post(client: TestClient, token: str, password: str, confirm: str | None = None, csrf: str | None = None):
    form = client.get(f"{password_links.PATH}?token={token}")
    csrf = csrf if csrf is not None else client.cookies.get("council_csrf", path="/auth/")
    return form, client.post(
        password_links.PATH, data={"token": token, "password": password, "confirm": confirm or password, "csrf": csrf},
        follow_redirects=False,
    )  # fmt: skip


def test_the_link_opens_a_form_that_sets_the_password_once(site) -> None:
    client, query, config, db = site
    token = query.removeprefix("token=")
    form, saved = _post(client, token, PASSWORD)
    assert form.status_code == 200 and "kees@example.org" in form.text and 'name="confirm"' in form.text
    assert saved.status_code == 303 and saved.headers["location"] == "/auth/sign-in?password_set=1"
    ws = open_workspace(config, db)
    assert signing_in.sign_in(ws, "kees@example.org", PASSWORD).name == "Kees Visser"
    ws.db.close()
    again = client.get(f"{password_links.PATH}?token={token}")
    assert (
        again.status_code == 410 and "no longer works" in again.text and 'name="password"' not in again.text
    )


def test_a_weak_password_or_a_forged_post_is_refused_and_the_link_stays(site) -> None:
    client, query, _, _ = site
    token = query.removeprefix("token=")
    _, weak = _post(client, token, "short")
    assert weak.status_code == 400 and "at least" in weak.text and 'name="password"' in weak.text
    _, forged = _post(client, token, PASSWORD, csrf="made-up")
    assert forged.status_code == 400 and "The form had expired" in forged.text
    assert client.get(f"{password_links.PATH}?token={token}").status_code == 200


def test_an_unknown_link_says_what_to_do(site) -> None:
    client, _, _, _ = site
    page = client.get(f"{password_links.PATH}?token=made-up")
    assert page.status_code == 410 and "Ask the council" in page.text


def test_good_news_on_the_sign_in_page_does_not_look_like_an_error(site) -> None:
    from council.ui.web import SIGN_IN_PATH
    from council.ui.web_sign_in import sign_in_page

    client = TestClient(Starlette(routes=[Route(SIGN_IN_PATH, sign_in_page, methods=["GET", "POST"])]))
    assert 'class="note done"' in client.get(f"{SIGN_IN_PATH}?signed_out=1").text
    assert 'class="note done"' in client.get(f"{SIGN_IN_PATH}?password_set=1").text


def test_the_servers_own_pages_speak_the_browsers_language(site) -> None:
    from council.ui.web import SIGN_IN_PATH
    from council.ui.web_sign_in import sign_in_page

    client, query, _, _ = site
    dutch = {"Accept-Language": "nl-NL,nl;q=0.9,en;q=0.8"}
    form = client.get(f"{password_links.PATH}?{query}", headers=dutch)
    assert form.status_code == 200 and '<html lang="nl">' in form.text
    assert "Kies je wachtwoord" in form.text and "<strong>kees@example.org</strong>" in form.text
    assert "Wachtwoord opslaan" in form.text and "klantervaringsraad" in form.text
    csrf = client.cookies.get("council_csrf", path="/auth/")
    fields = {"token": query.removeprefix("token="), "password": "kort", "confirm": "kort", "csrf": csrf}
    weak = client.post(password_links.PATH, data=fields, headers=dutch)
    assert weak.status_code == 400 and "Het wachtwoord heeft 4 tekens; gebruik er minstens 10." in weak.text
    english = client.get(f"{password_links.PATH}?{query}", headers={"Accept-Language": "de-DE,en;q=0.5"})
    assert '<html lang="en">' in english.text and "Save the password" in english.text
    sign_in = TestClient(Starlette(routes=[Route(SIGN_IN_PATH, sign_in_page, methods=["GET", "POST"])]))
    page = sign_in.get(f"{SIGN_IN_PATH}?signed_out=1", headers=dutch).text
    assert "Je bent uitgelogd." in page and "Houd me 14 dagen ingelogd" in page and "Inloggen" in page
