"""Importing customer feedback: the dry run's report, all-or-nothing writes, and never twice."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest

from council.domain.errors import NotAllowed, ValidationError
from council.domain.feedback_import import ImportProfile
from council.services import feedback_import as service
from council.services.feedback_file import prepare_path
from council.services.workspace import Workspace
from council.store.audit import entries_about
from tests.services.conftest import add_person

MESSY = (
    "Datum;Score;Opmerking;Kanaal;Fase;Klanttype;ID\n"
    "14-03-2026 13:45;9;Snel geholpen;Telefoon;Facturatie;bestaand;r1\n"
    '15-03-2026;x;"Geen idee; wat ""dit"" is";Chat;billing;nieuw;r2\n'
    "32-03-2026;11;;App;Onbekend;existing;r3\n"
    ";7;leeg;E-mail;support;;r4\n"
    "16-03-2099;8;toekomst;Phone;support;new;r5\n"
    "17-03-2026;6;=HYPERLINK(1);chat;Support;existing;r1\n"
    "2026-03-18T10:00:00+01:00;10;met tijdzone;chat;support;existing;r9\n"
)
TRANSLATIONS = {
    "journey_stage": {"Facturatie": "billing"},
    "channel": {"Telefoon": "phone"},
    "segment": {"bestaand": "existing", "nieuw": "new"},
}


def write(tmp_path: Path, text: str, name: str = "feedback.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def prepared(tmp_path: Path, text: str, **kw):
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    return prepare_path(write(tmp_path, text, **kw), work)


def profile_for(ws: Workspace, file, source: str = "Survey after a call", **changes) -> ImportProfile:
    found = service.layout(ws, file)
    return dataclasses.replace(service.suggest(ws, file, found, source), **changes)


@pytest.fixture
def secretary(empty: Workspace):
    return add_person(empty, "Sam Secretary", "secretary")


def test_dry_run_lists_every_problem_by_row_column_value_and_reason(empty, tmp_path, nothing_written):
    file = prepared(tmp_path, MESSY)
    with nothing_written(empty):
        check = service.dry_run(empty, file, profile_for(empty, file, values=TRANSLATIONS))
    assert (check.rows, check.good, check.bad_rows) == (7, 1, 6)
    found = [(p.row, p.column, p.value) for p in check.problems]
    assert found == [
        (2, "ID (response id)", "r1"),
        (3, "Score (score)", "x"),
        (4, "Datum (date)", "32-03-2026"),
        (4, "Score (score)", "11"),
        (4, "Fase (journey stage)", "Onbekend"),
        (5, "Datum (date)", ""),
        (6, "Datum (date)", "16-03-2099"),
        (7, "ID (response id)", "r1"),
    ]
    reasons = {(p.row, p.column): p.reason for p in check.problems}
    assert "whole number" in reasons[(3, "Score (score)")]
    assert "0 to 10" in reasons[(4, "Score (score)")]
    assert "future" in reasons[(6, "Datum (date)")]
    assert "empty" in reasons[(5, "Datum (date)")]
    assert "more than once" in reasons[(7, "ID (response id)")]


def test_unknown_values_are_problems_until_they_are_translated(empty, tmp_path):
    file = prepared(tmp_path, MESSY)
    check = service.dry_run(empty, file, profile_for(empty, file))
    unknown = {(p.row, p.value) for p in check.problems if "workspace knows" in p.reason}
    assert {(2, "Facturatie"), (2, "Telefoon"), (2, "bestaand"), (3, "nieuw")} <= unknown
    # The workspace's own ids and names are understood whatever their case.
    assert not {value for _, value in unknown} & {"Chat", "chat", "billing", "Support", "E-mail", "Phone"}


def test_a_file_with_problems_is_not_imported_unless_the_good_rows_are_chosen(
    empty, tmp_path, secretary, nothing_written
):
    file = prepared(tmp_path, MESSY)
    profile = profile_for(empty, file, values=TRANSLATIONS)
    with nothing_written(empty), pytest.raises(ValidationError, match="6 of 7 rows have a problem"):
        service.import_file(empty, secretary, file, profile)

    result = service.import_file(empty, secretary, file, profile, skip_bad_rows=True)

    assert (result.imported, result.skipped) == (1, 6)
    stored = empty.db.rows(
        "SELECT received_at, score, journey_stage, channel, segment, comment, source, response_id FROM feedback"
    )
    assert stored == [(datetime(2026, 3, 18, 9, tzinfo=UTC), 10, "support", "chat", "existing", "met tijdzone",
                       "Survey after a call", "r9")]  # fmt: skip
    assert empty.db.row("SELECT row_count, skipped_rows, imported_by FROM feedback_import") == (
        1,
        6,
        secretary.id,
    )
    assert [e.action for e in entries_about(empty.db, "feedback_import", str(result.import_id))] == ["import"]


def test_the_same_file_twice_does_not_double_the_rows(empty, tmp_path, secretary, nothing_written):
    text = "date,score,comment\n2026-03-01,9,Fine\n2026-03-02,3,Slow\n"
    file = prepared(tmp_path, text)
    service.import_file(empty, secretary, file, profile_for(empty, file))
    again = prepared(tmp_path / "..", text, name="renamed copy.csv")

    check = service.dry_run(empty, again, profile_for(empty, again))
    assert check.imported_before and not check.can_import
    with nothing_written(empty), pytest.raises(ValidationError, match="imported before"):
        service.import_file(empty, secretary, again, profile_for(empty, again))
    assert empty.db.value("SELECT count(*) FROM feedback") == 2


def test_an_overlapping_export_adds_only_responses_not_seen_before(empty, tmp_path, secretary):
    first = prepared(tmp_path, "id,date,score\na,2026-03-01,9\nb,2026-03-02,3\n")
    service.import_file(empty, secretary, first, profile_for(empty, first))
    second = prepared(tmp_path / "..", "id,date,score\nb,2026-03-02,3\nc,2026-03-03,7\n", name="later.csv")

    check = service.dry_run(empty, second, profile_for(empty, second))
    result = service.import_file(empty, secretary, second, profile_for(empty, second))

    assert check.already_imported == 1
    assert (result.imported, result.already_imported) == (1, 1)
    assert empty.db.rows("SELECT response_id FROM feedback ORDER BY response_id") == [("a",), ("b",), ("c",)]


def test_the_mapping_is_remembered_for_the_next_file_of_the_same_source(empty, tmp_path, secretary):
    file = prepared(tmp_path, MESSY)
    service.import_file(empty, secretary, file, profile_for(empty, file, values=TRANSLATIONS, scale="nps"),
                        skip_bad_rows=True)  # fmt: skip
    renamed = prepared(
        tmp_path / "..", MESSY.replace("Datum", "Datum") + "19-03-2026;8;;;;;r10\n", name="next.csv"
    )

    remembered = service.suggest(empty, renamed, service.layout(empty, renamed), "Survey after a call")

    assert remembered.values == TRANSLATIONS
    assert remembered.columns["received_at"] == "Datum" and remembered.delimiter == ";"
    assert service.saved_sources(empty) == ["Survey after a call"]


def test_dates_without_a_zone_are_read_in_the_workspace_time_zone(empty, tmp_path, secretary):
    file = prepared(tmp_path, "Datum;Score\n14-03-2026 13:45;9\n14-07-2026 13:45;9\n")
    service.import_file(empty, secretary, file, profile_for(empty, file))
    stored = [r[0] for r in empty.db.rows("SELECT received_at FROM feedback ORDER BY received_at")]
    assert stored == [datetime(2026, 3, 14, 12, 45, tzinfo=UTC), datetime(2026, 7, 14, 11, 45, tzinfo=UTC)]


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (["2026-03-14", "2026-03-15 09:30"], "year_first"),
        (["14-03-2026", "15/03/2026 9:30"], "day_first"),
        (["03/14/2026", "03/15/2026 1:45 PM"], "month_first"),
        (["01-02-2026"], "day_first"),  # both read it: day first, as in most of Europe
    ],
)
def test_the_date_format_that_reads_the_dates_is_suggested(empty, tmp_path, dates, expected):
    file = prepared(tmp_path, "date,score\n" + "".join(f"{d},8\n" for d in dates))
    assert profile_for(empty, file).date_format == expected


def test_satisfaction_scores_are_checked_against_their_own_scale(empty, tmp_path, secretary):
    file = prepared(tmp_path, "date,score\n2026-03-01,5\n2026-03-02,0\n2026-03-03,6\n")
    check = service.dry_run(empty, file, profile_for(empty, file, scale="csat"))
    assert [(p.row, p.value) for p in check.problems] == [(3, "0"), (4, "6")]
    service.import_file(empty, secretary, file, profile_for(empty, file, scale="csat"), skip_bad_rows=True)
    assert empty.db.rows("SELECT score, scale FROM feedback") == [(5, "csat")]


def test_a_windows_1252_file_is_read_and_says_so(empty, tmp_path, secretary):
    file = prepared(tmp_path, "datum;score;opmerking\n01-03-2026;3;Factuur € 12,50 te hoog… café\n",
                    encoding="cp1252")  # fmt: skip
    assert file.encoding == "Windows-1252"
    service.import_file(empty, secretary, file, profile_for(empty, file))
    assert empty.db.value("SELECT comment FROM feedback") == "Factuur € 12,50 te hoog… café"


def test_a_utf16_file_from_excel_is_read(empty, tmp_path):
    file = prepared(tmp_path, "date\tscore\n2026-03-01\t9\n", encoding="utf-16")
    assert file.encoding == "UTF-16"
    assert service.dry_run(empty, file, profile_for(empty, file)).good == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"PK\x03\x04rest of a workbook", "Excel workbook"),
        (b"\x00\x01\x02binary", "not a text file"),
        (b"date,score\n2026-03-01,9,\x81\x8d\n", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_files_that_are_not_csv_text_are_refused_clearly(tmp_path, content, message):
    path = tmp_path / "upload.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=message):
        prepare_path(path, tmp_path)


def test_a_header_without_rows_imports_nothing(empty, tmp_path, secretary, nothing_written):
    file = prepared(tmp_path, "date,score\n")
    with nothing_written(empty), pytest.raises(ValidationError, match="no responses"):
        service.import_file(empty, secretary, file, profile_for(empty, file))


def test_a_missing_required_column_is_named(empty, tmp_path):
    file = prepared(tmp_path, "when,comment\n2026-03-01,Fine\n")
    with pytest.raises(ValidationError, match="column that holds the score") as refused:
        service.dry_run(empty, file, profile_for(empty, file, columns={"received_at": "when"}))
    assert refused.value.field == "score"
    with pytest.raises(ValidationError, match="no such column"):
        service.dry_run(
            empty, file, profile_for(empty, file, columns={"received_at": "when", "score": "Score"})
        )


def test_rows_that_do_not_fit_the_columns_stop_the_import_even_when_skipping(
    empty, tmp_path, secretary, nothing_written
):
    file = prepared(tmp_path, "date;score;comment\n2026-03-01;9;fine\n2026-03-02;3;too; many; parts\n")
    check = service.dry_run(empty, file, profile_for(empty, file))
    assert check.broken_lines and [p.row for p in check.problems] == [3]
    with nothing_written(empty), pytest.raises(ValidationError, match="same number of columns"):
        service.import_file(empty, secretary, file, profile_for(empty, file), skip_bad_rows=True)


def test_row_numbers_stay_right_in_a_long_file(empty, tmp_path, secretary):
    rows = [f"2026-03-01,{i % 11}" for i in range(5000)]
    rows[3999] = "2026-03-01,eleven"
    file = prepared(tmp_path, "date,score\n" + "\n".join(rows) + "\n")
    with pytest.raises(ValidationError, match="row 4001"):
        service.import_file(empty, secretary, file, profile_for(empty, file))
    assert [p.row for p in service.dry_run(empty, file, profile_for(empty, file)).problems] == [4001]


def test_only_the_secretary_imports(demo, member, tmp_path, nothing_written):
    file = prepared(tmp_path, "date,score\n2026-03-01,9\n")
    with nothing_written(demo), pytest.raises(NotAllowed):
        service.import_file(demo, member, file, profile_for(demo, file))


def test_the_problem_report_is_safe_to_open_in_a_spreadsheet(empty, tmp_path):
    file = prepared(tmp_path, "date,score,channel\n2026-03-01,9,=cmd|' /C calc'!A0\n")
    report = service.problem_report(empty, file, profile_for(empty, file))
    assert "\"'=cmd|' /C calc'!A0\"" in report
