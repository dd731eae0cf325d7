"""Controls that change one part of a page rerun that part alone (a fragment) in the browser, where
AppTest reruns the whole page: the part must still come out right there."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.conftest import go_to, visited, wait_for_app


def test_breaking_the_scores_down_another_way_redraws_that_part(page: Page) -> None:
    go_to(page, "Customer voice")
    # The table is drawn on a canvas; its copy for screen readers holds the headers as text.
    heading = page.get_by_test_id("stDataFrame").last.locator("th").first
    expect(heading).to_have_text("Journey stage")
    moment = page.get_by_text("★ a moment of truth", exact=False)
    expect(moment).to_be_visible()
    _choose(page, "Channel")
    visited(page, "voice-by-channel")
    expect(heading).to_have_text("Channel")
    expect(moment).to_have_count(0)  # said only of journey stages
    _choose(page, "Journey stage")
    expect(heading).to_have_text("Journey stage")
    expect(moment).to_be_visible()


def _choose(page: Page, option: str) -> None:
    """Pick an option of a segmented control (drawn as radio buttons)."""
    page.get_by_role("radio", name=option, exact=True).click()
    wait_for_app(page)
