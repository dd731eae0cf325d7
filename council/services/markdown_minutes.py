"""A meeting's minutes as a Markdown document, to download and to show on the meeting's page.

A pure renderer of a `Minutes`: no database. Whatever people typed is escaped (`exports.markdown_escape`),
so it shows exactly as written. It writes in the language of the minutes' own words (`Minutes.language`, the
workspace's for its record), whoever downloads them.
"""

from __future__ import annotations

from council.domain.minutes import MinutesState
from council.i18n import _, use_language
from council.i18n import formats as fmt
from council.services import exports
from council.services.exports import markdown_escape
from council.services.minutes import DRAFT_NOTICE, Minutes, MinutesAction, MinutesDecision


def _md(text: str) -> str:
    """User text on one line (a heading, a table cell, a list entry)."""
    return markdown_escape(" ".join(str(text).split()))


def _line(label: str, value: str) -> str:
    """A fact in a Markdown list: `- **Owner:** …`."""
    return f"- **{label}:** {value}"


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
    guest = _md(exports.person_line(m.guest)) if m.guest else _("no guest invited")
    out += [
        _line(_("When"), exports.when(m)),
        _line(_("Where"), _md(m.location) or "—"),
        _line(_("Status"), exports.status(m)),
        _line(_("Chair"), _md(exports.person_line(m.chair))),
        _line(_("Guest"), guest),
        "",
        h[1] + " " + _("Attendees ({n})").format(n=fmt.number(len(m.attendees))),
        "",
    ]
    out += [f"- {_md(p.name)} — {_md(p.detail)}{exports.role(p)}" for p in m.attendees]
    out += [] if m.attendees else [_("No attendees recorded.")]
    out += ["", f"{h[1]} {exports.proposal_heading()}", "", *_proposal_markdown(m), ""]
    out += [h[1] + " " + _("Notes"), ""]
    out += [markdown_escape(m.text) if m.text.strip() else _("No general notes were recorded."), ""]
    out += [h[1] + " " + _("Agenda and outcomes"), ""]
    for item in m.agenda:
        facts = " · ".join(
            _md(f) for f in exports.item_facts(item.kind, item.time_box_minutes, item.presenter)
        )
        outcome = _("Outcome")
        out += [
            f"{h[2]} {item.position}. {_md(item.title)}",
            "",
            f"{facts} · **{outcome}:** {exports.outcome(m, item)}",
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
        return [exports.no_proposal(m, _md)]
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
        _line(_("Owner"), _md(exports.owner(d.owner_name, d.owner_department))),
        _line(_("Due"), exports.due(d.due_on)),
        _line(_("Status"), d.status),
    ]
    if d.amended_on:
        amended = _("Amended on {day}").format(day=exports.day(d.amended_on))
        out += [f"- **{amended}:** {markdown_escape(d.change_note, '  ') or '—'}"]
    if d.actions:
        out += [_line(_("Actions"), "").rstrip()]
        out += [f"  - {_action_line(a)}" for a in d.actions]
    return [*out, ""]


def _action_line(a: MinutesAction) -> str:
    facts = ([_md(a.owner)] if a.owner else []) + (
        [_("due {day}").format(day=exports.due(a.due_on))] if a.due_on else []
    )
    return f"{_md(a.what)}{' — ' + ', '.join(facts) if facts else ''} ({a.status.lower()})"


def _action_list_markdown(m: Minutes, heading: str) -> list[str]:
    rows = [(d, a) for d in m.decisions for a in d.actions]
    title = heading + " " + _("Action list")
    if not rows:
        return [title, "", exports.no_actions(m), ""]
    out = [title, "", "| " + " | ".join(exports.action_columns()) + " |", "|---|---|---|---|---|"]
    out += [
        f"| {_md(a.what)} | {_md(a.owner or '—')} | {exports.due(a.due_on)} | {a.status} | #{d.decision_id} |"
        for d, a in rows
    ]
    return [*out, ""]
