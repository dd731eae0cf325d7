"""Minutes as Markdown and printable HTML."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest

from council.domain.decisions import ActionItem, DecisionVersion
from council.domain.meetings import AgendaItem
from council.i18n import use_language
from council.services.exports import export_name, markdown_escape
from council.services.markdown_minutes import minutes_markdown
from council.services.minutes import DRAFT_NOTICE, Minutes, minutes, workspace_minutes
from council.services.printable_minutes import minutes_html
from council.services.workspace import Workspace
from council.store import decisions, meetings
from council.store.database import Transaction
from tests.services.conftest import closed_meeting

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SCRIPT = "<script>alert(1)</script>"
LINK = "[click](javascript:alert(1))"
NASTY = f"{SCRIPT} and {LINK}\n# heading\n1. not a list\n    not code & &amp; *not bold* $x$"
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def _render_markdown(text: str) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def _plain(markdown: str) -> str:
    """What Markdown shows as text: its escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("  \n", "\n")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _tags(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


@pytest.mark.parametrize(
    "text",
    [SCRIPT, LINK, "# heading", "1. item", "- item", "> quote", "*star* _under_ `code`", "a | b", "&amp; &#60;",
     "back\\slash", "===", "~~gone~~", "![img](x.png)", "<https://example.com>"],
)  # fmt: skip
def test_escaped_text_shows_exactly_as_written(text: str) -> None:
    assert _render_markdown(markdown_escape(text)) == f"<p>{html.escape(text, quote=False)}</p>\n"


def test_escaping_keeps_line_breaks_and_paragraphs() -> None:
    rendered = _render_markdown(markdown_escape("first line\nsecond line\n\nnew paragraph"))
    assert rendered == "<p>first line<br />\nsecond line</p>\n<p>new paragraph</p>\n"


def test_markdown_minutes_list_attendees_guest_proposal_decisions_and_actions(
    demo_to_read: Workspace,
) -> None:
    m = minutes(demo_to_read, closed_meeting(demo_to_read))
    shown = _plain(minutes_markdown(m))
    assert m.title in shown and "Closed on" in shown and DRAFT_NOTICE not in shown
    assert all(f"{p.name} — {p.detail}" in shown for p in m.attendees)
    assert m.guest is not None and f"**Guest:** {m.guest.name} ({m.guest.detail})" in shown
    assert m.proposal is not None and m.proposal.change in shown and m.proposal.why in shown
    for d in m.decisions:
        assert f"Decision #{d.decision_id} (version {d.version}): {d.title}" in shown
        assert d.text in shown and f"**Owner:** {d.owner_name}, {d.owner_department}" in shown
        assert f"**Due:** {d.due_on:%-d %B %Y}" in shown
        for a in d.actions:
            assert f"{a.what} — {a.owner}, due {a.due_on:%-d %B %Y}" in shown
    assert all(f"{item.position}. {item.title}" in shown for item in m.agenda)


def test_markdown_minutes_can_start_at_a_lower_heading_level(demo_to_read: Workspace) -> None:
    m = minutes(demo_to_read, closed_meeting(demo_to_read))
    headings = [
        line.split(" ")[0] for line in minutes_markdown(m, top=3).splitlines() if line.startswith("#")
    ]
    assert headings[0] == "###" and set(headings) == {"###", "####", "#####", "######"}


def test_html_minutes_are_a_standalone_printable_page(demo_to_read: Workspace) -> None:
    m = minutes(demo_to_read, closed_meeting(demo_to_read))
    page = minutes_html(m)
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page and "size: A4" in page
    tags = _tags(page).tags
    assert not [t for t, attrs in tags if t in ("script", "link", "img", "iframe", "a")]
    assert not [a for _, attrs in tags for a, _ in attrs if a in ("src", "href") or a.startswith("on")]
    shown = html.unescape(re.sub(r"<[^>]+>", " ", page))
    assert all(p.name in shown for p in m.attendees)
    assert all(a.what in shown for d in m.decisions for a in d.actions)


@pytest.fixture
def nasty(demo: Workspace) -> Minutes:
    """The demo's closed meeting after someone typed markup into its title, notes, decision and action."""
    meeting_id = closed_meeting(demo)

    def write(tx: Transaction) -> None:
        tx.execute(
            "UPDATE meeting SET title = ?, location = ? WHERE id = ?", [f"{SCRIPT} {LINK}", LINK, meeting_id]
        )
        meetings.set_minutes(tx, meeting_id, NASTY)
        item = AgendaItem(meeting_id, 99, "other", f"# {SCRIPT}", notes=NASTY, outcome="decided")
        item_id = meetings.add_agenda_item(tx, item)
        new = DecisionVersion(
            decision_id=0, version=1, title=f"# {SCRIPT}", text=NASTY, rationale=NASTY, decided_at=NOW,
            meeting_id=meeting_id, agenda_item_id=item_id,
        )  # fmt: skip
        decision_id = decisions.record_decision(tx, new)
        decisions.add_action_item(tx, ActionItem(decision_id=decision_id, what=f"{LINK} | {SCRIPT}"))
        amended = tx.value("SELECT min(decision_id) FROM decision WHERE meeting_id = ?", [meeting_id])
        decisions.amend_decision(tx, replace(new, decision_id=amended, agenda_item_id=None, change_note=LINK))

    demo.db.write(write)
    return minutes(demo, meeting_id)


def test_markup_typed_by_people_stays_inert_in_markdown(nasty: Minutes) -> None:
    text = minutes_markdown(nasty)
    rendered = _render_markdown(text)
    assert "<script" not in rendered and "<a " not in rendered and "javascript:alert(1)</a>" not in rendered
    assert "<h1>heading</h1>" not in rendered and "<ol>" not in rendered and "<code>" not in rendered
    assert rendered.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5
    assert LINK in _plain(text) and "# heading" in _plain(text)


def test_markup_typed_by_people_stays_inert_in_html(nasty: Minutes) -> None:
    page = minutes_html(nasty)
    tags = _tags(page).tags
    assert not [t for t, _ in tags if t in ("script", "a", "img", "iframe")]
    assert [t for t, _ in tags].count("h1") == 1
    assert not [a for _, attrs in tags for a, _ in attrs if a in ("src", "href") or a.startswith("on")]
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5
    assert "# heading" in page and LINK in page


def test_a_planned_meeting_gives_draft_minutes(demo_to_read: Workspace) -> None:
    meeting_id = demo_to_read.db.value("SELECT min(id) FROM meeting WHERE status = 'planned'")
    m = minutes(demo_to_read, meeting_id)
    assert DRAFT_NOTICE in minutes_markdown(m) and DRAFT_NOTICE in minutes_html(m)


DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december")  # fmt: skip


def test_minutes_are_written_in_the_workspaces_language_whoever_downloads_them(
    demo_to_read: Workspace,
) -> None:
    meeting_id = closed_meeting(demo_to_read)
    as_today = minutes(demo_to_read, meeting_id)
    with use_language("nl"):  # someone who reads Dutch downloads the minutes of an English workspace
        english = workspace_minutes(demo_to_read, meeting_id)
        assert minutes_markdown(english) == minutes_markdown(as_today)
        assert minutes_html(english) == minutes_html(as_today)
    assert "## Attendees (" in minutes_markdown(english) and '<html lang="en">' in minutes_html(english)

    # Someone who reads English downloads the minutes of a Dutch workspace.
    dutch = workspace_minutes(
        Workspace(replace(demo_to_read.config, language="nl"), demo_to_read.db), meeting_id
    )
    text, page = minutes_markdown(dutch), minutes_html(dutch)
    day = dutch.starts_at
    assert f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}" in text  # e.g. "4 december 2026"
    assert "## Aanwezigen (" in text and "## Attendees" not in text
    assert "<h2>Aanwezigen (" in page and '<html lang="nl">' in page


def test_export_files_are_named_after_the_meeting_day(demo_to_read: Workspace) -> None:
    m = minutes(demo_to_read, closed_meeting(demo_to_read))
    assert export_name(m, "md") == f"council-meeting-{m.starts_at:%Y-%m-%d}.md"
    assert re.fullmatch(r"council-meeting-\d{4}-\d{2}-\d{2}\.ics", export_name(m, "ics"))
