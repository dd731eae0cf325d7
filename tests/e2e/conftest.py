"""The app running for real on a copy of the demo, a Chromium to use it with, and what a user does there.

Everything is found by the words on the screen: labels, button texts, headings. Each page visited is
photographed to `build/e2e/` and checked for error boxes.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from council.domain.people import OPERATOR
from council.services import accounts, recovery, wall_keys
from council.services.workspace import open_workspace
from council.store import people
from tests.conftest import DEMO_CONFIG, ROOT
from tests.mail_inbox import Inbox, running_inbox

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
VIEWPORT = {"width": 1400, "height": 1000}
# With parallel workers (pytest -n), each keeps its own pictures: one would remove the other's.
SHOTS = ROOT / "build" / "e2e" / os.environ.get("PYTEST_XDIST_WORKER", "")
STARTUP_SECONDS = 60
ROW_HEIGHT = 35  # of a table's header and of each of its rows, in pixels

expect.set_options(timeout=20_000)  # a page run on a busy 2-core machine can take several seconds
_shot_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """The system's Chromium; without it the tests are skipped, unless COUNCIL_E2E=required."""
    if not CHROMIUM.exists():
        reason = f"the end-to-end tests need Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("COUNCIL_E2E") == "required":
            pytest.fail(f"COUNCIL_E2E=required, but {reason}", pytrace=False)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def app_url(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app serving a copy of the demo workspace on a free port, as `streamlit run app.py` starts it."""
    yield from _serve(demo_file, DEMO_CONFIG, tmp_path_factory.mktemp("e2e"))


@pytest.fixture(scope="session")
def accounts_app(
    demo_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path, Path]]:
    """The app on a copy of the demo with local accounts (`sign_in: accounts`): its address, config and database."""
    folder = tmp_path_factory.mktemp("e2e_accounts")
    config = folder / "workspace.yaml"
    config.write_text(DEMO_CONFIG.read_text(encoding="utf-8").replace("sign_in: demo", "sign_in: accounts"))
    db = folder / "council.duckdb"
    shutil.copy(demo_file, db)
    ws = open_workspace(config, db, demo=False)
    try:
        for email in ACCOUNTS:
            person = people.person_by_email(ws.db, email)
            accounts.set_password(ws, OPERATOR, person.id, ACCOUNT_PASSWORD, ACCOUNT_PASSWORD)
        wall_key = wall_keys.make_wall_key(ws, OPERATOR, "Corridor")
        code = recovery.new_recovery_code(ws)
        member = next(p for p in people.list_people(ws.db) if p.roles == ("member",) and p.email)
    finally:
        ws.db.close()
    for url in _serve(db, config, folder, copy=False):
        yield AccountsApp(url, wall_key, config, db, member.email or "", code)


@pytest.fixture(scope="session")
def mail_app(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MailApp]:
    """The app on a copy of the demo that sends its mail to a test SMTP server."""
    folder = tmp_path_factory.mktemp("e2e_mail")
    config = folder / "workspace.yaml"
    with running_inbox() as inbox:
        section = (f"email:\n  enabled: true\n  host: 127.0.0.1\n  port: {inbox.port}\n  security: none\n"
                   "  from: council@example.org\n  public_url: https://council.example.org\n")  # fmt: skip
        config.write_text(DEMO_CONFIG.read_text(encoding="utf-8") + "\n" + section, encoding="utf-8")
        for url in _serve(demo_file, config, folder):
            yield MailApp(url, inbox, config, folder / "council.duckdb")


@pytest.fixture
def mail_page(browser: Browser, mail_app: MailApp) -> Iterator[Page]:
    with opened_on(browser, mail_app.url) as tab:
        yield tab


@dataclass(frozen=True)
class MailApp:
    url: str
    inbox: Inbox
    config: Path
    db: Path


@dataclass(frozen=True)
class AccountsApp:
    url: str
    wall_key: str
    config: Path
    db: Path
    member_email: str  # a member without a password yet
    recovery_code: str


ACCOUNTS = ("inge.brouwer@helder.example", "marieke.jansen@helder.example")  # the secretary, a chair
ACCOUNT_PASSWORD = "lantern orbit coffee marble"


def _serve(source: Path, config: Path, folder: Path, *, copy: bool = True, base: str = "") -> Iterator[str]:
    db = folder / "council.duckdb"
    if copy:
        shutil.copy(source, db)
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.headless", "true", "--browser.gatherUsageStats", "false",
               *(["--server.baseUrlPath", base] if base else [])]  # fmt: skip
    env = {**os.environ, "COUNCIL_CONFIG": str(config), "COUNCIL_DB": str(db)}
    errors = folder / "app.stderr"
    with errors.open("wb") as stderr:
        app = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    url = f"http://127.0.0.1:{port}" + (f"/{base}" if base else "")
    try:
        _wait_until_healthy(url, app, errors)
        yield url
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait(timeout=10)


@pytest.fixture(scope="session", autouse=True)
def fresh_screenshots() -> None:
    """Pictures of this run only: those of an earlier run are removed first."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("*.png"):
        old.unlink()


@pytest.fixture
def page(browser: Browser, app_url: str) -> Iterator[Page]:
    """A new browser session on the app's first page, its first run finished."""
    with opened_on(browser, app_url) as tab:
        yield tab


@contextmanager
def opened_on(browser: Browser, url: str, path: str = "/") -> Iterator[Page]:
    """A new browser session on `path` of the app at `url`, its run finished; closed after the block."""
    context = browser.new_context(viewport=VIEWPORT, base_url=url)
    try:
        tab = context.new_page()
        tab.goto(path)
        wait_for_app(tab)
        yield tab
    finally:
        context.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_healthy(url: str, app: subprocess.Popen, errors: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if app.poll() is not None:
            pytest.fail(
                f"the app stopped at start-up (exit code {app.returncode}):\n{_read(errors)}", pytrace=False
            )
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read().decode().strip() == "ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    pytest.fail(
        f"the app did not answer {url}/_stcore/health within {STARTUP_SECONDS} s:\n{_read(errors)}",
        pytrace=False,
    )


def _read(errors: Path) -> str:
    return errors.read_text(encoding="utf-8", errors="replace") or "(nothing on stderr)"


def wait_for_app(page: Page) -> None:
    """Wait until Streamlit has finished running the page, including any rerun it asked for."""
    page.wait_for_timeout(250)  # the click or keystroke first has to reach the server and start a run
    # A run waits longer than other checks: with -n 2, the other worker may be starting app processes.
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=45_000
    )
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=45_000)
    page.wait_for_timeout(150)  # stale elements of the previous run leave the screen


