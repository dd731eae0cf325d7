"""Finding open friction points whose titles say much the same as a new one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from council.domain.friction import FrictionPoint
from council.domain.words import STOP_WORDS
from council.store import friction
from council.store.database import Database, Transaction
from council.store.migrations import migrate


@pytest.fixture(scope="module")
def titled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A database with a few friction points, shared by the tests that only read it."""
    db = Database(tmp_path_factory.mktemp("titled") / "council.duckdb")
    migrate(db)

    def add(tx: Transaction) -> None:
        for title, status in [
            ("Invoices arrive after the due date", "open"),
            ("The engineers never confirm the appointment", "on_agenda"),
            ("Meter readings get lost in the app", "resolved"),
            ("Why? What? How?", "open"),
        ]:
            friction.add_friction_point(tx, FrictionPoint(title, "", "billing", 3, status=status))

    db.write(add)
    yield db
    db.close()


def similar(db: Database, title: str) -> list[tuple[int, str, float]]:
    return friction.similar_open_friction(db, title, STOP_WORDS)


def test_plural_and_singular_words_meet(titled: Database) -> None:
    [(_, title, similarity)] = similar(titled, "My invoice arrives after its due date")
    assert title == "Invoices arrive after the due date"
    assert 0.5 <= similarity <= 1


def test_the_same_title_is_as_similar_as_can_be(titled: Database) -> None:
    [(_, _, similarity)] = similar(titled, "The engineers never confirm the appointment")
    assert similarity == pytest.approx(1.0)


def test_one_shared_word_is_not_enough(titled: Database) -> None:
    assert similar(titled, "Invoices are green") == []


def test_stop_words_and_short_words_do_not_make_titles_alike(titled: Database) -> None:
    assert similar(titled, "Why? What? How? It is so") == []
    assert similar(titled, "") == []


def test_closed_friction_is_not_suggested(titled: Database) -> None:
    assert similar(titled, "Meter readings get lost in the app") == []


def test_the_most_similar_comes_first_and_the_limit_holds(db: Database) -> None:
    def add(tx: Transaction) -> None:
        for title in [
            "Refund takes six weeks",
            "Refund takes weeks after leaving the company",
            "Refund takes weeks",
            "Unrelated",
        ]:
            friction.add_friction_point(tx, FrictionPoint(title, "", "billing", 3))

    db.write(add)
    found = similar(db, "Refund takes weeks")
    assert [t for _, t, _ in found] == [
        "Refund takes weeks",
        "Refund takes six weeks",
        "Refund takes weeks after leaving the company",
    ]
    assert [s for _, _, s in found] == sorted((s for _, _, s in found), reverse=True)
    assert len(friction.similar_open_friction(db, "Refund takes weeks", STOP_WORDS, limit=2)) == 2
