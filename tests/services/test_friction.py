"""Friction point use cases: logging with checks, editing with an audit trail, finding, duplicates."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pandas as pd
import pytest

from council.domain.errors import NotFound, ValidationError
from council.domain.filters import FrictionFilter
from council.domain.friction import Evidence, EvidenceDraft, FrictionPoint
from council.domain.people import Person
from council.domain.priority import priority_score
from council.services import friction as service
from council.services.history import history_of
from council.services.workspace import Workspace
from council.store import audit
from council.store import friction as store
from tests.services.conftest import MEMBER

DRAFT = FrictionPoint(
    title="The engineer came without the new meter",
    description="A second visit is needed, so the customer stays home twice.",
    journey_stage="switching",
    severity=4,
    channel="field",
    segment="new",
    customers_per_month=80,
    owner_department="logistics",
    involved_departments=("it",),
)
NASTY = "<script>alert(1)</script> **bold** [x](javascript:alert(1))"
ANNUAL_STATEMENT = "My annual statement is wrong and says I owe 640 euros"
OPEN = ("open", "on_agenda", "decided")


def id_of(ws: Workspace, title: str) -> int:
    return ws.db.value("SELECT id FROM friction_point WHERE title = ?", [title])


def points(ws: Workspace) -> list[FrictionPoint]:
    return store.list_friction_points(ws.db)


def found_ids(ws: Workspace, flt: FrictionFilter, sort: str = "priority") -> set[int]:
    frame, total = service.find_friction(ws, flt, sort)
    assert total == len(frame)
    return set(frame["id"])


# Bad input ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "  \n\t "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"description": "y" * 10_001}, "description"),
        ({"journey_stage": "teleportation"}, "journey_stage"),
        ({"owner_department": "legal"}, "owner_department"),
        ({"involved_departments": ("it", "legal")}, "involved_departments"),
        ({"channel": "pigeon"}, "channel"),
        ({"segment": "aliens"}, "segment"),
        ({"severity": 0}, "severity"),
        ({"severity": 6}, "severity"),
        ({"customers_per_month": -1}, "customers_per_month"),
        ({"status": "forgotten"}, "status"),
    ],
    ids=lambda v: repr(v)[:40] if isinstance(v, dict) else v,
)
def test_a_friction_point_with_bad_input_is_refused_and_nothing_is_written(
    empty_to_refuse: Workspace, nothing_written, change: dict, field: str
) -> None:
    with nothing_written(empty_to_refuse), pytest.raises(ValidationError) as refused:
        service.log_friction_point(
            empty_to_refuse, MEMBER, replace(DRAFT, **change), EvidenceDraft(quote="It hurts.")
        )
    assert refused.value.field == field


def test_the_longest_allowed_title_and_description_and_the_extreme_severities_are_accepted(
    empty: Workspace,
) -> None:
    for severity in (1, 5):
        draft = replace(DRAFT, title="x" * 200, description="y" * 10_000, severity=severity,
                        customers_per_month=0)  # fmt: skip
        stored = service.get(empty, service.log_friction_point(empty, MEMBER, draft))
        assert (len(stored.title), len(stored.description), stored.severity) == (200, 10_000, severity)


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "JavaScript:alert(1)", "  javascript:alert(1)", "file:///etc/passwd"]
)
def test_a_friction_point_with_a_link_that_is_not_a_web_address_is_refused_whole(
    empty_to_refuse: Workspace, nothing_written, link: str
) -> None:
    with nothing_written(empty_to_refuse), pytest.raises(ValidationError) as refused:
        service.log_friction_point(
            empty_to_refuse, MEMBER, DRAFT, EvidenceDraft(quote="It hurts.", link=link)
        )
    assert refused.value.field == "link"


def test_evidence_with_a_javascript_link_is_refused(empty: Workspace, nothing_written) -> None:
    friction_id = service.log_friction_point(empty, MEMBER, DRAFT)
    with nothing_written(empty), pytest.raises(ValidationError) as refused:
        service.add_evidence(empty, MEMBER, Evidence(friction_id, "link", url="javascript:alert(1)"))
    assert refused.value.field == "url"


def test_a_negative_number_of_complaints_is_refused(empty_to_refuse: Workspace, nothing_written) -> None:
    with nothing_written(empty_to_refuse), pytest.raises(ValidationError) as refused:
        service.log_friction_point(empty_to_refuse, MEMBER, DRAFT, EvidenceDraft(complaints=-3))
    assert refused.value.field == "complaints"


def test_evidence_for_a_friction_point_that_does_not_exist_is_refused(
    empty_to_refuse: Workspace, nothing_written
) -> None:
    with nothing_written(empty_to_refuse), pytest.raises(NotFound):
        service.add_evidence(empty_to_refuse, MEMBER, Evidence(999, "quote", "Where did it go?"))


def test_a_department_or_stage_removed_from_the_config_is_refused(
    without_hr_and_moving: Workspace, nothing_written
) -> None:
    ws = without_hr_and_moving
    for change, field in (({"owner_department": "hr"}, "owner_department"),
                          ({"involved_departments": ("hr",)}, "involved_departments"),
                          ({"journey_stage": "moving"}, "journey_stage")):  # fmt: skip
        with nothing_written(ws), pytest.raises(ValidationError) as refused:
            service.log_friction_point(ws, MEMBER, replace(DRAFT, **change))
        assert refused.value.field == field


def test_a_friction_point_whose_department_was_removed_cannot_be_saved_until_it_is_changed(
    empty: Workspace, without_hr_and_moving: Workspace, nothing_written
) -> None:
    friction_id = service.log_friction_point(empty, MEMBER, replace(DRAFT, owner_department="hr"))
    stored = service.get(without_hr_and_moving, friction_id)
    with nothing_written(empty), pytest.raises(ValidationError) as refused:
        service.edit_friction_point(
            without_hr_and_moving, MEMBER, friction_id, replace(stored, status="resolved")
        )
    assert refused.value.field == "owner_department"
    assert service.get(empty, friction_id) == stored
    service.edit_friction_point(
        without_hr_and_moving, MEMBER, friction_id, replace(stored, owner_department="it")
    )
    assert service.get(empty, friction_id).owner_department == "it"


# Text is kept as typed ----------------------------------------------------------------------------


def test_markup_and_script_tags_are_stored_verbatim(empty: Workspace) -> None:
    description = f"{NASTY}\n<img src=x onerror=alert(1)> _under_ `code`"
    draft = replace(DRAFT, title=NASTY, description=description)
    friction_id = service.log_friction_point(empty, MEMBER, draft, EvidenceDraft(quote=NASTY))
    stored = service.get(empty, friction_id)
    assert (stored.title, stored.description) == (NASTY, description)
    assert [e.text for e in store.evidence_for(empty.db, friction_id)] == [NASTY]
    frame, _ = service.find_friction(empty, FrictionFilter(search="<script>"))
    assert list(frame["title"]) == [NASTY]


# Editing ------------------------------------------------------------------------------------------


def test_an_edit_records_before_and_after_of_the_changed_fields_only(demo: Workspace, member: Person) -> None:
    friction_id = id_of(demo, ANNUAL_STATEMENT)
    before = service.get(demo, friction_id)
    edited = replace(before, title="My annual statement says I owe 640 euros", severity=3,
                     involved_departments=(*before.involved_departments, "service"))  # fmt: skip
    changes = service.edit_friction_point(demo, member, friction_id, edited)
    expected = {
        "title": [ANNUAL_STATEMENT, "My annual statement says I owe 640 euros"],
        "severity": [5, 3],
        "involved_departments": [list(before.involved_departments),
                                 sorted([*before.involved_departments, "service"])],
    }  # fmt: skip
    assert changes == expected
    newest = audit.entries_about(demo.db, "friction_point", str(friction_id))[0]
    assert (newest.action, newest.person_id, newest.details) == ("update", member.id, {"changes": expected})
    after = service.get(demo, friction_id)
    assert (after.title, after.severity, after.description) == (edited.title, 3, before.description)
    assert after.updated_at > before.updated_at


def test_a_save_without_changes_writes_no_audit_entry(
    demo: Workspace, member: Person, nothing_written
) -> None:
    friction_id = id_of(demo, ANNUAL_STATEMENT)
    stored = service.get(demo, friction_id)
    # What a form sends back: padded text, the owner ticked as involved too, departments in another order.
    resent = replace(stored, title=f"  {stored.title} ",
                     involved_departments=(stored.owner_department, *reversed(stored.involved_departments)))  # fmt: skip
    with nothing_written(demo):
        assert service.edit_friction_point(demo, member, friction_id, resent) == {}
    assert service.get(demo, friction_id) == stored


def test_editing_a_friction_point_that_does_not_exist_is_refused(
    empty_to_refuse: Workspace, nothing_written
) -> None:
    with nothing_written(empty_to_refuse), pytest.raises(NotFound):
        service.edit_friction_point(empty_to_refuse, MEMBER, 999, DRAFT)


def test_an_edit_with_bad_input_changes_nothing(demo: Workspace, member: Person, nothing_written) -> None:
    friction_id = id_of(demo, ANNUAL_STATEMENT)
    stored = service.get(demo, friction_id)
    with nothing_written(demo), pytest.raises(ValidationError) as refused:
        service.edit_friction_point(demo, member, friction_id, replace(stored, severity=9, title="New title"))
    assert refused.value.field == "severity"
    assert service.get(demo, friction_id) == stored


def test_resolving_stamps_closed_at_and_reopening_clears_it(demo: Workspace, member: Person) -> None:
    friction_id = id_of(demo, ANNUAL_STATEMENT)
    point = service.get(demo, friction_id)
    assert point.closed_at is None
    started = demo.now()
    service.edit_friction_point(demo, member, friction_id, replace(point, status="resolved"))
    resolved = service.get(demo, friction_id)
    assert started <= resolved.closed_at <= demo.now()
    # Closed another way, it keeps the moment it was first closed.
    service.edit_friction_point(demo, member, friction_id, replace(point, status="wont_fix"))
    assert service.get(demo, friction_id).closed_at == resolved.closed_at
    service.edit_friction_point(demo, member, friction_id, replace(point, status="open"))
    assert service.get(demo, friction_id).closed_at is None


def test_history_shows_a_status_change_in_words(demo: Workspace, member: Person) -> None:
    friction_id = id_of(demo, "My refund after the annual statement takes six weeks")
    point = service.get(demo, friction_id)
    assert point.status == "open"
    service.edit_friction_point(demo, member, friction_id, replace(point, status="resolved"))
    newest = service.friction_detail(demo, friction_id).history[0]
    assert (newest.who, newest.what) == (member.name, "Changed status Open → Resolved.")


# Evidence and details -----------------------------------------------------------------------------


def test_logging_saves_the_point_with_its_first_evidence_and_one_audit_entry(empty: Workspace) -> None:
    evidence = EvidenceDraft(quote="  I stayed home twice. ", complaints=12, link="https://example.org/x")
    friction_id = service.log_friction_point(empty, MEMBER, DRAFT, evidence)
    stored = service.get(empty, friction_id)
    assert replace(stored, id=None, created_at=None, updated_at=None) == DRAFT
    saved = {(e.kind, e.text, e.count, e.url) for e in store.evidence_for(empty.db, friction_id)}
    assert saved == {("quote", "I stayed home twice.", None, None), ("complaints", "", 12, None),
                     ("link", "", None, "https://example.org/x")}  # fmt: skip
    assert [e.action for e in audit.entries_about(empty.db, "friction_point", str(friction_id))] == ["create"]


def test_added_evidence_shows_in_the_details_and_the_history(demo: Workspace, member: Person) -> None:
    friction_id = id_of(demo, ANNUAL_STATEMENT)
    service.add_evidence(demo, member, Evidence(friction_id, "quote", "They want 640 euros from me!"))
    detail = service.friction_detail(demo, friction_id)
    assert detail.evidence[-1].text == "They want 640 euros from me!"
    assert detail.evidence[-1].added_by == member.id
    assert detail.history[0].what == "Added evidence: “They want 640 euros from me!”"


def test_details_of_an_open_point_carry_its_priority_and_of_a_closed_one_none(
    demo_to_read: Workspace,
) -> None:
    sample = points(demo_to_read)[::4]
    assert {p.status in OPEN for p in sample} == {True, False}
    for point in sample:
        detail = service.friction_detail(demo_to_read, point.id)
        if point.status not in OPEN:
            assert detail.priority is None
            continue
        expected = priority_score(
            severity=point.severity,
            customers_per_month=point.customers_per_month,
            at_moment_of_truth=point.journey_stage in demo_to_read.config.moments_of_truth,
            opened_at=point.created_at,
            now=demo_to_read.now(),
            weights=demo_to_read.config.scoring,
        )
        assert detail.priority.total == pytest.approx(expected.total, abs=1e-3)


def test_details_of_a_friction_point_that_does_not_exist_raise_not_found(empty: Workspace) -> None:
    with pytest.raises(NotFound):
        service.friction_detail(empty, 1)


# Finding ------------------------------------------------------------------------------------------


def involves(point: FrictionPoint, departments: set[str]) -> bool:
    return bool({point.owner_department, *point.involved_departments} & departments)


@pytest.mark.parametrize(
    ("flt", "wanted"),
    [
        (FrictionFilter(stages=("billing", "moving")), lambda p: p.journey_stage in ("billing", "moving")),
        (FrictionFilter(segments=("former",)), lambda p: p.segment == "former"),
        (FrictionFilter(channels=("app", "letter")), lambda p: p.channel in ("app", "letter")),
        (FrictionFilter(statuses=("resolved", "wont_fix")), lambda p: p.status in ("resolved", "wont_fix")),
        (FrictionFilter(min_severity=4), lambda p: p.severity >= 4),
        (
            FrictionFilter(stages=("billing",), statuses=OPEN, min_severity=3),
            lambda p: p.journey_stage == "billing" and p.status in OPEN and p.severity >= 3,
        ),
    ],
    ids=["stage", "segment", "channel", "status", "min severity", "combined"],
)
def test_find_friction_filters_by_each_choice(demo_to_read: Workspace, flt: FrictionFilter, wanted) -> None:
    expected = {p.id for p in points(demo_to_read) if wanted(p)}
    assert expected and expected != {p.id for p in points(demo_to_read)}
    assert found_ids(demo_to_read, flt) == expected


def test_the_department_filter_matches_the_owner_or_an_involved_department(demo_to_read: Workspace) -> None:
    found = found_ids(demo_to_read, FrictionFilter(departments=("it",)))
    assert found == {p.id for p in points(demo_to_read) if involves(p, {"it"})}
    owned_elsewhere = {p.id for p in points(demo_to_read) if p.owner_department != "it"}
    assert found & owned_elsewhere, "no friction point found through an involved department"


def test_no_filter_finds_every_friction_point(demo_to_read: Workspace) -> None:
    frame, total = service.find_friction(demo_to_read, FrictionFilter())
    assert total == len(frame) == len(points(demo_to_read))


def test_a_search_word_found_only_in_an_evidence_quote_finds_the_friction_point(
    demo: Workspace, member: Person
) -> None:
    friction_id = id_of(demo, ANNUAL_STATEMENT)
    assert found_ids(demo, FrictionFilter(search="zanzibar")) == set()
    service.add_evidence(demo, member, Evidence(friction_id, "quote", "I'd rather move to Zanzibar."))
    assert found_ids(demo, FrictionFilter(search="ZANZIBAR")) == {friction_id}


def test_a_search_word_found_only_in_a_description_finds_the_friction_point(empty: Workspace) -> None:
    friction_id = service.log_friction_point(
        empty, MEMBER, replace(DRAFT, description="Like a quokka, waiting.")
    )
    service.log_friction_point(empty, MEMBER, replace(DRAFT, title="Another one"))
    assert found_ids(empty, FrictionFilter(search="Quokka")) == {friction_id}


def test_every_search_word_must_match_somewhere_in_title_description_or_evidence(
    demo_to_read: Workspace,
) -> None:
    def text_of(point: FrictionPoint) -> str:
        evidence = store.evidence_for(demo_to_read.db, point.id)
        parts = [
            point.title,
            point.description,
            *(e.text for e in evidence),
            *(e.url or "" for e in evidence),
        ]
        return "\n".join(parts).lower()

    texts = {p.id: text_of(p) for p in points(demo_to_read)}
    for search in ("annual statement", "statement", "engineer meter", "customer number", "annual zzzz"):
        words = search.split()
        expected = {i for i, text in texts.items() if all(w in text for w in words)}
        assert found_ids(demo_to_read, FrictionFilter(search=search)) == expected, search
    assert found_ids(demo_to_read, FrictionFilter(search="annual statement")) < found_ids(
        demo_to_read, FrictionFilter(search="statement")
    )


def ordered(values: list, *, key=lambda v: v) -> bool:
    keys = [key(v) for v in values]
    return all(a >= b for a, b in itertools.pairwise(keys))


def test_find_friction_sorts_by_priority_newest_severity_or_customers(demo_to_read: Workspace) -> None:
    def column(frame: pd.DataFrame, name: str) -> list:
        return [None if pd.isna(v) else v for v in frame[name]]

    def none_last(value):
        return (value is not None, value if value is not None else 0)

    frame, _ = service.find_friction(demo_to_read, FrictionFilter(), "priority")
    priorities = column(frame, "priority")
    assert ordered(priorities, key=none_last) and priorities[-1] is None
    frame, _ = service.find_friction(demo_to_read, FrictionFilter(), "newest")
    assert ordered(list(frame["created_at"]))
    frame, _ = service.find_friction(demo_to_read, FrictionFilter(), "severity")
    pairs = list(zip(frame["severity"], column(frame, "customers_per_month"), strict=True))
    assert ordered(pairs, key=lambda p: (p[0], none_last(p[1])))
    frame, _ = service.find_friction(demo_to_read, FrictionFilter(), "customers")
    pairs = list(zip(column(frame, "customers_per_month"), frame["severity"], strict=True))
    assert ordered(pairs, key=lambda p: (none_last(p[0]), p[1]))


def test_an_unknown_sort_falls_back_to_priority(demo_to_read: Workspace) -> None:
    by_priority, _ = service.find_friction(demo_to_read, FrictionFilter(), "priority")
    unknown, _ = service.find_friction(demo_to_read, FrictionFilter(), "title; DROP TABLE friction_point")
    assert list(unknown["id"]) == list(by_priority["id"])


def test_the_friction_list_shows_names_and_words_instead_of_ids(demo_to_read: Workspace) -> None:
    frame, _ = service.find_friction(demo_to_read, FrictionFilter(search="640 euros"))
    row = frame.iloc[0]
    assert (row["journey_stage"], row["owner_department"], row["status"]) == (
        "Bills & payments", "Finance & billing", "Decided"
    )  # fmt: skip


# Duplicates ---------------------------------------------------------------------------------------


def test_a_rephrased_title_finds_the_open_friction_point_it_repeats(demo_to_read: Workspace) -> None:
    found = service.likely_duplicates(demo_to_read, "annual statement wrong, I owe too much")
    assert [s.id for s in found] == [id_of(demo_to_read, ANNUAL_STATEMENT)]
    assert 0.5 <= found[0].similarity <= 1


def test_unrelated_demo_titles_are_not_flagged_as_duplicates_of_each_other(demo_to_read: Workspace) -> None:
    for point in points(demo_to_read):
        if point.status in OPEN:
            assert [s.id for s in service.likely_duplicates(demo_to_read, point.title)] == [point.id], (
                point.title
            )
    assert service.likely_duplicates(demo_to_read, "The chat window is too small on my phone") == []


def test_closed_friction_points_are_not_suggested_as_duplicates(demo: Workspace, member: Person) -> None:
    closed = [p for p in points(demo) if p.status not in OPEN]
    assert closed
    for point in closed:
        assert point.id not in {s.id for s in service.likely_duplicates(demo, point.title)}
    friction_id = id_of(demo, ANNUAL_STATEMENT)
    point = service.get(demo, friction_id)
    service.edit_friction_point(demo, member, friction_id, replace(point, status="resolved"))
    assert service.likely_duplicates(demo, "annual statement wrong, I owe too much") == []


def test_adding_to_an_existing_point_keeps_the_report_as_a_note_and_logs_no_new_point(
    demo: Workspace, member: Person
) -> None:
    friction_id = id_of(demo, ANNUAL_STATEMENT)
    count = len(points(demo))
    evidence_before = store.evidence_for(demo.db, friction_id)
    report = replace(DRAFT, title="Annual statement wrong, I owe too much", description="It says 700 euros.")
    returned = service.add_to_existing(
        demo, member, friction_id, report, EvidenceDraft(quote="Who checks these?", complaints=3)
    )
    assert returned == friction_id
    assert len(points(demo)) == count
    added = store.evidence_for(demo.db, friction_id)[len(evidence_before) :]
    # The member's own words are a note, not a customer quote; the customer's words stay a quote.
    assert [(e.kind, e.text, e.count, e.added_by) for e in added] == [
        ("note", "Annual statement wrong, I owe too much\n\nIt says 700 euros.", None, member.id),
        ("quote", "Who checks these?", None, member.id),
        ("complaints", "", 3, member.id),
    ]  # fmt: skip
    history = [line.what for line in history_of(demo, "friction_point", friction_id)]
    assert history[0] == "Added evidence: 3 complaints"
    assert history[2].startswith("Added evidence: “Annual statement wrong, I owe too much")


def test_adding_to_a_friction_point_that_is_gone_is_refused(
    empty_to_refuse: Workspace, nothing_written
) -> None:
    with nothing_written(empty_to_refuse), pytest.raises(NotFound):
        service.add_to_existing(empty_to_refuse, MEMBER, 999, DRAFT)