def shot(page: Page, name: str) -> Path:
    """A picture of the whole page in `build/e2e/<nn>-<name>.png`, numbered in the order taken.

    The app scrolls inside its main area, not the window, so the window is made as tall as the
    content for the picture and then set back.
    """
    path = SHOTS / f"{next(_shot_numbers):02d}-{name}.png"
    tall = page.evaluate(
        "() => Math.max(...Array.from(document.querySelectorAll("
        "'[data-testid=stMain], [data-testid=stSidebarContent]'), e => e.scrollHeight))"
    )
    page.set_viewport_size({**VIEWPORT, "height": max(VIEWPORT["height"], tall)})
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size(VIEWPORT)
    return path


def assert_no_exception(page: Page) -> None:
    """Fail with its text if the page shows a Python exception or an error box."""
    shown = page.get_by_test_id("stException").all_inner_texts()
    shown += page.get_by_test_id("stAlertContentError").all_inner_texts()
    assert not shown, f"{page.url} shows an error:\n" + "\n---\n".join(shown)


def visited(page: Page, name: str) -> None:
    """What follows every page visit: a picture of it, then the check that nothing went wrong."""
    wait_for_app(page)
    shot(page, name)
    assert_no_exception(page)


def go_to(page: Page, title: str) -> None:
    """Open a page from the side menu; it shows its title on top."""
    page.get_by_test_id("stSidebar").get_by_role("link", name=title, exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def act_as(page: Page, name: str) -> None:
    """Choose who the user is with the sidebar's "Acting as" box (demo mode), by the person's name."""
    choose(page, "Acting as", name)
    expect(page.get_by_role("combobox", name="Acting as", exact=True)).to_have_value(
        re.compile(rf"^{re.escape(name)} \(")
    )


def choose(page: Page, label: str, option: str) -> None:
    """Pick the option that shows `option` in the select box or multiselect labelled `label`."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(option)
    # Typed, the option is the first one offered: Enter takes it, as a person at the keyboard does. A click
    # could miss a list that is still being drawn on a busy machine.
    expect(page.get_by_role("option", name=option).first).to_be_visible()
    box.press("Enter")
    wait_for_app(page)


def type_into(page: Page, label: str, text: str) -> None:
    """Type into the text field labelled `label` and leave it, as a person moving on does; outside a
    form, leaving the field is what hands its text to the app."""
    field = page.get_by_role("textbox", name=label, exact=True)
    field.fill(text)
    field.press("Tab")
    wait_for_app(page)


def click_button(page: Page, label: str) -> None:
    page.get_by_role("button", name=label, exact=True).click()
    wait_for_app(page)


def click_label(page: Page, text: str) -> None:
    """Tick a check box or choose a radio button by clicking the words beside it."""
    page.get_by_text(text, exact=True).click()
    wait_for_app(page)


def type_date(page: Page, label: str, day: str) -> None:
    """Type a date (`DD/MM/YYYY`) into the date field labelled `label`, digit by digit as on a keyboard."""
    page.get_by_role("spinbutton", name=f"day, {label}").click()
    page.keyboard.type(day.replace("/", ""))


def open_table_row(page: Page, text: str) -> None:
    """Click the row of the page's table that shows `text`, which opens the record it stands for.

    Tables are drawn on a canvas; the accessible copy of the grid inside it tells which row holds
    the text. The pointer moves onto the row before it clicks, as a hand does: the grid takes a
    click only where it has seen the pointer arrive.
    """
    table = page.get_by_test_id("stDataFrame").filter(has=page.locator("td", has_text=text))
    position = int(table_row(page, text).get_attribute("aria-rowindex") or 0)  # the header is row 1
    canvas = table.get_by_test_id("data-grid-canvas").bounding_box()
    assert canvas is not None, "the table is not on screen"
    x, y = canvas["x"] + 150, canvas["y"] + ROW_HEIGHT * (position - 1) + ROW_HEIGHT / 2
    assert position > 1 and y < canvas["y"] + canvas["height"], f"the row with {text!r} is not in view"
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    wait_for_app(page)


def picker(page: Page, label: str) -> Locator:
    """The multiselect labelled `label`, with the chosen items it shows."""
    return page.get_by_test_id("stMultiSelect").filter(
        has=page.get_by_role("combobox", name=label, exact=True)
    )


def table_row(page: Page, text: str) -> Locator:
    """The row of a table that shows `text`, as the accessible copy of the grid holds it (only the
    columns in view are in that copy)."""
    return page.get_by_test_id("stDataFrame").locator("tr", has=page.locator("td", has_text=text))


def success_message(page: Page) -> Locator:
    """The words of the green confirmation box at the top of the page."""
    return page.get_by_test_id("stAlertContentSuccess").get_by_test_id("stMarkdownContainer")
