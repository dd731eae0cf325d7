"""A meeting's minutes as Markdown and as a printable HTML page (its calendar invite is in `invites`).

Pure renderers of a `Minutes`: no database. Whatever people typed is escaped for the format it
lands in, so a note reading `<script>` or `[x](javascript:…)` shows exactly as written. They write
in the language of the minutes' own words (`Minutes.language`, the workspace's for its record),
whoever downloads them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from datetime import date

from council.domain.minutes import MinutesState
from council.domain.vocabulary import Outcome
from council.i18n import _, use_language
from council.i18n import formats as fmt
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
    return fmt.long_day(day)


def _when(m: Minutes) -> str:
    return _("{day}, {start} to {end} ({zone}, {time_zone})").format(
        day=fmt.long_weekday(m.starts_at), start=fmt.clock(m.starts_at), end=fmt.clock(m.ends_at),
        zone=f"{m.starts_at:%Z}", time_zone=m.time_zone,
    )  # fmt: skip


def _status(m: Minutes) -> str:
    if not m.closed_at:
        return m.status
    return _("{status} on {day} at {time}").format(
        status=m.status, day=_day(m.closed_at), time=fmt.clock(m.closed_at)
    )


def person_line(p: Participant | None) -> str:
    return f"{p.name} ({p.detail})" if p and p.detail else (p.name if p else "—")


def _role(p: Participant) -> str:
    """What the attendee was at the meeting, in words: `(chair)`, `(guest)` or nothing."""
    words = {"Chair": _("chair"), "Guest": _("guest")}.get(p.role, p.role.lower())
    return f" ({words})" if words else ""


def _owner(name: str | None, department: str | None) -> str:
    return ", ".join(part for part in (name, department) if part) or "—"


def _due(due_on: date | None) -> str:
    return _day(due_on) if due_on else _("no due date")


def _no_proposal(m: Minutes, escape: Callable[[str], str]) -> str:
    if m.guest is None:
        return _("No guest was invited.")
    if m.is_draft:
        return _("{name} has not proposed a change yet.").format(name=escape(m.guest.name))
    return _("{name} proposed no change.").format(name=escape(m.guest.name))


def _no_actions(m: Minutes) -> str:
    if m.decisions:
        return _("No actions.")
    return _("No decisions yet.") if m.is_draft else _("No decisions were taken.")


def _proposal_heading() -> str:
    return _("The guest's proposal")


def _outcome(m: Minutes, item: MinutesItem) -> str:
    return item.outcome or (_("to be discussed") if m.is_draft else _("no outcome recorded"))


def _line(label: str, value: str) -> str:
    """A fact in a Markdown list: `- **Owner:** …`."""
    return f"- **{label}:** {value}"


def _item_facts(kind: str, time_box: int | None, presenter: str | None) -> list[str]:
    return (
        [kind]
        + ([_("{minutes} min").format(minutes=fmt.number(time_box))] if time_box else [])
        + ([_("presented by {name}").format(name=presenter)] if presenter else [])
    )


# Markdown ------------------------------------------------------------------------------------


def minutes_markdown(m: Minutes, top: int = 1) -> str:
    """The minutes as a Markdown document; its title is a heading of level `top` (1 to 3)."""
    with use_language(m.language):
        return _minutes_markdown(m, top)


def _minutes_markdown(m: Minutes, top: int) -> str:
    h = ["#" * (top + level) for level in range(4)]
    out = [
        f"{h[0]} {_md(m.title)}",
        "",
        _("{organisation} · customer-experience council · minutes").format(organisation=_md(m.organisation)),
        "",
    ]
    if m.is_draft:
        out += [f"**{_(DRAFT_NOTICE)}.**", ""]
    for line in m.standing:  # draft, approved, amended: every copy says which
        out += [f"**{_md(line)}**" if m.state == MinutesState.DRAFT else _md(line), ""]
    guest = _md(person_line(m.guest)) if m.guest else _("no guest invited")
    out += [
        _line(_("When"), _when(m)),
        _line(_("Where"), _md(m.location) or "—"),
        _line(_("Status"), _status(m)),
        _line(_("Chair"), _md(person_line(m.chair))),
        _line(_("Guest"), guest),
        "",
        h[1] + " " + _("Attendees ({n})").format(n=fmt.number(len(m.attendees))),
        "",
    ]
    out += [f"- {_md(p.name)} — {_md(p.detail)}{_role(p)}" for p in m.attendees]
    out += [] if m.attendees else [_("No attendees recorded.")]
    out += ["", f"{h[1]} {_proposal_heading()}", "", *_proposal_markdown(m), ""]
    out += [h[1] + " " + _("Notes"), ""]
    out += [markdown_escape(m.text) if m.text.strip() else _("No general notes were recorded."), ""]
    out += [h[1] + " " + _("Agenda and outcomes"), ""]
    for item in m.agenda:
        facts = " · ".join(_md(f) for f in _item_facts(item.kind, item.time_box_minutes, item.presenter))
        outcome = _("Outcome")
        out += [
            f"{h[2]} {item.position}. {_md(item.title)}",
            "",
            f"{facts} · **{outcome}:** {_outcome(m, item)}",
            "",
        ]
        out += [markdown_escape(item.notes), ""] if item.notes.strip() else []
        if item.remarks:
            heading = _("Remarks")
            out += [f"**{heading}**", "", *(f"- {_md(who)}: {_md(what)}" for who, what in item.remarks), ""]
        for d in m.decisions_under(item.position):
            out += _decision_markdown(d, h[3])
    if not m.agenda:
        out += [_("The agenda is empty."), ""]
    if m.decisions_without_item:
        out += [h[1] + " " + _("Other decisions taken in this meeting"), ""]
        for d in m.decisions_without_item:
            out += _decision_markdown(d, h[2])
    if m.parked:
        out += [
            h[1] + " " + _("Parked for a later meeting"),
            "",
            *(f"- {_md(title)}" for title in m.parked),
            "",
        ]
    out += _action_list_markdown(m, h[1])
    return "\n".join(out).rstrip() + "\n"


def _proposal_markdown(m: Minutes) -> list[str]:
    p = m.proposal
    if p is None:
        return [_no_proposal(m, _md)]
    return [
        _("{name} proposed one change ({status}):").format(name=_md(p.guest), status=p.status.lower()),
        "",
        f"> {markdown_escape(p.change, '> ')}",
        "",
        _line(_("Why"), markdown_escape(p.why, "  ") or "—"),
        _line(_("Where in the journey"), _md(p.stage) if p.stage else "—"),
        _line(_("What the customer would notice"), markdown_escape(p.customer_notices, "  ") or "—"),
    ]


def _decision_markdown(d: MinutesDecision, level: str) -> list[str]:
    title = _("Decision #{id} (version {version}): {title}").format(
        id=d.decision_id, version=d.version, title=_md(d.title)
    )
    out = [f"{level} {title}", "", markdown_escape(d.text), ""]
    out += [_line(_("Why"), markdown_escape(d.rationale, "  "))] if d.rationale.strip() else []
    out += [
        _line(_("Owner"), _md(_owner(d.owner_name, d.owner_department))),
        _line(_("Due"), _due(d.due_on)),
        _line(_("Status"), d.status),
    ]
    if d.amended_on:
        amended = _("Amended on {day}").format(day=_day(d.amended_on))
        out += [f"- **{amended}:** {markdown_escape(d.change_note, '  ') or '—'}"]
    if d.actions:
        out += [_line(_("Actions"), "").rstrip()]
        out += [f"  - {_action_line(a)}" for a in d.actions]
    return [*out, ""]


def _action_line(a: MinutesAction) -> str:
    facts = ([_md(a.owner)] if a.owner else []) + (
        [_("due {day}").format(day=_due(a.due_on))] if a.due_on else []
    )
    return f"{_md(a.what)}{' — ' + ', '.join(facts) if facts else ''} ({a.status.lower()})"


def _columns(with_decision: bool = True) -> list[str]:
    return [_("Action"), _("Owner"), _("Due"), _("Status")] + ([_("Decision")] if with_decision else [])


def _action_list_markdown(m: Minutes, heading: str) -> list[str]:
    rows = [(d, a) for d in m.decisions for a in d.actions]
    title = heading + " " + _("Action list")
    if not rows:
        return [title, "", _no_actions(m), ""]
    out = [title, "", "| " + " | ".join(_columns()) + " |", "|---|---|---|---|---|"]
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
.standing { margin: 0 0 6px; color: #1f4e79; font-weight: 600; }
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
    with use_language(m.language):
        return _minutes_html(m)


def _minutes_html(m: Minutes) -> str:
    facts = {
        _("When"): _e(_when(m)),
        _("Where"): _e(m.location or "—"),
        _("Status"): _e(_status(m)),
        _("Chair"): _e(person_line(m.chair)),
        _("Guest"): _e(person_line(m.guest)) if m.guest else _e(_("no guest invited")),
    }
    org = _("{organisation} · Customer-experience council · Minutes").format(organisation=_e(m.organisation))
    attendees = _e(_("Attendees ({n})").format(n=fmt.number(len(m.attendees))))
    notes = _h(m.text) if m.text.strip() else _empty(_("No general notes were recorded."))
    body = [
        f'<header><p class="org">{org}</p>',
        f"<h1>{_e(m.title)}</h1>",
        f'<p class="draft">{_e(_(DRAFT_NOTICE))}</p>' if m.is_draft else "",
        *(f'<p class="{_standing_css(m, n)}">{_e(line)}</p>' for n, line in enumerate(m.standing)),
        _facts(facts, "facts"),
        "</header>",
        f"<section><h2>{attendees}</h2>{_attendees_html(m.attendees)}</section>",
        f"<section><h2>{_e(_proposal_heading())}</h2>{_proposal_html(m)}</section>",
        _section(_("Notes")),
        notes,
        "</section>" + _section(_("Agenda and outcomes")),
        *(_item_html(m, item) for item in m.agenda),
        "" if m.agenda else _empty(_("The agenda is empty.")),
        "</section>",
    ]
    if m.decisions_without_item:
        body += [_section(_("Other decisions taken in this meeting"))]
        body += [_decision_html(d) for d in m.decisions_without_item] + ["</section>"]
    if m.parked:
        parked = "".join(f"<li>{_e(title)}</li>" for title in m.parked)
        body += [_section(_("Parked for a later meeting")) + f"<ul>{parked}</ul></section>"]
    body += [_section(_("Action list")) + _action_list_html(m) + "</section>"]
    title = _("Minutes — {title}").format(title=m.title)
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(m.language)}">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(part for part in body if part) + "\n</main>\n</body>\n</html>\n"
    )


def _standing_css(m: Minutes, line: int) -> str:
    """A draft's first line is marked as a draft; the rest say when it was approved, corrected or amended."""
    return "draft" if m.state == MinutesState.DRAFT and line == 0 else "standing"


