"""Make the README's screenshots again from the demo, so they show the pages as they are now.

    .venv/bin/python docs/screenshots.py

Builds the demo workspace in a temporary folder, starts the app on it (`streamlit run app.py`), opens each
page in Chromium (Debian's `/usr/bin/chromium`, driven by Playwright) as the person who uses it, and writes
docs/*.png; then the same for the Dutch demo, whose people read Dutch, writing docs/*-nl.png for the pages
the README shows in both languages. Not part of the test run.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from council.domain.decisions import DecisionDraft  # noqa: E402
from council.i18n import _, use_language  # noqa: E402
from council.services import agenda, meeting_mode, meeting_outcomes  # noqa: E402
from council.services.workspace import Workspace, open_workspace  # noqa: E402
from council.store import meetings as meeting_store  # noqa: E402
from council.store import people  # noqa: E402

CONFIG = ROOT / "data" / "workspace.yaml"
DOCS = ROOT / "docs"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SECRETARY, MEMBER, EXECUTIVE = "Inge Brouwer", "Marieke Jansen", "Hans Dekker"
IN_BOTH_LANGUAGES = ("overview", "meetings", "decision", "my_work")


def main() -> None:
    _shoot("en")
    _shoot("nl")


def _shoot(language: str) -> None:
    """The README's pictures of the demo in `language`: all of them in English, the ones shown side by
    side in Dutch (named *-nl.png)."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "council.duckdb"
        ws = open_workspace(CONFIG, db, demo=True, demo_language=language)
        coming = min((m for m in meeting_store.list_meetings(ws.db) if m.status == "planned"),
                     key=lambda m: m.starts_at)  # fmt: skip
        running, chair = _a_meeting_under_way(ws) if language == "en" else (0, "")
        ws.db.close()
        with _serving(db) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, base_url=url)
            shots: list[tuple[str, str, str, Callable[[Page], None] | None]] = [
                ("overview", "/overview", SECRETARY, None),
                ("meetings", f"/meetings?id={coming.id}", SECRETARY, None),
                ("friction_point", "/friction_points?id=1", MEMBER, None),
                ("rotation", "/council", SECRETARY, _to_terms_ending),
                ("my_work", "/my_work", MEMBER, None),
                ("decision", "/decisions?id=10", EXECUTIVE, None),
                ("wall", "/wall", SECRETARY, None),
                ("meeting_mode", f"/meetings?id={running}", chair, _to_the_decision),
            ]
            if language != "en":
                shots = [shot for shot in shots if shot[0] in IN_BOTH_LANGUAGES]
            with use_language(language):
                acting_as = _("Acting as")
            for name, path, person, then in shots:
                _open_as(page, path, person, acting_as)
                if then:
                    then(page)
                file = f"{name}.png" if language == "en" else f"{name}-{language}.png"
                page.screenshot(path=DOCS / file, full_page=False)
                print(f"docs/{file}")
            browser.close()


def _to_terms_ending(page: Page) -> None:
    """The rotation plan from the meeting where terms end, as the README describes it."""
    page.get_by_text("Last meeting for").first.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.evaluate("document.querySelector('[data-testid=stMain]').scrollBy(0, -330)")  # its card's date too
    page.wait_for_timeout(800)


def _a_meeting_under_way(ws: Workspace) -> tuple[int, str]:
    """The meeting after the coming one, brought forward and started, with a decision on its first point."""
    planned = sorted(
        (m for m in meeting_store.list_meetings(ws.db) if m.status == "planned"), key=lambda m: m.starts_at
    )
    meeting = planned[1]  # the coming one stays as it is, for the meetings page
    chair = people.get_person(ws.db, meeting.chair_id)
    if not meeting_store.agenda_for(ws.db, meeting.id):
        agenda.add_other(ws, chair, meeting.id, "Callback pilot: the first month", 15)
    meeting_mode.start_meeting(ws, chair, meeting.id, bring_forward=True)
    first = meeting_store.agenda_for(ws.db, meeting.id)[0]
    owner = next(p for p in people.list_people(ws.db) if p.department == "service" and p.id != chair.id)
    meeting_outcomes.record_outcome(
        ws, chair, first.id, "Agreed after the pilot figures: callbacks halve repeat calls.", "decided",
        DecisionDraft("Call back within one working day", "Every callback request is answered within one working day.",
                      "In the pilot, repeat calls about the same question halved.", "service", owner.id,
                      ws.today() + timedelta(weeks=6)),
    )  # fmt: skip
    return meeting.id, chair.name


def _to_the_decision(page: Page) -> None:
    page.get_by_text("Call back within one working day").first.evaluate(
        "e => e.scrollIntoView({block: 'center'})"
    )
    page.wait_for_timeout(800)


def _open_as(page: Page, path: str, person: str, acting_as: str) -> None:
    page.goto(path)
    _settled(page)
    box = page.get_by_role("combobox", name=acting_as, exact=True)
    if box.count() and not (box.input_value() or "").startswith(person):
        page.keyboard.press("Escape")  # nothing left open from the page before
        box.click(force=True)
        box.fill(person)
        page.get_by_role("option", name=person).first.click()
        _settled(page)


def _settled(page: Page) -> None:
    page.wait_for_timeout(400)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
    page.wait_for_timeout(1500)  # charts finish drawing


class _serving:
    """The app on the demo database, on a free port, for the length of the `with`."""

    def __init__(self, db: Path) -> None:
        self.db = db

    def __enter__(self) -> str:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "COUNCIL_CONFIG": str(CONFIG), "COUNCIL_DB": str(self.db)}
        command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                   "--server.headless", "true", "--browser.gatherUsageStats", "false"]  # fmt: skip
        self.app = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        url = f"http://127.0.0.1:{port}"
        for _attempt in range(120):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    return url
            except OSError:
                time.sleep(0.5)
        raise SystemExit("the app did not start")

    def __exit__(self, *exc: object) -> None:
        self.app.terminate()
        self.app.wait(timeout=30)


if __name__ == "__main__":
    main()
