"""The Import feedback page: upload, map, translate, dry run, import — as the secretary does it."""

from __future__ import annotations

from council.services.workspace import open_workspace
from council.ui.session import ACTING_KEY
from tests.conftest import DEMO_CONFIG
from tests.ui.conftest import button, plain

SURVEY = (
    "Datum;Score;Opmerking;Kanaal\n"
    "01-03-2026;9;Snel geholpen;Telefoon\n"
    "02-03-2026;4;Te lang gewacht… € 5 kwijt;Chat\n"
    "03-03-2026;x;;Chat\n"
).encode("cp1252")


def feedback_rows(db) -> int:
    ws = open_workspace(DEMO_CONFIG, db, demo=False)
    try:
        return ws.db.value("SELECT count(*) FROM feedback")
    finally:
        ws.db.close()


def upload(at, content: bytes = SURVEY, name: str = "survey.csv", source: str = "Survey after a call"):
    at.file_uploader[0].upload(name, content, "text/csv")
    at.text_input(key="import_source_new").input(source)
    return at.run()


def selectbox(at, label_start: str):
    found = [s for s in at.selectbox if s.label.startswith(label_start)]
    assert found, [s.label for s in at.selectbox]
    return found[0]


def test_the_secretary_maps_checks_and_imports_a_file(app, demo_copy):
    before = feedback_rows(demo_copy)
    at = upload(app(demo_copy, "import_feedback"))
    assert not at.exception
    # The Dutch headers are recognised, the encoding is said.
    assert selectbox(at, "Date").value == "Datum" and selectbox(at, "Score").value == "Score"
    assert any("read as Windows-1252" in c.value for c in at.caption)
    selectbox(at, "“Telefoon”").set_value("phone")
    at = button(at.run(), "Check every row").click().run()

    assert [m.value for m in at.metric][:3] == ["3", "2", "1"]
    problems = at.dataframe[1].value
    assert problems.iloc[0].to_dict()["Row"] == 4 and "whole number" in problems.iloc[0]["What is wrong"]
    assert button(at, "Import 2 responses").disabled
    at.checkbox(key="import_skip").check()
    at = button(at.run(), "Import 2 responses").click().run()

    assert not at.exception
    assert "Imported 2 responses from Survey after a call" in plain(at.success[0].value)
    assert feedback_rows(demo_copy) == before + 2
    assert at.dataframe[-1].value.iloc[0]["source"] == "Survey after a call"


def test_a_file_that_is_not_csv_is_refused_with_what_to_do(app, demo_copy):
    at = upload(app(demo_copy, "import_feedback"), b"PK\x03\x04 workbook", "survey.xlsx")
    assert not at.exception
    shown = plain(at.error[0].value)
    assert "Excel workbook" in shown and "CSV UTF-8" in shown
    assert not [b for b in at.button if b.label == "Check every row"]


def test_unmapping_the_score_is_refused_at_the_check(app, demo_copy):
    at = upload(app(demo_copy, "import_feedback"))
    selectbox(at, "Score").set_value("")
    at = button(at.run(), "Check every row").click().run()
    assert "column that holds the score" in plain(at.error[0].value)
    assert not at.metric


def test_only_the_secretary_may_import(app, demo_copy):
    at = app(demo_copy, "import_feedback")
    member = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    try:
        member_id = member.db.value("SELECT id FROM person WHERE name = 'Marieke Jansen'")
    finally:
        member.db.close()
    at.session_state[ACTING_KEY] = member_id
    at = at.run()
    assert "This page is not for your role (chair, council member)" in at.info[0].value
    assert not at.file_uploader


def test_a_file_imported_before_counts_all_its_rows_as_imported_before(app, demo_copy):
    clean = b"Datum;Score\n01-03-2026;9\n02-03-2026;4\n"
    at = upload(app(demo_copy, "import_feedback"), clean, "again.csv", "Survey twice")
    at = button(button(at, "Check every row").click().run(), "Import 2 responses").click().run()
    assert "Imported 2 responses" in plain(at.success[0].value)
    at = app(demo_copy, "import_feedback")
    at.file_uploader[0].upload("again.csv", clean, "text/csv")
    at.selectbox(key="import_source_pick").select("Survey twice")
    at = button(at.run(), "Check every row").click().run()
    assert any("was imported before" in plain(w.value) for w in at.warning)
    assert {m.label: m.value for m in at.metric}["Imported before"] == "2"
