"""Hostile input in every free-text field: HTML, a script, a Markdown link to `javascript:`, a NUL
byte, a right-to-left override, SQL fragments and text as long as the field allows are stored exactly
as typed; one character more is refused with a message that names the limit, and nothing is written.
Searching for such text finds it and breaks nothing. (That pages show it as text is in
tests/ui/test_hostile_text.py.)"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import pytest

from council.domain.checks import MAX_TEXT, MAX_TITLE
from council.domain.decisions import ActionDraft, Amendment, DecisionDraft, StatusChange
from council.domain.errors import ValidationError
from council.domain.filters import DecisionFilter, FrictionFilter
from council.domain.friction import Blocker, Evidence, FrictionPoint, MissingConnection
from council.domain.meetings import Meeting, Proposal
from council.domain.people import Person
from council.services import (
    agenda,
    blockers,
    connections,
    decisions,
    feedback_import,
    friction,
    meeting_mode,
    meetings,
    proposals,
    roster,
    self_check,
)
from council.services.feedback_file import prepare_path
from council.services.workspace import Workspace, open_workspace
from council.store import decisions as decision_store
from council.store import meetings as meeting_store
from tests.conftest import DEMO_CONFIG
from tests.services.scene import Setting, council_at_work

HOSTILE = {
    "html": '<b>bold</b> <img src=x onerror="alert(1)"> <iframe src="https://evil.example"></iframe>',
    "script": "<script>alert('stolen: ' + document.cookie)</script>",
    "javascript link": "[Open the report](javascript:alert(document.cookie)) <javascript:alert(2)>",
    "nul byte": "before\x00after",
    "right-to-left override": "invoice\u202efdp.exe and \u202bembedded\u202c text",
    "sql": "Robert'); DROP TABLE friction_point;-- ' OR '1'='1",
    "markdown": "# Not a heading **not bold** `not code` | not | a table | ~~not struck~~ $x$ :red[not red]",
}


def _as_typed(text: str) -> Callable[[int], str]:
    return lambda limit: text


def _long(extra: int) -> Callable[[int], str]:
    """Text exactly as long as a field allows (plus `extra`), with words, accents and line breaks."""
    words = "Klant wacht één week op terugbelverzoek;\nniemand voelt zich eigenaar. "
    return lambda limit: (words * (limit // len(words) + 1))[: limit + extra - 1] + "!"


@dataclass(frozen=True)
class Stored:
    """Where one field's text went: the query that reads it back, and the field's length limit."""

    field: str
    query: str
    params: list
    limit: int


# Each writer fills the free-text fields of one use case with `text(limit)` and says where they went.
Writer = Callable[[Workspace, Setting, Callable[[int], str]], list[Stored]]


def _friction(ws: Workspace, s: Setting, text) -> list[Stored]:
    member = s.actors["member"]
    fid = friction.log_friction_point(
        ws, member, FrictionPoint(text(MAX_TITLE), text(MAX_TEXT), "billing", 3)
    )
    eid = friction.add_evidence(ws, member, Evidence(fid, "quote", text=text(MAX_TEXT)))
    return [
        Stored("friction title", "SELECT title FROM friction_point WHERE id = ?", [fid], MAX_TITLE),
        Stored(
            "friction description", "SELECT description FROM friction_point WHERE id = ?", [fid], MAX_TEXT
        ),
        Stored("evidence", "SELECT text FROM evidence WHERE id = ?", [eid], MAX_TEXT),
    ]


def _connection(ws: Workspace, s: Setting, text) -> list[Stored]:
    draft = MissingConnection("sales", "service", "switching", text(MAX_TEXT), 3)
    cid = connections.log_missing_connection(ws, s.actors["member"], draft)
    return [Stored("what breaks", "SELECT what_breaks FROM missing_connection WHERE id = ?", [cid], MAX_TEXT)]


def _blocker(ws: Workspace, s: Setting, text) -> list[Stored]:
    bid = blockers.log_blocker(
        ws, s.actors["member"], Blocker(text(MAX_TITLE), "policy", "finance", text(MAX_TEXT))
    )
    return [
        Stored("blocker title", "SELECT title FROM blocker WHERE id = ?", [bid], MAX_TITLE),
        Stored("blocker description", "SELECT description FROM blocker WHERE id = ?", [bid], MAX_TEXT),
    ]


def _agenda_point(ws: Workspace, s: Setting, text) -> list[Stored]:
    item = agenda.add_other(ws, s.coming_chair, s.coming.id, text(MAX_TITLE), 10)
    return [Stored("agenda point", "SELECT title FROM agenda_item WHERE id = ?", [item], MAX_TITLE)]


def _meeting(ws: Workspace, s: Setting, text) -> list[Stored]:
    draft = Meeting(text(MAX_TITLE), s.coming.starts_at + timedelta(weeks=30), location=text(500))
    mid = meetings.plan_meeting(ws, s.actors["secretary"], draft)
    return [
        Stored("meeting title", "SELECT title FROM meeting WHERE id = ?", [mid], MAX_TITLE),
        Stored("meeting place", "SELECT location FROM meeting WHERE id = ?", [mid], 500),
    ]


def _minutes(ws: Workspace, s: Setting, text) -> list[Stored]:
    meeting_mode.save_minutes(ws, s.actors["chair"], s.running.id, text(50_000))
    return [Stored("minutes", "SELECT minutes FROM meeting WHERE id = ?", [s.running.id], 50_000)]


def _decision(ws: Workspace, s: Setting, text) -> list[Stored]:
    item = meeting_store.agenda_for(ws.db, s.running.id)[1]
    due = s.running.starts_at.astimezone(ws.zone).date() + timedelta(weeks=4)
    draft = DecisionDraft(
        text(MAX_TITLE), text(MAX_TEXT), text(MAX_TEXT), "service", s.actors["member"].id, due
    )
    did = meeting_mode.record_outcome(ws, s.actors["chair"], item.id, text(MAX_TEXT), "decided", draft)
    version = "SELECT {} FROM decision WHERE decision_id = ? AND version = 1"
    return [
        Stored("outcome notes", "SELECT notes FROM agenda_item WHERE id = ?", [item.id], MAX_TEXT),
        Stored("decision title", version.format("title"), [did], MAX_TITLE),
        Stored("what was decided", version.format("text"), [did], MAX_TEXT),
        Stored("why", version.format("rationale"), [did], MAX_TEXT),
    ]


def _action(ws: Workspace, s: Setting, text) -> list[Stored]:
    due = s.running.starts_at.date() + timedelta(days=14)
    aid = meeting_mode.add_action(
        ws, s.actors["chair"], s.decision_id, ActionDraft(text(2 * MAX_TITLE), s.actors["member"].id, due)
    )
    return [Stored("action", "SELECT what FROM action_item WHERE id = ?", [aid], 2 * MAX_TITLE)]


def _follow_up(ws: Workspace, s: Setting, text) -> list[Stored]:
    eid = decisions.follow_up(
        ws, s.actors["member"], s.decision_id, StatusChange("in_progress", text(MAX_TEXT))
    )
    return [Stored("status note", "SELECT note FROM decision_event WHERE id = ?", [eid], MAX_TEXT)]


def _amendment(ws: Workspace, s: Setting, text) -> list[Stored]:
    v = decision_store.current_version(ws.db, s.decision_id)
    change = Amendment(
        v.title,
        v.text + " Also on Saturdays.",
        v.rationale,
        v.owner_department,
        v.owner_id,
        v.due_on,
        text(MAX_TEXT),
    )
    version = decisions.amend(ws, s.actors["member"], s.decision_id, change)
    query = "SELECT change_note FROM decision WHERE decision_id = ? AND version = ?"
    return [Stored("what changed and why", query, [s.decision_id, version], MAX_TEXT)]


def _proposal(ws: Workspace, s: Setting, text) -> list[Stored]:
    draft = Proposal(0, 0, text(3 * MAX_TITLE), text(MAX_TEXT), "billing", text(MAX_TEXT))
    pid = proposals.submit_proposal(ws, s.actors["guest"], s.coming.id, draft)
    return [
        Stored("proposed change", "SELECT change FROM proposal WHERE id = ?", [pid], 3 * MAX_TITLE),
        Stored("why it matters", "SELECT why FROM proposal WHERE id = ?", [pid], MAX_TEXT),
        Stored(
            "what customers notice", "SELECT customer_notices FROM proposal WHERE id = ?", [pid], MAX_TEXT
        ),
    ]


def _self_check(ws: Workspace, s: Setting, text) -> list[Stored]:
    member = s.actors["member"]
    self_check.save_answers(ws, member, s.running.id, {"know_customers": (3, text(1_000))})
    query = "SELECT note FROM self_check_answer WHERE meeting_id = ? AND person_id = ?"
    return [Stored("self-check note", query, [s.running.id, member.id], 1_000)]


def _person(ws: Workspace, s: Setting, text) -> list[Stored]:
    draft = Person(
        text(200), "sales", email="new.person@example.org", role_title=text(200), roles=("member",)
    )
    pid = roster.add_person(ws, s.actors["secretary"], draft)
    return [
        Stored("name", "SELECT name FROM person WHERE id = ?", [pid], 200),
        Stored("job title", "SELECT role_title FROM person WHERE id = ?", [pid], 200),
    ]


def _feedback(ws: Workspace, s: Setting, text) -> list[Stored]:
    """A customer's comment in an imported file (quoted as a spreadsheet program writes it)."""
    comment = text(MAX_TEXT).replace('"', '""')
    s.csv.write_text(f'Date;Score;Comment\n2026-11-02;3;"{comment}"\n', encoding="utf-8")
    work = s.csv.parent / "work"
    work.mkdir(exist_ok=True)
    file = prepare_path(s.csv, work)
    profile = feedback_import.suggest(ws, file, feedback_import.layout(ws, file), "Survey")
    feedback_import.import_file(ws, s.actors["secretary"], file, profile)
    query = "SELECT comment FROM feedback WHERE source = 'Survey'"
    return [Stored("customer's comment", query, [], MAX_TEXT)]


