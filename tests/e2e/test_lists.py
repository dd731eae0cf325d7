"""Lists open a record when a row is clicked, in the browser: the blockers' tables go to the browser as
Arrow tables made once for everyone, the friction points' as a frame per run."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import go_to, visited

ROW_HEIGHT = 35  # Streamlit's table rows; the header is one row too


@pytest.mark.parametrize(("title", "name"), [("Blockers", "blocker"), ("Friction points", "friction")])
def test_clicking_a_row_opens_that_record(page: Page, title: str, name: str) -> None:
    go_to(page, title)
    table = page.get_by_test_id("stDataFrame").first
    first_id = table.locator("tbody tr").first.locator("td").first.inner_text().strip()
    table.click(position={"x": 120, "y": ROW_HEIGHT + ROW_HEIGHT // 2})  # the first row, below the header
    visited(page, f"{name}-opened-from-its-list")
    expect(page).to_have_url(re.compile(rf"[?&]id={first_id}\b"))
    expect(page.get_by_test_id("stMain").get_by_role("heading", level=3).first).to_have_text(
        re.compile(rf"^#{first_id} ")
    )
