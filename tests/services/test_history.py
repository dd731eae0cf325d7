"""A record's history: every audit entry about it, newest first, in the words people use."""

from __future__ import annotations

from dataclasses import replace

from council.domain.friction import FrictionPoint
from council.domain.people import Person
from council.services.friction import edit_friction_point, get, log_friction_point
from council.services.history import history_of
from council.services.workspace import Workspace
from tests.services.conftest import MEMBER

DRAFT = FrictionPoint(
    title="The engineer came without the new meter",
    description="A second visit is needed.",
    journey_stage="switching",
    severity=4,
    channel="field",
    customers_per_month=80,
    owner_department="logistics",
    involved_departments=("it",),
)


def test_history_says_who_did_what_newest_first(demo: Workspace, member: Person) -> None:
    friction_id = log_friction_point(demo, MEMBER, DRAFT)
    edit_friction_point(demo, member, friction_id, replace(get(demo, friction_id), severity=5))
    history = history_of(demo, "friction_point", friction_id)
    assert [(line.who, line.what) for line in history] == [
        (member.name, "Changed severity 4 → 5."),
        ("the system", "Logged it."),
    ]
    assert history[0].at >= history[1].at
    assert history[0].at.tzinfo is not None and history[0].at.utcoffset() == demo.now().utcoffset()


def test_a_change_is_told_with_names_not_ids_and_long_text_is_only_marked_as_edited(empty: Workspace) -> None:
    friction_id = log_friction_point(empty, MEMBER, DRAFT)
    edited = replace(
        get(empty, friction_id),
        description="Another description entirely.",
        channel=None,
        customers_per_month=120,
        owner_department="it",
        involved_departments=("sales", "finance"),
    )
    edit_friction_point(empty, MEMBER, friction_id, edited)
    assert history_of(empty, "friction_point", friction_id)[0].what == (
        "Changed description (edited); channel Engineer visit → —; customers a month 80 → 120; "
        "owner Logistics & field service → IT; also involved IT → Finance & billing, Sales."
    )


def test_a_record_without_entries_has_an_empty_history(empty: Workspace) -> None:
    assert history_of(empty, "friction_point", 12345) == []
