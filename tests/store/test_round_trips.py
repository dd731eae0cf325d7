"""Every table takes a record and gives the same record back."""

from datetime import UTC, date, datetime

import pandas as pd
import pytest

from council.domain.audit import AuditEntry
from council.domain.decisions import ActionItem, DecisionEvent, DecisionLink, DecisionVersion
from council.domain.errors import Conflict
from council.domain.feedback import VoiceFilter
from council.domain.friction import Blocker, Evidence, FrictionPoint, MissingConnection
from council.domain.meetings import AgendaItem, Meeting, Proposal
from council.domain.people import CouncilTerm, Person
from council.store import audit, blockers, connections, decisions, feedback, friction, links, meetings, people
from council.store import proposals as proposal_store
from council.store.database import Database

WHEN = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    """A person, a guest, a meeting and a friction point to hang other records on."""

    def setup(tx):  # type: ignore[no-untyped-def]
        member = people.add_person(
            tx, Person("Anna de Vries", "service", "anna@example.org", roles=("member",))
        )
        guest = people.add_person(tx, Person("Kees Bakker", None, roles=("guest",), is_external=True))
        meeting = meetings.add_meeting(tx, Meeting("October meeting", WHEN, chair_id=member, guest_id=guest))
        point = friction.add_friction_point(
            tx, FrictionPoint("Bill arrives late", "It comes after the due date.", "billing", 4)
        )
        return {"member": member, "guest": guest, "meeting": meeting, "friction": point}

    return db.write(setup)


def test_person_and_council_term(db: Database, ids: dict[str, int]) -> None:
    person = people.get_person(db, ids["member"])
    assert person == Person(
        "Anna de Vries", "service", "anna@example.org", roles=("member",), id=ids["member"]
    )
    term = CouncilTerm(ids["member"], "service", date(2026, 1, 1), date(2026, 6, 30))
    term_id = db.write(lambda tx: people.add_council_term(tx, term))
    assert people.council_terms(db, ids["member"]) == [CouncilTerm(**{**term.__dict__, "id": term_id})]
    assert people.serving_on(db, date(2026, 3, 1)) == {ids["member"]}
    assert people.serving_on(db, date(2026, 7, 1)) == set()


def test_meeting_and_attendees(db: Database, ids: dict[str, int]) -> None:
    meeting = meetings.get_meeting(db, ids["meeting"])
    assert (meeting.title, meeting.starts_at, meeting.guest_id) == ("October meeting", WHEN, ids["guest"])
    assert meeting.status == "planned"
    db.write(lambda tx: meetings.add_attendees(tx, ids["meeting"], [ids["member"], ids["guest"]]))
    assert meetings.attendees(db, ids["meeting"]) == sorted([ids["member"], ids["guest"]])


def test_friction_point_with_departments_and_evidence(db: Database, ids: dict[str, int]) -> None:
    point = FrictionPoint(
        "Address change needs three calls", "Nobody can do it in one go.", "moving", 3,
        channel="phone", segment="existing", customers_per_month=120, owner_department="service",
        involved_departments=("finance", "it"), created_by=ids["member"],
    )  # fmt: skip
    point_id = db.write(lambda tx: friction.add_friction_point(tx, point))
    stored = friction.get_friction_point(db, point_id)
    assert stored.involved_departments == ("finance", "it")
    assert (stored.title, stored.customers_per_month, stored.status) == (point.title, 120, "open")
    assert stored.created_at is not None and stored.created_at.tzinfo is not None
    quote = Evidence(point_id, "quote", "I called three times.", added_by=ids["member"])
    db.write(lambda tx: friction.add_evidence(tx, quote))
    assert [e.text for e in friction.evidence_for(db, point_id)] == ["I called three times."]


def test_missing_connection_and_blocker_link_to_friction(db: Database, ids: dict[str, int]) -> None:
    connection = MissingConnection("service", "finance", "billing", "Refund request gets lost.", 4)
    blocker = Blocker("Refunds need two signatures", "policy", "finance", "Slow by design.")

    def add(tx):  # type: ignore[no-untyped-def]
        c = connections.add_missing_connection(tx, connection)
        b = blockers.add_blocker(tx, blocker)
        assert links.link(tx, "connection", c, ids["friction"])
        assert links.link(tx, "blocker", b, ids["friction"])
        assert not links.link(tx, "blocker", b, ids["friction"])  # linking twice is harmless
        return c, b

    c, b = db.write(add)
    assert connections.get_missing_connection(db, c).what_breaks == "Refund request gets lost."
    assert blockers.get_blocker(db, b).category == "policy"
    assert list(links.friction_of(db, "connection", c)["id"]) == [ids["friction"]]
    assert list(links.friction_of(db, "blocker", b)["id"]) == [ids["friction"]]
    assert list(links.blockers_of(db, ids["friction"])["id"]) == [b]


def test_a_connection_from_a_department_to_itself_is_refused(db: Database) -> None:
    same = MissingConnection("service", "service", "billing", "Loops back.", 2)
    with pytest.raises(Conflict):
        db.write(lambda tx: connections.add_missing_connection(tx, same))
    assert connections.list_missing_connections(db) == []