WRITERS: dict[str, Writer] = {
    "friction point": _friction, "missing connection": _connection, "blocker": _blocker,
    "agenda point": _agenda_point, "meeting": _meeting, "minutes": _minutes, "decision": _decision,
    "action": _action, "follow-up": _follow_up, "amendment": _amendment, "proposal": _proposal,
    "self-check": _self_check, "person": _person, "imported feedback": _feedback,
}  # fmt: skip


@pytest.fixture(scope="module")
def scene_file(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Setting]:
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "scene.duckdb"
    shutil.copy(demo_file, path)
    ws = open_workspace(DEMO_CONFIG, path, demo=False)
    scene = council_at_work(ws, folder)
    ws.db.checkpoint()
    ws.db.close()
    return path, scene


@pytest.fixture
def scene(scene_file: tuple[Path, Setting], tmp_path: Path):
    path, setting = scene_file
    copy = tmp_path / "scene.duckdb"
    shutil.copy(path, copy)
    ws = open_workspace(DEMO_CONFIG, copy, demo=False)
    yield ws, replace(setting, csv=tmp_path / "feedback.csv")
    ws.db.close()


@pytest.mark.parametrize("kind", [*HOSTILE, "as long as allowed"])
def test_every_free_text_field_keeps_hostile_text_exactly_as_typed(scene, kind: str) -> None:
    ws, s = scene
    text = _long(0) if kind == "as long as allowed" else _as_typed(HOSTILE[kind])
    # A file with a NUL byte is not text; its import is refused (see the test below).
    writers = [w for name, w in WRITERS.items() if not (kind == "nul byte" and name == "imported feedback")]
    stored = [place for write in writers for place in write(ws, s, text)]
    assert len(stored) == 24 - (kind == "nul byte")
    for place in stored:
        assert ws.db.value(place.query, place.params) == text(place.limit), place.field


