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
import sys
from collections.abc import Sequence
from pathlib import Path

from council.cli_accounts import add_account_commands
from council.cli_import import add_import_command
from council.cli_io import HandOver, app_workspace, hand_over, inside_app, same_place, say, warn
from council.cli_mail import add_mail_command
from council.config import CONFIG_ENV, load_config
from council.demo.fit import missing_for_the_demo
from council.demo.large import SEED as LARGE_SEED
from council.demo.large import add_large_history
from council.domain.errors import CouncilError, DatabaseInUse, NotFound, ValidationError
from council.domain.people import OPERATOR
from council.services.admin import back_up, restore, workspace_facts
from council.services.recovery import new_recovery_code
from council.services.workspace import DB_ENV, Workspace, database_path, open_workspace

# What the running app carries out for the command line; the others need the app stopped.
BESIDE_THE_APP = {"backup", "import-feedback", "set-password", "add-person", "accounts", "send-mail",
                  "version", "recovery-code"}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(argv)
    try:
        try:
            return args.run(args)
        except DatabaseInUse as held:
            return _beside_the_app(argv, args, HandOver(held))
        except HandOver as asked:
            return _beside_the_app(argv, args, asked)
    except CouncilError as e:
        warn(f"error: {e.message}")
        return 1
    except (FileNotFoundError, IsADirectoryError, PermissionError, NotADirectoryError) as e:
        warn(
            f"error: {e.filename or 'a file'} cannot be written or read: {e.strerror}. Check the path and try again."
        )
        return 1
    except EOFError:
        warn("error: nothing to read: type the password when asked, or pass --password-stdin and give it on "
             "standard input.")  # fmt: skip
        return 1
    except KeyboardInterrupt:
        warn("Stopped; nothing more was done.")
        return 130


def _beside_the_app(argv: list[str], args: argparse.Namespace, asked: HandOver) -> int:
    if args.command not in BESIDE_THE_APP or app_workspace() is not None:
        raise asked.held
    return hand_over(argv + asked.extra, _target(args), asked.held, asked.stdin)


