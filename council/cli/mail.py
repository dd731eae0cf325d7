"""The `send-mail` command: deliver the outbox now, from cron when the app is not running (or handed to it)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from council.cli.console import NO_WORKSPACE, say
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import background, mail_queue, outbox, reminders
from council.services.workspace import Workspace


def add_mail_command(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser,
    existing: Callable[[argparse.Namespace, str], Workspace],
) -> None:  # fmt: skip
    cmd = commands.add_parser(
        "send-mail", parents=[common],
        help=_("send the queued mails, reminders and digests that are due (the running app does this itself)"),
    )  # fmt: skip
    cmd.add_argument(
        "--dry-run", action="store_true", help=_("only show what would be sent; send and change nothing")
    )
    cmd.set_defaults(run=lambda args: _send_mail(args, existing))


def _send_mail(args: argparse.Namespace, existing: Callable[[argparse.Namespace, str], Workspace]) -> int:
    ws = existing(args, NO_WORKSPACE)
    if not mail_queue.mail_is_on(ws):
        say(_("Mail is off: set `enabled: true` under `email` in the workspace file to send mail."))
        return 0
    if args.dry_run:
        return _dry_run(ws)
    done = background.mail_round(ws)
    sent = ngettext("Sent {n} mail", "Sent {n} mails", done.sent).format(n=fmt.number(done.sent))
    failed = ngettext("{n} failed", "{n} failed", done.failed).format(n=fmt.number(done.failed))
    waiting = ngettext("{n} waits for another try", "{n} wait for another try", done.put_off).format(
        n=fmt.number(done.put_off))  # fmt: skip
    # Translators: "Sent 3 mails; 1 failed; 2 wait for another try." Each part is translated on its own.
    say(_("{sent}; {failed}; {waiting}.").format(sent=sent, failed=failed, waiting=waiting))
    _still_waiting(ws)
    for answer in done.answers:
        if not answer.startswith("accepted"):
            say(f"  {answer}")
    if done.problem:
        say(_("The mail server could not be reached: {problem}").format(problem=done.problem))
    return 1 if done.problem or done.failed else 0


def _dry_run(ws: Workspace) -> int:
    for line in reminders.coming_up(ws):
        say(_("would queue: {mail}").format(mail=line))
    due = outbox.due_now(ws)
    for mail in due:
        # Translators: "would send: #12 to ana@example.org: Agenda for 4 Dec".
        say(_("would send: #{id} to {recipient}: {subject}").format(
            id=mail.id, recipient=mail.recipient, subject=mail.subject))  # fmt: skip
    say(ngettext("{n} queued mail due; nothing was sent or changed (dry run).",
                 "{n} queued mails due; nothing was sent or changed (dry run).", len(due)).format(
        n=fmt.number(len(due))))  # fmt: skip
    _still_waiting(ws)
    return 0


def _still_waiting(ws: Workspace) -> None:
    """Mails put off after a refusal are not due yet: say so, with the server's last answer."""
    waiting = outbox.waiting_later(ws)
    problem = outbox.waiting_because(ws)
    if waiting > 0 and problem:
        answer, next_try = problem
        # Translators: {time} is the time of day of the next try ("14:00"); {answer} the mail server's own words.
        say(ngettext("{n} mail waits for its next try, from {time}; the server's last answer: {answer}",
                     "{n} mails wait for their next try, from {time}; the server's last answer: {answer}",
                     waiting).format(n=fmt.number(waiting), time=fmt.clock(next_try.astimezone(ws.zone)),
                                     answer=answer))  # fmt: skip
