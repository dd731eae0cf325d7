"""Several workspaces on one host, each under its own path (`server.baseUrlPath`): signing in, the pages,
their connection and the command line all stay under the workspace's own path."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Browser, expect

from council.domain.people import OPERATOR
from council.services import accounts
from council.services.workspace import open_workspace
from council.store import people
from tests.conftest import DEMO_CONFIG, ROOT
from tests.e2e.conftest import ACCOUNT_PASSWORD, ACCOUNTS, VIEWPORT, _serve, wait_for_app


def test_a_workspace_under_its_own_path_signs_in_and_serves_its_pages_there(
    browser: Browser, demo_file: Path, tmp_path: Path
) -> None:
    config = tmp_path / "workspace.yaml"
    config.write_text(DEMO_CONFIG.read_text(encoding="utf-8").replace("sign_in: demo", "sign_in: accounts"))
    prepared = tmp_path / "prepared.duckdb"
    shutil.copy(demo_file, prepared)
    ws = open_workspace(config, prepared, demo=False)
    secretary = people.person_by_email(ws.db, ACCOUNTS[0])
    accounts.set_password(ws, OPERATOR, secretary.id, ACCOUNT_PASSWORD, ACCOUNT_PASSWORD)
    ws.db.close()
    serving = _serve(prepared, config, tmp_path, base="acme")
    url = next(serving)
    try:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(f"{url}/decisions")
        expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
        assert "/acme/auth/sign-in?next=%2Facme%2Fdecisions" in page.url
        page.get_by_label("E-mail address").fill(ACCOUNTS[0])
        page.get_by_label("Password").fill(ACCOUNT_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        wait_for_app(page)
        assert page.url.endswith("/acme/decisions")
        expect(page.get_by_role("heading", name="Decisions").first).to_be_visible()
        context.close()
        context = browser.new_context(viewport=VIEWPORT)  # straight to the sign-in page: then its own start
        page = context.new_page()
        page.goto(f"{url}/auth/sign-in")
        page.get_by_label("E-mail address").fill(ACCOUNTS[0])
        page.get_by_label("Password").fill(ACCOUNT_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        wait_for_app(page)
        assert page.url.endswith("/acme/"), page.url
        context.close()
        done = subprocess.run(
            [sys.executable, "-m", "council", "accounts", "--config", str(config), "--db", str(tmp_path / "council.duckdb")],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert done.returncode == 0 and ACCOUNTS[0] in done.stdout, done.stderr
    finally:
        serving.close()
