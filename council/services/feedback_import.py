"""Importing customer feedback: look at a file, suggest how to read it, check every row without
writing anything (the dry run), then import it in one transaction: all of it or nothing.

The secretary imports. How a source's files are read is remembered per source, so the next file
from the same survey needs no mapping. The checks of a file and its rows are in `import_check`.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, replace

import pandas as pd

from council.domain.errors import NotFound
from council.domain.feedback_import import (
    DATE_FORMATS,
    PROBLEMS_SHOWN,
    ImportCheck,
    ImportProfile,
    ImportResult,
    guess_columns,
    guess_delimiter,
    known_value,
)
from council.domain.people import Person
from council.domain.permissions import Task, may, require
from council.domain.spreadsheet import spreadsheet_safe
from council.i18n import _
from council.services.acting import as_on_roster
from council.services.feedback_file import FeedbackFile
from council.services.history import record
from council.services.import_check import (
    check,
    checked_profile,
    readable,
    refuse_unless_importable,
    value_options,
)
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
    with readable(file, delimiter):
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
    with readable(file, found.delimiter):
        counts = store.dates_read(ws.db, file.path, found.delimiter, list(found.headers), column, formats)
    order = ("day_first", "year_first", "month_first")
    return max(order, key=lambda key: (counts[key], -order.index(key)))


def source_values(
    ws: Workspace, file: FeedbackFile, found: FileLayout, field: str, column: str
) -> list[SourceValue]:
    """The values a column holds for a stage, channel or segment, most frequent first."""
    options = value_options(ws)[field]
    with readable(file, found.delimiter):
        rows = store.column_values(ws.db, file.path, found.delimiter, list(found.headers), column)
    return [SourceValue(raw, count, known_value(raw, options)) for raw, count in rows]


def saved_sources(ws: Workspace) -> list[str]:
    return [p.source for p in store.source_profiles(ws.db)]


def dry_run(ws: Workspace, file: FeedbackFile, profile: ImportProfile) -> ImportCheck:
    """Check every row of the file as the import would; nothing is written."""
    profile, names = checked_profile(ws, file, profile)
    with readable(file, profile.delimiter), ws.db.scratch() as tx:
        return check(ws, tx, file, profile, names, PROBLEMS_SHOWN)


def problem_report(ws: Workspace, file: FeedbackFile, profile: ImportProfile) -> str:
    """Every problem of the file as CSV text (row, column, value, what is wrong), safe for spreadsheets."""
    profile, names = checked_profile(ws, file, profile)
    with readable(file, profile.delimiter), ws.db.scratch() as tx:
        found = check(ws, tx, file, profile, names, limit=None)
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
    profile, names = checked_profile(ws, file, profile)

    def write(tx: Transaction) -> ImportResult:
        found = check(ws, tx, file, profile, names, limit=3)
        refuse_unless_importable(found, skip_bad_rows)
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

    with readable(file, profile.delimiter):
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
