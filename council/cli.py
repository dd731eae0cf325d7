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

from council.cli_accounts import add_account_commands
from council.cli_import import add_import_command
from council.cli_io import (
    NO_WORKSPACE,
    HandOver,
    app_workspace,
    hand_over,
    inside_app,
    same_place,
    say,
    warn,
)
from council.cli_mail import add_mail_command
from council.config import CONFIG_ENV, load_config
from council.demo.content import languages as demo_languages
from council.demo.fit import missing_for_the_demo
from council.demo.large import SEED as LARGE_SEED
from council.demo.large import add_large_history
from council.domain.errors import CouncilError, DatabaseInUse, NotFound, ValidationError
from council.domain.people import OPERATOR
from council.i18n import N_, _, ngettext, preferred_language, set_language, use_language
from council.i18n import formats as fmt
from council.services.admin import back_up, restore, workspace_facts
from council.services.recovery import new_recovery_code
from council.services.workspace import DB_ENV, Workspace, database_path, open_workspace

# What the running app carries out for the command line; the others need the app stopped.
BESIDE_THE_APP = {"backup", "import-feedback", "set-password", "add-person", "accounts", "send-mail",
                  "version", "recovery-code"}  # fmt: skip
DESCRIPTION = N_(
    "Command line for operators: create a workspace, load the demo, show the schema version, back up."
)
# The kinds of id the demo may miss in a workspace file, in words, with the ids missing.
_MISSING_KINDS = {
    "department": N_("departments {ids}"), "journey_stage": N_("journey stages {ids}"),
    "channel": N_("channels {ids}"), "segment": N_("segments {ids}"),
    "blocker_category": N_("blocker categories {ids}"),
}  # fmt: skip


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
    return hand_over(argv + asked.extra, _target(args), asked.held, asked.stdin)


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
    commands = parser.add_subparsers(required=True, metavar="COMMAND", dest="command")
    init = commands.add_parser("init", parents=[common], help=_("create an empty workspace, or upgrade one"))
    init.set_defaults(run=_init)
    in_language = argparse.ArgumentParser(add_help=False)
    in_language.add_argument(
        "--language", choices=demo_languages(),
        help=_("the language of the demo's texts (default: the workspace's `language`)"),
    )  # fmt: skip
    demo = commands.add_parser(
        "demo", parents=[common, in_language], help=_("create a workspace with the demo data")
    )
    demo.set_defaults(run=_demo)
    large = commands.add_parser(
        "large", parents=[common, in_language],
        help=_("create the demo plus years of synthetic history, to measure speed"),
    )  # fmt: skip
    scale_help = _("1 = {points} friction points, {responses} responses")
    scale_help = scale_help.format(points=fmt.number(50_000), responses=fmt.number(2_000_000))
    large.add_argument("--scale", type=float, default=1.0, help=scale_help)
    large.add_argument(
        "--seed", type=int, default=LARGE_SEED, help=_("the same seed gives the same workspace")
    )
    large.set_defaults(run=_large)
    code = commands.add_parser(
        "recovery-code",
        parents=[common],
        help=_("make a new one-time recovery code for a secretary (shown once)"),
    )
    code.set_defaults(run=_recovery_code)
    version = commands.add_parser("version", parents=[common], help=_("show the schema version"))
    version.set_defaults(run=_version)
    backup = commands.add_parser("backup", parents=[common], help=_("copy the database to a new file"))
    backup.add_argument("file", nargs="?", type=Path, help=_("where to write (default: backups/ beside it)"))
    backup.set_defaults(run=_backup)
    restoring = commands.add_parser(
        "restore", parents=[common], help=_("make a backup the workspace database (into a new or empty one)")
    )
    restoring.add_argument("file", type=Path, help=_("the backup file to restore"))
    restoring.set_defaults(run=_restore)
    add_import_command(commands, common, _existing)
    add_account_commands(commands, common, _existing)
    add_mail_command(commands, common, _existing)
    return parser


def _target(args: argparse.Namespace) -> Path:
    return args.db or database_path(load_config(args.config))


# Counts in words, each noun in the form its number asks for ("1 meeting", "1,200 meetings").
def _people(n: int) -> str:
    return ngettext("{n} person", "{n} people", n).format(n=fmt.number(n))


def _friction_points(n: int) -> str:
    return ngettext("{n} friction point", "{n} friction points", n).format(n=fmt.number(n))


def _meetings(n: int) -> str:
    return ngettext("{n} meeting", "{n} meetings", n).format(n=fmt.number(n))


def _decisions(n: int) -> str:
    return ngettext("{n} decision", "{n} decisions", n).format(n=fmt.number(n))


def _decision_versions(n: int) -> str:
    return ngettext("{n} decision version", "{n} decision versions", n).format(n=fmt.number(n))


def _responses(n: int) -> str:
    return ngettext("{n} response", "{n} responses", n).format(n=fmt.number(n))


def _feedback_responses(n: int) -> str:
    return ngettext("{n} feedback response", "{n} feedback responses", n).format(n=fmt.number(n))


def _init(args: argparse.Namespace) -> int:
    existed = _target(args).exists()
    ws = open_workspace(args.config, args.db, demo=False)
    facts = workspace_facts(ws)
    if existed:
        done = _("Upgraded {database} (schema version {version}).")
    else:
        done = _("Created {database} (schema version {version}).")
    say(done.format(database=facts.database, version=facts.schema_version))
    if not existed:
        _print_recovery_code(new_recovery_code(ws), args)
    return 0