def run_in_app(ws: Workspace, argv: list[str], stdin: str, cwd: str) -> dict[str, int | str]:
    """Carry out a command for the command line, in the running app on its workspace `ws`: its output,
    errors and exit code. Paths it names are taken from the folder the command was given in."""
    out, err = io.StringIO(), io.StringIO()

    def run() -> int:
        inside_app(ws, out, err, io.StringIO(stdin))
        try:
            args = _parser().parse_args(argv)
        except SystemExit as e:  # the command line checked the words already; this is a forged request
            return int(e.code or 2)
        if args.command not in BESIDE_THE_APP:
            warn(f"error: `{args.command}` cannot run while the app runs: stop the app first.")
            return 2
        for name, value in vars(args).items():
            if isinstance(value, Path) and not value.is_absolute():
                setattr(args, name, Path(cwd) / value)
        try:
            return args.run(args)
        except CouncilError as e:
            warn(f"error: {e.message}")
            return 1

    code = contextvars.Context().run(run)
    return {"code": code, "out": out.getvalue(), "err": err.getvalue()}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m council", description=__doc__.splitlines()[0])
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config", type=Path, help=f"workspace YAML file (default: ${CONFIG_ENV} or data/workspace.yaml)"
    )
    common.add_argument(
        "--db", type=Path, help=f"database file (default: ${DB_ENV}, else the config's `database`)"
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND", dest="command")
    init = commands.add_parser("init", parents=[common], help="create an empty workspace, or upgrade one")
    init.set_defaults(run=_init)
    demo = commands.add_parser("demo", parents=[common], help="create a workspace with the demo data")
    demo.set_defaults(run=_demo)
    large = commands.add_parser(
        "large", parents=[common], help="create the demo plus years of synthetic history, to measure speed"
    )
    large.add_argument(
        "--scale", type=float, default=1.0, help="1 = 50,000 friction points, 2,000,000 responses"
    )
    large.add_argument("--seed", type=int, default=LARGE_SEED, help="the same seed gives the same workspace")
    large.set_defaults(run=_large)
    code = commands.add_parser(
        "recovery-code",
        parents=[common],
        help="make a new one-time recovery code for a secretary (shown once)",
    )
    code.set_defaults(run=_recovery_code)
    version = commands.add_parser("version", parents=[common], help="show the schema version")
    version.set_defaults(run=_version)
    backup = commands.add_parser("backup", parents=[common], help="copy the database to a new file")
    backup.add_argument("file", nargs="?", type=Path, help="where to write (default: backups/ beside it)")
    backup.set_defaults(run=_backup)
    restoring = commands.add_parser(
        "restore", parents=[common], help="make a backup the workspace database (into a new or empty one)"
    )
    restoring.add_argument("file", type=Path, help="the backup file to restore")
    restoring.set_defaults(run=_restore)
    add_import_command(commands, common, _existing)
    add_account_commands(commands, common, _existing)
    add_mail_command(commands, common, _existing)
    return parser


def _target(args: argparse.Namespace) -> Path:
    return args.db or database_path(load_config(args.config))


def _init(args: argparse.Namespace) -> int:
    existed = _target(args).exists()
    ws = open_workspace(args.config, args.db, demo=False)
    facts = workspace_facts(ws)
    verb = "Upgraded" if existed else "Created"
    say(f"{verb} {facts.database} (schema version {facts.schema_version}).")
    if not existed:
        _print_recovery_code(new_recovery_code(ws), args)
    return 0


def _recovery_code(args: argparse.Namespace) -> int:
    _print_recovery_code(new_recovery_code(_existing(args)), args)
    return 0


def _print_recovery_code(code: str, args: argparse.Namespace) -> None:
    say(
        f"Recovery code: {code}\n"
        "Keep it somewhere safe, away from this server; it is shown only now. A secretary who can no longer "
        "sign in uses it once, with their e-mail address, under “Use the recovery code” on the sign-in page. "
        f"`python -m council recovery-code{same_place(args)}` makes a new one (the old one then stops working)."
    )


def _demo(args: argparse.Namespace) -> int:
    target = _target(args)
    if target.exists():
        warn(
            f"error: {target} already exists. Demo data only goes into a new workspace: "
            "pass --db with a new file name, or move the old file away first."
        )
        return 1
    config = load_config(args.config)
    missing = missing_for_the_demo(config)
    if missing:
        lists = "; ".join(f"{kind.replace('_', ' ')}s {', '.join(ids)}" for kind, ids in missing.items())
        raise ValidationError(
            f"The demo organisation does not fit {config.source}: it needs ids that file does not list ({lists}). "
            "Load the demo with the workspace file it comes with (--config data/workspace.yaml), or start your "
            "own, empty workspace with `init`."
        )
    ws = open_workspace(args.config, target, demo=True)
    rows = workspace_facts(ws).rows
    say(
        f"Created {target} with the demo organisation {ws.config.organisation}: "
        f"{rows['friction_point']} friction points, {rows['meeting']} meetings, "
        f"{rows['feedback']:,} feedback responses."
    )
    return 0


def _large(args: argparse.Namespace) -> int:
    target = _target(args)
    if target.exists():
        warn(f"error: {target} already exists. The large workspace only goes into a new file: pass --db "
             "with a new file name.")  # fmt: skip
        return 1
    if not 0 < args.scale <= 10:
        warn(f"error: --scale {args.scale} is out of range; use a number above 0 and up to 10.")
        return 1
    ws = open_workspace(args.config, target, demo=True)
    sizes = add_large_history(ws.db, ws.config, today=ws.today(), scale=args.scale, seed=args.seed)
    ws.db.checkpoint()
    rows = workspace_facts(ws).rows
    say(
        f"Created {target}: the demo plus {sizes.friction_point:,} friction points, {sizes.meeting:,} meetings, "
        f"{sizes.decision:,} decisions and {sizes.feedback:,} responses; in all {rows['friction_point']:,} "
        f"friction points, {rows['decision']:,} decision versions, {rows['feedback']:,} feedback responses."
    )
    return 0


def _existing(args: argparse.Namespace, consequence: str = "") -> Workspace:
    """The workspace the arguments name, which must exist already (nothing is created); the app's own when
    the running app carries the command out."""
    held = app_workspace()
    if held is not None:
        return held
    target = _target(args)
    if not target.exists():
        raise NotFound(
            f"{target} does not exist yet{consequence}; `python -m council init{same_place(args)}` creates it."
        )
    return open_workspace(args.config, target, demo=False)


def _version(args: argparse.Namespace) -> int:
    facts = workspace_facts(_existing(args))
    say(
        f"{facts.database}: schema version {facts.schema_version} (this app knows up to {facts.latest_schema_version})."
    )
    return 0


def _backup(args: argparse.Namespace) -> int:
    written = back_up(_existing(args, ", so there is nothing to back up"), OPERATOR, args.file)
    say(f"Backup written to {written}.")
    return 0


def _restore(args: argparse.Namespace) -> int:
    target = _target(args)
    version = restore(args.file, target)
    facts = workspace_facts(open_workspace(args.config, target, demo=False))  # upgrades an older backup
    upgraded = f", upgraded to {facts.schema_version}" if facts.schema_version != version else ""
    say(
        f"Restored {args.file} into {target} (schema version {version}{upgraded}): "
        f"{facts.rows['person']} people, {facts.rows['friction_point']} friction points, "
        f"{facts.rows['decision']} decision versions, {facts.rows['feedback']:,} feedback responses."
    )
    return 0
