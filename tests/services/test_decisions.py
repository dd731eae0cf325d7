"""The decision history: versions, follow-up, search and filters, as executives and members use them."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from council.domain.decisions import Amendment, StatusChange
from council.domain.errors import NotAllowed, NotFound, StaleVersion, ValidationError
from council.domain.filters import DecisionFilter
from council.domain.people import Person
from council.services import decisions as service
from council.services.workspace import Workspace
from council.store import decision_search, decisions
from tests.services.conftest import add_person, decide

DECISION_TABLES = ("decision", "decision_event", "decision_link", "action_item", "audit_log")


def _sizes(ws: Workspace) -> dict[str, int]:
    return {t: ws.db.value(f"SELECT count(*) FROM {t}") for t in DECISION_TABLES}


@pytest.fixture
def council(empty: Workspace) -> tuple[Workspace, Person, Person, Person]:
    """An empty workspace with a member, an executive and a guest."""
    return (
        empty,
        add_person(empty, "Marieke Jansen", "member"),
        add_person(empty, "Hans Bakker", "executive", department="sales"),
        add_person(empty, "Sam de Groot", "guest", department="it"),
    )


def _amendment(ws: Workspace, decision_id: int, **changes: object) -> Amendment:
    v = decisions.current_version(ws.db, decision_id)
    fields = dict(title=v.title, text=v.text, rationale=v.rationale, owner_department=v.owner_department,
                  owner_id=v.owner_id, due_on=v.due_on, change_note="")  # fmt: skip
    return Amendment(**(fields | changes))


def test_amending_twice_keeps_all_three_versions_and_the_latest_is_current(council) -> None:
    ws, member, _, _ = council
    d = decide(ws, "Callback within a day", "Every missed call gets a callback.", "Customers wait.", member)

    assert service.amend(ws, member, d, _amendment(ws, d, text="Every missed call gets a callback the same day.",
                                                   change_note="Same day is what customers expect.")) == 2  # fmt: skip
    later = ws.today() + timedelta(days=60)
    assert (
        service.amend(ws, member, d, _amendment(ws, d, due_on=later, change_note="Hiring takes longer.")) == 3
    )

    detail = service.decision_detail(ws, d)
    texts = [v.version.text for v in detail.versions]
    assert texts == ["Every missed call gets a callback.", "Every missed call gets a callback the same day.",
                     "Every missed call gets a callback the same day."]  # fmt: skip
    assert [v.version.version for v in detail.versions] == [1, 2, 3]
    assert detail.versions[0].changes == []
    assert [c.label for c in detail.versions[1].changes] == ["What was decided"]
    assert [(c.label, c.after) for c in detail.versions[2].changes] == [("Due date", later)]
    assert [v.version.change_note for v in detail.versions] == [
        "", "Same day is what customers expect.", "Hiring takes longer."
    ]  # fmt: skip
    assert detail.versions[2].by == "Marieke Jansen"
    assert (detail.summary.version, detail.summary.due_on) == (3, later)
    assert detail.summary.text == "Every missed call gets a callback the same day."
    audit = ws.db.rows("SELECT action FROM audit_log WHERE entity = 'decision' ORDER BY id")
    assert audit == [("amend",), ("amend",)]


def test_an_amendment_to_a_version_someone_else_has_replaced_is_refused_saying_so(council) -> None:
    ws, member, _, _ = council
    other = add_person(ws, "Anna de Vries", "member")
    d = decide(ws, "Callback within a day", "Every missed call gets a callback.", "Customers wait.", member)
    mine = _amendment(ws, d, text="Every missed call gets a callback the same day.", change_note="Faster.",
                      based_on=1)  # fmt: skip
    theirs = _amendment(ws, d, rationale="Customers wait and then complain.", change_note="Why, sharper.",
                        based_on=1)  # fmt: skip
    assert service.amend(ws, other, d, theirs) == 2
    before = _sizes(ws)

    with pytest.raises(
        StaleVersion, match=r"version 2 of this decision was recorded .* by Anna de Vries"
    ) as e:
        service.amend(ws, member, d, mine)

    assert e.value.current_version == 2 and _sizes(ws) == before
    assert (
        service.amend(ws, member, d, replace(mine, based_on=2)) == 3
    )  # after seeing theirs, mine goes on top


def test_a_decision_about_no_journey_stage_has_an_empty_list_of_stages(council) -> None:
    ws, member, _, _ = council
    d = decide(ws, "Callback within a day", "Every missed call gets a callback.", "Customers wait.", member)
    assert service.decision_detail(ws, d).summary.stages == ()


def test_an_amendment_that_changes_nothing_or_comes_from_an_executive_writes_nothing(council) -> None:
    ws, member, executive, _ = council
    d = decide(ws, "Callback within a day", "Every missed call gets a callback.", "Customers wait.", member)
    before = _sizes(ws)
    with pytest.raises(ValidationError, match="Nothing in the decision changed"):
        service.amend(ws, member, d, _amendment(ws, d, change_note="No real change."))
    with pytest.raises(NotAllowed, match="Only the council's members amend"):
        service.amend(ws, executive, d, _amendment(ws, d, text="Something else.", change_note="Why not."))
    with pytest.raises(NotFound):
        service.amend(ws, member, 999, _amendment(ws, d, text="Something else.", change_note="Why not."))
    assert _sizes(ws) == before


def test_status_events_come_in_order_with_who_and_a_note(council) -> None:
    ws, member, _, _ = council
    d = decide(ws, "Callback within a day", "Every missed call gets a callback.", "Customers wait.", member)

    service.follow_up(ws, member, d, StatusChange("in_progress", "Two agents hired."))
    service.follow_up(ws, member, d, StatusChange("done"))
    before = _sizes(ws)
    with pytest.raises(ValidationError, match="back to decided needs a reason"):
        service.follow_up(ws, member, d, StatusChange("decided"))
    assert _sizes(ws) == before
    service.follow_up(ws, member, d, StatusChange("in_progress", "Callbacks slipped to two days again."))

    events = service.decision_detail(ws, d).events
    assert [(e.status, e.by, e.note) for e in events] == [
        ("decided", "Marieke Jansen", ""),
        ("in_progress", "Marieke Jansen", "Two agents hired."),
        ("done", "Marieke Jansen", ""),
        ("in_progress", "Marieke Jansen", "Callbacks slipped to two days again."),
    ]
    assert [e.happened_at for e in events] == sorted(e.happened_at for e in events)
    assert service.decision_detail(ws, d).summary.status == "in_progress"


def test_executives_and_guests_cannot_change_a_status_but_an_owner_can(council) -> None:
    ws, member, executive, guest = council
    d = decide(ws, "Callback within a day", "Every missed call gets a callback.", "Customers wait.", member)
    owned = decide(ws, "Sales calls back too", "Sales returns every missed call.", "Same problem.", executive)
    before = _sizes(ws)
    for who in (executive, guest, None):
        with pytest.raises(NotAllowed, match="Only the decision's owner and the council's members"):
            service.follow_up(ws, who, d, StatusChange("done"))
    assert _sizes(ws) == before
    assert not service.may_change(executive, service.decision_detail(ws, d).summary)

    service.follow_up(ws, executive, owned, StatusChange("in_progress", "Sales team briefed."))
    assert service.decision_detail(ws, owned).summary.status == "in_progress"


@pytest.fixture
def history(council):
    """Three decisions with different words, owners, departments, stages, ages and statuses."""
    ws, member, _, _ = council
    other = add_person(ws, "Priya Ramdin", "member", department="it")
    ids = {
        "callback": decide(ws, "Callback within a day", "Every missed call gets a callback.",
                            "Customers wait for hours on hold.", member, days_ago=10, stage="support"),
        "meter": decide(ws, "Meter readings by photo", "Customers send a photo of their meter.",
                         "Typing errors cause wrong bills.", other, days_ago=200, department="it",
                         due_in=-20, stage="usage"),
        "bill": decide(ws, "One clear bill", "The yearly bill fits on one page.",
                        "Customers call about bills they cannot read.", other, days_ago=400,
                        department="finance", stage="billing"),
    }  # fmt: skip
    service.follow_up(ws, member, ids["bill"], StatusChange("done", "Live since spring."))
    return ws, ids, member, other


def _titles(ws: Workspace, flt: DecisionFilter, sort: str = "newest") -> list[str]:
    return [
        d.title for d in service.decision_history(ws, replace(flt, zone=ws.config.time_zone), sort).decisions
    ]


def test_search_finds_a_decision_by_a_word_of_its_rationale(history) -> None:
    ws, *_ = history
    assert _titles(ws, DecisionFilter(search="HOLD")) == ["Callback within a day"]
    assert _titles(ws, DecisionFilter(search="bills CANNOT")) == ["One clear bill"]  # every word must occur
    assert _titles(ws, DecisionFilter(search="photo")) == ["Meter readings by photo"]
    assert _titles(ws, DecisionFilter(search="nothing like this")) == []


def test_search_words_are_taken_literally(council) -> None:
    ws, member, _, _ = council
    decide(ws, "Half price for 50% of the year", "Discount_code ÉTÉ for movers.", "C:\\bills\\late.", member)
    decide(ws, "Half price for 50 days", "Discount code for movers.", "Plain.", member)
    assert _titles(ws, DecisionFilter(search="50%")) == ["Half price for 50% of the year"]
    assert _titles(ws, DecisionFilter(search="discount_code")) == ["Half price for 50% of the year"]
    assert _titles(ws, DecisionFilter(search="été")) == [
        "Half price for 50% of the year"
    ]  # any case, accents too
    assert _titles(ws, DecisionFilter(search="c:\\bills")) == ["Half price for 50% of the year"]
    assert _titles(ws, DecisionFilter(search="%")) == ["Half price for 50% of the year"]
    assert _titles(ws, DecisionFilter(search="_")) == ["Half price for 50% of the year"]


def test_filters_narrow_the_history(history) -> None:
    ws, _, member, _ = history
    assert _titles(ws, DecisionFilter()) == [
        "Callback within a day",
        "Meter readings by photo",
        "One clear bill",
    ]
    assert _titles(ws, DecisionFilter(departments=("it", "finance"))) == [
        "Meter readings by photo",
        "One clear bill",
    ]
    assert _titles(ws, DecisionFilter(owners=(member.id,))) == ["Callback within a day"]
    assert _titles(ws, DecisionFilter(stages=("usage",))) == ["Meter readings by photo"]
    assert _titles(ws, DecisionFilter(statuses=("done",))) == ["One clear bill"]
    assert _titles(ws, DecisionFilter(overdue_only=True)) == ["Meter readings by photo"]
    today = ws.today()
    assert _titles(ws, DecisionFilter(decided_from=today - timedelta(days=200), decided_to=today)) == [
        "Callback within a day", "Meter readings by photo"
    ]  # fmt: skip
    assert _titles(ws, DecisionFilter(decided_to=today - timedelta(days=201))) == ["One clear bill"]
    assert _titles(ws, DecisionFilter(search="customers", departments=("service",))) == [
        "Callback within a day"
    ]


def test_sorting_by_due_date_puts_the_soonest_first(history) -> None:
    ws, *_ = history
    assert _titles(ws, DecisionFilter(), "due") == [
        "Meter readings by photo",
        "Callback within a day",
        "One clear bill",
    ]
    assert _titles(ws, DecisionFilter(), "oldest") == [
        "One clear bill",
        "Meter readings by photo",
        "Callback within a day",
    ]


def test_counts_and_months_follow_the_filters(history) -> None:
    ws, *_ = history
    found = service.decision_history(ws, DecisionFilter(zone=ws.config.time_zone))
    assert found.counts == {"decided": 2, "done": 1, "all": 3, "overdue": 1}
    assert found.per_month["decisions"].sum() == 3
    narrowed = service.decision_history(ws, DecisionFilter(statuses=("done",), zone=ws.config.time_zone))
    assert narrowed.counts["all"] == 1
    assert narrowed.per_month[["status", "decisions"]].values.tolist() == [["done", 1]]


def test_a_long_history_comes_in_pages(council) -> None:
    ws, member, _, _ = council
    for n in range(service.PER_PAGE + 5):
        decide(ws, f"Decision {n}", "Text.", "Reason.", member, days_ago=n + 1)
    first = service.decision_history(ws, DecisionFilter())
    last = service.decision_history(ws, DecisionFilter(), page=9)  # beyond the end: the last page
    assert (first.pages, len(first.decisions), first.decisions[0].title) == (
        2,
        service.PER_PAGE,
        "Decision 0",
    )
    assert (last.page, len(last.decisions), last.decisions[-1].title) == (
        2,
        5,
        f"Decision {service.PER_PAGE + 4}",
    )


def test_a_page_of_decisions_comes_with_how_many_match_in_all(council) -> None:
    ws, member, _, _ = council
    for n in range(7):
        decide(ws, f"Decision {n}", "Text.", "Reason.", member, days_ago=n + 1)
    mine = DecisionFilter(owners=(member.id,))
    found, total = decision_search.find_and_count_decisions(ws.db, mine, ws.today(), limit=3)
    assert [d.title for d in found] == ["Decision 0", "Decision 1", "Decision 2"] and total == 7
    beyond = decision_search.find_and_count_decisions(ws.db, mine, ws.today(), limit=3, offset=9)
    assert beyond == ([], 7)
    assert decision_search.find_and_count_decisions(ws.db, DecisionFilter(owners=(-1,)), ws.today()) == (
        [],
        0,
    )


def test_the_detail_names_what_a_demo_decision_came_from(demo_to_read: Workspace) -> None:
    ws = demo_to_read
    amended = ws.db.value("SELECT decision_id FROM decision WHERE version = 2 ORDER BY 1 LIMIT 1")
    detail = service.decision_detail(ws, amended)
    assert len(detail.versions) == 2 and detail.versions[1].changes
    assert {s.kind for s in detail.sources} <= {"friction", "connection", "blocker", "proposal"}
    assert detail.sources and all(s.title for s in detail.sources)
    assert detail.events[0].status == "decided"
    assert detail.actions
    with pytest.raises(NotFound, match="no decision #9999"):
        service.decision_detail(ws, 9999)


def test_meetings_to_filter_on_read_differently_and_are_numbered_only_when_titles_repeat(
    demo_to_read: Workspace,
) -> None:
    labels = list(service.filter_choices(demo_to_read).meetings.values())
    assert labels and len(set(labels)) == len(labels)
    assert not any("(#" in label for label in labels)
    assert service._meeting_labels([(1, "Council"), (2, "Council"), (3, "Other")]) == {
        1: "Council (#1)", 2: "Council (#2)", 3: "Other"
    }  # fmt: skip
