"""Reading a source's file: guessing columns and separators, and checking a mapping before use."""

from __future__ import annotations

import pytest

from council.domain.errors import ValidationError
from council.domain.feedback import SCALES
from council.domain.feedback_import import (
    ImportProfile,
    Problem,
    guess_columns,
    guess_delimiter,
    known_value,
    value_table,
)

ALLOWED = {"journey_stage": ("billing", "support"), "channel": ("phone",), "segment": ("existing", "new")}


def test_plainly_named_columns_are_recognised_in_english_and_dutch():
    assert guess_columns(["Datum", "NPS score", "Toelichting", "Kanaal", "Klantreis fase", "Respons-ID"]) == {
        "received_at": "Datum", "score": "NPS score", "comment": "Toelichting", "channel": "Kanaal",
        "journey_stage": "Klantreis fase", "response_id": "Respons-ID",
    }  # fmt: skip
    assert guess_columns(["Response ID", "Submitted at", "Rating", "Segment"]) == {
        "received_at": "Submitted at", "score": "Rating", "segment": "Segment", "response_id": "Response ID",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("header", "expected"),
    [("a;b;c", ";"), ("a,b,c", ","), ("a\tb", "\t"), ("a|b|c", "|"), ("single", ","), ("a;b,c;d", ";")],
)
def test_the_separator_is_the_one_the_header_uses_most(header, expected):
    assert guess_delimiter(header) == expected


def test_a_column_cannot_hold_two_fields():
    profile = ImportProfile("Survey", columns={"received_at": "when", "score": "when"})
    with pytest.raises(ValidationError, match="both date and score"):
        profile.checked(["when"], ALLOWED)


def test_a_translation_must_name_a_known_id():
    profile = ImportProfile("Survey", columns={"received_at": "d", "score": "s"},
                            values={"journey_stage": {"Facturatie": "invoices"}})  # fmt: skip
    with pytest.raises(ValidationError, match="Journey stage for 'Facturatie'"):
        profile.checked(["d", "s"], ALLOWED)


def test_a_source_needs_a_name():
    with pytest.raises(ValidationError, match="Source is empty"):
        ImportProfile("  ", columns={"received_at": "d", "score": "s"}).checked(["d", "s"], ALLOWED)


def test_values_are_known_by_id_or_name_whatever_their_case():
    options = {"billing": "Bills & payments", "support": "Questions, faults & complaints"}
    assert known_value("BILLING", options) == "billing"
    assert known_value(" bills & payments ", options) == "billing"
    assert known_value("Facturatie", options) is None


def test_a_sources_own_translation_wins_over_a_matching_name():
    profile = ImportProfile("Survey", values={"channel": {"Phone": None}})
    table = value_table(profile, {"channel": {"phone": "Phone"}})
    assert ("channel", "phone", None) in table
    assert ("channel", "phone", "phone") not in table


def test_a_problem_reads_as_one_line():
    assert str(Problem(4, "Score", "x", "is not a whole number")) == "row 4, Score: 'x' is not a whole number"
    assert str(Problem(5, "Date", "", "is empty")) == "row 5, Date: is empty"


def test_scores_fall_in_bands_per_scale():
    nps, csat = SCALES["nps"], SCALES["csat"]
    assert [nps.band(s) for s in (0, 6, 7, 8, 9, 10)] == ["unhappy"] * 2 + ["neutral"] * 2 + [
        "enthusiastic"
    ] * 2
    assert [csat.band(s) for s in (1, 2, 3, 4, 5)] == ["unhappy"] * 2 + ["neutral"] * 2 + ["enthusiastic"]
