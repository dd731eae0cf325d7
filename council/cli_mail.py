"""The `send-mail` command: deliver the outbox now, from cron when the app is not running (or handed to it)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from council.cli_io import say
from council.services import background, outbox, reminders
from council.services.workspace import Workspace


def add_mail_command(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser,
    existing: Callable[[argparse.Namespace, str], Workspace],
) -> None:  # fmt: skip
    cmd = commands.add_parser(
        "send-mail", parents=[common],
        help="send the queued mails, reminders and digests that are due (the running app does this itself)",
    )  # fmt: skip
    cmd.add_argument(
        "--dry-run", action="store_true", help="only show what would be sent; send and change nothing"
    )
    cmd.set_defaults(run=lambda args: _send_mail(args, existing))


def _send_mail(args: argparse.Namespace, existing: Callable[[argparse.Namespace, str], Workspace]) -> int:
    ws = existing(args, "")
    if not outbox.mail_is_on(ws):
        say("Mail is off: set `enabled: true` under `email` in the workspace file to send mail.")
        return 0
    if args.dry_run:
        return _dry_run(ws)
    done = background.mail_round(ws)
    say(f"Sent {done.sent} mail(s); {done.failed} failed; {done.put_off} wait for another try.")
    _still_waiting(ws)
    for answer in done.answers:
        if not answer.startswith("accepted"):
            say(f"  {answer}")
    if done.problem:
        say(f"The mail server could not be reached: {done.problem}")
    return 1 if done.problem or done.failed else 0


def _dry_run(ws: Workspace) -> int:
    for line in reminders.coming_up(ws):
        say(f"would queue: {line}")
    due = outbox.due_now(ws)
    for mail in due:
        say(f"would send: #{mail.id} to {mail.recipient}: {mail.subject}")
    say(f"{len(due)} queued mail(s) due; nothing was sent or changed (dry run).")
    _still_waiting(ws)
    return 0


def _still_waiting(ws: Workspace) -> None:
    """Mails put off after a refusal are not due yet: say so, with the server's last answer."""
    waiting = outbox.waiting_later(ws)
    problem = outbox.waiting_because(ws)
    if waiting > 0 and problem:
        answer, next_try = problem
        say(f"{waiting} mail(s) wait for their next try, from {next_try.astimezone(ws.zone):%H:%M}; "
            f"the server's last answer: {answer}")  # fmt: skip
