"""The outbox: mails are queued inside the write that causes them (see `mail_queue`) and delivered afterwards,
one at a time, each marked sent (or failed, with the server's answer) right after the server took it. The
secretary sees what it holds, sends a failed mail again, and sends a test mail.

So a change that is rolled back sends nothing, a mail server that is down loses nothing and slows no page,
and a crash between handing a mail over and marking it can at worst repeat that one mail.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from email.errors import MessageError
from email.message import EmailMessage
from functools import partial

from council.domain.errors import CouncilError, NotFound, ValidationError
from council.domain.mail import MailKind, MailSettings, given_up, is_address, next_try
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.i18n import N_, _, use_language
from council.services import acting
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.languages import language_of
from council.services.letters import Body, Letter
from council.services.mail_queue import addressed
from council.services.mail_server import MailServer, Refused, Unreachable, message_of
from council.services.workspace import Workspace
from council.store import outbox as store
from council.store.database import Transaction
from council.store.outbox import OutboxLine, OutboxMail, Recipient

log = logging.getLogger("council.mail")
ROUND = 200  # mails handed over in one round at most; the rest go in the next
_ONE_ROUND_AT_A_TIME = threading.Lock()  # rounds of this process never overlap


class MailNotSent(CouncilError):
    heading = N_("The mail server did not take the mail")


@dataclass
class Round:
    """What a round of delivery did."""

    sent: int = 0
    failed: int = 0
    put_off: int = 0
    problem: str = ""  # why no (more) mails could go, when the server could not be reached
    answers: list[str] = field(default_factory=list)


def deliver(
    ws: Workspace, *, now: datetime | None = None, server: Callable[[MailSettings], MailServer] = MailServer
) -> Round:
    """Hand the queued mails whose time has come to the mail server, oldest first."""
    settings = ws.config.email
    done = Round()
    if not settings.enabled:
        return done
    with _ONE_ROUND_AT_A_TIME:
        with ws.db.serialised():  # a write that is queueing mails now finishes first
            mails = store.due(ws.db, now or ws.now(), ROUND)
        if not mails:
            return done
        try:
            with server(settings) as connection:
                for i, mail in enumerate(mails):
                    try:
                        answer = connection.send(_message(mail, settings), mail.recipient)
                    except Refused as refusal:
                        _refused(ws, mail, refusal, done)
                        continue
                    except Unreachable as lost:
                        _put_off(ws, mails[i:], lost.answer, done)
                        return done
                    assert mail.id is not None
                    mail_id = mail.id
                    ws.db.write(partial(store.mark_sent, mail_id=mail_id, now=ws.now(), answer=answer))
                    done.sent += 1
                    done.answers.append(answer)
        except Unreachable as e:
            _put_off(ws, mails, e.answer, done)
    return done


def _message(mail: OutboxMail, settings: MailSettings) -> EmailMessage:
    """The mail as it goes; one that cannot be written (an address the roster should not have let in) is
    refused for good, so it holds up no other."""
    try:
        return message_of(mail, settings)
    except (ValueError, IndexError, MessageError) as e:
        raise Refused(
            _("“{address}” cannot be used as an address: {problem}").format(
                address=mail.recipient, problem=e
            ),
            permanent=True,
        ) from None


def _refused(ws: Workspace, mail: OutboxMail, refusal: Refused, done: Round) -> None:
    assert mail.id is not None
    mail_id = mail.id
    if refusal.permanent or given_up(mail.queued_at, ws.now()):
        ws.db.write(lambda tx: store.mark_failed(tx, mail_id, refusal.answer))
        done.failed += 1
    else:
        later = next_try(mail.attempts + 1, ws.now())
        ws.db.write(lambda tx: store.put_off(tx, mail_id, later, refusal.answer))
        done.put_off += 1
    done.answers.append(refusal.answer)
    log.warning("mail #%s to person #%s: %s", mail_id, mail.person_id, refusal.answer)


def _put_off(ws: Workspace, mails: list[OutboxMail], answer: str, done: Round) -> None:
    """The server is out of reach: every mail waits (in its order) for the next try, or after two days fails."""
    now = ws.now()

    def write(tx: Transaction) -> None:
        for mail in mails:
            assert mail.id is not None
            if given_up(mail.queued_at, now):
                store.mark_failed(tx, mail.id, _("Not sent for two days: {answer}").format(answer=answer))
                done.failed += 1
            else:
                store.put_off(tx, mail.id, next_try(mail.attempts + 1, now), answer)
                done.put_off += 1

    ws.db.write(write)
    done.problem = answer


def due_now(ws: Workspace) -> list[OutboxMail]:
    """The mails the next round would hand over (for a dry run)."""
    return store.due(ws.db, ws.now(), ROUND)


@as_on_roster
def send_again(ws: Workspace, actor: Person | None, mail_id: int) -> None:
    """Put a failed mail back in the queue; it goes with the next round."""
    require(actor, Task.SETTINGS, _("send mails again"))

    def write(tx: Transaction) -> None:
        mail = store.get(tx, mail_id)
        if mail is None:
            raise NotFound(_("Mail #{id} is not in the outbox.").format(id=mail_id))
        if not store.queue_again(tx, mail_id, ws.now()):
            status = _(_STATUS[mail.status]) if mail.status in _STATUS else mail.status
            raise ValidationError(
                _("Mail #{id} has not failed (it is {status}), so it needs no second try.").format(
                    id=mail_id, status=status
                )
            )
        record(tx, actor, "send_again", "mail", mail_id, {"to": mail.recipient})

    ws.db.write(write)


def send_test(
    ws: Workspace,
    actor: Person | None,
    address: str,
    server: Callable[[MailSettings], MailServer] = MailServer,
) -> str:
    """Send a test mail to `address` at once, not through the queue; returns the server's answer, or raises
    MailNotSent with it. Either way the outbox keeps the mail, as sent or failed.

    The roster is read without holding the write lock across the talk with the server, which may take a while.
    """
    actor = acting.on_roster_now(ws.db, actor)
    require(actor, Task.SETTINGS, _("send a test mail"))
    settings = ws.config.email
    address = address.strip()
    if not settings.enabled:
        raise ValidationError(
            _("Mail is off: set `enabled: true` under `email` in the workspace file, then restart the app.")
        )
    if not is_address(address):
        raise ValidationError(
            _("“{address}” is not an e-mail address. Type one like name@example.org.").format(
                address=address
            ),
            "address",
        )
    to = Recipient(actor.id if actor else None, actor.name if actor else "", address)
    # Kept in the outbox only once it went or failed: never queued, so the worker cannot send it too.
    with use_language(language_of(ws, to.id)):
        mail = addressed(ws, test_letter(ws), to, ws.now())
    try:
        with server(settings) as connection:
            answer = connection.send(_message(mail, settings), address)
    except (Refused, Unreachable) as e:
        why = e.answer
        ws.db.write(lambda tx: store.queue(tx, replace(mail, status="failed", attempts=1, server_answer=why)))
        raise MailNotSent(_("The test mail did not go. {answer}").format(answer=why)) from None
    sent = replace(mail, status="sent", attempts=1, sent_at=ws.now(), server_answer=answer)
    ws.db.write(lambda tx: store.queue(tx, sent))
    return answer


def outbox_lines(ws: Workspace, status: str | None = None, limit: int = 100) -> list[OutboxLine]:
    return store.lines(ws.db, status, limit)


def waiting_because(ws: Workspace) -> tuple[str, datetime] | None:
    """Why mails wait (the server's last answer), and when the next try is; None when none had a try."""
    return store.last_problem(ws.db)


def waiting_later(ws: Workspace) -> int:
    """Queued mails whose next try is still to come (after a refusal)."""
    return store.waiting_after(ws.db, ws.now())


def mails_about(ws: Workspace, kind: str, about: str) -> int:
    """How many mails of `kind` about a page (meetings?id=4) the outbox holds."""
    return store.count_about(ws.db, kind, about)


def outbox_counts(ws: Workspace) -> dict[str, int]:
    return store.counts(ws.db)


def test_letter(ws: Workspace) -> Letter:
    settings = ws.config.email
    organisation = ws.config.organisation
    security = _("not encrypted") if settings.security == "none" else settings.security.upper()
    return (
        Body()
        .para(_("This test mail comes from the {organisation} council workspace. If you read it, the "
                "workspace can send mails: invitations, agendas, minutes and reminders will reach people."
                ).format(organisation=organisation))
        .facts([(_("Mail server"), f"{settings.host}:{settings.port} ({security})"),
                (_("Sent from"), settings.from_address)])
        .link(_("Open the workspace"), settings.link(""))
        .letter(MailKind.TEST, _("Test mail from the {organisation} council workspace").format(
            organisation=organisation))
    )  # fmt: skip


# A mail's status in words, where a message names it.
_STATUS = {"queued": N_("queued"), "sent": N_("sent"), "failed": N_("failed")}
