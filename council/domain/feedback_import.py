"""Importing customer feedback from a CSV file: which column holds what, how a source names its
stages and channels, how it writes dates, and what a dry run found. Plain rules, no I/O."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from council.domain.checks import check_choice, clean_text
from council.domain.errors import ValidationError
from council.domain.feedback import SCALES, Feedback
from council.i18n import N_, _

# What a file can tell us about a response, in the order the mapping step asks for it; the names are
# marked with N_, shown with `field_name`.
FIELDS = {
    "received_at": N_("Date"), "score": N_("Score"), "comment": N_("Comment"), "journey_stage": N_("Journey stage"),
    "channel": N_("Channel"), "segment": N_("Segment"), "source": N_("Source"), "response_id": N_("Response id"),
}  # fmt: skip
REQUIRED = ("received_at", "score")
# Fields whose values must be translated to the workspace's own ids, with the config list they use.
VALUE_FIELDS = {"journey_stage": "journey_stage", "channel": "channel", "segment": "segment"}
# Separator -> its name, marked with N_: show it with `_(DELIMITERS[d])`.
DELIMITERS = {",": N_("Comma ,"), ";": N_("Semicolon ;"), "\t": N_("Tab"), "|": N_("Vertical bar |")}
MAX_SOURCE = 80
# The dry run lists this many problems; the downloadable report has all of them.
PROBLEMS_SHOWN = 200

# Column headers that usually hold a field, in English and Dutch; compared without case and spaces.
_HEADERS = {  # the usual English and Dutch names, without spaces, dashes and case
    "received_at": ("date", "datum", "received", "receivedat", "responsedate", "submitted", "submittedat",
                    "created", "createdat", "timestamp", "tijdstip", "ingevuldop", "datumingevuld",
                    "responsetime", "enddate", "einddatum", "recordeddate", "datetime", "answeredat",
                    "respondedat", "completed", "completedat", "datumtijd", "ontvangen", "ontvangstdatum",
                    "invuldatum", "datumantwoord", "aangemaakt", "aanmaakdatum", "afgerond", "afgerondop"),
    "score": ("score", "nps", "npsscore", "rating", "cijfer", "csat", "csatscore", "beoordeling",
              "waardering", "likelihoodtorecommend", "aanbevelingsscore", "recommend", "npsrating",
              "recommendationscore", "satisfaction", "satisfactionscore", "rapportcijfer", "tevredenheid",
              "klanttevredenheid", "aanbeveling", "scorenps"),
    "comment": ("comment", "comments", "opmerking", "opmerkingen", "toelichting", "feedback", "text",
                "verbatim", "reason", "waarom", "antwoord", "answer", "remark", "remarks", "reactie",
                "commentaar", "freetext", "vrijetekst", "motivatie", "uitleg", "openantwoord", "explanation"),
    "journey_stage": ("journeystage", "stage", "fase", "klantreis", "klantreisfase", "touchpoint",
                      "moment", "contactmoment", "journey", "customerjourney", "journeystep", "phase",
                      "klantfase", "procesfase", "stap"),
    "channel": ("channel", "kanaal", "contactkanaal", "medium", "contactchannel", "kanalen", "contactmethod",
                "contactwijze"),
    "segment": ("segment", "customertype", "klanttype", "klantsegment", "customersegment", "customergroup",
                "klantgroep", "doelgroep", "klantsoort"),
    "source": ("source", "bron", "survey", "enquete", "vragenlijst", "surveyname", "enquetenaam", "onderzoek"),
    "response_id": ("responseid", "responsid", "id", "respondentid", "responsnummer", "responseno", "recordid",
                    "responsenumber", "respondentnummer", "antwoordid", "uuid", "recordnummer", "volgnummer"),
}  # fmt: skip


@dataclass(frozen=True)
class DateFormat:
    title: str  # marked with N_; `label` in the reader's language
    patterns: tuple[str, ...]  # strptime patterns, tried in order (never translated: they read the files)
    how: str  # an example or two, marked with N_; `example` in the reader's language

    @property
    def label(self) -> str:
        return _(self.title)

    @property
    def example(self) -> str:
        return _(self.how)


def _day_first() -> tuple[str, ...]:
    return tuple(f"%d{s}%m{s}%Y{t}" for s in "-/." for t in (" %H:%M:%S", " %H:%M", ""))


DATE_FORMATS = {
    "year_first": DateFormat(
        N_("Year first"), ("%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S.%f",
                       "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M:%S",
                       "%Y/%m/%d %H:%M", "%Y/%m/%d"),
        N_("2026-03-14 or 2026-03-14 13:45"),
    ),
    "day_first": DateFormat(N_("Day first"), _day_first(), N_("14-03-2026, 14/03/2026 or 14.03.2026 13:45")),
    "month_first": DateFormat(
        N_("Month first (US)"), ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M:%S",
                             "%m/%d/%Y %H:%M", "%m/%d/%Y"),
        N_("03/14/2026 or 03/14/2026 1:45 PM"),
    ),
}  # fmt: skip


@dataclass(frozen=True)
class ImportProfile:
    """How to read one source's files; saved per source so the next file needs no mapping."""

    source: str
    scale: str = "nps"
    columns: Mapping[str, str] = field(default_factory=dict)  # field -> column header in the file
    # field -> {value as the source writes it -> the workspace's id, or None to leave it empty}
    values: Mapping[str, Mapping[str, str | None]] = field(default_factory=dict)
    date_format: str = "day_first"
    delimiter: str = ","

    def checked(self, headers: Sequence[str], allowed: Mapping[str, Sequence[str]]) -> ImportProfile:
        """The profile ready to use on a file with `headers`; `allowed` lists the ids per value field."""
        source = clean_text(self.source, _("Source"), limit=MAX_SOURCE, field="source")
        check_choice(self.scale, SCALES, _("Scale"), field="scale")
        check_choice(self.date_format, DATE_FORMATS, _("Date format"), field="date_format")
        check_choice(self.delimiter, DELIMITERS, _("Separator"), field="delimiter")
        columns = {f: c for f, c in self.columns.items() if c}
        for name in columns:
            check_choice(name, FIELDS, _("Field"), field="columns")
        for required in REQUIRED:
            if required not in columns:
                raise ValidationError(
                    _("Choose the column that holds the {field}: every response needs one.").format(
                        field=field_name(required).lower()
                    ),
                    required,
                )
        for name, column in columns.items():
            if column not in headers:
                raise ValidationError(
                    _(
                        "{field} is mapped to a column {column}, but this file has no such column. "
                        "Its columns are: {columns}."
                    ).format(field=field_name(name), column=repr(column), columns=", ".join(headers)),
                    name,
                )
        used: dict[str, str] = {}
        for name, column in columns.items():
            if column in used:
                raise ValidationError(
                    _(
                        "The column {column} is chosen for both {first} and {second}; each column can hold "
                        "only one of them."
                    ).format(
                        column=repr(column),
                        first=field_name(used[column]).lower(),
                        second=field_name(name).lower(),
                    ),
                    name,
                )
            used[column] = name
        values = {}
        for name, mapping in self.values.items():
            check_choice(name, VALUE_FIELDS, _("Field"), field="values")
            for raw, target in mapping.items():
                # Translators: {field} is a journey stage, channel or segment; {value} how a file writes it.
                label = _("{field} for {value}").format(field=field_name(name), value=repr(raw))
                check_choice(target, allowed[name], label, required=False, field=name)
            values[name] = {raw.strip(): target or None for raw, target in mapping.items() if raw.strip()}
        return replace(self, source=source, columns=columns, values=values)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: the spreadsheet row (the header is row 1), column, value and why."""

    row: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        if self.value:
            # Translators: {value} is what the file holds, {reason} what is wrong with it ("is empty…").
            return _("row {row}, {column}: {value} {reason}").format(
                row=self.row, column=self.column, value=repr(self.value), reason=self.reason
            )
        return _("row {row}, {column}: {reason}").format(row=self.row, column=self.column, reason=self.reason)


@dataclass(frozen=True)
class ImportCheck:
    """What a dry run found; nothing has been written."""

    file_name: str
    encoding: str
    rows: int
    good: int
    bad_rows: int
    problem_count: int
    problems: tuple[Problem, ...]
    already_imported: int = 0  # rows whose response id this source delivered before
    broken_lines: bool = False  # rows that do not fit the columns; they cannot be skipped
    imported_before: str | None = None  # when this very file was imported, if it was
    sample: tuple[Feedback, ...] = ()  # the first good rows as they would be stored

    @property
    def can_import(self) -> bool:
        return self.good > 0 and not self.broken_lines and self.imported_before is None

    @property
    def all_good(self) -> bool:
        return self.can_import and self.bad_rows == 0


@dataclass(frozen=True)
class ImportResult:
    import_id: int
    imported: int
    skipped: int
    already_imported: int


def guess_delimiter(first_line: str) -> str:
    """The separator a header line uses most; a comma when it has none of them."""
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def guess_columns(headers: Sequence[str]) -> dict[str, str]:
    """Field -> header for the headers that plainly name a field; each header is used once."""
    found: dict[str, str] = {}
    for name, words in _HEADERS.items():
        for header in headers:
            if _plain(header) in words and header not in found.values():
                found[name] = header
                break
    return found


Names = str | Sequence[str]  # an option's name, or its names in every language the workspace speaks


def _names(names: Names) -> Sequence[str]:
    return (names,) if isinstance(names, str) else names


def known_value(raw: str, options: Mapping[str, Names]) -> str | None:
    """The id (of `options`, id -> name or names) that a source's value names plainly, by id or by name."""
    plain = _plain(raw)
    for option_id, names in options.items():
        if plain == _plain(option_id) or any(plain == _plain(name) for name in _names(names)):
            return option_id
    return None


