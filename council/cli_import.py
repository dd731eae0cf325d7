"""The `import-feedback` command: the same dry run and all-or-nothing import as the Customer voice
page, for files too big to upload and for scheduled imports."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from pathlib import Path

from council.cli_io import say
from council.domain.errors import ValidationError
from council.domain.feedback import SCALES
from council.domain.feedback_import import DATE_FORMATS, FIELDS, VALUE_FIELDS, ImportCheck, ImportProfile
from council.domain.vocabulary import counted
from council.services import feedback_import as service
from council.services.feedback_file import new_workdir, prepare_path, remove_workdir
from council.services.workspace import Workspace

SHOWN = 20
_EPILOG = """
The first import of a source needs its columns: --map date=Datum --map score=Score (fields: date,
score, comment, journey_stage, channel, segment, source, response_id). Values the source names
differently: --value "journey_stage:Facturatie=billing" (an empty id leaves it empty). The mapping
is remembered per source, so the next file of the same source needs only FILE and --source.
"""
_FIELD_NAMES = {"date": "received_at", **{f: f for f in FIELDS}}


def add_import_command(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser,
    existing: Callable[[argparse.Namespace, str], Workspace],
) -> None:  # fmt: skip
    cmd = commands.add_parser(
        "import-feedback", parents=[common], help="import customer feedback from a CSV file",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    cmd.add_argument("file", type=Path, help="the CSV file (UTF-8 or Windows-1252)")
    cmd.add_argument("--source", required=True, help="where the file comes from, e.g. 'Survey after a call'")
    cmd.add_argument("--scale", choices=list(SCALES), help="the source's scale (default: nps, 0-10)")
    cmd.add_argument(
        "--map", action="append", default=[], metavar="FIELD=COLUMN", help="which column holds a field"
    )
    cmd.add_argument("--value", action="append", default=[], metavar="FIELD:VALUE=ID",
                     help="translate a source's stage, channel or segment value to the workspace's id")  # fmt: skip
    cmd.add_argument("--date-format", choices=[k.replace("_", "-") for k in DATE_FORMATS],
                     help="how dates are written (default: the one that reads most dates)")  # fmt: skip
    cmd.add_argument("--separator", type=lambda text: text.replace("\\t", "\t"),
                     help="the column separator, \\t for a tab (default: the one the header line uses)")  # fmt: skip
    cmd.add_argument("--by", help="the secretary importing, by name or e-mail (default: the only secretary)")
    cmd.add_argument("--report", type=Path, help="write every problem found to this CSV file")
    cmd.add_argument("--dry-run", action="store_true", help="check every row and report; write nothing")
    cmd.add_argument(
        "--skip-bad-rows", action="store_true", help="import the good rows when some have problems"
    )
    cmd.set_defaults(run=lambda args: _import(args, existing(args, ", so there is nothing to import into")))


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
        say(f"{file.name}: read as {file.encoding}, separator {profile.delimiter!r}.")
        say("Columns: " + ", ".join(f"{FIELDS[f]} = {c!r}" for f, c in profile.columns.items()))
        check = service.dry_run(ws, file, profile)
        _report(check)
        if args.report and check.problem_count:
            args.report.write_text(service.problem_report(ws, file, profile), encoding="utf-8-sig")
            say(f"Every problem is listed in {args.report}.")
        if args.dry_run:
            return 0 if check.all_good else 1
        result = service.import_file(
            ws, service.importer(ws, args.by), file, profile, skip_bad_rows=args.skip_bad_rows
        )
    finally:
        remove_workdir(workdir)
    say(f"Imported {counted(result.imported, 'response')} from {args.source!r}.")
    if result.skipped or result.already_imported:
        say(f"Left out: {counted(result.skipped, 'row')} with a problem, "
              f"{counted(result.already_imported, 'response')} imported before.")  # fmt: skip
    return 0


def _profile(args: argparse.Namespace, profile: ImportProfile) -> ImportProfile:
    columns = dict(profile.columns)
    for item in args.map:
        name, _, column = item.partition("=")
        field = _FIELD_NAMES.get(name.strip().lower().replace("-", "_"))
        if field is None or not column:
            raise ValidationError(
                f"--map {item!r}: expected FIELD=COLUMN with FIELD one of {', '.join(_FIELD_NAMES)}."
            )
        columns[field] = column
    values = {name: dict(mapping) for name, mapping in profile.values.items()}
    for item in args.value:
        name, _, rest = item.partition(":")
        raw, sep, target = rest.partition("=")
        if name not in VALUE_FIELDS or not sep or not raw.strip():
            raise ValidationError(
                f"--value {item!r}: expected FIELD:VALUE=ID with FIELD one of {', '.join(VALUE_FIELDS)}."
            )
        values.setdefault(name, {})[raw.strip()] = target.strip() or None
    return dataclasses.replace(
        profile, columns=columns, values=values, scale=args.scale or profile.scale,
        date_format=args.date_format.replace("-", "_") if args.date_format else profile.date_format,
        delimiter=args.separator or profile.delimiter,
    )  # fmt: skip


def _report(check: ImportCheck) -> None:
    say(f"{check.rows:,} rows: {check.good:,} good, {check.bad_rows:,} with a problem.")
    if check.already_imported:
        say(
            f"{check.already_imported:,} good rows were imported before (same response id) and will be left out."
        )
    if check.imported_before:
        say(f"This file was imported before, on {check.imported_before}.")
    for p in check.problems[:SHOWN]:
        say(f"  {p}")
    if check.problem_count > SHOWN:
        say(
            f"  … and {check.problem_count - SHOWN:,} more; --report FILE writes every problem to a CSV file."
        )
