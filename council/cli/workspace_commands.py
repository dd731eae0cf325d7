"""The commands about the workspace itself: create it, load the demo, show its version, back it up and
restore it, and the recovery code."""

from __future__ import annotations

import argparse
from pathlib import Path

from council.cli.console import NO_WORKSPACE, app_workspace, same_place, say, warn
from council.config import load_config
from council.demo.fit import missing_for_the_demo
from council.demo.large import add_large_history
from council.domain.errors import NotFound, ValidationError
from council.domain.people import OPERATOR
from council.i18n import N_, _, ngettext
from council.i18n import formats as fmt
from council.services.admin import back_up, restore, workspace_facts
from council.services.recovery import new_recovery_code
from council.services.workspace import Workspace, database_path, open_workspace

# The kinds of id the demo may miss in a workspace file, in words, with the ids missing.
_MISSING_KINDS = {
    "department": N_("departments {ids}"), "journey_stage": N_("journey stages {ids}"),
    "channel": N_("channels {ids}"), "segment": N_("segments {ids}"),
    "blocker_category": N_("blocker categories {ids}"),
}  # fmt: skip


def target_of(args: argparse.Namespace) -> Path:
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


def create(args: argparse.Namespace) -> int:
    existed = target_of(args).exists()
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


def make_recovery_code(args: argparse.Namespace) -> int:
    _print_recovery_code(new_recovery_code(existing(args)), args)
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


def load_demo(args: argparse.Namespace) -> int:
    target = target_of(args)
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


def load_large(args: argparse.Namespace) -> int:
    target = target_of(args)
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


def existing(args: argparse.Namespace, missing: str = NO_WORKSPACE) -> Workspace:
    """The workspace the arguments name, which must exist already (nothing is created); the app's own when
    the running app carries the command out. `missing` (a text marked with N_, as NO_WORKSPACE) says what
    is wrong when it does not exist."""
    held = app_workspace()
    if held is not None:
        return held
    target = target_of(args)
    if not target.exists():
        raise NotFound(_(missing).format(target=target, options=same_place(args)))
    return open_workspace(args.config, target, demo=False)


def show_version(args: argparse.Namespace) -> int:
    facts = workspace_facts(existing(args))
    told = _("{database}: schema version {version} (this app knows up to {latest}).")
    say(
        told.format(database=facts.database, version=facts.schema_version, latest=facts.latest_schema_version)
    )
    return 0


def make_backup(args: argparse.Namespace) -> int:
    nothing = N_("{target} does not exist yet, so there is nothing to back up; "
                 "`python -m council init{options}` creates it.")  # fmt: skip
    written = back_up(existing(args, nothing), OPERATOR, args.file)
    say(_("Backup written to {file}.").format(file=written))
    return 0


def restore_backup(args: argparse.Namespace) -> int:
    target = target_of(args)
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
