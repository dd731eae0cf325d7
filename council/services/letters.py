"""Writing mails: a `Body` builds the plain-text and HTML versions side by side, escaping every text for the
HTML in one place, and `framed` puts the greeting and the footer around a letter for one recipient.

A letter is written in the language current while it is built (the recipient's: see
`mail_queue.queue_letter`), and framed in the same one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from council.domain.mail import MailKind, MailSettings, one_line
from council.i18n import DEFAULT, LANGUAGES, _, current_language
from council.i18n import formats as fmt

_STYLE = (
    "font-family: -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; font-size: 15px; line-height: 1.5; "
    "color: #31333f; max-width: 40rem"
)


@dataclass(frozen=True)
class Letter:
    """One mail's content, before it is addressed: the same for everyone it goes to who reads its language."""

    kind: MailKind
    subject: str  # on one line already
    text: str  # plain text, after the greeting
    html: str  # the same as HTML, every user text escaped
    about: str = ""  # the page it is about, as a path with its query (meetings?id=4)
    attachment: bytes | None = None
    attachment_name: str | None = None
    attachment_type: str | None = None  # text/calendar; method=REQUEST


class Body:
    """The text and HTML of a mail, written once: every piece of text is escaped for the HTML here."""

    def __init__(self) -> None:
        self._text: list[str] = []
        self._html: list[str] = []

    def para(self, text: str) -> Body:
        self._text.append(text)
        self._html.append(f"<p>{_lines(text)}</p>")
        return self

    def heading(self, text: str) -> Body:
        self._text.append(f"{text}\n{'-' * min(len(text), 60)}")
        self._html.append(f'<h3 style="margin: 1.2em 0 .3em">{escape(text)}</h3>')
        return self

    def facts(self, pairs: list[tuple[str, str]]) -> Body:
        """Label–value lines (When, Where, Chair …); empty values are left out."""
        pairs = [(k, v) for k, v in pairs if v]
        self._text.append("\n".join(f"{k}: {v}" for k, v in pairs))
        rows = "".join(
            f'<tr><td style="color: #6b6d76; padding-right: 1em; vertical-align: top">{escape(k)}</td>'
            f"<td>{_lines(v)}</td></tr>"
            for k, v in pairs
        )
        self._html.append(f"<table>{rows}</table>")
        return self

    def bullets(self, lines: list[str], numbered: bool = False) -> Body:
        self._text.append(
            "\n".join(f"{f'{i}.' if numbered else '-'} {line}" for i, line in enumerate(lines, 1))
        )
        tag = "ol" if numbered else "ul"
        self._html.append(f"<{tag}>" + "".join(f"<li>{_lines(line)}</li>" for line in lines) + f"</{tag}>")
        return self

    def link(self, label: str, url: str) -> Body:
        self._text.append(f"{label}: {url}")
        self._html.append(f'<p><a href="{escape(url, quote=True)}">{escape(label)}</a></p>')
        return self

    def letter(
        self,
        kind: MailKind,
        subject: str,
        about: str = "",
        *,
        calendar: bytes | None = None,
        method: str = "",
    ) -> Letter:
        """The finished letter; `calendar` (an .ics) goes with it as an invitation of `method`."""
        return Letter(
            kind, one_line(subject, 200), "\n\n".join(self._text), "\n".join(self._html), about, calendar,
            "invite.ics" if calendar else None, f"text/calendar; method={method}" if calendar else None,
        )  # fmt: skip


def framed(letter: Letter, name: str, settings: MailSettings) -> tuple[str, str]:
    """The letter for one recipient, text and HTML: a greeting, the letter, and why they get it."""
    greeting = _("Hello {name},").format(name=one_line(name, 100)) if name.strip() else _("Hello,")
    why = _why(letter.kind, settings)
    language = current_language() if current_language() in LANGUAGES else DEFAULT
    text = f"{greeting}\n\n{letter.text}\n\n-- \n{why}\n"
    html = (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"></head><body><div style="{_STYLE}">'
        f"<p>{escape(greeting)}</p>{letter.html}"
        f'<hr style="border: 0; border-top: 1px solid #e6e6e2; margin-top: 2em">'
        f'<p style="color: #6b6d76; font-size: 13px">{_lines(why)}</p></div></body></html>'
    )
    return text, html


def _why(kind: MailKind, settings: MailSettings) -> str:
    if kind is MailKind.TEST:
        return _("This is a test of the workspace's mail settings.")
    if kind is MailKind.INVITATION:
        return _(
            "You get this mail because you are invited to this meeting of the customer-experience council."
        )
    return _(
        "You get this mail because you chose “{kind}”. To change which mails you get, open "
        "{link} and use “Mails you get” in the sidebar."
    ).format(kind=kind.label, link=settings.link("my_work"))


def day_words(day: date) -> str:
    """ "Tuesday 15 December 2026" / "dinsdag 15 december 2026"."""
    return fmt.long_weekday(day)


def moment_words(start: datetime, end: datetime | None = None) -> str:
    """ "Tuesday 15 December 2026, 14:00–15:30 (Europe/Amsterdam)", in the times' own zone."""
    until = f"–{fmt.clock(end)}" if end else ""
    zone = getattr(start.tzinfo, "key", None) or start.strftime("%Z")
    return f"{day_words(start.date())}, {fmt.clock(start)}{until} ({zone})"


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.splitlines())
