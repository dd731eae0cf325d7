"""Finding open friction points whose titles say much the same as a new one."""

from __future__ import annotations

import pytest

from council.domain.filters import STOP_WORDS
from council.domain.friction import FrictionPoint
from council.store import friction
from council.store.database import Database, Transaction


@pytest.fixture
def titles(db: Database) -> dict[str, int]:
    def add(tx: Transaction) -> dict[str, int]:
        found = {}
        for title, status in [
            ("Invoices arrive after the due date", "open"),
            ("The engineers never confirm the appointment", "on_agenda"),
            ("Meter readings get lost in the app", "resolved"),
            ("Why? What? How?", "open"),
        ]:
            found[title] = friction.add_friction_point(
                tx, FrictionPoint(title, "", "billing", 3, status=status)
            )
        return found

    return db.write(add)


def similar(db: Database, title: str) -> list[tuple[int, str, float]]:
    return friction.similar_open_friction(db, title, STOP_WORDS)


def test_plural_and_singular_words_meet(db: Database, titles: dict) -> None:
    [(found, _, similarity)] = similar(db, "My invoice arrives after its due date")
    assert found == titles["Invoices arrive after the due date"]
    assert 0.5 <= similarity <= 1


def test_the_same_title_is_as_similar_as_can_be(db: Database, titles: dict) -> None:
    [(_, _, similarity)] = similar(db, "The engineers never confirm the appointment")
    assert similarity == pytest.approx(1.0)


def test_one_shared_word_is_not_enough(db: Database, titles: dict) -> None:
    assert similar(db, "Invoices are green") == []


def test_stop_words_and_short_words_do_not_make_titles_alike(db: Database, titles: dict) -> None:
    assert similar(db, "Why? What? How? It is so") == []
    assert similar(db, "") == []


def test_closed_friction_is_not_suggested(db: Database, titles: dict) -> None:
    assert similar(db, "Meter readings get lost in the app") == []


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
