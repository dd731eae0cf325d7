"""Internal blockers: logging with checks and links, editing with an audit trail, the table by category."""

from __future__ import annotations

from dataclasses import replace

import pytest

from council.domain.errors import NotFound, ValidationError
from council.domain.friction import Blocker, FrictionPoint
from council.services import blockers as service
from council.services.friction import log_friction_point
from council.services.workspace import Workspace
from council.store import audit, blockers
from tests.services.conftest import MEMBER

DRAFT = Blocker(
    title="Refunds above 50 euros need two signatures",
    category="policy",
    owner_department="finance",
    description="The second signer is often on leave.",
)
NASTY = "<script>alert(1)</script> **bold** [x](javascript:alert(1))"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "\t  "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"description": "y" * 10_001}, "description"),
        ({"category": "astrology"}, "category"),
        ({"category": ""}, "category"),
        ({"owner_department": "legal"}, "owner_department"),
        ({"status": "forgotten"}, "status"),
    ],
    ids=lambda v: repr(v)[:40] if isinstance(v, dict) else v,
)
def test_a_blocker_with_bad_input_is_refused_and_nothing_is_written(
    empty_to_refuse: Workspace, nothing_written, change: dict, field: str
) -> None:
    with nothing_written(empty_to_refuse), pytest.raises(ValidationError) as refused:
        service.log_blocker(empty_to_refuse, MEMBER, replace(DRAFT, **change))
    assert refused.value.field == field


def test_a_blocker_linked_to_a_friction_point_that_does_not_exist_is_not_saved(
    empty: Workspace, nothing_written
) -> None:
    friction_id = log_friction_point(empty, MEMBER, FrictionPoint("Refund takes weeks", "", "billing", 4))
    with nothing_written(empty), pytest.raises(NotFound):
        service.log_blocker(empty, MEMBER, DRAFT, [friction_id, 999])


def test_logging_saves_the_blocker_with_its_links_and_history(empty: Workspace) -> None:
    friction_id = log_friction_point(empty, MEMBER, FrictionPoint("Refund takes weeks", "", "billing", 4))
    blocker_id = service.log_blocker(empty, MEMBER, replace(DRAFT, owner_department=""), [friction_id])
    detail = service.blocker_detail(empty, blocker_id)
    assert detail.blocker.owner_department is None
    assert (detail.blocker.title, detail.blocker.status) == (DRAFT.title, "active")
    assert list(detail.friction["id"]) == [friction_id]
    assert [line.what for line in detail.history] == [
        f"Linked friction point #{friction_id} “Refund takes weeks”.",
        "Logged it.",
    ]


def test_markup_in_a_blocker_is_stored_verbatim(empty: Workspace) -> None:
    blocker_id = service.log_blocker(empty, MEMBER, replace(DRAFT, title=NASTY, description=NASTY))
    stored = service.get(empty, blocker_id)
    assert (stored.title, stored.description) == (NASTY, NASTY)


def test_an_edit_records_only_the_changed_fields_and_removal_stamps_closed_at(empty: Workspace) -> None:
    blocker_id = service.log_blocker(empty, MEMBER, DRAFT)
    stored = service.get(empty, blocker_id)
    changes = service.edit_blocker(
        empty, MEMBER, blocker_id, replace(stored, status="being_removed", category="process")
    )
    assert changes == {"category": ["policy", "process"], "status": ["active", "being_removed"]}
    newest = audit.entries_about(empty.db, "blocker", str(blocker_id))[0]
    assert (newest.action, newest.details) == ("update", {"changes": changes})
    assert service.get(empty, blocker_id).closed_at is None  # still in the way while being removed
    service.edit_blocker(empty, MEMBER, blocker_id, replace(stored, status="removed"))
    assert service.get(empty, blocker_id).closed_at is not None
    service.edit_blocker(empty, MEMBER, blocker_id, replace(stored, status="active"))
    assert service.get(empty, blocker_id).closed_at is None
    history = [line.what for line in service.blocker_detail(empty, blocker_id).history]
    assert history[1] == "Changed category Process → Policy; status Being removed → Removed."


def test_a_save_without_changes_writes_nothing(empty: Workspace, nothing_written) -> None:
    blocker_id = service.log_blocker(empty, MEMBER, DRAFT)
    stored = service.get(empty, blocker_id)
    with nothing_written(empty):
        assert (
            service.edit_blocker(empty, MEMBER, blocker_id, replace(stored, title=f" {stored.title}\n")) == {}
        )


def test_a_blocker_that_does_not_exist_raises_not_found(empty_to_refuse: Workspace, nothing_written) -> None:
    with pytest.raises(NotFound):
        service.blocker_detail(empty_to_refuse, 999)
    with nothing_written(empty_to_refuse), pytest.raises(NotFound):
        service.edit_blocker(empty_to_refuse, MEMBER, 999, DRAFT)


def test_the_blocker_table_follows_the_configured_category_order(demo_to_read: Workspace) -> None:
    ws = demo_to_read
    table = service.blocker_table(ws)
    assert len(table) == ws.db.value("SELECT count(*) FROM blocker")
    order = [c.name for c in ws.config.blocker_categories]
    shown = list(dict.fromkeys(table["category"]))
    assert shown == [c for c in order if c in shown]


def test_the_blocker_table_counts_the_open_friction_each_causes(demo_to_read: Workspace) -> None:
    ws = demo_to_read
    expected = dict(
        ws.db.rows(
            "SELECT b.id, count(f.id) FILTER (WHERE f.status IN ('open', 'on_agenda', 'decided')) FROM blocker b"
            " LEFT JOIN blocker_friction l ON l.blocker_id = b.id LEFT JOIN friction_point f"
            " ON f.id = l.friction_point_id GROUP BY b.id"
        )
    )
    table = service.blocker_table(ws)
    assert dict(zip(table["id"], table["open_friction"], strict=True)) == expected


def test_every_search_word_must_occur_in_a_blockers_title_or_description(demo_to_read: Workspace) -> None:
    ws = demo_to_read
    every = {b.id: f"{b.title} {b.description}".lower() for b in blockers.list_blockers(ws.db)}
    for search in ("customer", "customer number", "CUSTOMER file", "nothing like this"):
        words = search.lower().split()
        expected = {i for i, text in every.items() if all(w in text for w in words)}
        assert set(service.blocker_table(ws, search)["id"]) == expected, search
