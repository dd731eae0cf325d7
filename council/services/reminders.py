"""Mails that come from the calendar rather than from a change: reminders of actions and decisions that
fall due, and the weekly digest. The sender works them out each round; each goes once per occasion, in its
recipient's language."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from functools import partial

from council.domain.mail import WEEKDAYS, MailKind
from council.i18n import N_, _, current_language, ngettext, use_language
from council.i18n import formats as fmt
from council.services.letters import Body, Letter, day_words
from council.services.mail_queue import in_their_languages, mail_is_on, queue_letter
from council.services.since import change_words, score_words, since_report
from council.services.workspace import Workspace
from council.store import outbox as store
from council.store.database import Transaction
from council.store.outbox import DueItem, Recipient

DIGEST_LINES = 12  # per section; the rest is on the page
REMINDER_LINES = 20  # overdue, and due soon; the rest is on My work


def queue_reminders(ws: Workspace, now: datetime | None = None) -> int:
    """From the day's sending time on: one mail per owner listing what of theirs is due soon or overdue and
    was not yet reminded of for that due date and step. Returns how many mails were queued."""
    now = _sending(ws, now)
    if now is None:
        return 0
    days_ahead = ws.config.email.remind_days_before

    def write(tx: Transaction) -> int:
        by_owner: dict[int, list[DueItem]] = defaultdict(list)
        for item in store.due_items(tx, now.date(), days_ahead):
            by_owner[item.owner_id].append(item)
        sent = []
        for items in by_owner.values():
            first = items[0]
            owner = Recipient(first.owner_id, first.owner_name, first.owner_email)
            [mail_id] = queue_letter(tx, ws, partial(_reminder, ws, items, now), [owner], now)
            sent += [(item.subject, item.id, item.occasion, mail_id) for item in items]
        store.remember_once(tx, sent)
        return len(by_owner)

    return ws.db.write(write)


def queue_digests(ws: Workspace, now: datetime | None = None) -> int:
    """On the digest's weekday, from the sending time on: this week's digest to everyone who chose it."""
    now = _sending(ws, now)
    occasion = _digest_week(ws, now) if now else None
    readers = store.digest_readers(ws.db, occasion) if now and occasion else []
    if now is None or occasion is None or not readers:
        return 0
    # Written before the write, which then need not wait for it: once in each language its readers read.
    written: dict[str, Letter] = {}
    for language in in_their_languages(ws, readers):
        with use_language(language):
            written[language] = _digest(ws)

    def letter() -> Letter:
        language = current_language()
        if language not in written:  # a reader who chose another language just now
            written[language] = _digest(ws)
        return written[language]

    def write(tx: Transaction) -> int:
        readers = store.digest_readers(tx, occasion)
        mail_ids = queue_letter(tx, ws, letter, readers, now)
        store.remember_once(
            tx, [("digest", r.id or 0, occasion, i) for r, i in zip(readers, mail_ids, strict=True)]
        )
        return len(readers)

    return ws.db.write(write)


def coming_up(ws: Workspace, now: datetime | None = None) -> list[str]:
    """The reminders and digests a round would queue now, in words (for a dry run); nothing is written."""
    now = _sending(ws, now)
    if now is None:
        return []
    lines = [
        _("reminder to {address}: {what} “{title}” due {day}").format(
            address=i.owner_email,
            what=_(_WHAT.get(i.subject, i.subject)),
            title=i.title,
            day=f"{i.due_on:%Y-%m-%d}",
        )
        for i in store.due_items(ws.db, now.date(), ws.config.email.remind_days_before)
    ]
    occasion = _digest_week(ws, now)
    if occasion:
        lines += [
            _("weekly digest to {address}").format(address=r.email)
            for r in store.digest_readers(ws.db, occasion)
        ]
    return lines


_WHAT = {"action": N_("action"), "decision": N_("decision")}  # what a reminder is about, in a dry run's words


def _sending(ws: Workspace, now: datetime | None) -> datetime | None:
    """`now` in the workspace's time zone, once the day's sending time has come (None before it, or with
    mail off)."""
    now = (now or ws.now()).astimezone(ws.zone)
    return now if mail_is_on(ws) and now.time() >= ws.config.email.send_at else None


def _digest_week(ws: Workspace, now: datetime) -> str | None:
    """This week ("2026-W50") on the digest's weekday, else None."""
    if WEEKDAYS[now.weekday()] != ws.config.email.digest_weekday:
        return None
    year, week, _day = now.isocalendar()
    return f"{year}-W{week:02d}"


def _reminder(ws: Workspace, items: list[DueItem], now: datetime) -> Letter:
    today = now.date()
    overdue = [i for i in items if i.due_on < today]
    soon = [i for i in items if i.due_on >= today]
    body = Body()
    if overdue:
        body.heading(_("Overdue ({n})").format(n=fmt.number(len(overdue)))).bullets(_lines(overdue))
    if soon:
        body.heading(_("Due soon ({n})").format(n=fmt.number(len(soon)))).bullets(_lines(soon))
    body.para(_("When one is done, or needs another date or owner, say so in the workspace: the council sees it "
                "in its follow-through, and these reminders stop."))  # fmt: skip
    body.link(_("Your work in the workspace"), ws.config.email.link("my_work"))
    if len(items) == 1:
        item = items[0]
        if overdue:
            subject = _("Overdue: {title}").format(title=item.title)
        else:
            subject = _("Due {day}: {title}").format(day=day_words(item.due_on), title=item.title)
    elif overdue:
        subject = ngettext(
            "{n} of your actions and decisions is due, {overdue} overdue",
            "{n} of your actions and decisions are due, {overdue} overdue",
            len(items),
        ).format(n=fmt.number(len(items)), overdue=fmt.number(len(overdue)))
    else:
        subject = ngettext(
            "{n} of your actions and decisions is due",
            "{n} of your actions and decisions are due",
            len(items),
        ).format(n=fmt.number(len(items)))
    return body.letter(MailKind.REMINDER, subject, "my_work")


def _lines(items: list[DueItem]) -> list[str]:
    shown = [_line(i) for i in items[:REMINDER_LINES]]
    more = len(items) - REMINDER_LINES
    return shown + ([_("… and {n} more on My work").format(n=fmt.number(more))] if more > 0 else [])


def _line(item: DueItem) -> str:
    day = day_words(item.due_on)
    if item.subject == "action":
        return _("Action (decision #{decision}): {title} — due {day}").format(
            decision=item.decision_id, title=item.title, day=day
        )
    return _("Decision #{id}: {title} — due {day}").format(id=item.id, title=item.title, day=day)


def _digest(ws: Workspace) -> Letter:
    report = since_report(ws)
    body = Body().para(
        _("What changed in the council's work since {since}. {score}").format(
            since=report.since_label, score=score_words(report)
        )
    )
    for heading, changes in report.sections.items():
        if not changes:
            continue
        lines = [change_words(report, c) for c in changes[:DIGEST_LINES]]
        if len(changes) > DIGEST_LINES:
            lines.append(
                _("… and {n} more in the workspace").format(n=fmt.number(len(changes) - DIGEST_LINES))
            )
        body.heading(_("{heading} ({n})").format(heading=heading, n=fmt.number(len(changes)))).bullets(lines)
    if report.total == 0:
        body.para(_("Nothing was logged, decided or done since then."))
    body.link(_("Since the last meeting, in the workspace"), ws.config.email.link("since"))
    subject = _("This week in the council: since {since}").format(since=report.since_label)
    return body.letter(MailKind.DIGEST, subject, "since")
