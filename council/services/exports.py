"""What a meeting's exports share: their file names and types, user text escaped for Markdown, and the
words both the Markdown minutes (`markdown_minutes`) and the printable ones (`printable_minutes`) use for a
meeting's facts. Its calendar invite is in `invites`.

Whatever people typed is escaped for the format it lands in, so a note reading `<script>` or
`[x](javascript:…)` shows exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from council.i18n import _
from council.i18n import formats as fmt
from council.services.minutes import Minutes, MinutesItem, Participant

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


def export_name(m: Minutes, ext: str) -> str:
    """File name for an export of the meeting, e.g. council-meeting-2026-11-26.md."""
    return f"council-meeting-{m.starts_at:%Y-%m-%d}.{ext}"


def day(d: date) -> str:
    return fmt.long_day(d)


def when(m: Minutes) -> str:
    return _("{day}, {start} to {end} ({zone}, {time_zone})").format(
        day=fmt.long_weekday(m.starts_at), start=fmt.clock(m.starts_at), end=fmt.clock(m.ends_at),
        zone=f"{m.starts_at:%Z}", time_zone=m.time_zone,
    )  # fmt: skip


def status(m: Minutes) -> str:
    if not m.closed_at:
        return m.status
    return _("{status} on {day} at {time}").format(
        status=m.status, day=day(m.closed_at), time=fmt.clock(m.closed_at)
    )


def person_line(p: Participant | None) -> str:
    return f"{p.name} ({p.detail})" if p and p.detail else (p.name if p else "—")


def role(p: Participant) -> str:
    """What the attendee was at the meeting, in words: `(chair)`, `(guest)` or nothing."""
    words = {"Chair": _("chair"), "Guest": _("guest")}.get(p.role, p.role.lower())
    return f" ({words})" if words else ""


def owner(name: str | None, department: str | None) -> str:
    return ", ".join(part for part in (name, department) if part) or "—"


def due(due_on: date | None) -> str:
    return day(due_on) if due_on else _("no due date")


def no_proposal(m: Minutes, escape: Callable[[str], str]) -> str:
    if m.guest is None:
        return _("No guest was invited.")
    if m.is_draft:
        return _("{name} has not proposed a change yet.").format(name=escape(m.guest.name))
    return _("{name} proposed no change.").format(name=escape(m.guest.name))


def no_actions(m: Minutes) -> str:
    if m.decisions:
        return _("No actions.")
    return _("No decisions yet.") if m.is_draft else _("No decisions were taken.")


def proposal_heading() -> str:
    return _("The guest's proposal")


def outcome(m: Minutes, item: MinutesItem) -> str:
    return item.outcome or (_("to be discussed") if m.is_draft else _("no outcome recorded"))


def item_facts(kind: str, time_box: int | None, presenter: str | None) -> list[str]:
    return (
        [kind]
        + ([_("{minutes} min").format(minutes=fmt.number(time_box))] if time_box else [])
        + ([_("presented by {name}").format(name=presenter)] if presenter else [])
    )


def action_columns(with_decision: bool = True) -> list[str]:
    return [_("Action"), _("Owner"), _("Due"), _("Status")] + ([_("Decision")] if with_decision else [])
