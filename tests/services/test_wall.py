"""The wall screen's board: hand-counted scores, the latest different comments, open friction at the
moments of truth, and decisions done this month."""

from __future__ import annotations

from datetime import timedelta

import pytest

from council.domain.decisions import DecisionEvent
from council.domain.feedback import NpsFigure
from council.domain.friction import FrictionPoint
from council.services import wall
from council.services.friction import log_friction_point
from council.services.workspace import Workspace
from council.store import decisions
from tests.services.conftest import MEMBER, add_person, decide, responses


def test_an_empty_workspace_gives_an_empty_board(empty: Workspace) -> None:
    board = wall.wall_board(empty)

    assert board.scale is None and board.recent == NpsFigure(0, 0, 0) and board.change is None
    assert board.praise == board.complaints == [] and board.friction.empty and board.moments == 0
    assert (board.done, board.done_count, board.last_done) == ([], 0, None)


def test_the_recent_score_is_the_last_three_months_against_the_three_before(empty: Workspace) -> None:
    responses(
        empty,
        (3, 10, "billing", "phone", "existing", "Sorted in one call"), (3, 9, None, None, None, ""),
        (3, 2, "billing", "phone", "existing", "Bill was wrong again"), (3, 8, None, None, None, ""),
        (130, 0, None, None, None, ""), (130, 3, None, None, None, ""), (130, 10, None, None, None, ""),
        (200, 10, None, None, None, ""),  # older than both periods
    )  # fmt: skip
    board = wall.wall_board(empty)

    assert board.scale.id == "nps"
    assert board.recent == NpsFigure(4, 2, 1)  # +25
    assert board.before == NpsFigure(3, 1, 2)  # -33.3
    assert board.change == pytest.approx(25 + 100 / 3)
    assert len(board.months) == 12 and sum(f.responses for _, f in board.months) == 8
    assert [c.comment for c in board.praise] == ["Sorted in one call"]
    assert [c.comment for c in board.complaints] == ["Bill was wrong again"]


def test_the_comments_are_the_latest_that_say_something_different(empty: Workspace) -> None:
    responses(empty, *[(d, 10, None, None, None, text) for d, text in [
        (1, "Quick and kind"), (2, "quick  and KIND"), (3, "Fixed at once"), (4, "Fair bill"), (5, "Older praise"),
    ]])  # fmt: skip

    assert [c.comment for c in wall.wall_board(empty).praise] == [
        "Quick and kind",
        "Fixed at once",
        "Fair bill",
    ]


def test_only_open_friction_at_the_moments_of_truth_is_listed_most_urgent_first(empty: Workspace) -> None:
    assert {"billing", "support"} <= empty.config.moments_of_truth
    assert "orientation" not in empty.config.moments_of_truth
    for title, stage, severity in [("Mild billing", "billing", 2), ("Harsh support", "support", 5),
                                   ("Harsh orientation", "orientation", 5)]:  # fmt: skip
        log_friction_point(empty, MEMBER, FrictionPoint(title, "", stage, severity))

    board = wall.wall_board(empty)

    assert list(board.friction["title"]) == ["Harsh support", "Mild billing"] and board.moments == 2


def test_decisions_done_this_month_are_counted_and_an_empty_month_names_the_last_one(
    empty: Workspace,
) -> None:
    owner = add_person(empty, "Olga Owner", "member")
    earlier = decide(empty, "Earlier win", "Did it", "Because", owner, days_ago=90)
    _done(empty, earlier, owner.id, days_ago=40)  # always last month or before

    board = wall.wall_board(empty)
    assert board.done == [] and board.done_count == 0 and board.last_done.title == "Earlier win"

    recent = decide(empty, "Fresh win", "Did it too", "Because", owner, days_ago=60)
    _done(empty, recent, owner.id, days_ago=0)
    board = wall.wall_board(empty)
    assert (
        [d.title for d in board.done] == ["Fresh win"] and board.done_count == 1 and board.last_done is None
    )


def test_a_long_comment_is_cut_at_a_word_for_the_wall() -> None:
    long = "The engineer came on time, explained everything and even " + "tidied up afterwards " * 12
    cut = wall.quote(long)

    assert len(cut) <= wall.QUOTE_LENGTH + 1 and cut.endswith("…") and not cut.endswith(" …")
    assert long.startswith(cut[:-1])
    assert wall.quote("  Short\nand sweet ") == "Short and sweet"


def _done(ws: Workspace, decision_id: int, by: int, days_ago: int) -> None:
    at = ws.now() - timedelta(days=days_ago)
    ws.db.write(lambda tx: decisions.add_decision_event(tx, DecisionEvent(decision_id, "done", at, by)))
