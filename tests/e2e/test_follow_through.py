"""Follow-through in a real browser: a member ticks off an action on My work, and the decision shows it done."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.conftest import act_as, choose, click_button, go_to, success_message, visited, wait_for_app

MEMBER = "Marieke Jansen"
ACTION = "Rewrite the identification script with the privacy officer"
DECISION = "Decision #10: Recognise callers without asking for a customer number"


def test_a_member_ticks_off_an_action_and_the_decision_shows_it_done(page: Page) -> None:
    act_as(page, MEMBER)
    go_to(page, "My work")
    visited(page, "my-work")
    action = page.get_by_test_id("stCheckbox").filter(has_text=ACTION)
    expect(action).to_contain_text("overdue")
    action.get_by_text(ACTION).click()
    wait_for_app(page)  # ticking reruns the page; its update panel is drawn anew
    choose(page, "New status", "Done")
    page.get_by_role("textbox", name="Note", exact=True).fill("The privacy officer signed it off.")
    click_button(page, "Save")
    expect(success_message(page)).to_have_text("The action is updated.")
    expect(page.get_by_test_id("stCheckbox").filter(has_text=ACTION)).to_have_count(0)  # no longer open
    visited(page, "my-work-after")

    page.get_by_role("link", name=DECISION).first.click()
    visited(page, "decision-with-action-done")
    done = page.get_by_test_id("stCheckbox").filter(has_text=ACTION)
    expect(done).to_contain_text("Done")
    go_to(page, "Actions")
    visited(page, "actions")
