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

# What a file can tell us about a response, in the order the mapping step asks for it.
FIELDS = {
    "received_at": "Date", "score": "Score", "comment": "Comment", "journey_stage": "Journey stage",
    "channel": "Channel", "segment": "Segment", "source": "Source", "response_id": "Response id",
}  # fmt: skip
REQUIRED = ("received_at", "score")
# Fields whose values must be translated to the workspace's own ids, with the config list they use.
VALUE_FIELDS = {"journey_stage": "journey_stage", "channel": "channel", "segment": "segment"}
DELIMITERS = {",": "Comma ,", ";": "Semicolon ;", "\t": "Tab", "|": "Vertical bar |"}
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
    label: str
    patterns: tuple[str, ...]  # strptime patterns, tried in order
    example: str


def _day_first() -> tuple[str, ...]:
    return tuple(f"%d{s}%m{s}%Y{t}" for s in "-/." for t in (" %H:%M:%S", " %H:%M", ""))


DATE_FORMATS = {
    "year_first": DateFormat(
        "Year first", ("%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S.%f",
                       "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M:%S",
                       "%Y/%m/%d %H:%M", "%Y/%m/%d"),
        "2026-03-14 or 2026-03-14 13:45",
    ),
    "day_first": DateFormat("Day first", _day_first(), "14-03-2026, 14/03/2026 or 14.03.2026 13:45"),
    "month_first": DateFormat(
        "Month first (US)", ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M:%S",
                             "%m/%d/%Y %H:%M", "%m/%d/%Y"),
        "03/14/2026 or 03/14/2026 1:45 PM",
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
        source = clean_text(self.source, "Source", limit=MAX_SOURCE, field="source")
        check_choice(self.scale, SCALES, "Scale", field="scale")
        check_choice(self.date_format, DATE_FORMATS, "Date format", field="date_format")
        check_choice(self.delimiter, DELIMITERS, "Separator", field="delimiter")
        columns = {f: c for f, c in self.columns.items() if c}
        for name in columns:
            check_choice(name, FIELDS, "Field", field="columns")
        for required in REQUIRED:
            if required not in columns:
                raise ValidationError(
                    f"Choose the column that holds the {FIELDS[required].lower()}: every response needs one.",
                    required,
                )
        for name, column in columns.items():
            if column not in headers:
                raise ValidationError(
                    f"{FIELDS[name]} is mapped to a column {column!r}, but this file has no such column. "
                    f"Its columns are: {', '.join(headers)}.",
                    name,
                )
        used: dict[str, str] = {}
        for name, column in columns.items():
            if column in used:
                raise ValidationError(
                    f"The column {column!r} is chosen for both {FIELDS[used[column]].lower()} and "
                    f"{FIELDS[name].lower()}; each column can hold only one of them.",
                    name,
                )
            used[column] = name
        values = {}
        for name, mapping in self.values.items():
            check_choice(name, VALUE_FIELDS, "Field", field="values")
            for raw, target in mapping.items():
                check_choice(target, allowed[name], f"{FIELDS[name]} for {raw!r}", required=False, field=name)
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
        said = f"{self.value!r} {self.reason}" if self.value else self.reason
        return f"row {self.row}, {self.column}: {said}"


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


def known_value(raw: str, options: Mapping[str, str]) -> str | None:
    """The id (of `options`, id -> name) that a source's value names plainly, by id or by name."""
    plain = _plain(raw)
    for option_id, name in options.items():
        if plain in (_plain(option_id), _plain(name)):
            return option_id
    return None


def value_table(
    profile: ImportProfile, options: Mapping[str, Mapping[str, str]]
) -> list[tuple[str, str, str | None]]:
    """(field, value in lower case, id or None) for every value the import understands: the
    workspace's own ids and names, then the profile's own translations, which win."""
    table: dict[tuple[str, str], str | None] = {}
    for name, ids in options.items():
        for option_id, display in ids.items():
            table[(name, option_id.lower())] = option_id
            table[(name, display.strip().lower())] = option_id
    for name, mapping in profile.values.items():
        for raw, target in mapping.items():
            table[(name, raw.strip().lower())] = target
    return [(name, raw, target) for (name, raw), target in table.items()]


def describe(reason: str, column_field: str, profile: ImportProfile) -> str:
    """A problem's reason code in words that say how to fix it."""
    scale = SCALES[profile.scale]
    label = FIELDS[column_field].lower()
    fmt = DATE_FORMATS[profile.date_format]
    texts = {
        "empty": f"is empty; every response needs a {label}",
        "not_a_date": f"is not a date written {fmt.label.lower()}, like {fmt.example}",
        "no_such_date": "is not a day that exists (a 31st in a month of 30 days, or 29 February in a year "
        "that is not a leap year?)",
        "future": "lies in the future",
        "not_a_number": "is not a whole number",
        "out_of_range": f"is outside the scale of {scale.low} to {scale.high}",
        "unknown": f"is not a {label} this workspace knows; translate it to one, or leave it empty",
        "repeated": "appears more than once in this file as a response id",
        "broken_line": "this row does not have the same number of columns as the header",
    }
    return texts[reason]


def _plain(text: str) -> str:
    """A header as compared: lower case, without spaces, dashes, dots or accents ("Enquête-naam" -> "enquetenaam")."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\s_\-.]+", "", bare.strip().lower())
