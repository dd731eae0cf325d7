"""Importing customer feedback: look at a file, suggest how to read it, check every row without
writing anything (the dry run), then import it in one transaction: all of it or nothing.

The secretary imports. How a source's files are read is remembered per source, so the next file
from the same survey needs no mapping.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

import pandas as pd

from council.domain.errors import NotFound, StoreError, ValidationError
from council.domain.feedback_import import (
    DATE_FORMATS,
    DELIMITERS,
    PROBLEMS_SHOWN,
    VALUE_FIELDS,
    ImportCheck,
    ImportProfile,
    ImportResult,
    Problem,
    describe,
    field_name,
    guess_columns,
    guess_delimiter,
    known_value,
    value_table,
)
from council.domain.people import Person
from council.domain.permissions import Task, may, require
from council.domain.spreadsheet import spreadsheet_safe
from council.i18n import DEFAULT, _, ngettext, use_language
from council.i18n import formats as fmt
from council.services.acting import as_on_roster
from council.services.feedback_file import FeedbackFile
from council.services.history import record
from council.services.workspace import Workspace
from council.store import feedback
from council.store import feedback_import as store
from council.store.database import Transaction
from council.store.people import list_people

log = logging.getLogger("council.import")


@dataclass(frozen=True)
class FileLayout:
    delimiter: str
    headers: tuple[str, ...]
    preview: pd.DataFrame  # the first rows, as text


@dataclass(frozen=True)
class SourceValue:
    """A value a source uses in a stage, channel or segment column, and what it means here."""

    raw: str
    count: int
    known_as: str | None  # the workspace id it plainly names, if any


def may_import(person: Person | None) -> bool:
    return may(person, Task.IMPORT)


def layout(ws: Workspace, file: FeedbackFile, delimiter: str | None = None) -> FileLayout:
    """The file's columns and first rows, read with `delimiter` or the one its header line uses."""
    delimiter = delimiter or guess_delimiter(file.first_line)
    with _readable(file, delimiter):
        names = store.headers(ws.db, file.path, delimiter)
        preview = store.preview(ws.db, file.path, delimiter, names)
    return FileLayout(delimiter, tuple(names), preview)


def suggest(ws: Workspace, file: FeedbackFile, found: FileLayout, source: str) -> ImportProfile:
    """The saved way of reading `source`, or a first guess from the file's headers and dates."""
    saved = {p.source: p for p in store.source_profiles(ws.db)}.get(source.strip())
    if saved is not None:
        return saved
    columns = guess_columns(found.headers)
    profile = ImportProfile(source=source.strip(), columns=columns, delimiter=found.delimiter)
    if "received_at" in columns:
        profile = replace(profile, date_format=guess_date_format(ws, file, found, columns["received_at"]))
    return profile


def guess_date_format(ws: Workspace, file: FeedbackFile, found: FileLayout, column: str) -> str:
    """The date format that reads most of the column; day first when several read as many."""
    formats = {key: fmt.patterns for key, fmt in DATE_FORMATS.items()}
    with _readable(file, found.delimiter):
        counts = store.dates_read(ws.db, file.path, found.delimiter, list(found.headers), column, formats)
    order = ("day_first", "year_first", "month_first")
    return max(order, key=lambda key: (counts[key], -order.index(key)))


def source_values(
    ws: Workspace, file: FeedbackFile, found: FileLayout, field: str, column: str
) -> list[SourceValue]:
    """The values a column holds for a stage, channel or segment, most frequent first."""
    options = _options(ws)[field]
    with _readable(file, found.delimiter):
        rows = store.column_values(ws.db, file.path, found.delimiter, list(found.headers), column)
    return [SourceValue(raw, count, known_value(raw, options)) for raw, count in rows]


def saved_sources(ws: Workspace) -> list[str]:
    return [p.source for p in store.source_profiles(ws.db)]


def dry_run(ws: Workspace, file: FeedbackFile, profile: ImportProfile) -> ImportCheck:
    """Check every row of the file as the import would; nothing is written."""
    profile, names = _checked_profile(ws, file, profile)
    with _readable(file, profile.delimiter), ws.db.scratch() as tx:
        return _check(ws, tx, file, profile, names, PROBLEMS_SHOWN)


def problem_report(ws: Workspace, file: FeedbackFile, profile: ImportProfile) -> str:
    """Every problem of the file as CSV text (row, column, value, what is wrong), safe for spreadsheets."""
    profile, names = _checked_profile(ws, file, profile)
    with _readable(file, profile.delimiter), ws.db.scratch() as tx:
        found = _check(ws, tx, file, profile, names, limit=None)
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([_("Row"), _("Column"), _("Value"), _("What is wrong")])
    for p in found.problems:
        writer.writerow(
            [p.row, spreadsheet_safe(p.column), spreadsheet_safe(p.value), spreadsheet_safe(p.reason)]
        )
    return out.getvalue()


