"""The order of agenda suggestions and the sum of the time boxes, without a database."""

from __future__ import annotations

from datetime import date

from council.domain.agenda import (
    FOLLOW_UP,
    GUEST_PROPOSAL,
    OPEN_ITEM,
    ROLLED_OVER,
    Suggestion,
    agenda_time,
    rank_suggestions,
)
from council.domain.priority import PriorityScore


def _open(kind: str, ref: int, score: float, moment: bool = False) -> Suggestion:
    parts = PriorityScore(score / 2, score / 4, 0.0, score / 4)
    return Suggestion(kind, ref, f"{kind} {ref}", OPEN_ITEM, "", at_moment_of_truth=moment, score=parts)


def test_moments_of_truth_come_before_higher_scores_elsewhere() -> None:
    ranked = rank_suggestions([_open("friction", 1, 90), _open("friction", 2, 40, moment=True)])
    assert [s.ref_id for s in ranked] == [2, 1]


def test_higher_scores_come_first_among_equals() -> None:
    ranked = rank_suggestions([_open("friction", 1, 30), _open("friction", 2, 80), _open("friction", 3, 55)])
    assert [s.ref_id for s in ranked] == [2, 3, 1]


def test_ties_are_broken_by_kind_then_id_whatever_the_input_order() -> None:
    items = [
        _open("blocker", 4, 50),
        _open("friction", 9, 50),
        _open("connection", 2, 50),
        _open("friction", 3, 50),
    ]
    expected = [("friction", 3), ("friction", 9), ("connection", 2), ("blocker", 4)]
    assert [s.key for s in rank_suggestions(items)] == expected
    assert [s.key for s in rank_suggestions(list(reversed(items)))] == expected


def test_the_proposal_then_follow_ups_by_due_date_then_postponed_then_open_items() -> None:
    items = [
        _open("friction", 1, 99, moment=True),
        Suggestion("friction", 2, "postponed", ROLLED_OVER, "Postponed"),
        Suggestion("follow_up", 7, "later", FOLLOW_UP, "", due_on=date(2026, 12, 1)),
        Suggestion("follow_up", 8, "overdue", FOLLOW_UP, "", due_on=date(2026, 6, 1)),
        Suggestion("proposal", 3, "the guest's", GUEST_PROPOSAL, ""),
    ]
    assert [s.key for s in rank_suggestions(items)] == [
        ("proposal", 3), ("follow_up", 8), ("follow_up", 7), ("friction", 2), ("friction", 1)
    ]  # fmt: skip


def test_an_item_suggested_twice_appears_once_with_its_first_reason() -> None:
    first = Suggestion("friction", 2, "x", ROLLED_OVER, "Postponed on 1 October")
    ranked = rank_suggestions([first, _open("friction", 2, 70)])
    assert ranked == [first]


def test_time_boxes_within_the_meeting_leave_time() -> None:
    time = agenda_time([15, 20, None], 60)
    assert (time.planned_minutes, time.left, time.over_by, time.items_without_time) == (35, 25, 0, 1)
    assert time.summary() == "35 of 60 minutes planned; 25 minutes left. 1 item has no time box yet."


def test_time_boxes_beyond_the_meeting_say_by_how_much() -> None:
    time = agenda_time([30, 30, 45], 90)
    assert time.over_by == 15
    assert "15 more than the meeting's 90" in time.summary()
