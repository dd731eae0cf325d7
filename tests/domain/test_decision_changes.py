from datetime import UTC, date, datetime

from council.domain.decision_changes import WordChange, version_changes, word_changes
from council.domain.decisions import DecisionVersion


def test_word_changes_keep_what_stayed_and_mark_what_went_and_came() -> None:
    changes = word_changes("Call back within two days.", "Call back within one day.")
    assert changes == [
        WordChange("same", "Call back within "),
        WordChange("removed", "two days."),
        WordChange("added", "one day."),
    ]
    assert "".join(c.words for c in changes if c.kind != "removed") == "Call back within one day."
    assert "".join(c.words for c in changes if c.kind != "added") == "Call back within two days."


def test_word_changes_of_identical_or_empty_text() -> None:
    assert word_changes("Same text", "Same text") == [WordChange("same", "Same text")]
    assert word_changes("", "New") == [WordChange("added", "New")]
    assert word_changes("Old", "") == [WordChange("removed", "Old")]


def test_version_changes_list_only_the_fields_that_changed_in_reading_order() -> None:
    at = datetime(2026, 3, 2, tzinfo=UTC)
    one = DecisionVersion(1, 1, "Callback", "Call back.", "Why", at, owner_id=3, due_on=date(2026, 4, 1))
    two = DecisionVersion(1, 2, "Callback", "Call back today.", "Why", at, owner_id=4, due_on=date(2026, 5, 1),
                          change_note="Sharper.")  # fmt: skip
    changes = version_changes(one, two)
    assert [(c.label, c.before, c.after) for c in changes] == [
        ("What was decided", "Call back.", "Call back today."),
        ("Owner", 3, 4),
        ("Due date", date(2026, 4, 1), date(2026, 5, 1)),
    ]
    assert [c.is_prose for c in changes] == [True, False, False]


def test_a_rewritten_text_is_shown_whole_rather_than_shredded_word_by_word() -> None:
    before = "The first agent who takes a move request completes it."
    after = "Start as a pilot with eight agents of the moving desk."
    assert word_changes(before, after) == [WordChange("removed", before), WordChange("added", after)]