def _section(heading: str) -> str:
    """The start of a section with its heading; the caller closes it."""
    return f"<section><h2>{_e(heading)}</h2>"


def _empty(text: str) -> str:
    return f'<p class="empty">{_e(text)}</p>'


def _facts(facts: dict[str, str], css: str) -> str:
    rows = "".join(f"<dt>{_e(label)}</dt><dd>{value}</dd>" for label, value in facts.items())
    return f'<dl class="{css}">{rows}</dl>'


def _attendees_html(attendees: Iterable[Participant]) -> str:
    items = [
        f'<li>{_e(p.name)} <span class="role">— {_e(p.detail)}{_e(_role(p))}</span></li>' for p in attendees
    ]
    return f'<ul class="people">{"".join(items)}</ul>' if items else _empty(_("No attendees recorded."))


def _proposal_html(m: Minutes) -> str:
    p = m.proposal
    if p is None:
        return f'<p class="empty">{_no_proposal(m, _e)}</p>'
    facts = {
        _("Why"): _h(p.why) or "—",
        _("Journey stage"): _e(p.stage or "—"),
        _("Customer notices"): _h(p.customer_notices) or "—",
    }
    status = f'<span class="meta">({_e(p.status.lower())})</span>'
    # Translators: {status} is the proposal's status in brackets, e.g. "(on the agenda)".
    said = _("{name} proposed one change {status}:").format(name=_e(p.guest), status=status)
    return f"<p>{said}</p><blockquote>{_h(p.change)}</blockquote>{_facts(facts, 'facts')}"