def value_table(
    profile: ImportProfile, options: Mapping[str, Mapping[str, Names]]
) -> list[tuple[str, str, str | None]]:
    """(field, value in lower case, id or None) for every value the import understands: the
    workspace's own ids and names, then the profile's own translations, which win."""
    table: dict[tuple[str, str], str | None] = {}
    for name, ids in options.items():
        for option_id, names in ids.items():
            table[(name, option_id.lower())] = option_id
            for display in _names(names):
                table[(name, display.strip().lower())] = option_id
    for name, mapping in profile.values.items():
        for raw, target in mapping.items():
            table[(name, raw.strip().lower())] = target
    return [(name, raw, target) for (name, raw), target in table.items()]


def field_name(name: str) -> str:
    """A field's name in the reader's language: "Date", "Journey stage"."""
    return _(FIELDS[name])


# A problem's reason code -> the words after the value, marked with N_ (they follow "'31-02-2026' ").
_REASONS = {
    "empty": N_("is empty; every response needs a {field}"),
    # Translators: {way} is how the dates are written ("day first"), {example} an example of it.
    "not_a_date": N_("is not a date written {way}, like {example}"),
    "no_such_date": N_(
        "is not a day that exists (a 31st in a month of 30 days, or 29 February in a year that is not a leap year?)"
    ),
    "future": N_("lies in the future"),
    "not_a_number": N_("is not a whole number"),
    "out_of_range": N_("is outside the scale of {low} to {high}"),
    "unknown": N_("is not a {field} this workspace knows; translate it to one, or leave it empty"),
    "repeated": N_("appears more than once in this file as a response id"),
    "broken_line": N_("this row does not have the same number of columns as the header"),
}


def describe(reason: str, column_field: str, profile: ImportProfile) -> str:
    """A problem's reason code in words that say how to fix it."""
    scale = SCALES[profile.scale]
    dates = DATE_FORMATS[profile.date_format]
    return _(_REASONS[reason]).format(
        field=field_name(column_field).lower(),
        way=dates.label.lower(),
        example=dates.example,
        low=scale.low,
        high=scale.high,
    )


def _plain(text: str) -> str:
    """A header as compared: lower case, without spaces, dashes, dots or accents ("Enquête-naam" -> "enquetenaam")."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\s_\-.]+", "", bare.strip().lower())
