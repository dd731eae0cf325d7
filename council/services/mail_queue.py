"""Queueing mails: inside the write that causes them, so a change that is rolled back sends nothing. Each is
kept in the outbox until `outbox` delivers it, and written in its recipient's language: their own choice,
else the workspace's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from email.utils import make_msgid

from council.domain.mail import CHOOSABLE, MailKind
from council.i18n import use_language
from council.services.languages import chosen_languages, language_of
from council.services.letters import Letter, framed
from council.services.mail_server import sender_domain
from council.services.workspace import Workspace
from council.store import outbox as store
from council.store.database import Transaction
from council.store.outbox import OutboxMail, Recipient

QUEUED = threading.Event()  # set when a mail is queued: the background worker then delivers at once


def mail_is_on(ws: Workspace) -> bool:
    return ws.config.email.enabled


def queue_letter(
    tx: Transaction,
    ws: Workspace,
    letter: Letter | Callable[[], Letter],
    to: list[Recipient],
    now: datetime | None = None,
) -> list[int]:
    """Inside a write: queue `letter` for each of `to`, to go from `now` on (nothing when mail is off); returns
    the mails' ids in the order of `to`. Given as a function that writes it, the letter is written once per
    language, in each recipient's own; the greeting and footer around it always are."""
    settings = ws.config.email
    if not settings.enabled or not to:
        return []
    now = now or ws.now()
    ids = [0] * len(to)
    for language, places in in_their_languages(ws, to).items():
        with use_language(language):
            written = letter() if callable(letter) else letter
            for i in places:
                ids[i] = store.queue(tx, addressed(ws, written, to[i], now))
    QUEUED.set()  # the worker waits for this write to end (`deliver` reads under the write lock)
    return ids


def in_their_languages(ws: Workspace, to: list[Recipient]) -> dict[str, list[int]]:
    """The places in `to` of those who read each language: a person's own choice, else the workspace's (also
    for an address that is nobody on the roster)."""
    chosen = chosen_languages(ws)
    places: dict[str, list[int]] = {}
    for i, person in enumerate(to):
        places.setdefault(language_of(ws, person.id, chosen), []).append(i)
    return places


def addressed(ws: Workspace, letter: Letter, person: Recipient, now: datetime) -> OutboxMail:
    """The letter as one mail to `person`, to go from `now` on, framed in the current language (theirs)."""
    settings = ws.config.email
    text, html = framed(letter, person.name, settings)
    return OutboxMail(
        kind=letter.kind.value, recipient=person.email, recipient_name=person.name, person_id=person.id,
        subject=letter.subject, body_text=text, body_html=html,
        message_id=make_msgid("council", domain=sender_domain(settings)), queued_at=now, next_try_at=now,
        about=letter.about, attachment=letter.attachment, attachment_name=letter.attachment_name,
        attachment_type=letter.attachment_type,
    )  # fmt: skip


def receiving(tx: Transaction, person_ids: list[int], kind: MailKind) -> list[Recipient]:
    """Those of `person_ids` who get mails of `kind`: on the roster, with an address, and not opted out."""
    return store.recipients(tx, sorted(set(person_ids)), kind.value, CHOOSABLE.get(kind, True))
