"""The friction list query: filters, literal search words, sort orders, a limit and the full count."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pandas as pd
import pytest

from council.domain.filters import FrictionFilter
from council.domain.friction import Evidence, FrictionPoint
from council.domain.priority import priority_factors, priority_score
from council.domain.workspace import WorkspaceConfig
from council.store import friction
from council.store.database import Database, Transaction
from council.store.friction_search import find_friction
from council.store.migrations import migrate

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def search(db: Database, config: WorkspaceConfig, flt: FrictionFilter, **options) -> tuple[pd.DataFrame, int]:
    factors = priority_factors(config.scoring)
    return find_friction(db, flt, factors, config.moments_of_truth, NOW, **options)


@pytest.fixture(scope="module")
def search_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Friction points with awkward characters in their titles, one resolved, one with a linked source.

    The tests here only read, so they share this database.
    """
    database = Database(tmp_path_factory.mktemp("search") / "council.duckdb")
    migrate(database)

    def add(tx: Transaction) -> None:
        ids = {}
        for n, title in enumerate(["100% refund promised", "Refund of 100 euros", "Form field is_valid shows",
                                   "Invoice sent twice", "Resolved long ago"]):  # fmt: skip
            status = "resolved" if title.startswith("Resolved") else "open"
            created = datetime(2026, 1 + n, 10, 12, tzinfo=UTC)
            point = FrictionPoint(title, "", "billing", 1 + n, customers_per_month=10 * n or None,
                                  status=status, created_at=created)  # fmt: skip
            ids[title] = friction.add_friction_point(tx, point)
        friction.add_evidence(
            tx, Evidence(ids["Invoice sent twice"], "link", url="https://crm.example/Case-4711")
        )

    database.write(add)
    yield database
    database.close()


def test_the_total_counts_every_match_while_the_limit_caps_the_rows(
    search_db: Database, config: WorkspaceConfig
) -> None:
    frame, total = search(search_db, config, FrictionFilter(), limit=2)
    assert (len(frame), total) == (2, 5)
    frame, total = search(search_db, config, FrictionFilter(search="refund"), limit=1)
    assert (len(frame), total) == (1, 2)


def test_nothing_found_gives_an_empty_frame_and_a_zero_total(
    search_db: Database, config: WorkspaceConfig
) -> None:
    frame, total = search(search_db, config, FrictionFilter(search="anything"))
    assert frame.empty and total == 0


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("100%", ["100% refund promised"]),
        ("%", ["100% refund promised"]),
        ("_", ["Form field is_valid shows"]),
        ("refund 100", ["100% refund promised", "Refund of 100 euros"]),
        ("REFUND EUROS", ["Refund of 100 euros"]),
        ("case-4711", ["Invoice sent twice"]),
    ],
)
def test_search_words_are_matched_literally_and_all_must_occur(
    search_db: Database, config: WorkspaceConfig, words: str, expected: list[str]
) -> None:
    frame, _ = search(search_db, config, FrictionFilter(search=words))
    assert sorted(frame["title"]) == sorted(expected)


def test_the_start_date_leaves_out_friction_logged_before_it(
    search_db: Database, config: WorkspaceConfig
) -> None:
    frame, _ = search(search_db, config, FrictionFilter(since=date(2026, 3, 1)))
    assert sorted(frame["title"]) == ["Form field is_valid shows", "Invoice sent twice", "Resolved long ago"]


def test_open_friction_has_its_rounded_score_and_closed_friction_none(
    search_db: Database, config: WorkspaceConfig
) -> None:
    frame, _ = search(search_db, config, FrictionFilter())
    for row in frame.itertuples():
        point = friction.get_friction_point(search_db, row.id)
        if point.status != "open":
            assert pd.isna(row.priority)
            continue
        expected = priority_score(severity=point.severity, customers_per_month=point.customers_per_month,
                                  at_moment_of_truth=True, opened_at=point.created_at, now=NOW,
                                  weights=config.scoring)  # fmt: skip
        assert abs(row.priority - expected.total) <= 0.5 + 1e-9
    assert pd.isna(frame["priority"].iloc[-1])  # closed friction sorts last


def test_the_counts_of_evidence_and_links_are_shown(search_db: Database, config: WorkspaceConfig) -> None:
    frame, _ = search(search_db, config, FrictionFilter(search="invoice"))
    assert (frame["evidence"].iloc[0], frame["blockers"].iloc[0], frame["connections"].iloc[0]) == (1, 0, 0)


def test_a_start_date_begins_at_midnight_in_the_workspace_time_zone() -> None:
    from council.store.filters import start_of

    midnight = start_of(date(2026, 3, 1), "Europe/Amsterdam")
    assert midnight.isoformat() == "2026-03-01T00:00:00+01:00"
