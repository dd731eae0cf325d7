"""The Decisions page as an executive reads it and a member follows it up."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from council.domain.decisions import Amendment
from council.services.decisions import amend
from council.services.workspace import open_workspace
from council.store import decisions, people
from council.ui.session import ACTING_KEY
from tests.conftest import DEMO_CONFIG
from tests.services.conftest import decide
from tests.ui.conftest import button, plain


def _ws(path: Path):
    return open_workspace(DEMO_CONFIG, path, demo=False)


def _person(path: Path, name: str) -> int:
    ws = _ws(path)
    found = next(p.id for p in people.list_people(ws.db) if p.name == name)
    ws.db.close()
    return found


def _card_titles(at: AppTest) -> list[str]:
    """The bold first line of every decision card on the page."""
    return [plain(m.value).split("**")[1] for m in at.markdown if m.value.startswith("**#")]


def _metric(at: AppTest, label: str) -> int:
    return int(next(m.value for m in at.metric if m.label == label))


def test_search_finds_a_decision_by_a_word_of_its_rationale(app, demo_copy: Path) -> None:
    at = app(demo_copy, "decisions")
    assert _metric(at, "Decisions") == 12
    at.text_input[0].input("TELEPHONY").run()  # only decision #10's rationale mentions it
    assert _card_titles(at) == ["#10 · Recognise callers without asking for a customer number"]
    assert _metric(at, "Decisions") == 1
    assert at.query_params["q"] == "TELEPHONY"  # the search is in the address, to share


def test_filters_narrow_the_list(app, demo_copy: Path) -> None:
    at = app(demo_copy, "decisions", show="done")
    titles = _card_titles(at)
    assert len(titles) == _metric(at, "Decisions") == 3
    assert all("Done" in m.value for m in at.markdown if m.value.startswith("**#"))

    at = app(demo_copy, "decisions", department="it")
    ws = _ws(demo_copy)
    it_owned = ws.db.value(
        "SELECT count(DISTINCT decision_id) FROM decision d WHERE owner_department = 'it' AND version ="
        " (SELECT max(version) FROM decision v WHERE v.decision_id = d.decision_id)"
    )
    assert 0 < len(_card_titles(at)) == it_owned < 12

    at = app(demo_copy, "decisions", show="overdue", stage="billing")
    assert 0 < _metric(at, "Decisions") < 12
    assert all(":red-badge" in m.value for m in at.markdown if m.value.startswith("**#"))


def test_nothing_found_says_how_to_get_results_back(app, demo_copy: Path) -> None:
    at = app(demo_copy, "decisions", q="no decision says this")
    assert _card_titles(at) == []
    assert any("widen the filters" in i.value for i in at.info)


def test_an_empty_workspace_says_where_decisions_come_from(app, no_demo_config: Path, tmp_path: Path) -> None:
    at = app(tmp_path / "empty.duckdb", "decisions", config=no_demo_config)
    assert not at.exception
    assert any("No decisions recorded yet" in i.value for i in at.info)


def test_the_detail_shows_versions_with_their_changes_and_the_status_events(app, demo_copy: Path) -> None:
    at = app(demo_copy, "decisions", id="3")
    assert not at.exception, [e.value for e in at.exception]
    text = "\n".join(plain(m.value) for m in at.markdown)
    assert "One agent owns an address change from start to finish" in at.subheader[0].value
    assert [t.label for t in at.tabs] == ["Follow-up (1)", "Versions (2)", "Effect on customers"]
    expanders = [e.label for e in at.expander]
    assert expanders[0].startswith("Version 2 (current) · ")  # the current version first
    assert any(label.startswith("Version 1 ·") for label in expanders)
    assert "**What changed and why:** Scope narrowed to a pilot after the IT security review" in text
    assert "~~Three forms for one move" in text  # removed words are struck through
    assert ":green-background[starting as a three-month pilot" in text  # added words are highlighted
    assert "**Decided** · " in text and "Decided in the council meeting." in text
    came_from = {(link.proto.page, link.proto.query_string) for link in at.page_link}
    linked = _ws(demo_copy).db.rows("SELECT friction_point_id FROM decision_link WHERE decision_id = 3"
                                    " AND friction_point_id IS NOT NULL")  # fmt: skip
    assert linked and {("friction_points", f"id={f}") for (f,) in linked} <= came_from


def test_export_downloads_the_filtered_rows(app, demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: dict[str, object] = {}
    real = MediaFileManager.add_deferred

    def keep(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data_callable
        return real(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    at = app(demo_copy, "decisions", show="done")
    assert [b.label for b in at.get("download_button")] == ["CSV (3)", "JSON (3)"]
    [csv_name] = [n for n in made if n.endswith(".csv")]
    rows = list(csv.DictReader(io.StringIO(made[csv_name]().decode("utf-8-sig"))))
    assert len(rows) == 3 and {r["Status"] for r in rows} == {"Done"}
    assert sorted(r["Title"] for r in rows) == sorted(t.split(" · ", 1)[1] for t in _card_titles(at))


def test_a_member_records_progress_and_the_database_holds_it(app, demo_copy: Path) -> None:
    at = app(demo_copy, "decisions", id="3")
    at.session_state[ACTING_KEY] = _person(demo_copy, "Marieke Jansen")
    at.run()
    form = "decision_status_3"
    at.session_state[f"{form}_status"] = "in_progress"
    at.session_state[f"{form}_note"] = "Pilot started with eight agents."
    at.run()
    button(at, "Record status").click().run()
    assert not at.exception
    assert any("new status is recorded" in s.value for s in at.success)
    # The note is emptied (a second click cannot record it twice) and the next step is offered.
    assert at.text_input(key=f"{form}_note").value == ""
    assert at.selectbox(key=f"{form}_status").value == "done"
    ws = _ws(demo_copy)
    latest = decisions.decision_events(ws.db, 3)[-1]
    assert (latest.status, latest.note, latest.version) == (
        "in_progress",
        "Pilot started with eight agents.",
        2,
    )


def test_going_back_without_a_reason_is_refused_beside_the_note(app, demo_copy: Path) -> None:
    at = app(demo_copy, "decisions", id="3")
    at.session_state[ACTING_KEY] = _person(demo_copy, "Marieke Jansen")
    at.session_state["decision_status_3_status"] = "decided"
    at.run()
    button(at, "Record status").click().run()
    assert any("To record progress without a new status" in e.value for e in at.error)
    assert len(decisions.decision_events(_ws(demo_copy).db, 3)) == 1


def test_an_executive_reads_without_any_control_to_change_the_decision(app, demo_copy: Path) -> None:
    at = app(demo_copy, "decisions", id="3")
    at.session_state[ACTING_KEY] = _person(demo_copy, "Hans Dekker")
    at.run()
    labels = [b.label for b in at.button]
    assert "Record status" not in labels and not any(label.startswith("Save as version") for label in labels)
    assert not any(e.label.startswith("Amend this decision") for e in at.expander)
    assert any("Executives and guests read the decision history" in i.value for i in at.info)


def test_a_member_amends_a_decision_and_it_becomes_version_3(app, demo_copy: Path) -> None:
    at = app(demo_copy, "decisions", id="3")
    at.session_state[ACTING_KEY] = _person(demo_copy, "Marieke Jansen")
    at.run()
    form = "decision_amend_3"
    at.session_state[f"{form}_decision_text"] = (
        "All agents of the moving desk handle a move from start to finish."
    )
    at.session_state[f"{form}_change_note"] = "The pilot went well."
    agreed_in = _ws(demo_copy).db.value("SELECT max(id) FROM meeting WHERE status = 'closed'")
    at.session_state[f"{form}_meeting"] = agreed_in
    at.run()
    button(at, "Save as version 3").click().run()
    assert not at.exception
    assert any("Version 3 is recorded" in s.value for s in at.success)
    ws = _ws(demo_copy)
    versions = decisions.decision_versions(ws.db, 3)
    assert [v.version for v in versions] == [1, 2, 3]
    assert versions[-1].text == "All agents of the moving desk handle a move from start to finish."
    assert versions[-1].meeting_id == agreed_in
    assert "starting as a three-month pilot" in versions[1].text  # the earlier version is untouched


def test_an_amendment_made_while_someone_else_amended_says_so_and_keeps_the_text(
    app, demo_copy: Path
) -> None:
    at = app(demo_copy, "decisions", id="3")
    at.session_state[ACTING_KEY] = _person(demo_copy, "Marieke Jansen")
    at.run()
    form = "decision_amend_3"
    mine = "All agents of the moving desk handle a move from start to finish."
    at.session_state[f"{form}_decision_text"] = mine
    at.session_state[f"{form}_change_note"] = "The pilot went well."
    at.run()
    ws = _ws(demo_copy)  # meanwhile, someone else records version 3
    current = decisions.current_version(ws.db, 3)
    other = Amendment(current.title, current.text, current.rationale + " Agreed with IT.", current.owner_department,
                      current.owner_id, current.due_on, "IT agreed.", based_on=2)  # fmt: skip
    amend(ws, people.get_person(ws.db, _person(demo_copy, "Ruben Vermeulen")), 3, other)
    ws.db.close()

    button(at, "Save as version 3").click().run()

    assert "version 3 of this decision was recorded" in plain(at.error[0].value)
    assert at.session_state[f"{form}_decision_text"] == mine  # nothing typed is lost
    assert [v.version for v in decisions.decision_versions(_ws(demo_copy).db, 3)] == [1, 2, 3]
    button(at, "Save as version 4").click().run()  # having seen the other change, save on top of it
    assert any("Version 4 is recorded" in s.value for s in at.success)
    versions = decisions.decision_versions(_ws(demo_copy).db, 3)
    assert versions[-1].text == mine  # what this person changed
    assert versions[-1].rationale.endswith(
        "Agreed with IT."
    )  # and what the other one did, which they left alone


def test_a_decision_about_no_journey_stage_opens(app, demo_copy: Path) -> None:
    """Say one recorded on a point of the chair's own, or on a proposal that named no stage."""
    ws = _ws(demo_copy)
    owner = people.get_person(ws.db, _person(demo_copy, "Marieke Jansen"))
    d = decide(ws, "Answer the chat within a minute", "Chat gets two more agents.", "Customers leave.", owner)
    ws.db.close()
    at = app(demo_copy, "decisions", id=str(d))
    assert not at.exception, [e.value for e in at.exception]
    assert any("Answer the chat within a minute" in h.value for h in [*at.subheader, *at.title, *at.header])
