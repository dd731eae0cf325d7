"""Command line for operators: create a workspace, load the demo, show the schema version, back up.

python -m council init            create an empty workspace (or upgrade an existing one)
python -m council demo            create a workspace filled with the demo organisation
python -m council large [--scale S]  create the demo plus years of synthetic history, to measure speed
python -m council version         show the database's schema version
python -m council backup [FILE]   copy the database to a new file
python -m council restore FILE    make a backup the workspace database (into a new or empty one)
python -m council import-feedback FILE --source NAME   import customer feedback from a CSV file
python -m council set-password EMAIL    give a person a (new) password to sign in with
python -m council accounts              list the local accounts
python -m council send-mail [--dry-run] send the mails that are due now

While the app runs it holds the database: the commands that make sense then are handed to it.
"""

from __future__ import annotations

import argparse
import contextvars
import io
import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from council.cli import workspace_commands as commands
from council.cli.accounts import add_account_commands
from council.cli.console import HandOver, app_workspace, hand_over, inside_app, warn
from council.cli.feedback_import import add_import_command
from council.cli.mail import add_mail_command
from council.config import CONFIG_ENV, load_config
from council.demo.content import languages as demo_languages
from council.demo.large import SEED as LARGE_SEED
from council.domain.errors import CouncilError, DatabaseInUse
from council.i18n import N_, _, preferred_language, set_language, use_language
from council.i18n import formats as fmt
from council.services.workspace import DB_ENV, Workspace

# What the running app carries out for the command line; the others need the app stopped.
BESIDE_THE_APP = {"backup", "import-feedback", "set-password", "add-person", "accounts", "send-mail",
                  "version", "recovery-code"}  # fmt: skip
DESCRIPTION = N_(
    "Command line for operators: create a workspace, load the demo, show the schema version, back up."
)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Until the workspace file is read, the command speaks the language the environment asks for.
    with use_language(preferred_language([os.environ.get("LANG", "")], "en")):
        return _main(argv)


def _main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    _speak_the_workspace_language(args)
    try:
        try:
            return args.run(args)
        except DatabaseInUse as held:
            return _beside_the_app(argv, args, HandOver(held))
        except HandOver as asked:
            return _beside_the_app(argv, args, asked)
    except CouncilError as e:
        warn(_("error: {message}").format(message=e.message))
        return 1
    except (FileNotFoundError, IsADirectoryError, PermissionError, NotADirectoryError) as e:
        # Translators: {reason} is the system's own explanation, e.g. "Permission denied".
        warn(_("error: {file} cannot be written or read: {reason}. Check the path and try again.").format(
            file=e.filename or _("a file"), reason=e.strerror))  # fmt: skip
        return 1
    except EOFError:
        warn(_("error: nothing to read: type the password when asked, or pass --password-stdin and give it "
               "on standard input."))  # fmt: skip
        return 1
    except KeyboardInterrupt:
        warn(_("Stopped; nothing more was done."))
        return 130


def _speak_the_workspace_language(args: argparse.Namespace) -> None:
    """From here on the command speaks its workspace's language (the file's `language`)."""
    held = app_workspace()
    if held is not None:
        set_language(held.config.language)
        return
    # A file that cannot be read: the command itself says what is wrong, in the environment's language.
    with suppress(CouncilError):
        set_language(load_config(args.config).language)


def _beside_the_app(argv: list[str], args: argparse.Namespace, asked: HandOver) -> int:
    if args.command not in BESIDE_THE_APP or app_workspace() is not None:
        raise asked.held
    return hand_over(argv + asked.extra, commands.target_of(args), asked.held, asked.stdin)


def run_in_app(ws: Workspace, argv: list[str], stdin: str, cwd: str) -> dict[str, int | str]:
    """Carry out a command for the command line, in the running app on its workspace `ws`: its output,
    errors and exit code. Paths it names are taken from the folder the command was given in."""
    out, err = io.StringIO(), io.StringIO()

    def run() -> int:
        inside_app(ws, out, err, io.StringIO(stdin))
        set_language(ws.config.language)
        try:
            args = _parser().parse_args(argv)
        except SystemExit as e:  # the command line checked the words already; this is a forged request
            return int(e.code or 2)
        if args.command not in BESIDE_THE_APP:
            warn(_("error: `{command}` cannot run while the app runs: stop the app first.").format(
                command=args.command))  # fmt: skip
            return 2
        for name, value in vars(args).items():
            if isinstance(value, Path) and not value.is_absolute():
                setattr(args, name, Path(cwd) / value)
        try:
            return args.run(args)
        except CouncilError as e:
            warn(_("error: {message}").format(message=e.message))
            return 1

    code = contextvars.Context().run(run)
    return {"code": code, "out": out.getvalue(), "err": err.getvalue()}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m council", description=_(DESCRIPTION))
    common = argparse.ArgumentParser(add_help=False)
    config_help = _("workspace YAML file (default: ${variable} or data/workspace.yaml)")
    common.add_argument("--config", type=Path, help=config_help.format(variable=CONFIG_ENV))
    db_help = _("database file (default: ${variable}, else the config's `database`)")
    common.add_argument("--db", type=Path, help=db_help.format(variable=DB_ENV))
    subparsers = parser.add_subparsers(required=True, metavar="COMMAND", dest="command")
    init = subparsers.add_parser(
        "init", parents=[common], help=_("create an empty workspace, or upgrade one")
    )
    init.set_defaults(run=commands.create)
    in_language = argparse.ArgumentParser(add_help=False)
    in_language.add_argument(
        "--language", choices=demo_languages(),
        help=_("the language of the demo's texts (default: the workspace's `language`)"),
    )  # fmt: skip
    demo = subparsers.add_parser(
        "demo", parents=[common, in_language], help=_("create a workspace with the demo data")
    )
    demo.set_defaults(run=commands.load_demo)
    large = subparsers.add_parser(
        "large", parents=[common, in_language],
        help=_("create the demo plus years of synthetic history, to measure speed"),
    )  # fmt: skip
    scale_help = _("1 = {points} friction points, {responses} responses")
    scale_help = scale_help.format(points=fmt.number(50_000), responses=fmt.number(2_000_000))
    large.add_argument("--scale", type=float, default=1.0, help=scale_help)
    large.add_argument(
        "--seed", type=int, default=LARGE_SEED, help=_("the same seed gives the same workspace")
    )
    large.set_defaults(run=commands.load_large)
    code = subparsers.add_parser(
        "recovery-code",
        parents=[common],
        help=_("make a new one-time recovery code for a secretary (shown once)"),
    )
    code.set_defaults(run=commands.make_recovery_code)
    version = subparsers.add_parser("version", parents=[common], help=_("show the schema version"))
    version.set_defaults(run=commands.show_version)
    backup = subparsers.add_parser("backup", parents=[common], help=_("copy the database to a new file"))
    backup.add_argument("file", nargs="?", type=Path, help=_("where to write (default: backups/ beside it)"))
    backup.set_defaults(run=commands.make_backup)
    restoring = subparsers.add_parser(
        "restore", parents=[common], help=_("make a backup the workspace database (into a new or empty one)")
    )
    restoring.add_argument("file", type=Path, help=_("the backup file to restore"))
    restoring.set_defaults(run=commands.restore_backup)
    add_import_command(subparsers, common, commands.existing)
    add_account_commands(subparsers, common, commands.existing)
    add_mail_command(subparsers, common, commands.existing)
    return parser
