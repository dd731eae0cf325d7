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
from council.domain.records import saved_id
from council.domain.vocabulary import AgendaKind
from council.i18n import DEFAULT, LANGUAGES, N_, _, current_language, ngettext
from council.i18n import formats as fmt
from council.services.exports import markdown_escape
from council.services.workspace import Workspace
from council.store import feedback, meetings, people
from council.store.since import Change, changes_since

# The report's sections: (what, kind or None for every kind) -> heading (translated in the report), in this order.
SECTIONS = {
    ("logged", None): N_("Logged"),
    ("decided", None): N_("Decided"),
    ("amended", None): N_("Amended"),
    ("done", "decision"): N_("Decisions done"),
    ("done", "action"): N_("Actions done"),
    ("dropped", None): N_("Dropped"),
    ("overdue", None): N_("Became overdue"),
}
_KINDS = {"decision": N_("Decision"), "action": N_("Action")}


def kind_word(kind: str) -> str:
    """A kind of change's record in words: "Friction point", "Decision", "Action"…"""
    return _(_KINDS[kind]) if kind in _KINDS else AgendaKind(kind).label


@dataclass(frozen=True)
class SinceReport:
    since: date
    since_label: str  # "the meeting of 20 November 2026" or "2 November 2026", in the report's language
    for_whom: str | None  # None: council-wide
    sections: dict[str, list[Change]]  # heading (in the report's language) -> changes, latest first
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
    if last and since == last[0]:
        # Translators: completes "since …", e.g. "since the meeting of 20 November 2026".
        label = _("the meeting of {day}").format(day=fmt.long_day(since))
    else:
        label = fmt.long_day(since)
    start = datetime.combine(since, time.min, ws.zone)
    found = changes_since(ws.db, start, since, ws.today())
    if me is not None:
        found = [
            c for c in found if c.person_id == me.id or (me.department and c.department == me.department)
        ]
    sections = {_(heading): [c for c in found if c.what == what and kind in (None, c.kind)]
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
        names={saved_id(p): p.name for p in people.list_people(ws.db, active_only=False)},
        zone=ws.zone,
    )


def score_words(r: SinceReport) -> str:
    """How the customers' NPS moved, in a sentence (plain text)."""
    after, before = r.score_since, r.score_before
    if after.nps is None:
        return _("No customer feedback came in since then.")
    if before.nps is not None:
        # Translators: {before_n} is the number of responses behind the earlier score {before}; {moved} the
        # change between them, e.g. "+4".
        line = ngettext(
            "NPS {nps} from {n} response since {since}, against {before} ({before_n}) in as many days before: "
            "{moved}",
            "NPS {nps} from {n} responses since {since}, against {before} ({before_n}) in as many days before: "
            "{moved}",
            after.responses,
        ).format(nps=nps_text(after.nps), n=fmt.number(after.responses), since=r.since_label,
                 before=nps_text(before.nps), before_n=fmt.number(before.responses),
                 moved=nps_text(after.nps - before.nps))  # fmt: skip
    else:
        line = ngettext(
            "NPS {nps} from {n} response since {since}",
            "NPS {nps} from {n} responses since {since}",
            after.responses,
        ).format(nps=nps_text(after.nps), n=fmt.number(after.responses), since=r.since_label)
    if not (after.trustworthy and before.trustworthy):
        # Translators: {score} is the sentence about the score, without its full stop.
        line = _("{score} (too few responses to trust)").format(score=line)
    return line + "."


def change_words(r: SinceReport, c: Change) -> str:
    """One change in plain text: what, who, when."""
    parts = [f"{kind_word(c.kind)} #{c.id}: {c.title}"]
    if c.kind == "action" and c.decision_id:
        parts.append(_("decision #{id}").format(id=c.decision_id))
    if c.person_id in r.names:
        parts.append(r.names[c.person_id])
    if c.what == "overdue" and c.due_on:
        parts.append(_("due {day}").format(day=fmt.day(c.due_on)))
    elif c.happened_at:
        parts.append(fmt.day(c.happened_at.astimezone(r.zone)))
    return " · ".join(parts) + (f" — {c.note}" if c.note else "")


def _title(r: SinceReport, organisation: str) -> str:
    if r.for_whom:
        return _("{organisation}: since {since} for {name} and their department").format(
            organisation=organisation, since=r.since_label, name=r.for_whom
        )
    # Translators: {since} is a day or "the meeting of …".
    return _("{organisation}: since {since}").format(organisation=organisation, since=r.since_label)


def since_markdown(ws: Workspace, r: SinceReport) -> str:
    lines = [
        f"# {markdown_escape(_title(r, ws.config.organisation))}",
        "",
        markdown_escape(score_words(r)),
        "",
    ]
    for heading, changes in r.sections.items():
        lines += [f"## {heading} ({len(changes)})", ""]
        lines += [f"- {markdown_escape(change_words(r, c))}" for c in changes] or [_("Nothing.")]
        lines.append("")
    return "\n".join(lines)


def since_html(ws: Workspace, r: SinceReport) -> str:
    e = html.escape
    nothing = '<p class="empty">' + e(_("Nothing.")) + "</p>"

    parts = [f"<h2>{e(h)} ({len(cs)})</h2>" + ("<ul>" + "".join(f"<li>{e(change_words(r, c))}</li>" for c in cs)
                                                + "</ul>" if cs else nothing)
             for h, cs in r.sections.items()]  # fmt: skip
    title = e(_title(r, ws.config.organisation))
    language = current_language() if current_language() in LANGUAGES else DEFAULT

    return (f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><title>{title}</title><style>'

            "body{font:11pt/1.45 system-ui,sans-serif;max-width:190mm;margin:16mm auto;color:#1c2430}"
            "h1{font-size:18pt}h2{font-size:13pt;color:#1f4e79;border-bottom:1px solid #d5dbe3}"
            ".empty{color:#5a6472;font-style:italic}</style></head><body>"
            f"<h1>{title}</h1><p>{e(score_words(r))}</p>{''.join(parts)}</body></html>")  # fmt: skip
