"""Since the last meeting: what was logged, decided, amended, done, dropped or became overdue since the
last closed meeting (or a chosen day), council-wide or for one person and their department, and how the
customers' score moved. Also as Markdown and printable HTML, to send round before the next meeting."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from council.domain.feedback import NpsFigure, nps_text
from council.domain.people import Person
from council.domain.vocabulary import AgendaKind
from council.services.exports import markdown_escape
from council.services.workspace import Workspace
from council.store import feedback, meetings, people
from council.store.since import Change, changes_since

# The report's sections: (what, kind or None for every kind) -> heading, in this order.
SECTIONS = {
    ("logged", None): "Logged",
    ("decided", None): "Decided",
    ("amended", None): "Amended",
    ("done", "decision"): "Decisions done",
    ("done", "action"): "Actions done",
    ("dropped", None): "Dropped",
    ("overdue", None): "Became overdue",
}
KIND_WORDS = {k: AgendaKind(k).label for k in ("friction", "connection", "blocker")} | {
    "decision": "Decision",
    "action": "Action",
}


@dataclass(frozen=True)
class SinceReport:
    since: date
    since_label: str  # "the meeting of 20 November 2026" or "2 November 2026"
    for_whom: str | None  # None: council-wide
    sections: dict[str, list[Change]]  # heading -> changes, latest first
    score_since: NpsFigure
    score_before: NpsFigure  # as many days just before
    names: dict[int, str]
    zone: ZoneInfo  # the workspace's, to show when things happened

    @property
    def total(self) -> int:
        return sum(len(c) for c in self.sections.values())


def last_meeting_day(ws: Workspace) -> tuple[date, str] | None:
    """The day of the last closed meeting and its title, the report's default start."""
    found = meetings.last_closed(ws.db)
    return (found.starts_at.astimezone(ws.zone).date(), found.title) if found else None


def since_report(ws: Workspace, since: date | None = None, me: Person | None = None) -> SinceReport:
    """What happened since `since` (default: the day of the last closed meeting, else 28 days ago); with
    `me`, only what is theirs (they logged or own it) or their department's."""
    last = last_meeting_day(ws)
    if since is None:
        since = last[0] if last else ws.today() - timedelta(days=28)
    label = f"the meeting of {since:%-d %B %Y}" if last and since == last[0] else f"{since:%-d %B %Y}"
    start = datetime.combine(since, time.min, ws.zone)
    found = changes_since(ws.db, start, since, ws.today())
    if me is not None:
        found = [
            c for c in found if c.person_id == me.id or (me.department and c.department == me.department)
        ]
    sections = {heading: [c for c in found if c.what == what and kind in (None, c.kind)]
                for (what, kind), heading in SECTIONS.items()}  # fmt: skip
    now = ws.now()
    score_before, score_since = feedback.nps_between(ws.db, start - (now - start), start, now)
    return SinceReport(
        since=since,
        since_label=label,
        for_whom=me.name if me else None,
        sections=sections,
        score_since=score_since,
        score_before=score_before,
        names={p.id: p.name for p in people.list_people(ws.db, active_only=False)},
        zone=ws.zone,
    )


def score_words(r: SinceReport) -> str:
    """How the customers' NPS moved, in a sentence (plain text)."""
    after, before = r.score_since, r.score_before
    if after.nps is None:
        return "No customer feedback came in since then."
    line = f"NPS {nps_text(after.nps)} from {after.responses:,} responses since {r.since_label}"
    if before.nps is not None:
        moved = nps_text(after.nps - before.nps)
        line += f", against {nps_text(before.nps)} ({before.responses:,}) in as many days before: {moved}"
    if not (after.trustworthy and before.trustworthy):
        line += " (too few responses to trust)"
    return line + "."


def change_words(r: SinceReport, c: Change) -> str:
    """One change in plain text: what, who, when."""
    parts = [f"{KIND_WORDS[c.kind]} #{c.id}: {c.title}"]
    if c.kind == "action" and c.decision_id:
        parts.append(f"decision #{c.decision_id}")
    if c.person_id in r.names:
        parts.append(r.names[c.person_id])
    if c.what == "overdue" and c.due_on:
        parts.append(f"due {c.due_on:%-d %b %Y}")
    elif c.happened_at:
        parts.append(f"{c.happened_at.astimezone(r.zone):%-d %b %Y}")
    return " · ".join(parts) + (f" — {c.note}" if c.note else "")


def _title(r: SinceReport, organisation: str) -> str:
    whose = f" for {r.for_whom} and their department" if r.for_whom else ""
    return f"{organisation}: since {r.since_label}{whose}"


def since_markdown(ws: Workspace, r: SinceReport) -> str:
    lines = [
        f"# {markdown_escape(_title(r, ws.config.organisation))}",
        "",
        markdown_escape(score_words(r)),
        "",
    ]
    for heading, changes in r.sections.items():
        lines += [f"## {heading} ({len(changes)})", ""]
        lines += [f"- {markdown_escape(change_words(r, c))}" for c in changes] or ["Nothing."]
        lines.append("")
    return "\n".join(lines)


def since_html(ws: Workspace, r: SinceReport) -> str:
    e = html.escape
    parts = [f"<h2>{e(h)} ({len(cs)})</h2>" + ("<ul>" + "".join(f"<li>{e(change_words(r, c))}</li>" for c in cs)
                                                + "</ul>" if cs else '<p class="empty">Nothing.</p>')
             for h, cs in r.sections.items()]  # fmt: skip
    title = e(_title(r, ws.config.organisation))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title><style>'
            "body{font:11pt/1.45 system-ui,sans-serif;max-width:190mm;margin:16mm auto;color:#1c2430}"
            "h1{font-size:18pt}h2{font-size:13pt;color:#1f4e79;border-bottom:1px solid #d5dbe3}"
            ".empty{color:#5a6472;font-style:italic}</style></head><body>"
            f"<h1>{title}</h1><p>{e(score_words(r))}</p>{''.join(parts)}</body></html>")  # fmt: skip