@as_on_roster
def import_file(
    ws: Workspace,
    actor: Person | None,
    file: FeedbackFile,
    profile: ImportProfile,
    *,
    skip_bad_rows: bool = False,
    via: str | None = None,
) -> ImportResult:
    """Import the file's good rows in one transaction, and remember how this source is read.

    Rows with a problem stop the import unless `skip_bad_rows`; rows that do not fit the
    columns, or a file imported before, always stop it. Nothing is written then.
    """
    require(actor, Task.IMPORT, _("import customer feedback"))
    profile, names = _checked_profile(ws, file, profile)

    def write(tx: Transaction) -> ImportResult:
        found = _check(ws, tx, file, profile, names, limit=3)
        _refuse_unless_importable(found, skip_bad_rows)
        imported = found.good - found.already_imported
        import_id = store.add_import(tx, {
            "source": profile.source, "file_name": file.name, "file_sha256": file.sha256, "row_count": imported,
            "imported_by": actor.id if actor else None, "encoding": file.encoding,
            "skipped_rows": found.bad_rows, "already_imported": found.already_imported,
        })  # fmt: skip
        store.insert_good_rows(tx, import_id, profile.scale)
        feedback.rebuild_months(tx, ws.config.time_zone)
        store.save_source_profile(tx, profile, actor.id if actor else None)
        record(tx, actor, "import", "feedback_import", import_id, {
            "file": file.name, "source": profile.source, "rows": imported, "skipped": found.bad_rows,
            "already_imported": found.already_imported, "encoding": file.encoding,
        } | ({"via": via} if via else {}))  # fmt: skip
        return ImportResult(import_id, imported, found.bad_rows, found.already_imported)

    with _readable(file, profile.delimiter):
        result = ws.db.write(write)
    ws.db.checkpoint()  # a big import is made durable in the database file, not only in its log
    log.info(
        "import: %d responses from %s (%s), %d left out",
        result.imported,
        profile.source,
        file.name,
        result.skipped,
    )
    return result


def importer(ws: Workspace, by: str | None) -> Person:
    """The secretary named by name or e-mail, or the only one there is (for the command line)."""
    secretaries = [p for p in list_people(ws.db) if may_import(p)]
    if by:
        wanted = by.strip().lower()
        found = [p for p in secretaries if wanted in (p.name.lower(), (p.email or "").lower())]
        if not found:
            raise NotFound(
                _("--by {name}: no active secretary on the roster has that name or e-mail.").format(
                    name=repr(by)
                )
            )
        return found[0]
    if len(secretaries) != 1:
        names = ", ".join(p.name for p in secretaries) or _("none")
        raise NotFound(
            _("Say who imports with --by NAME; the roster's secretaries are: {names}.").format(names=names)
        )
    return secretaries[0]


def recent_imports(ws: Workspace) -> pd.DataFrame:
    return store.recent_imports(ws.db)


def _check(
    ws: Workspace,
    tx: Transaction,
    file: FeedbackFile,
    profile: ImportProfile,
    names: list[str],
    limit: int | None,
) -> ImportCheck:
    before = store.import_of_file(tx, file.sha256)
    imported_before = None
    if before is not None:
        at, source, rows = before
        # Translators: when a file was imported ("4 Dec 2026 14:00"), under which source, with how many responses.
        imported_before = ngettext("{moment} as {source} ({n} response)", "{moment} as {source} ({n} responses)",
                                   int(rows)).format(moment=fmt.moment(at.astimezone(ws.zone)), source=repr(source),
                                                     n=fmt.number(rows))  # fmt: skip
    total = store.stage(tx, file.path, profile.delimiter, names)
    broken, lines = store.broken_lines(tx, limit if limit is not None else 2**62)
    if broken:
        problems = tuple(Problem(line, _("(whole row)"), text, describe("broken_line", "comment", profile))
                         for line, text in lines)  # fmt: skip
        return ImportCheck(file.name, file.encoding, total + broken, 0, broken, broken, problems,
                           broken_lines=True, imported_before=imported_before)  # fmt: skip
    formats = DATE_FORMATS[profile.date_format].patterns
    store.check(
        tx, profile, names, value_table(profile, _options(ws)), formats, ws.config.time_zone, ws.now()
    )
    rows, bad_rows, problem_count, already = store.check_counts(tx)
    problems = tuple(
        Problem(
            row,
            f"{profile.columns[field]} ({field_name(field).lower()})",
            value,
            describe(reason, field, profile),
        )
        for row, field, value, reason in store.problems(tx, limit)
    )
    return ImportCheck(file.name, file.encoding, rows, rows - bad_rows, bad_rows, problem_count, problems,
                       already_imported=already, imported_before=imported_before,
                       sample=tuple(store.good_sample(tx, profile.scale)))  # fmt: skip


