"""Checking a feedback file before anything of it is imported: the way of reading it against the file's own
columns, every row against the workspace's stages, channels and segments, and whether the file may be imported
at all. DuckDB failing to read the file is told as a problem of the file.

Used by the import's steps in `feedback_import`: the suggestions, the dry run and the import itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from council.domain.errors import StoreError, ValidationError
from council.domain.feedback_import import (
    DATE_FORMATS,
    DELIMITERS,
    VALUE_FIELDS,
    ImportCheck,
    ImportProfile,
    Problem,
    describe,
    field_name,
    value_table,
)
from council.i18n import DEFAULT, _, ngettext, use_language
from council.i18n import formats as fmt
from council.services.feedback_file import FeedbackFile
from council.services.workspace import Workspace
from council.store import feedback_import as store
from council.store.database import Transaction


def check(
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
        tx, profile, names, value_table(profile, value_options(ws)), formats, ws.config.time_zone, ws.now()
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


def refuse_unless_importable(found: ImportCheck, skip_bad_rows: bool) -> None:
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


def checked_profile(
    ws: Workspace, file: FeedbackFile, profile: ImportProfile
) -> tuple[ImportProfile, list[str]]:
    """The profile checked against the file's own columns, and those columns (read once per use)."""
    with readable(file, profile.delimiter):
        names = store.headers(ws.db, file.path, profile.delimiter)
    allowed = {name: ws.config.ids(kind) for name, kind in VALUE_FIELDS.items()}
    return profile.checked(names, allowed), names


def value_options(ws: Workspace) -> dict[str, dict[str, list[str]]]:
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
def readable(file: FeedbackFile, delimiter: str) -> Iterator[None]:
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
