"""Links between friction points and the blockers or missing connections behind them, from either side."""

from __future__ import annotations

from dataclasses import replace

import pytest

from council.domain.errors import NotFound, ValidationError
from council.domain.friction import Blocker, FrictionPoint, MissingConnection
from council.services import links as service
from council.services.friction import edit_friction_point, get
from council.services.history import history_of
from council.services.workspace import Workspace
from council.store import blockers, connections, links
from council.store import friction as friction_store
from council.store.database import Transaction
from tests.services.conftest import MEMBER

TABLE = {
    "blocker": ("blocker_friction", "blocker_id"),
    "connection": ("connection_friction", "missing_connection_id"),
}
ENTITY = {"blocker": "blocker", "connection": "missing_connection"}
KINDS = ("blocker", "connection")


@pytest.fixture
def ids(empty: Workspace) -> dict[str, int]:
    """Three friction points, three blockers and three missing connections, none linked."""

    def add(tx: Transaction) -> dict[str, int]:
        found = {}
        for n in (1, 2, 3):
            found[f"friction{n}"] = friction_store.add_friction_point(
                tx, FrictionPoint(f"Bill number {n} is late", "", "billing", 3)
            )
            found[f"blocker{n}"] = blockers.add_blocker(
                tx, Blocker(f"Old billing system {n}", "system", "it")
            )
            found[f"connection{n}"] = connections.add_missing_connection(
                tx, MissingConnection("finance", "service", "billing", f"Bill change {n} not passed on", 3)
            )
        return found

    return empty.db.write(add)


def linked(ws: Workspace, kind: str) -> set[tuple[int, int]]:
    """Every link of this kind as (other id, friction id)."""
    table, column = TABLE[kind]
    return set(ws.db.rows(f"SELECT {column}, friction_point_id FROM {table}"))


def audit_size(ws: Workspace) -> int:
    return ws.db.value("SELECT count(*) FROM audit_log")


@pytest.mark.parametrize("kind", KINDS)
def test_linking_from_either_side_gives_the_same_links(empty: Workspace, ids: dict, kind: str) -> None:
    friction, other = ids["friction1"], ids[f"{kind}1"]
    assert service.set_links_of_friction(empty, MEMBER, friction, kind, [other, ids[f"{kind}2"]]) == (2, 0)
    from_friction = linked(empty, kind)
    assert service.set_links_of_friction(empty, MEMBER, friction, kind, []) == (0, 2)
    assert linked(empty, kind) == set()
    service.set_friction_of(empty, MEMBER, kind, other, [friction])
    service.set_friction_of(empty, MEMBER, kind, ids[f"{kind}2"], [friction])
    assert linked(empty, kind) == from_friction == {(other, friction), (ids[f"{kind}2"], friction)}
    # Each side sees the link.
    assert set(links.friction_of(empty.db, kind, other)["id"]) == {friction}


@pytest.mark.parametrize("kind", KINDS)
def test_linking_twice_is_harmless(empty: Workspace, ids: dict, kind: str) -> None:
    friction, other = ids["friction1"], ids[f"{kind}1"]
    assert service.link_friction(empty, MEMBER, kind, other, friction) is True
    size = audit_size(empty)
    assert service.link_friction(empty, MEMBER, kind, other, friction) is False
    assert service.set_friction_of(empty, MEMBER, kind, other, [friction]) == (0, 0)
    assert service.set_links_of_friction(empty, MEMBER, friction, kind, [other]) == (0, 0)
    assert linked(empty, kind) == {(other, friction)}
    assert audit_size(empty) == size


def test_unlinking_what_is_not_linked_does_nothing(empty: Workspace, ids: dict, nothing_written) -> None:
    for kind in KINDS:
        with nothing_written(empty):
            assert service.unlink_friction(empty, MEMBER, kind, ids[f"{kind}1"], ids["friction1"]) is False


@pytest.mark.parametrize("kind", KINDS)
def test_setting_the_links_of_a_friction_point_links_and_unlinks_in_one_go(
    empty: Workspace, ids: dict, kind: str
) -> None:
    friction = ids["friction1"]
    one, two, three = ids[f"{kind}1"], ids[f"{kind}2"], ids[f"{kind}3"]
    service.set_links_of_friction(empty, MEMBER, friction, kind, [one, two])
    assert service.set_links_of_friction(empty, MEMBER, friction, kind, [two, three]) == (1, 1)
    assert linked(empty, kind) == {(two, friction), (three, friction)}


@pytest.mark.parametrize("kind", KINDS)
def test_setting_the_friction_of_a_blocker_or_connection_links_and_unlinks_in_one_go(
    empty: Workspace, ids: dict, kind: str
) -> None:
    other = ids[f"{kind}1"]
    service.set_friction_of(empty, MEMBER, kind, other, [ids["friction1"], ids["friction2"]])
    assert service.set_friction_of(empty, MEMBER, kind, other, [ids["friction3"]]) == (1, 2)
    assert linked(empty, kind) == {(other, ids["friction3"])}