def _item_html(m: Minutes, item: MinutesItem) -> str:
    css = "none" if item.outcome is None else ("decided" if item.outcome == Outcome.DECIDED.label else "")
    facts = " · ".join(_e(f) for f in _item_facts(item.kind, item.time_box_minutes, item.presenter))
    outcome = _("Outcome")
    parts = [
        f'<article class="item"><h3><span class="num">{item.position}.</span>{_e(item.title)}</h3>',
        f'<p class="meta">{facts} · {_e(outcome)}: <span class="outcome {css}">{_e(_outcome(m, item))}</span></p>',
        _h(item.notes),
        _remarks_html(item),
        *(_decision_html(d) for d in m.decisions_under(item.position)),
        "</article>",
    ]
    return "".join(parts)


def _remarks_html(item: MinutesItem) -> str:
    if not item.remarks:
        return ""
    said = "".join(f"<li><strong>{_e(who)}</strong>: {_e(what)}</li>" for who, what in item.remarks)
    heading = _("Remarks")
    return f'<p class="meta">{_e(heading)}</p><ul>{said}</ul>'


def _decision_html(d: MinutesDecision) -> str:
    facts = {_("Why"): _h(d.rationale)} if d.rationale.strip() else {}
    facts |= {
        _("Owner"): _e(_owner(d.owner_name, d.owner_department)),
        _("Due"): _e(_due(d.due_on)),
        _("Status"): _e(d.status),
    }
    if d.amended_on:
        facts[_("Amended")] = f"{_e(_day(d.amended_on))}: {_e(d.change_note) or '—'}"
    actions = _actions_table([(d, a) for a in d.actions], with_decision=False) if d.actions else ""
    title = _("Decision #{id} · version {version}: {title}").format(
        id=d.decision_id, version=d.version, title=_e(d.title)
    )
    return f'<div class="decision"><h4>{title}</h4>{_h(d.text)}{_facts(facts, "facts")}{actions}</div>'


def _action_list_html(m: Minutes) -> str:
    rows = [(d, a) for d in m.decisions for a in d.actions]
    if not rows:
        return _empty(_no_actions(m))
    return _actions_table(rows, with_decision=True)


def _actions_table(rows: list[tuple[MinutesDecision, MinutesAction]], *, with_decision: bool) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in _columns(with_decision))
    body = "".join(
        f'<tr><td>{_e(a.what)}</td><td class="nowrap">{_e(a.owner or "—")}</td>'
        f'<td class="nowrap">{_e(_due(a.due_on))}</td><td>{_e(a.status)}</td>'
        + (f"<td>#{d.decision_id}</td>" if with_decision else "")
        + "</tr>"
        for d, a in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
