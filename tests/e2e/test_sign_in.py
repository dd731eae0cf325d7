"""Signing in with a local account, in a real browser behind the app's own sign-in page: a pasted link
survives signing in, a reload and a new tab keep you signed in, the token is out of scripts' reach,
and signing out in one tab signs the other out and makes a copied token worthless."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request

from playwright.sync_api import Browser, Page, expect

from tests.conftest import ROOT
from tests.e2e.conftest import ACCOUNT_PASSWORD, ACCOUNTS, VIEWPORT, assert_no_exception, shot, wait_for_app

COOKIE = "council_session"


def _sign_in(page: Page, email: str = ACCOUNTS[0], password: str = ACCOUNT_PASSWORD) -> None:
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_a_pasted_link_opens_after_signing_in_and_reloads_and_new_tabs_stay_signed_in(
    browser: Browser, accounts_app
):
    url = accounts_app.url
    context = browser.new_context(viewport=VIEWPORT, base_url=url)
    page = context.new_page()
    page.goto("/decisions?id=3")
    expect(page).to_have_url(re.compile(r"/auth/sign-in\?next="))
    shot(page, "sign-in-page")
    _sign_in(page, password="not the password")
    expect(page.get_by_role("alert")).to_contain_text("not right")
    _sign_in(page)
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/decisions\?id=3$"))
    expect(page.get_by_text("#3 · One agent owns an address change")).to_be_visible()
    assert_no_exception(page)

    page.reload()
    wait_for_app(page)
    expect(page.get_by_test_id("stSidebar")).to_contain_text("Signed in as Inge Brouwer")
    other = context.new_page()
    other.goto("/actions")
    wait_for_app(other)
    expect(other.get_by_role("heading", level=1)).to_have_text("Actions")

    [cookie] = [c for c in context.cookies() if c["name"] == COOKIE]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert COOKIE not in page.evaluate("document.cookie")  # page scripts cannot read the token

    other.get_by_test_id("stSidebar").get_by_role("button", name="Sign out").click()
    wait_for_app(other)
    expect(other.get_by_text("You are signed out")).to_be_visible()
    page.get_by_test_id("stSidebar").get_by_role("link", name="Overview", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text("You are signed out")).to_be_visible()  # at its next click
    shot(page, "signed-out-elsewhere")

    thief = browser.new_context(viewport=VIEWPORT, base_url=url)
    thief.add_cookies([{"name": COOKIE, "value": cookie["value"], "url": url}])
    stolen = thief.new_page()
    stolen.goto("/overview")
    expect(stolen).to_have_url(re.compile(r"/auth/sign-in"))  # the copied token stopped working
    thief.close()
    context.close()


def test_after_signing_out_the_next_person_opens_on_their_own_first_page(
    browser: Browser, accounts_app
) -> None:
    context = browser.new_context(viewport=VIEWPORT, base_url=accounts_app.url)
    page = context.new_page()
    page.goto("/audit_trail")
    _sign_in(page)  # the secretary, on a page of her own
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit trail")
    page.get_by_test_id("stSidebar").get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You are signed out.")).to_be_visible()
    with context.expect_page() as opened:  # the link opens the sign-in page in a tab of its own
        page.get_by_role("link", name="Sign in again").click()
    page = opened.value
    _sign_in(page, ACCOUNTS[1])  # a chair, next at the same browser
    wait_for_app(page)
    expect(page.get_by_test_id("stSidebar")).to_contain_text("Signed in as Marieke Jansen")
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    assert "audit_trail" not in page.url
    assert_no_exception(page)
    context.close()


def test_without_signing_in_nothing_but_the_sign_in_page_answers(accounts_app) -> None:
    url = accounts_app.url
    for method, path, expected in (
        ("PUT", "/_stcore/upload_file/session/file", 401),
        ("GET", "/media/x.png", 401),
    ):
        request = urllib.request.Request(
            url + path, method=method, data=b"x" * 1024 if method == "PUT" else None
        )
        try:
            urllib.request.urlopen(request, timeout=10)
            status = 200
        except urllib.error.HTTPError as e:
            status = e.code
        assert status == expected, (path, status)
    with urllib.request.urlopen(url + "/_stcore/health", timeout=10) as answer:
        assert answer.status == 200


def test_a_wall_link_opens_the_wall_and_nothing_else(browser: Browser, accounts_app) -> None:
    url, key = accounts_app.url, accounts_app.wall_key
    context = browser.new_context(viewport=VIEWPORT, base_url=url)
    screen = context.new_page()
    screen.goto(f"/wall?key={key}")
    wait_for_app(screen)
    expect(screen.get_by_role("heading", name="Where we stand with our customers")).to_be_visible()
    assert_no_exception(screen)
    shot(screen, "wall-by-link")
    screen.goto("/decisions")  # the wall's key opens nothing else
    expect(screen).to_have_url(re.compile(r"/auth/sign-in"))
    context.close()
    stranger = browser.new_context(viewport=VIEWPORT, base_url=url).new_page()
    stranger.goto("/wall?key=a-key-nobody-made")
    expect(stranger).to_have_url(re.compile(r"/auth/sign-in"))  # a made-up key opens nothing
    stranger.context.close()


def test_set_password_on_the_command_line_works_while_the_app_runs(browser: Browser, accounts_app) -> None:
    new = "quiet harbour seven lamps"
    done = subprocess.run(
        [sys.executable, "-m", "council", "set-password", accounts_app.member_email, "--password-stdin",
         "--config", str(accounts_app.config), "--db", str(accounts_app.db)],
        input=f"{new}\n", capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0 and "can now sign in" in done.stdout, done.stderr
    context = browser.new_context(viewport=VIEWPORT, base_url=accounts_app.url)
    page = context.new_page()
    page.goto("/")
    _sign_in(page, accounts_app.member_email, new)
    wait_for_app(page)
    expect(page.get_by_test_id("stSidebar")).to_contain_text("Signed in as")
    context.close()


def test_a_secretary_without_a_way_in_sets_a_password_with_the_recovery_code(
    browser: Browser, accounts_app
) -> None:
    context = browser.new_context(viewport=VIEWPORT, base_url=accounts_app.url)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name="Use the recovery code").click()
    page.get_by_label("Your e-mail address").fill(ACCOUNTS[0])
    page.get_by_label("Recovery code").fill(accounts_app.recovery_code)
    page.get_by_label("New password", exact=True).fill(ACCOUNT_PASSWORD)
    page.get_by_label("The new password again").fill(ACCOUNT_PASSWORD)
    page.get_by_role("button", name="Set the new password").click()
    expect(page.get_by_role("alert")).to_contain_text("Your new password is set")
    shot(page, "recovered")
    _sign_in(page)
    wait_for_app(page)
    expect(page.get_by_test_id("stSidebar")).to_contain_text("Signed in as Inge Brouwer")
    context.close()