@pytest.mark.parametrize("kind", KINDS)
def test_both_records_history_shows_the_link_and_the_unlink(empty: Workspace, ids: dict, kind: str) -> None:
    friction, other = ids["friction1"], ids[f"{kind}1"]
    service.set_friction_of(empty, MEMBER, kind, other, [friction])
    service.set_links_of_friction(empty, MEMBER, friction, kind, [])
    other_label = {
        "blocker": f"blocker #{other} “Old billing system 1”",
        "connection": f"missing connection #{other} “Bill change 1 not passed on”",
    }[kind]
    friction_label = f"friction point #{friction} “Bill number 1 is late”"
    friction_history = [line.what for line in history_of(empty, "friction_point", friction)]
    assert friction_history[:2] == [f"Unlinked {other_label}.", f"Linked {other_label}."]
    other_history = [line.what for line in history_of(empty, ENTITY[kind], other)]
    assert other_history[:2] == [f"Unlinked {friction_label}.", f"Linked {friction_label}."]


@pytest.mark.parametrize(
    "attempt",
    [
        lambda ws, ids, kind: service.link_friction(ws, MEMBER, kind, ids[f"{kind}1"], 999),
        lambda ws, ids, kind: service.link_friction(ws, MEMBER, kind, 999, ids["friction1"]),
        lambda ws, ids, kind: service.unlink_friction(ws, MEMBER, kind, ids[f"{kind}1"], 999),
        lambda ws, ids, kind: service.unlink_friction(ws, MEMBER, kind, 999, ids["friction1"]),
        # The existing link is neither kept from the first id nor removed: all or nothing.
        lambda ws, ids, kind: service.set_links_of_friction(
            ws, MEMBER, ids["friction1"], kind, [ids[f"{kind}3"], 999]
        ),
        lambda ws, ids, kind: service.set_friction_of(
            ws, MEMBER, kind, ids[f"{kind}1"], [ids["friction3"], 999]
        ),
    ],
    ids=[
        "link to a missing friction point",
        "link a missing item",
        "unlink from a missing friction point",
        "unlink a missing item",
        "set links with one missing",
        "set friction with one missing",
    ],
)
def test_a_link_to_something_that_does_not_exist_is_refused_and_nothing_is_written(
    empty: Workspace, ids: dict, attempt, nothing_written
) -> None:
    for kind in KINDS:
        service.link_friction(empty, MEMBER, kind, ids[f"{kind}1"], ids["friction1"])
    for kind in KINDS:
        with nothing_written(empty), pytest.raises(NotFound):
            attempt(empty, ids, kind)
        assert linked(empty, kind) == {(ids[f"{kind}1"], ids["friction1"])}, kind


def test_only_blockers_and_connections_can_be_linked(empty: Workspace, ids: dict, nothing_written) -> None:
    with nothing_written(empty), pytest.raises(ValidationError):
        service.link_friction(empty, MEMBER, "decision", ids["blocker1"], ids["friction1"])


def test_the_friction_to_choose_from_is_the_open_friction(empty: Workspace, ids: dict) -> None:
    resolved = ids["friction2"]
    point = get(empty, resolved)
    edit_friction_point(empty, MEMBER, resolved, replace(point, status="resolved"))
    assert list(service.choices(empty, "friction").options) == [
        ids["friction3"],
        ids["friction1"],
    ]  # newest first
    assert (
        service.choices(empty, "blocker").options[ids["blocker1"]]
        == f"#{ids['blocker1']} Old billing system 1"
    )
    assert (
        service.choices(empty, "connection").options[ids["connection1"]]
        == f"#{ids['connection1']} Finance & billing → Customer service: Bill change 1 not passed on"
    )
    # A closed one that is linked already stays listed, so the picker can show (and remove) it.
    assert set(service.choices(empty, "friction", keep=(resolved,)).options) == set(
        ids[f"friction{n}"] for n in (1, 2, 3)
    )


def test_beyond_the_limit_a_picker_lists_the_newest_and_finds_the_others(
    empty: Workspace, ids: dict, monkeypatch
) -> None:
    monkeypatch.setattr(service, "PICKER_LIMIT", 2)
    every = service.choices(empty, "blocker")
    assert list(every.options) == [ids["blocker3"], ids["blocker2"]] and every.total == 3 and every.cut
    kept = service.choices(empty, "blocker", keep=(ids["blocker1"],))
    assert list(kept.options) == [ids["blocker3"], ids["blocker2"], ids["blocker1"]]
    found = service.choices(empty, "blocker", "SYSTEM 1")  # every word, in any case
    assert list(found.options) == [ids["blocker1"]] and found.total == 1 and not found.cut
    assert list(service.choices(empty, "connection", f"#{ids['connection1']}").options) == [
        ids["connection1"]
    ]
    assert list(service.choices(empty, "friction", str(ids["friction2"])).options) == [ids["friction2"]]
    assert service.choices(empty, "friction", "99999999999999999999").total == 0  # no number that large
    assert service.choices(empty, "blocker", "100%").total == 0  # words are taken literally


@pytest.mark.parametrize("kind", KINDS)
def test_saving_an_empty_choice_for_a_record_that_is_gone_is_refused(
    empty: Workspace, ids: dict, kind: str, nothing_written
) -> None:
    with nothing_written(empty), pytest.raises(NotFound):
        service.set_links_of_friction(empty, MEMBER, 999_999, kind, [])
    with nothing_written(empty), pytest.raises(NotFound):
        service.set_friction_of(empty, MEMBER, kind, 999_999, [])