@pytest.mark.parametrize("writer", [w for name, w in WRITERS.items() if name != "imported feedback"],
                         ids=[name for name in WRITERS if name != "imported feedback"])  # fmt: skip
def test_one_character_too_many_is_refused_naming_the_limit_and_nothing_is_written(
    scene, nothing_written, writer: Writer
) -> None:
    ws, s = scene
    with nothing_written(ws), pytest.raises(ValidationError, match=r"keep (it|them) under [\d,]+"):
        writer(ws, s, _long(1))


def test_a_feedback_file_with_a_nul_byte_is_refused_as_not_text_and_nothing_is_imported(
    scene, nothing_written
) -> None:
    ws, s = scene
    with nothing_written(ws), pytest.raises(ValidationError, match="is not a text file"):
        _feedback(ws, s, _as_typed(HOSTILE["nul byte"]))


@pytest.mark.parametrize("kind", ["sql", "markdown", "script"])
def test_searching_for_hostile_text_finds_it_and_breaks_nothing(scene, kind: str) -> None:
    ws, s = scene
    text = HOSTILE[kind]
    fid = friction.log_friction_point(
        ws, s.actors["member"], FrictionPoint(f"Bills {text}", "", "billing", 3)
    )
    found, _ = friction.find_friction(ws, FrictionFilter(search=text))
    assert fid in set(found["id"])
    _decision(ws, s, _as_typed(f"Refunds {text}"))
    history = decisions.decision_history(ws, DecisionFilter(search=text))
    assert [d.title for d in history.decisions] == [f"Refunds {text}"]
    assert ws.db.value("SELECT count(*) FROM friction_point") > 1  # nothing was dropped
