"""The `import-feedback` command: the same dry run and all-or-nothing import as the Customer voice
page, for files too big to upload and for scheduled imports."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from pathlib import Path

from council.cli.console import say
from council.domain.errors import ValidationError
from council.domain.feedback import SCALES
from council.domain.feedback_import import DATE_FORMATS, FIELDS, VALUE_FIELDS, ImportCheck, ImportProfile
from council.i18n import N_, _, ngettext
from council.i18n import formats as fmt
from council.services import feedback_import as service
from council.services.feedback_file import new_workdir, prepare_path, remove_workdir
from council.services.workspace import Workspace

SHOWN = 20
_EPILOG = N_("""The first import of a source needs its columns: --map date=Datum --map score=Score (fields: date,
score, comment, journey_stage, channel, segment, source, response_id). Values the source names
differently: --value "journey_stage:Facturatie=billing" (an empty id leaves it empty). The mapping
is remembered per source, so the next file of the same source needs only FILE and --source.""")
NOTHING_TO_IMPORT_INTO = N_("{target} does not exist yet, so there is nothing to import into; "
                            "`python -m council init{options}` creates it.")  # fmt: skip
_FIELD_NAMES = {"date": "received_at", **{f: f for f in FIELDS}}


def add_import_command(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser,
    existing: Callable[[argparse.Namespace, str], Workspace],
) -> None:  # fmt: skip
    cmd = commands.add_parser(
        "import-feedback", parents=[common], help=_("import customer feedback from a CSV file"),
        epilog=_(_EPILOG), formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    cmd.add_argument("file", type=Path, help=_("the CSV file (UTF-8 or Windows-1252)"))
    cmd.add_argument(
        "--source", required=True, help=_("where the file comes from, e.g. 'Survey after a call'")
    )
    cmd.add_argument("--scale", choices=list(SCALES), help=_("the source's scale (default: nps, 0-10)"))
    cmd.add_argument(
        "--map", action="append", default=[], metavar="FIELD=COLUMN", help=_("which column holds a field")
    )
    cmd.add_argument("--value", action="append", default=[], metavar="FIELD:VALUE=ID",
                     help=_("translate a source's stage, channel or segment value to the workspace's id"))  # fmt: skip
    cmd.add_argument("--date-format", choices=[k.replace("_", "-") for k in DATE_FORMATS],
                     help=_("how dates are written (default: the one that reads most dates)"))  # fmt: skip
    cmd.add_argument("--separator", type=lambda text: text.replace("\\t", "\t"),
                     help=_("the column separator, \\t for a tab (default: the one the header line uses)"))  # fmt: skip
    cmd.add_argument(
        "--by", help=_("the secretary importing, by name or e-mail (default: the only secretary)")
    )
    cmd.add_argument("--report", type=Path, help=_("write every problem found to this CSV file"))
    cmd.add_argument("--dry-run", action="store_true", help=_("check every row and report; write nothing"))
    cmd.add_argument(
        "--skip-bad-rows", action="store_true", help=_("import the good rows when some have problems")
    )
    cmd.set_defaults(run=lambda args: _import(args, existing(args, NOTHING_TO_IMPORT_INTO)))


def _import(args: argparse.Namespace, ws: Workspace) -> int:
    workdir = new_workdir()
    try:
        file = prepare_path(args.file, workdir)
        found = service.layout(ws, file, args.separator)
        suggested = service.suggest(ws, file, found, args.source)
        profile = _profile(args, suggested)
        date_column = profile.columns.get("received_at")
        if date_column and not args.date_format and date_column != suggested.columns.get("received_at"):
            # A date column named with --map: its way of writing dates is worked out as for one recognised.
            date_format = service.guess_date_format(ws, file, found, date_column)
            profile = dataclasses.replace(profile, date_format=date_format)
        say(_("{file}: read as {encoding}, separator {separator}.").format(
            file=file.name, encoding=file.encoding, separator=repr(profile.delimiter)))  # fmt: skip
        columns = ", ".join(f"{_(FIELDS[f])} = {c!r}" for f, c in profile.columns.items())
        say(_("Columns: {columns}").format(columns=columns))
        check = service.dry_run(ws, file, profile)
        _report(check)
        if args.report and check.problem_count:
            args.report.write_text(service.problem_report(ws, file, profile), encoding="utf-8-sig")
            say(_("Every problem is listed in {file}.").format(file=args.report))
        if args.dry_run:
            return 0 if check.all_good else 1
        result = service.import_file(
            ws, service.importer(ws, args.by), file, profile, skip_bad_rows=args.skip_bad_rows
        )
    finally:
        remove_workdir(workdir)
    imported = ngettext("Imported {n} response from {source}.", "Imported {n} responses from {source}.",
                        result.imported)  # fmt: skip
    say(imported.format(n=fmt.number(result.imported), source=repr(args.source)))
    if result.skipped or result.already_imported:
        rows = ngettext("{n} row", "{n} rows", result.skipped).format(n=fmt.number(result.skipped))
        before = ngettext("{n} response", "{n} responses", result.already_imported).format(
            n=fmt.number(result.already_imported))  # fmt: skip
        # Translators: {rows} is "3 rows", {responses} is "2 responses".
        say(
            _("Left out: {rows} with a problem, {responses} imported before.").format(
                rows=rows, responses=before
            )
        )
    return 0


def _profile(args: argparse.Namespace, profile: ImportProfile) -> ImportProfile:
    columns = dict(profile.columns)
    for item in args.map:
        name, _equals, column = item.partition("=")
        field = _FIELD_NAMES.get(name.strip().lower().replace("-", "_"))
        if field is None or not column:
            raise ValidationError(_("--map {item}: expected FIELD=COLUMN with FIELD one of {fields}.").format(
                item=repr(item), fields=", ".join(_FIELD_NAMES)))  # fmt: skip
        columns[field] = column
    values = {name: dict(mapping) for name, mapping in profile.values.items()}
    for item in args.value:
        name, _colon, rest = item.partition(":")
        raw, sep, target = rest.partition("=")
        if name not in VALUE_FIELDS or not sep or not raw.strip():
            raise ValidationError(_("--value {item}: expected FIELD:VALUE=ID with FIELD one of {fields}.").format(
                item=repr(item), fields=", ".join(VALUE_FIELDS)))  # fmt: skip
        values.setdefault(name, {})[raw.strip()] = target.strip() or None
    return dataclasses.replace(
        profile, columns=columns, values=values, scale=args.scale or profile.scale,
        date_format=args.date_format.replace("-", "_") if args.date_format else profile.date_format,
        delimiter=args.separator or profile.delimiter,
    )  # fmt: skip


def _report(check: ImportCheck) -> None:
    rows = ngettext("{n} row", "{n} rows", check.rows).format(n=fmt.number(check.rows))
    # Translators: {rows} is "120 rows"; {good} and {bad} are numbers of rows.
    say(_("{rows}: {good} good, {bad} with a problem.").format(
        rows=rows, good=fmt.number(check.good), bad=fmt.number(check.bad_rows)))  # fmt: skip
    if check.already_imported:
        say(ngettext(
            "{n} good row was imported before (same response id) and will be left out.",
            "{n} good rows were imported before (same response id) and will be left out.",
            check.already_imported).format(n=fmt.number(check.already_imported)))  # fmt: skip
    if check.imported_before:
        # Translators: {when} says when and as which source: "4 Dec 2026 14:00 as Call survey (120 responses)".
        say(_("This file was imported before, on {when}.").format(when=check.imported_before))
    for p in check.problems[:SHOWN]:
        say(f"  {p}")
    if check.problem_count > SHOWN:
        more = check.problem_count - SHOWN
        say(
            "  "
            + _("… and {n} more; --report FILE writes every problem to a CSV file.").format(
                n=fmt.number(more)
            )
        )
