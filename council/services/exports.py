"""A meeting's minutes as Markdown and as a printable HTML page (its calendar invite is in `invites`).

Pure renderers of a `Minutes`: no database. Whatever people typed is escaped for the format it
lands in, so a note reading `<script>` or `[x](javascript:…)` shows exactly as written.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from datetime import date

from council.domain.vocabulary import Outcome
from council.services.minutes import (
    DRAFT_NOTICE,
    Minutes,
    MinutesAction,
    MinutesDecision,
    MinutesItem,
    Participant,
)

MIME_TYPES = {"md": "text/markdown", "html": "text/html", "ics": "text/calendar"}

# Markdown: characters that start emphasis, code, links, HTML, tables, strike-through or (in
# Streamlit) formulas anywhere in a line, and those that start a block at the beginning of one.
_INLINE = re.compile(r"([\\`*_\[\]<>|~$])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^([#>+=-])")
_NUMBERED = re.compile(r"^(\d+)([.)])")


def markdown_escape(text: str, indent: str = "") -> str:
    """User text as Markdown that shows it as written; line breaks stay, `indent` keeps it in a list item."""
    paragraphs = re.split(r"\n\s*\n", str(text).strip())
    return f"\n{indent.rstrip()}\n{indent}".join(
        f"  \n{indent}".join(_escape_line(line) for line in paragraph.splitlines() if line.strip())
        for paragraph in paragraphs
    )


def _escape_line(line: str) -> str:
    # Leading spaces would turn the line into a code block; trailing ones into a line break.
    line = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", line.strip()))
    return _NUMBERED.sub(r"\1\\\2", _BLOCK_START.sub(r"\\\1", line))


def _md(text: str) -> str:
    """User text on one line (a heading, a table cell, a list entry)."""
    return markdown_escape(" ".join(str(text).split()))


def export_name(m: Minutes, ext: str) -> str:
    """File name for an export of the meeting, e.g. council-meeting-2026-11-26.md."""
    return f"council-meeting-{m.starts_at:%Y-%m-%d}.{ext}"


def _day(day: date) -> str:
    return f"{day:%-d %B %Y}"


def _when(m: Minutes) -> str:
    return f"{m.starts_at:%A %-d %B %Y}, {m.starts_at:%H:%M} to {m.ends_at:%H:%M} ({m.starts_at:%Z}, {m.time_zone})"


def _status(m: Minutes) -> str:
    return f"{m.status} on {_day(m.closed_at)} at {m.closed_at:%H:%M}" if m.closed_at else m.status


def person_line(p: Participant | None) -> str:
    return f"{p.name} ({p.detail})" if p and p.detail else (p.name if p else "—")


def _owner(name: str | None, department: str | None) -> str:
    return ", ".join(part for part in (name, department) if part) or "—"


def _due(due_on: date | None) -> str:
    return _day(due_on) if due_on else "no due date"


def _no_proposal(m: Minutes, escape: Callable[[str], str]) -> str:
    if m.guest is None:
        return "No guest was invited."
    return (
        f"{escape(m.guest.name)} {'has not proposed a change yet' if m.is_draft else 'proposed no change'}."
    )


def _no_actions(m: Minutes) -> str:
    if m.decisions:
        return "No actions."
    return "No decisions yet." if m.is_draft else "No decisions were taken."


def _item_facts(kind: str, time_box: int | None, presenter: str | None) -> list[str]:
    return (
        [kind]
        + ([f"{time_box} min"] if time_box else [])
        + ([f"presented by {presenter}"] if presenter else [])
    )


# Markdown ------------------------------------------------------------------------------------


def minutes_markdown(m: Minutes, top: int = 1) -> str:
    """The minutes as a Markdown document; its title is a heading of level `top` (1 to 3)."""
    h = ["#" * (top + level) for level in range(4)]
    out = [f"{h[0]} {_md(m.title)}", "", f"{_md(m.organisation)} · customer-experience council · minutes", ""]
    if m.is_draft:
        out += [f"**{DRAFT_NOTICE}.**", ""]
    out += [
        f"- **When:** {_when(m)}",
        f"- **Where:** {_md(m.location) or '—'}",
        f"- **Status:** {_status(m)}",
        f"- **Chair:** {_md(person_line(m.chair))}",
        f"- **Guest:** {_md(person_line(m.guest)) if m.guest else 'no guest invited'}",
        "",
        f"{h[1]} Attendees ({len(m.attendees)})",
        "",
    ]
    out += [
        f"- {_md(p.name)} — {_md(p.detail)}{f' ({p.role.lower()})' if p.role else ''}" for p in m.attendees
    ]
    out += [] if m.attendees else ["No attendees recorded."]
    out += ["", f"{h[1]} The guest's proposal", "", *_proposal_markdown(m), "", f"{h[1]} Notes", ""]
    out += [markdown_escape(m.text) if m.text.strip() else "No general notes were recorded.", ""]
    out += [f"{h[1]} Agenda and outcomes", ""]
    for item in m.agenda:
        facts = " · ".join(_md(f) for f in _item_facts(item.kind, item.time_box_minutes, item.presenter))
        outcome = item.outcome or ("to be discussed" if m.is_draft else "no outcome recorded")
        out += [f"{h[2]} {item.position}. {_md(item.title)}", "", f"{facts} · **Outcome:** {outcome}", ""]
        out += [markdown_escape(item.notes), ""] if item.notes.strip() else []
        for d in m.decisions_under(item.position):
            out += _decision_markdown(d, h[3])
    if not m.agenda:
        out += ["The agenda is empty.", ""]
    if m.decisions_without_item:
        out += [f"{h[1]} Other decisions taken in this meeting", ""]
        for d in m.decisions_without_item:
            out += _decision_markdown(d, h[2])
    out += _action_list_markdown(m, h[1])
    return "\n".join(out).rstrip() + "\n"


def _proposal_markdown(m: Minutes) -> list[str]:
    p = m.proposal
    if p is None:
        return [_no_proposal(m, _md)]
    return [
        f"{_md(p.guest)} proposed one change ({p.status.lower()}):",
        "",
        f"> {markdown_escape(p.change, '> ')}",
        "",
        f"- **Why:** {markdown_escape(p.why, '  ') or '—'}",
        f"- **Where in the journey:** {_md(p.stage) if p.stage else '—'}",
        f"- **What the customer would notice:** {markdown_escape(p.customer_notices, '  ') or '—'}",
    ]


def _decision_markdown(d: MinutesDecision, level: str) -> list[str]:
    out = [
        f"{level} Decision #{d.decision_id} (version {d.version}): {_md(d.title)}",
        "",
        markdown_escape(d.text),
        "",
    ]
    out += [f"- **Why:** {markdown_escape(d.rationale, '  ')}"] if d.rationale.strip() else []
    out += [
        f"- **Owner:** {_md(_owner(d.owner_name, d.owner_department))}",
        f"- **Due:** {_due(d.due_on)}",
        f"- **Status:** {d.status}",
    ]
    if d.amended_on:
        out += [f"- **Amended on {_day(d.amended_on)}:** {markdown_escape(d.change_note, '  ') or '—'}"]
    if d.actions:
        out += ["- **Actions:**"]
        out += [f"  - {_action_line(a)}" for a in d.actions]
    return [*out, ""]


def _action_line(a: MinutesAction) -> str:
    facts = ([_md(a.owner)] if a.owner else []) + ([f"due {_due(a.due_on)}"] if a.due_on else [])
    return f"{_md(a.what)}{' — ' + ', '.join(facts) if facts else ''} ({a.status.lower()})"


def _action_list_markdown(m: Minutes, heading: str) -> list[str]:
    rows = [(d, a) for d in m.decisions for a in d.actions]
    if not rows:
        return [f"{heading} Action list", "", _no_actions(m), ""]
    out = [
        f"{heading} Action list",
        "",
        "| Action | Owner | Due | Status | Decision |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| {_md(a.what)} | {_md(a.owner or '—')} | {_due(a.due_on)} | {a.status} | #{d.decision_id} |"
        for d, a in rows
    ]
    return [*out, ""]


# HTML ----------------------------------------------------------------------------------------


def _h(text: str) -> str:
    """User text as HTML: escaped, with its line breaks and paragraphs kept."""
    paragraphs = re.split(r"\n\s*\n", str(text).strip())
    return "".join(
        "<p>" + "<br>".join(html.escape(line.strip()) for line in p.splitlines() if line.strip()) + "</p>"
        for p in paragraphs
        if p.strip()
    )


def _e(text: str) -> str:
    return html.escape(str(text))


_STYLE = """
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-right { content: counter(page) " / " counter(pages);
  font: 8pt system-ui, sans-serif; color: #667; } }
* { box-sizing: border-box; }
body { margin: 0; background: #eef0f3; color: #1c2430; font: 10.5pt/1.45 "Segoe UI", system-ui, -apple-system,
  "Helvetica Neue", Arial, sans-serif; }
main { max-width: 210mm; margin: 24px auto; padding: 18mm 16mm; background: #fff;
  box-shadow: 0 1px 4px rgba(0,0,0,.12); }
header { border-bottom: 2px solid #1f4e79; padding-bottom: 10px; margin-bottom: 14px; }
.org { margin: 0; color: #1f4e79; font-size: 9pt; letter-spacing: .06em; text-transform: uppercase; }
h1 { margin: 4px 0 10px; font-size: 20pt; line-height: 1.2; }
h2 { margin: 22px 0 8px; font-size: 13pt; color: #1f4e79; border-bottom: 1px solid #d5dbe3; padding-bottom: 3px; }
h3 { margin: 14px 0 4px; font-size: 11pt; }
h4 { margin: 0 0 4px; font-size: 10.5pt; }
p { margin: 0 0 6px; } dd > p:last-child, blockquote > p:last-child { margin-bottom: 0; }
.draft { display: inline-block; margin: 0 0 10px; padding: 3px 10px; border: 1.5px solid #b3261e;
  color: #b3261e; font-weight: 600; border-radius: 3px; }
dl.facts { display: grid; grid-template-columns: minmax(6em, max-content) 1fr; gap: 2px 12px; margin: 0; }
dl.facts dt { color: #5a6472; } dl.facts dd { margin: 0; }
ul.people { columns: 2; column-gap: 24px; margin: 0; padding-left: 18px; }
ul.people li { break-inside: avoid; } .role, .meta { color: #5a6472; }
blockquote { margin: 6px 0 8px; padding: 6px 12px; border-left: 3px solid #1f4e79; background: #f3f6fa;
  font-size: 11pt; }
.item { break-inside: avoid-page; margin-bottom: 10px; }
.num { display: inline-block; min-width: 1.6em; margin-right: .25em; color: #1f4e79; }
.meta { font-size: 9.5pt; margin-bottom: 4px; }
.outcome { font-weight: 600; color: #1c2430; } .outcome.decided { color: #1e6b34; }
.outcome.none { font-weight: 400; font-style: italic; color: #5a6472; }
.decision { break-inside: avoid; margin: 8px 0 10px 1.6em; padding: 8px 12px; border: 1px solid #d5dbe3;
  border-left: 4px solid #1e6b34; border-radius: 3px; }
.decision dl.facts { font-size: 9.5pt; margin-top: 4px; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin-top: 4px; }
th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid #e1e5eb; }
th { color: #5a6472; font-weight: 600; border-bottom: 1px solid #b9c2cd; }
tr { break-inside: avoid; } thead { display: table-header-group; }
.nowrap { white-space: nowrap; } .empty { color: #5a6472; font-style: italic; }
@media print { body { background: #fff; } main { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  h2, h3 { break-after: avoid; } }
"""


def minutes_html(m: Minutes) -> str:
    """The minutes as a standalone HTML page that prints well on A4 (no scripts, nothing fetched)."""
    facts = {
        "When": _e(_when(m)),
        "Where": _e(m.location or "—"),
        "Status": _e(_status(m)),
        "Chair": _e(person_line(m.chair)),
        "Guest": _e(person_line(m.guest)) if m.guest else "no guest invited",
    }
    body = [
        f'<header><p class="org">{_e(m.organisation)} · Customer-experience council · Minutes</p>',
        f"<h1>{_e(m.title)}</h1>",
        f'<p class="draft">{DRAFT_NOTICE}</p>' if m.is_draft else "",
        _facts(facts, "facts"),
        "</header>",
        f"<section><h2>Attendees ({len(m.attendees)})</h2>{_attendees_html(m.attendees)}</section>",
        f"<section><h2>The guest's proposal</h2>{_proposal_html(m)}</section>",
        "<section><h2>Notes</h2>",
        _h(m.text) if m.text.strip() else '<p class="empty">No general notes were recorded.</p>',
        "</section><section><h2>Agenda and outcomes</h2>",
        *(_item_html(m, item) for item in m.agenda),
        "" if m.agenda else '<p class="empty">The agenda is empty.</p>',
        "</section>",
    ]
    if m.decisions_without_item:
        body += ["<section><h2>Other decisions taken in this meeting</h2>"]
        body += [_decision_html(d) for d in m.decisions_without_item] + ["</section>"]
    body += [f"<section><h2>Action list</h2>{_action_list_html(m)}</section>"]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Minutes — {_e(m.title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(part for part in body if part) + "\n</main>\n</body>\n</html>\n"
    )


def _facts(facts: dict[str, str], css: str) -> str:
    rows = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts.items())
    return f'<dl class="{css}">{rows}</dl>'


def _attendees_html(attendees: Iterable[Participant]) -> str:
    items = [
        f'<li>{_e(p.name)} <span class="role">— {_e(p.detail)}{f" ({p.role.lower()})" if p.role else ""}</span></li>'
        for p in attendees
    ]
    return (
        f'<ul class="people">{"".join(items)}</ul>'
        if items
        else '<p class="empty">No attendees recorded.</p>'
    )


def _proposal_html(m: Minutes) -> str:
    p = m.proposal
    if p is None:
        return f'<p class="empty">{_no_proposal(m, _e)}</p>'
    facts = {
        "Why": _h(p.why) or "—",
        "Journey stage": _e(p.stage or "—"),
        "Customer notices": _h(p.customer_notices) or "—",
    }
    return (
        f'<p>{_e(p.guest)} proposed one change <span class="meta">({_e(p.status.lower())})</span>:</p>'
        f"<blockquote>{_h(p.change)}</blockquote>{_facts(facts, 'facts')}"
    )


def _item_html(m: Minutes, item: MinutesItem) -> str:
    outcome = item.outcome or ("to be discussed" if m.is_draft else "no outcome recorded")
    css = "none" if item.outcome is None else ("decided" if item.outcome == Outcome.DECIDED.label else "")
    facts = " · ".join(_e(f) for f in _item_facts(item.kind, item.time_box_minutes, item.presenter))
    parts = [
        f'<article class="item"><h3><span class="num">{item.position}.</span>{_e(item.title)}</h3>',
        f'<p class="meta">{facts} · Outcome: <span class="outcome {css}">{_e(outcome)}</span></p>',
        _h(item.notes),
        *(_decision_html(d) for d in m.decisions_under(item.position)),
        "</article>",
    ]
    return "".join(parts)


def _decision_html(d: MinutesDecision) -> str:
    facts = {"Why": _h(d.rationale)} if d.rationale.strip() else {}
    facts |= {
        "Owner": _e(_owner(d.owner_name, d.owner_department)),
        "Due": _e(_due(d.due_on)),
        "Status": _e(d.status),
    }
    if d.amended_on:
        facts["Amended"] = f"{_day(d.amended_on)}: {_e(d.change_note) or '—'}"
    actions = _actions_table([(d, a) for a in d.actions], with_decision=False) if d.actions else ""
    return (
        f'<div class="decision"><h4>Decision #{d.decision_id} · version {d.version}: {_e(d.title)}</h4>'
        f"{_h(d.text)}{_facts(facts, 'facts')}{actions}</div>"
    )


def _action_list_html(m: Minutes) -> str:
    rows = [(d, a) for d in m.decisions for a in d.actions]
    if not rows:
        return f'<p class="empty">{_no_actions(m)}</p>'
    return _actions_table(rows, with_decision=True)


def _actions_table(rows: list[tuple[MinutesDecision, MinutesAction]], *, with_decision: bool) -> str:
    head = "".join(f"<th>{h}</th>" for h in ("Action", "Owner", "Due", "Status")) + (
        "<th>Decision</th>" if with_decision else ""
    )
    body = "".join(
        f'<tr><td>{_e(a.what)}</td><td class="nowrap">{_e(a.owner or "—")}</td>'
        f'<td class="nowrap">{_due(a.due_on)}</td><td>{_e(a.status)}</td>'
        + (f"<td>#{d.decision_id}</td>" if with_decision else "")
        + "</tr>"
        for d, a in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