def _recovery_code(args: argparse.Namespace) -> int:
    _print_recovery_code(new_recovery_code(_existing(args)), args)
    return 0


def _print_recovery_code(code: str, args: argparse.Namespace) -> None:
    told = _(
        "Recovery code: {code}\n"
        "Keep it somewhere safe, away from this server; it is shown only now. A secretary who can no "
        "longer sign in uses it once, with their e-mail address, under “Use the recovery code” on the "
        "sign-in page. `python -m council recovery-code{options}` makes a new one (the old one then stops "
        "working)."
    )
    say(told.format(code=code, options=same_place(args)))


def _demo(args: argparse.Namespace) -> int:
    target = _target(args)
    if target.exists():
        warn(_("error: {target} already exists. Demo data only goes into a new workspace: pass --db with a "
               "new file name, or move the old file away first.").format(target=target))  # fmt: skip
        return 1
    config = load_config(args.config)
    missing = missing_for_the_demo(config)
    if missing:
        lists = "; ".join(
            _(_MISSING_KINDS[kind]).format(ids=", ".join(ids)) if kind in _MISSING_KINDS
            else f"{kind}: {', '.join(ids)}"
            for kind, ids in missing.items()
        )  # fmt: skip
        raise ValidationError(
            _("The demo organisation does not fit {file}: it needs ids that file does not list ({lists}). "
              "Load the demo with the workspace file it comes with (--config data/workspace.yaml), or start "
              "your own, empty workspace with `init`.").format(file=config.source, lists=lists)
        )  # fmt: skip
    ws = open_workspace(args.config, target, demo=True, demo_language=args.language)
    rows = workspace_facts(ws).rows
    created = _(
        "Created {target} with the demo organisation {organisation}: {points}, {meetings}, {responses}."
    )
    say(created.format(
        target=target, organisation=ws.config.organisation, points=_friction_points(rows["friction_point"]),
        meetings=_meetings(rows["meeting"]), responses=_feedback_responses(rows["feedback"]),
    ))  # fmt: skip
    return 0


def _large(args: argparse.Namespace) -> int:
    target = _target(args)
    if target.exists():
        warn(_("error: {target} already exists. The large workspace only goes into a new file: pass --db "
               "with a new file name.").format(target=target))  # fmt: skip
        return 1
    if not 0 < args.scale <= 10:
        warn(_("error: --scale {scale} is out of range; use a number above 0 and up to 10.").format(
            scale=args.scale))  # fmt: skip
        return 1
    language = args.language or load_config(args.config).language
    ws = open_workspace(args.config, target, demo=True, demo_language=language)
    sizes = add_large_history(
        ws.db, ws.config, today=ws.today(), scale=args.scale, seed=args.seed, language=language
    )
    ws.db.checkpoint()
    rows = workspace_facts(ws).rows
    # Translators: each {…} but {target} is a count with its noun, e.g. "1,200 meetings".
    created = _("Created {target}: the demo plus {points}, {meetings}, {decisions} and {responses}; in all "
                "{all_points}, {all_decisions}, {all_responses}.")  # fmt: skip
    say(created.format(
        target=target, points=_friction_points(sizes.friction_point), meetings=_meetings(sizes.meeting),
        decisions=_decisions(sizes.decision), responses=_responses(sizes.feedback),
        all_points=_friction_points(rows["friction_point"]),
        all_decisions=_decision_versions(rows["decision"]),
        all_responses=_feedback_responses(rows["feedback"]),
    ))  # fmt: skip
    return 0


def _existing(args: argparse.Namespace, missing: str = NO_WORKSPACE) -> Workspace:
    """The workspace the arguments name, which must exist already (nothing is created); the app's own when
    the running app carries the command out. `missing` (a text marked with N_, as NO_WORKSPACE) says what
    is wrong when it does not exist."""
    held = app_workspace()
    if held is not None:
        return held
    target = _target(args)
    if not target.exists():
        raise NotFound(_(missing).format(target=target, options=same_place(args)))
    return open_workspace(args.config, target, demo=False)


def _version(args: argparse.Namespace) -> int:
    facts = workspace_facts(_existing(args))
    told = _("{database}: schema version {version} (this app knows up to {latest}).")
    say(
        told.format(database=facts.database, version=facts.schema_version, latest=facts.latest_schema_version)
    )
    return 0


def _backup(args: argparse.Namespace) -> int:
    nothing = N_("{target} does not exist yet, so there is nothing to back up; "
                 "`python -m council init{options}` creates it.")  # fmt: skip
    written = back_up(_existing(args, nothing), OPERATOR, args.file)
    say(_("Backup written to {file}.").format(file=written))
    return 0


def _restore(args: argparse.Namespace) -> int:
    target = _target(args)
    version = restore(args.file, target)
    facts = workspace_facts(open_workspace(args.config, target, demo=False))  # upgrades an older backup
    rows = facts.rows
    if facts.schema_version != version:
        done = _("Restored {backup} into {target} (schema version {version}, upgraded to {latest}): "
                 "{people}, {points}, {decisions}, {responses}.")  # fmt: skip
    else:
        done = _("Restored {backup} into {target} (schema version {version}): "
                 "{people}, {points}, {decisions}, {responses}.")  # fmt: skip
    say(done.format(
        backup=args.file, target=target, version=version, latest=facts.schema_version,
        people=_people(rows["person"]), points=_friction_points(rows["friction_point"]),
        decisions=_decision_versions(rows["decision"]), responses=_feedback_responses(rows["feedback"]),
    ))  # fmt: skip
    return 0
