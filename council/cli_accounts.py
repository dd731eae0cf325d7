"""The `add-person`, `set-password` and `accounts` commands: people and their local accounts looked
after from the command line, for the first secretary of a new workspace and for anyone locked out."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import urllib.error
import urllib.request
from collections.abc import Callable

from council.config import load_config
from council.domain.errors import DatabaseInUse, ValidationError
from council.domain.people import OPERATOR, Person
from council.domain.vocabulary import Role
from council.services import accounts as service
from council.services import operator_link, roster
from council.services.workspace import Workspace, database_path


def add_account_commands(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser,
    existing: Callable[[argparse.Namespace, str], Workspace],
) -> None:  # fmt: skip
    add = commands.add_parser("add-person", parents=[common], help="put someone on the roster")
    add.add_argument("name", help="their full name")
    add.add_argument("--email", required=True, help="the e-mail address they sign in with")
    add.add_argument("--department", help="their department's id in the workspace file (none for outsiders)")
    add.add_argument(
        "--roles", default="member", help=f"comma-separated, from: {', '.join(Role)} (default: member)"
    )
    add.set_defaults(run=lambda args: _add_person(existing(args, ""), args))
    cmd = commands.add_parser(
        "set-password", parents=[common],
        help="give a person on the roster a (new) password, also while the app runs; ends any wait after wrong passwords",
    )  # fmt: skip
    cmd.add_argument("email", help="the person's e-mail address on the roster")
    cmd.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of standard input instead of asking twice")  # fmt: skip
    cmd.set_defaults(run=lambda args: _set_password(args, existing))
    listing = commands.add_parser("accounts", parents=[common], help="list the local accounts")
    listing.set_defaults(run=lambda args: _accounts(existing(args, "")))


def _add_person(ws: Workspace, args: argparse.Namespace) -> int:
    roles = tuple(r.strip() for r in args.roles.split(",") if r.strip())
    draft = Person(
        args.name, args.department, email=args.email, roles=roles, is_external=args.department is None
    )
    roster.add_person(ws, OPERATOR, draft)
    print(f"{args.name.strip()} is on the roster. Next: python -m council set-password {args.email.strip()}")
    return 0


def _set_password(args: argparse.Namespace, existing: Callable[[argparse.Namespace, str], Workspace]) -> int:
    if args.password_stdin:
        password = confirm = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"New password for {args.email}: ")
        confirm = getpass.getpass("The same password again: ")
    try:
        ws = existing(args, "")
    except DatabaseInUse as held:  # the app runs: it sets the password itself, asked on this machine only
        print(_set_in_running_app(args, password, confirm, held))
        return 0
    person = service.set_password_by_email(ws, OPERATOR, args.email, password, confirm)
    print(f"{person.name} can now sign in as {person.email} with the new password.")
    return 0


def _set_in_running_app(args: argparse.Namespace, password: str, confirm: str, held: DatabaseInUse) -> str:
    database = args.db or database_path(load_config(args.config))
    link = operator_link.read_link(database)
    if link is None:  # held by something else than the app served by app.py
        raise held
    request = urllib.request.Request(
        link.url + operator_link.PATH, method="POST",
        data=json.dumps({"email": args.email, "password": password, "confirm": confirm}).encode(),
        headers={operator_link.HEADER: link.key, "Content-Type": "application/json"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.read().decode()
    except urllib.error.HTTPError as e:
        raise ValidationError(e.read().decode() or f"The running app refused: {e.code}.") from e
    except OSError as e:
        raise DatabaseInUse(
            f"{database} is in use, but the app did not answer at {link.url} ({e}). Is it still running?"
        ) from e


def _accounts(ws: Workspace) -> int:
    lines = service.account_lines(ws)
    if not lines:
        print("No local accounts yet. `python -m council set-password EMAIL` creates one.")
    for line in lines:
        last = line.account.last_sign_in_at
        seen = f"last signed in {last.astimezone(ws.zone):%Y-%m-%d %H:%M}" if last else "never signed in"
        state = "SLOWED DOWN" if line.locked else ("left the roster" if not line.person.active else "")
        print("  ".join(part for part in (line.person.name, line.person.email or "", seen, state) if part))
    return 0
