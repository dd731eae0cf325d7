"""Hostile text for the tests, and a writer for every use case that takes free text: each fills its
fields with the text given and says where it went."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from council.domain.checks import MAX_TEXT, MAX_TITLE
from council.domain.decisions import ActionDraft, DecisionDraft, StatusChange
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
    meeting_outcomes,
    meetings,
    proposals,
    roster,
    self_check,
)
from council.services.feedback_file import prepare_path
from council.services.workspace import Workspace
from council.store import meetings as meeting_store
from tests.services.scene import Setting, amendment

HOSTILE = {
    "html": '<b>bold</b> <img src=x onerror="alert(1)"> <iframe src="https://evil.example"></iframe>',
    "script": "<script>alert('stolen: ' + document.cookie)</script>",
    "javascript link": "[Open the report](javascript:alert(document.cookie)) <javascript:alert(2)>",
    "nul byte": "before\x00after",
    "right-to-left override": "invoice\u202efdp.exe and \u202bembedded\u202c text",
    "sql": "Robert'); DROP TABLE friction_point;-- ' OR '1'='1",
    "markdown": "# Not a heading **not bold** `not code` | not | a table | ~~not struck~~ $x$ :red[not red]",
}


def as_typed(text: str) -> Callable[[int], str]:
    return lambda limit: text


def long_text(extra: int) -> Callable[[int], str]:
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


def decision(ws: Workspace, s: Setting, text) -> list[Stored]:
    item = meeting_store.agenda_for(ws.db, s.running.id)[1]
    due = s.running.starts_at.astimezone(ws.zone).date() + timedelta(weeks=4)
    draft = DecisionDraft(
        text(MAX_TITLE), text(MAX_TEXT), text(MAX_TEXT), "service", s.actors["member"].id, due
    )
    did = meeting_outcomes.record_outcome(ws, s.actors["chair"], item.id, text(MAX_TEXT), "decided", draft)
    version = "SELECT {} FROM decision WHERE decision_id = ? AND version = 1"
    return [
        Stored("outcome notes", "SELECT notes FROM agenda_item WHERE id = ?", [item.id], MAX_TEXT),
        Stored("decision title", version.format("title"), [did], MAX_TITLE),
        Stored("what was decided", version.format("text"), [did], MAX_TEXT),
        Stored("why", version.format("rationale"), [did], MAX_TEXT),
    ]


def _action(ws: Workspace, s: Setting, text) -> list[Stored]:
    due = s.running.starts_at.date() + timedelta(days=14)
    aid = meeting_outcomes.add_action(
        ws, s.actors["chair"], s.decision_id, ActionDraft(text(2 * MAX_TITLE), s.actors["member"].id, due)
    )
    return [Stored("action", "SELECT what FROM action_item WHERE id = ?", [aid], 2 * MAX_TITLE)]


def _follow_up(ws: Workspace, s: Setting, text) -> list[Stored]:
    eid = decisions.follow_up(
        ws, s.actors["member"], s.decision_id, StatusChange("in_progress", text(MAX_TEXT))
    )
    return [Stored("status note", "SELECT note FROM decision_event WHERE id = ?", [eid], MAX_TEXT)]


def _amendment(ws: Workspace, s: Setting, text) -> list[Stored]:
    change = amendment(ws, s.decision_id, text(MAX_TEXT))
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


def feedback(ws: Workspace, s: Setting, text) -> list[Stored]:
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
    "agenda point": _agenda_point, "meeting": _meeting, "minutes": _minutes, "decision": decision,
    "action": _action, "follow-up": _follow_up, "amendment": _amendment, "proposal": _proposal,
    "self-check": _self_check, "person": _person, "imported feedback": feedback,
}  # fmt: skip