def test_agenda_item_and_proposal(db: Database, ids: dict[str, int]) -> None:
    proposal = Proposal(ids["meeting"], ids["guest"], "Call back within a day", "People wait too long.")
    proposal_id = db.write(lambda tx: proposal_store.add_proposal(tx, proposal))
    assert proposal_store.proposal_of(db, ids["meeting"], ids["guest"]).id == proposal_id
    item = AgendaItem(
        ids["meeting"], 1, "proposal", "Guest proposal", proposal_id=proposal_id, time_box_minutes=15
    )
    db.write(lambda tx: meetings.add_agenda_item(tx, item))
    [stored] = meetings.agenda_for(db, ids["meeting"])
    assert (stored.kind, stored.proposal_id, stored.time_box_minutes) == ("proposal", proposal_id, 15)


def test_an_agenda_item_must_reference_what_its_kind_says(db: Database, ids: dict[str, int]) -> None:
    wrong = AgendaItem(ids["meeting"], 1, "friction", "No reference")
    with pytest.raises(Conflict):
        db.write(lambda tx: meetings.add_agenda_item(tx, wrong))


def test_decision_versions_links_events_and_actions(db: Database, ids: dict[str, int]) -> None:
    first = DecisionVersion(0, 1, "Call back within a day", "Service calls back.", "Waiting hurts.", WHEN,
                            meeting_id=ids["meeting"], owner_id=ids["member"], due_on=date(2026, 12, 1))  # fmt: skip

    def decide(tx):  # type: ignore[no-untyped-def]
        decision_id = decisions.record_decision(tx, first)
        decisions.add_decision_link(tx, DecisionLink(decision_id, friction_point_id=ids["friction"]))
        decisions.add_decision_link(tx, DecisionLink(decision_id, journey_stage="billing"))
        decisions.add_decision_event(tx, DecisionEvent(decision_id, "decided", WHEN, ids["member"]))
        decisions.add_action_item(tx, ActionItem(decision_id, "Write the script", ids["member"]))
        return decision_id

    decision_id = db.write(decide)
    amended = DecisionVersion(decision_id, 0, first.title, "Within four hours.", "Even better.", WHEN,
                              change_note="Tightened the promise")  # fmt: skip
    assert db.write(lambda tx: decisions.amend_decision(tx, amended)) == 2
    versions = decisions.decision_versions(db, decision_id)
    assert [v.version for v in versions] == [1, 2]
    assert decisions.current_version(db, decision_id).text == "Within four hours."
    assert versions[1].supersedes == 1
    assert {(link.friction_point_id, link.journey_stage) for link in decisions.decision_links(db, decision_id)} == {
        (ids["friction"], None), (None, "billing")
    }  # fmt: skip
    assert [e.status for e in decisions.decision_events(db, decision_id)] == ["decided"]
    assert [a.what for a in decisions.action_items(db, decision_id)] == ["Write the script"]


def test_an_amendment_needs_a_note_saying_what_changed(db: Database) -> None:
    first = DecisionVersion(0, 1, "T", "Text", "Why", WHEN)
    decision_id = db.write(lambda tx: decisions.record_decision(tx, first))
    silent = DecisionVersion(decision_id, 0, "T", "Other text", "Why", WHEN)
    with pytest.raises(Conflict):
        db.write(lambda tx: decisions.amend_decision(tx, silent))
    assert len(decisions.decision_versions(db, decision_id)) == 1


def test_feedback_rows_and_audit_entries(db: Database) -> None:
    rows = pd.DataFrame(
        [
            {
                "received_at": WHEN,
                "score": 10,
                "journey_stage": "billing",
                "comment": "Great",
                "source": "survey",
            },
            {"received_at": WHEN, "score": 3, "journey_stage": "billing", "comment": "", "source": "survey"},
            {"received_at": WHEN, "score": 5, "scale": "csat", "source": "shop"},
        ]
    )
    assert db.write(lambda tx: feedback.add_feedback_rows(tx, rows)) == 3
    assert feedback.feedback_count(db) == 3
    nps = feedback.nps_since(db, datetime(2026, 1, 1, tzinfo=UTC))
    assert (nps.responses, nps.promoters, nps.detractors, nps.nps) == (2, 1, 1, 0.0)
    assert [c.comment for c in feedback.comments(db, VoiceFilter(period="all"), None, "UTC", 20, 0)] == [
        "Great"
    ]

    entry = AuditEntry("create", "friction_point", "7", person_id=1, details={"title": "Bill late"})
    db.write(lambda tx: audit.append_audit(tx, entry))
    [stored] = audit.audit_entries(db)
    assert (stored.action, stored.entity_id, stored.details) == ("create", "7", {"title": "Bill late"})


def test_a_score_outside_its_scale_is_refused(db: Database) -> None:
    rows = pd.DataFrame([{"received_at": WHEN, "score": 11, "source": "survey"}])
    with pytest.raises(Conflict):
        db.write(lambda tx: feedback.add_feedback_rows(tx, rows))
    assert feedback.feedback_count(db) == 0
