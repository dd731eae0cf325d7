"""A meeting's minutes as a standalone HTML page that prints well on A4: no scripts, nothing fetched.

A pure renderer of a `Minutes`: no database. Whatever people typed is escaped, so a note reading `<script>`
shows exactly as written. It writes in the language of the minutes' own words (`Minutes.language`, the
workspace's for its record), whoever downloads them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from council.domain.minutes import MinutesState
from council.domain.vocabulary import Outcome
from council.i18n import _, use_language
from council.i18n import formats as fmt
from council.services import exports
from council.services.minutes import (
    DRAFT_NOTICE,
    Minutes,
    MinutesAction,
    MinutesDecision,
    MinutesItem,
    Participant,
)


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
        _("When"): _e(exports.when(m)),
        _("Where"): _e(m.location or "—"),
        _("Status"): _e(exports.status(m)),
        _("Chair"): _e(exports.person_line(m.chair)),
        _("Guest"): _e(exports.person_line(m.guest)) if m.guest else _e(_("no guest invited")),
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
        f"<section><h2>{_e(exports.proposal_heading())}</h2>{_proposal_html(m)}</section>",
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
        f'<li>{_e(p.name)} <span class="role">— {_e(p.detail)}{_e(exports.role(p))}</span></li>'
        for p in attendees
    ]
    return f'<ul class="people">{"".join(items)}</ul>' if items else _empty(_("No attendees recorded."))


def _proposal_html(m: Minutes) -> str:
    p = m.proposal
    if p is None:
        return f'<p class="empty">{exports.no_proposal(m, _e)}</p>'
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
    facts = " · ".join(_e(f) for f in exports.item_facts(item.kind, item.time_box_minutes, item.presenter))
    outcome = _("Outcome")
    parts = [
        f'<article class="item"><h3><span class="num">{item.position}.</span>{_e(item.title)}</h3>',
        f'<p class="meta">{facts} · {_e(outcome)}: '
        f'<span class="outcome {css}">{_e(exports.outcome(m, item))}</span></p>',
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
        _("Owner"): _e(exports.owner(d.owner_name, d.owner_department)),
        _("Due"): _e(exports.due(d.due_on)),
        _("Status"): _e(d.status),
    }
    if d.amended_on:
        facts[_("Amended")] = f"{_e(exports.day(d.amended_on))}: {_e(d.change_note) or '—'}"
    actions = _actions_table([(d, a) for a in d.actions], with_decision=False) if d.actions else ""
    title = _("Decision #{id} · version {version}: {title}").format(
        id=d.decision_id, version=d.version, title=_e(d.title)
    )
    return f'<div class="decision"><h4>{title}</h4>{_h(d.text)}{_facts(facts, "facts")}{actions}</div>'


def _action_list_html(m: Minutes) -> str:
    rows = [(d, a) for d in m.decisions for a in d.actions]
    if not rows:
        return _empty(exports.no_actions(m))
    return _actions_table(rows, with_decision=True)


def _actions_table(rows: list[tuple[MinutesDecision, MinutesAction]], *, with_decision: bool) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in exports.action_columns(with_decision))
    body = "".join(
        f'<tr><td>{_e(a.what)}</td><td class="nowrap">{_e(a.owner or "—")}</td>'
        f'<td class="nowrap">{_e(exports.due(a.due_on))}</td><td>{_e(a.status)}</td>'
        + (f"<td>#{d.decision_id}</td>" if with_decision else "")
        + "</tr>"
        for d, a in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