def _refuse_unless_importable(found: ImportCheck, skip_bad_rows: bool) -> None:
    if found.imported_before:
        raise ValidationError(
            _(
                "This file was imported before, on {when}. Importing it again would count those responses "
                "twice, so nothing was imported."
            ).format(when=found.imported_before),
            "file",
        )
    if found.rows == 0:
        raise ValidationError(
            _("{file} has a header row but no responses: nothing to import.").format(file=found.file_name),
            "file",
        )
    if found.broken_lines:
        raise ValidationError(
            ngettext(
                "{n} row does not have the same number of columns as the header (the first is row {first}). "
                "Often a comment holds the separator without quotes around it. Fix those rows, or check the "
                "separator, and try again.",
                "{n} rows do not have the same number of columns as the header (the first is row {first}). "
                "Often a comment holds the separator without quotes around it. Fix those rows, or check the "
                "separator, and try again.",
                int(found.bad_rows),
            ).format(n=fmt.number(found.bad_rows), first=found.problems[0].row),
            "file",
        )
    if found.good == 0:
        raise ValidationError(
            ngettext(
                "None of the {n} row can be imported; see the problems listed.",
                "None of the {n} rows can be imported; see the problems listed.",
                int(found.rows),
            ).format(n=fmt.number(found.rows)),
            "file",
        )
    if found.bad_rows and not skip_bad_rows:
        first = found.problems[0]
        raise ValidationError(
            # Translators: {rows} is "2,500 rows" and {good} "2,450 good rows"; {value} {reason} say what is wrong.
            ngettext(
                "{bad} of {rows} has a problem (the first: row {row}, {column}: {value} {reason}). Fix them in "
                "the file, or choose to import only the {good}.",
                "{bad} of {rows} have a problem (the first: row {row}, {column}: {value} {reason}). Fix them in "
                "the file, or choose to import only the {good}.",
                int(found.bad_rows),
            ).format(
                bad=fmt.number(found.bad_rows), rows=rows_text(found.rows), row=first.row, column=first.column,
                value=repr(first.value), reason=first.reason, good=good_rows_text(found.good),
            ),
            "file",
        )  # fmt: skip


def rows_text(n: int) -> str:
    """“1 row”, “2,500 rows”."""
    return ngettext("{n} row", "{n} rows", int(n)).format(n=fmt.number(n))


def good_rows_text(n: int) -> str:
    """“1 good row”, “2,500 good rows”."""
    return ngettext("{n} good row", "{n} good rows", int(n)).format(n=fmt.number(n))


def _checked_profile(
    ws: Workspace, file: FeedbackFile, profile: ImportProfile
) -> tuple[ImportProfile, list[str]]:
    """The profile checked against the file's own columns, and those columns (read once per use)."""
    with _readable(file, profile.delimiter):
        names = store.headers(ws.db, file.path, profile.delimiter)
    allowed = {name: ws.config.ids(kind) for name, kind in VALUE_FIELDS.items()}
    return profile.checked(names, allowed), names


def _options(ws: Workspace) -> dict[str, dict[str, list[str]]]:
    """Per value field: id -> the names a file may use for it: the configuration's own (default) names and
    those in the workspace's language. Never the reader's language: a file reads the same for everyone, in
    the app and on the command line."""
    languages = dict.fromkeys((DEFAULT, ws.config.language))
    options: dict[str, dict[str, list[str]]] = {}
    for name, kind in VALUE_FIELDS.items():
        options[name] = {}
        for item_id in ws.config.ids(kind):
            names = []
            for language in languages:
                with use_language(language):
                    names.append(ws.config.name_of(kind, item_id))
            options[name][item_id] = list(dict.fromkeys(names))
    return options


@contextmanager
def _readable(file: FeedbackFile, delimiter: str) -> Iterator[None]:
    """Turns DuckDB failing to read the file into a message about the file, not about the database."""
    try:
        yield
    except StoreError as e:
        detail = str(e.__cause__ or e).strip().splitlines()[0].replace(str(file.path), file.name)
        raise ValidationError(
            _(
                "{file} could not be read as a CSV file with the separator {separator}. Check the separator, "
                "or save the file again from Excel as “CSV UTF-8”. ({detail})"
            ).format(file=file.name, separator=repr(_(DELIMITERS[delimiter])), detail=detail),
            "file",
        ) from e
