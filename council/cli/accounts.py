"""The `add-person`, `set-password` and `accounts` commands: people and their local accounts looked
after from the command line, for the first secretary of a new workspace and for anyone locked out."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable

from council.cli.console import NO_WORKSPACE, HandOver, read_line, same_place, say
from council.domain.errors import DatabaseInUse, ValidationError
from council.domain.people import OPERATOR, Person
from council.domain.vocabulary import Role
from council.i18n import _
from council.services import accounts as service
from council.services import roster
from council.services.workspace import Workspace


def add_account_commands(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser,
    existing: Callable[[argparse.Namespace, str], Workspace],
) -> None:  # fmt: skip
    add = commands.add_parser("add-person", parents=[common], help=_("put someone on the roster"))
    add.add_argument("name", help=_("their full name"))
    add.add_argument("--email", required=True, help=_("the e-mail address they sign in with"))
    add.add_argument(
        "--department", help=_("their department's id in the workspace file (none for outsiders)")
    )
    roles_help = _("comma-separated, from: {roles} (default: member)").format(roles=", ".join(Role))
    add.add_argument("--roles", default="member", help=roles_help)
    add.set_defaults(run=lambda args: _add_person(existing(args, NO_WORKSPACE), args))
    cmd = commands.add_parser(
        "set-password", parents=[common],
        help=_("give a person on the roster a (new) password, also while the app runs; ends any wait after "
               "wrong passwords"),
    )  # fmt: skip
    cmd.add_argument("email", help=_("the person's e-mail address on the roster"))
    cmd.add_argument("--password-stdin", action="store_true",
                     help=_("read the password from the first line of standard input instead of asking twice"))  # fmt: skip
    cmd.set_defaults(run=lambda args: _set_password(args, existing))
    listing = commands.add_parser("accounts", parents=[common], help=_("list the local accounts"))
    listing.set_defaults(run=lambda args: _accounts(existing(args, NO_WORKSPACE), same_place(args)))


def _add_person(ws: Workspace, args: argparse.Namespace) -> int:
    roles = tuple(r.strip() for r in args.roles.split(",") if r.strip())
    draft = Person(
        args.name, args.department, email=args.email, roles=roles, is_external=args.department is None
    )
    roster.add_person(ws, OPERATOR, draft)
    told = _("{name} is on the roster. Next: python -m council set-password {email}{options}")
    say(told.format(name=args.name.strip(), email=args.email.strip(), options=same_place(args)))
    return 0


def _set_password(args: argparse.Namespace, existing: Callable[[argparse.Namespace, str], Workspace]) -> int:
    if args.password_stdin:
        password = confirm = read_line().rstrip("\r\n")
    else:
        password = getpass.getpass(_("New password for {email}: ").format(email=args.email))
        confirm = getpass.getpass(_("The same password again: "))
    try:
        ws = existing(args, NO_WORKSPACE)
    except DatabaseInUse as held:  # the app runs: it sets the password, given here, itself
        extra = [] if args.password_stdin else ["--password-stdin"]
        if password != confirm:
            raise ValidationError(
                _("The two passwords are not the same. Type the new password twice.")
            ) from None
        raise HandOver(held, extra, f"{password}\n") from None
    person = service.set_password_by_email(ws, OPERATOR, args.email, password, confirm)
    say(
        _("{name} can now sign in as {email} with the new password.").format(
            name=person.name, email=person.email
        )
    )
    return 0


def _accounts(ws: Workspace, where: str = "") -> int:
    lines = service.account_lines(ws)
    if not lines:
        say(_("No local accounts yet. `python -m council set-password EMAIL{options}` creates one.").format(
            options=where))  # fmt: skip
    for line in lines:
        last = line.account.last_sign_in_at
        if last:
            # Translators: {moment} is a date and time written the ISO way, "2026-12-04 14:00".
            seen = _("last signed in {moment}").format(moment=f"{last.astimezone(ws.zone):%Y-%m-%d %H:%M}")
        else:
            seen = _("never signed in")
        state = _("SLOWED DOWN") if line.locked else (_("left the roster") if not line.person.active else "")
        say("  ".join(part for part in (line.person.name, line.person.email or "", seen, state) if part))
    if lines:
        say(_("(times in {zone})").format(zone=ws.config.time_zone))
    with_account = {line.person.id for line in lines}
    waiting = [p for p in service.people_without_password(ws) if p.id not in with_account]
    if waiting:
        people = ", ".join(f"{p.name} ({p.email})" for p in waiting)
        say(_("No password yet: {people}. `python -m council set-password EMAIL{options}` gives one.").format(
            people=people, options=where))  # fmt: skip
    return 0
