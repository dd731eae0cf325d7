"""Following a decision up and amending it: the rules that need no database."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from council.domain.decisions import Amendment, DecisionVersion, StatusChange, goes_back
from council.domain.errors import ValidationError

FORWARD = [("decided", "in_progress"), ("decided", "done"), ("in_progress", "done")]
BACK = [("done", "decided"), ("done", "in_progress"), ("in_progress", "decided"), ("dropped", "decided"),
        ("dropped", "in_progress"), ("done", "dropped"), ("dropped", "done")]  # fmt: skip


@pytest.mark.parametrize(("current", "new"), FORWARD)
def test_moving_forward_needs_no_note(current: str, new: str) -> None:
    assert StatusChange(new).checked(current) == StatusChange(new, "")


@pytest.mark.parametrize(("current", "new"), BACK)
def test_going_back_needs_a_reason(current: str, new: str) -> None:
    assert goes_back(current, new)
    with pytest.raises(ValidationError, match="needs a reason") as refused:
        StatusChange(new, "   ").checked(current)
    assert refused.value.field == "status_note"
    assert StatusChange(new, " Customer complaints came back. ").checked(current).note == (
        "Customer complaints came back."
    )


def test_dropping_needs_a_reason_even_from_decided() -> None:
    with pytest.raises(ValidationError, match="Dropping a decision needs a reason"):
        StatusChange("dropped").checked("decided")
    assert (
        StatusChange("dropped", "Overtaken by the new billing system.").checked("decided").status == "dropped"
    )


def test_the_same_status_again_is_a_progress_note_and_needs_words() -> None:
    with pytest.raises(ValidationError, match="already in progress"):
        StatusChange("in_progress").checked("in_progress")
    assert StatusChange("in_progress", "Supplier chosen.").checked("in_progress").note == "Supplier chosen."


def test_an_unknown_status_is_refused() -> None:
    with pytest.raises(ValidationError, match="new status"):
        StatusChange("finished").checked("decided")


CURRENT = DecisionVersion(7, 2, "Callback within a day", "Every missed call gets a callback.", "Customers wait.",
                          datetime(2026, 3, 2, tzinfo=UTC), owner_department="service", owner_id=3,
                          due_on=date(2026, 4, 1))  # fmt: skip
DEPARTMENTS = ("service", "it")


def _amendment(**changes: object) -> Amendment:
    fields = dict(title=CURRENT.title, text=CURRENT.text, rationale=CURRENT.rationale,
                  owner_department="service", owner_id=3, due_on=date(2026, 4, 1), change_note="Wider scope.")  # fmt: skip
    return Amendment(**(fields | changes))


def test_an_amendment_must_change_something_and_say_why() -> None:
    with pytest.raises(ValidationError, match="Nothing in the decision changed"):
        _amendment().checked(CURRENT, DEPARTMENTS, date(2026, 11, 23))
    with pytest.raises(ValidationError, match="What changed and why is empty") as refused:
        _amendment(text="Every call gets a callback.", change_note=" ").checked(
            CURRENT, DEPARTMENTS, date(2026, 11, 23)
        )
    assert refused.value.field == "change_note"


def test_an_overdue_due_date_may_stay_but_a_new_one_cannot_lie_in_the_past() -> None:
    today = date(2026, 11, 23)
    kept = _amendment(text="Every call gets a callback.").checked(CURRENT, DEPARTMENTS, today)
    assert kept.due_on == date(2026, 4, 1)
    with pytest.raises(ValidationError, match="lies in the past"):
        _amendment(due_on=date(2026, 11, 1)).checked(CURRENT, DEPARTMENTS, today)
    assert _amendment(due_on=today).checked(CURRENT, DEPARTMENTS, today).due_on == today


def test_an_unchanged_amendment_says_so_before_asking_for_a_note() -> None:
    with pytest.raises(ValidationError, match="Nothing in the decision changed"):
        _amendment(text=CURRENT.text + "  ", change_note="").checked(CURRENT, DEPARTMENTS, date(2026, 11, 23))
