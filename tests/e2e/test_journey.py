"""The council's core journey in a real browser: from a friction point to a decision an executive finds.

A member logs a friction point and links the blocker behind it; the secretary plans a meeting with a
guest; the guest proposes a change; the chair builds the agenda, holds the meeting and records a
decision with an action; an executive finds that decision by a word of its reason. Each step is a
different person, chosen under "Acting as", in one browser session.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from tests.e2e.conftest import (
    act_as,
    choose,
    click_button,
    click_label,
    go_to,
    open_table_row,
    picker,
    success_message,
    table_row,
    type_date,
    type_into,
    visited,
)

MEMBER, SECRETARY, CHAIR, GUEST, EXECUTIVE = (
    "Dennis Bakker", "Inge Brouwer", "Marieke Jansen", "Jasper Kok", "Hans Dekker"
)  # fmt: skip
FRICTION_WORD = "Numbatphoto"
FRICTION = f"{FRICTION_WORD}: my meter photo vanishes after I upload it"
BLOCKER = "Complaint tickets close after five days without reply"
MEETING = "Bilbyplan council meeting"
PROPOSAL = "Wallabyform: let customers replace a wrong meter photo in the app themselves"
DECISION = "Customers can replace a meter photo in the app"
REASON_WORD = "Quokkapilot"
REASON = f"The {REASON_WORD} showed that most calls about readings are about lost photos."


def test_a_friction_point_becomes_a_decision_that_an_executive_finds(page: Page) -> None:
    # The secretary, who sits on the council too, opens on her own work; the overview is one click away.
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    go_to(page, "Overview")
    visited(page, "overview")
    friction_id = member_logs_friction_and_links_a_blocker(page)
    secretary_plans_a_meeting_with_a_guest(page)
    guest_proposes_a_change(page)
    decision_id = chair_holds_the_meeting_and_decides(page, friction_id)
    executive_finds_the_decision_by_its_reason(page, decision_id)


def member_logs_friction_and_links_a_blocker(page: Page) -> int:
    """Log it with the form on the Friction points page, link a blocker on its own page, find it in the list."""
    act_as(page, MEMBER)
    go_to(page, "Friction points")
    visited(page, "friction-list")
    page.get_by_text("Log a friction point", exact=True).click()
    page.get_by_role("textbox", name="Title *", exact=True).fill(FRICTION)
    page.get_by_role("textbox", name="What the customer experiences", exact=True).fill(
        "I send the photo of my meter in the app, and the next day it is gone."
    )
    choose(page, "Journey stage *", "Using energy & the app")
    click_button(page, "Log friction point")
    expect(success_message(page)).to_contain_text(re.compile(r"Friction point #\d+ is logged"))
    friction_id = int(re.search(r"#(\d+)", success_message(page).inner_text())[1])
    expect(page.get_by_role("heading", name=f"#{friction_id} {FRICTION}")).to_be_visible()
    visited(page, "friction-logged")

    choose(page, "Blockers", BLOCKER)
    page.keyboard.press("Escape")
    expect(success_message(page)).to_have_text("Links saved: 1 linked.")
    expect(picker(page, "Blockers")).to_contain_text(BLOCKER)
    visited(page, "friction-blocker-linked")

    click_button(page, "All friction points")
    search = page.get_by_role("textbox", name="Search title, description and evidence", exact=True)
    search.fill(FRICTION_WORD)
    search.press("Enter")
    expect(page.get_by_text("1 friction point. Click one to open it.")).to_be_visible()
    expect(table_row(page, FRICTION)).to_contain_text(f"{friction_id}{FRICTION}")
    visited(page, "friction-list-found")
    return friction_id


def secretary_plans_a_meeting_with_a_guest(page: Page) -> None:
    act_as(page, SECRETARY)
    go_to(page, "Meetings")
    page.get_by_text("Plan a meeting", exact=True).click()
    type_into(page, "Title", MEETING)
    choose(page, "Chair", CHAIR)
    choose(page, "Guest", GUEST)
    visited(page, "meeting-plan-form")
    click_button(page, "Plan the meeting")
    expect(success_message(page)).to_have_text(re.compile("The meeting is planned"))
    expect(page.get_by_role("heading", name=MEETING)).to_be_visible()
    expect(page.get_by_text(f"Chair: {CHAIR} · Guest: {GUEST}")).to_be_visible()
    visited(page, "meeting-planned")


def guest_proposes_a_change(page: Page) -> None:
    """The guest sees the invitation to the new meeting and sends one change for it."""
    act_as(page, GUEST)
    go_to(page, "Propose a change")
    invitation = page.get_by_test_id("stVerticalBlock").filter(has_text=MEETING).last
    expect(invitation).to_contain_text(f"Chaired by {CHAIR}")
    invitation.get_by_role("textbox", name="What would you change?").fill(PROPOSAL)
    invitation.get_by_role("textbox", name="Why does it matter to customers?").fill(
        "Today they have to call us and wait days for a corrected bill."
    )
    choose(page, "Where in the customer's journey? (optional)", "Using energy & the app")
    visited(page, "proposal-form")
    click_button(page, "Send my proposal")
    expect(success_message(page)).to_have_text(re.compile("Your proposal is saved"))
    expect(page.get_by_text("Sent to the council")).to_be_visible()
    expect(page.get_by_test_id("stMarkdownContainer").get_by_text(PROPOSAL, exact=True)).to_be_visible()
    visited(page, "proposal-sent")


def chair_holds_the_meeting_and_decides(page: Page, friction_id: int) -> int:
    act_as(page, CHAIR)
    go_to(page, "Meetings")
    open_table_row(page, MEETING)
    expect(page.get_by_role("heading", name=MEETING)).to_be_visible()
    build_the_agenda(page, friction_id)
    start_the_meeting_today(page)
    return decide_the_proposal(page)


def build_the_agenda(page: Page, friction_id: int) -> None:
    """The guest's proposal comes from the suggestions; the new friction point goes on as a point of the
    chair's own, since a point logged today scores too low to be among the suggested open items."""
    visited(page, "agenda-empty")
    suggestion = (
        page.get_by_test_id("stHorizontalBlock")
        .filter(has_text=PROPOSAL)
        .filter(has=page.get_by_role("button", name="Add", exact=True))
        .last
    )
    suggestion.get_by_role("button", name="Add", exact=True).click()
    expect(success_message(page)).to_have_text(f"Added “{PROPOSAL[:60]}”.")
    own_point = f"{FRICTION_WORD}: meter photos vanish (friction point #{friction_id})"
    page.get_by_role("textbox", name="Agenda point", exact=True).fill(own_point)
    click_button(page, "Add to the agenda")
    expect(success_message(page)).to_have_text("Added your point.")
    expect(page.get_by_role("textbox", name="Agenda point", exact=True)).to_have_value("")  # not added twice
    agenda = page.get_by_test_id("stVerticalBlock")
    expect(agenda.filter(has_text=f"1. {PROPOSAL}").last).to_contain_text("Guest proposal")
    expect(agenda.filter(has_text=f"2. {own_point}").last).to_contain_text("Other")
    visited(page, "agenda-built")


def start_the_meeting_today(page: Page) -> None:
    """The meeting lies weeks ahead, so it starts only once brought forward to today."""
    page.get_by_role("radio", name="Meeting mode").click()
    expect(page.get_by_text("This meeting is planned for")).to_be_visible()
    expect(page.get_by_role("button", name="Start the meeting")).to_be_disabled()
    click_label(page, "We hold it now: bring it forward to today")
    click_button(page, "Start the meeting")
    expect(success_message(page)).to_have_text("The meeting has started.")
    expect(page.get_by_text("In progress")).to_be_visible()
    visited(page, "meeting-started")


def decide_the_proposal(page: Page) -> int:
    """Record the first agenda point as decided, with the decision's reason, then one action."""
    expect(page.get_by_role("heading", name=f"1. {PROPOSAL}")).to_be_visible()
    type_into(page, "Notes", "Jasper showed how the photo disappears the day after.")
    click_label(page, "Decided")
    type_into(page, "Decision in one line", DECISION)
    type_into(page, "What exactly was decided", "The app gets a button to replace the last meter photo.")
    type_into(page, "Why", REASON)
    choose(page, "Owning department", "IT")
    choose(page, "Owner", "Thijs de Boer")
    visited(page, "decision-form")
    click_button(page, "Save this point")
    expect(success_message(page)).to_have_text(re.compile(r"Decision #\d+ is recorded"))
    decision_id = int(re.search(r"#(\d+)", success_message(page).inner_text())[1])
    card = page.get_by_test_id("stVerticalBlock").filter(has_text=f"Decision #{decision_id}: {DECISION}").last
    expect(card).to_be_visible()

    due = date.today() + timedelta(weeks=4)
    page.get_by_role("textbox", name="Action", exact=True).fill("Build the replace-photo button")
    choose(page, "Who", "Priya Ramdin")
    type_date(page, "By", f"{due:%d/%m/%Y}")
    click_button(page, "Add action")
    expect(success_message(page)).to_have_text("Action added.")
    expect(page.get_by_role("textbox", name="Action", exact=True)).to_have_value("")  # ready for the next one
    expect(card).to_contain_text(f"Build the replace-photo button — Priya Ramdin (IT), by {due:%-d %B %Y}")
    visited(page, "decision-with-action")
    return decision_id


def executive_finds_the_decision_by_its_reason(page: Page, decision_id: int) -> None:
    """A word only the decision's reason holds finds that one decision; it opens in full."""
    act_as(page, EXECUTIVE)
    go_to(page, "Decisions")
    visited(page, "decisions")
    search = page.get_by_role("textbox", name="Search what was decided and why", exact=True)
    search.fill(REASON_WORD)
    search.press("Enter")
    open_buttons = page.get_by_role("button", name="Open the full decision")
    expect(open_buttons).to_have_count(1)
    expect(page.get_by_text(f"#{decision_id} · {DECISION}")).to_be_visible()
    expect(page.get_by_text(f"Why: {REASON}")).to_be_visible()
    visited(page, "decisions-found")
    open_buttons.click()
    expect(page.get_by_role("heading", name=f"#{decision_id} · {DECISION}")).to_be_visible()
    expect(page.get_by_text(REASON)).to_be_visible()
    expect(page.get_by_text(re.compile(rf"Guest proposal #\d+: {re.escape(PROPOSAL)}"))).to_be_visible()
    # Its action, read-only for an executive: what, who, by when, where it stands.
    expect(page.get_by_text("Build the replace-photo button · Priya Ramdin · due")).to_contain_text("Open")
    visited(page, "decision-opened")
