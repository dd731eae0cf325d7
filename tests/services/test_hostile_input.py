"""Hostile input in every free-text field: HTML, a script, a Markdown link to `javascript:`, a NUL
byte, a right-to-left override, SQL fragments and text as long as the field allows are stored exactly
as typed; one character more is refused with a message that names the limit, and nothing is written.
Searching for such text finds it and breaks nothing. (That pages show it as text is in
tests/ui/test_hostile_text.py.)"""

from __future__ import annotations

import pytest

from council.domain.errors import ValidationError
from council.domain.filters import DecisionFilter, FrictionFilter
from council.domain.friction import FrictionPoint
from council.services import decisions, friction
from tests.services.hostile import HOSTILE, WRITERS, Writer, as_typed, decision, feedback, long_text


@pytest.mark.parametrize("kind", [*HOSTILE, "as long as allowed"])
def test_every_free_text_field_keeps_hostile_text_exactlyas_typed(scene, kind: str) -> None:
    ws, s = scene
    text = long_text(0) if kind == "as long as allowed" else as_typed(HOSTILE[kind])
    # A file with a NUL byte is not text; its import is refused (see the test below).
    writers = [w for name, w in WRITERS.items() if not (kind == "nul byte" and name == "imported feedback")]
    stored = [place for write in writers for place in write(ws, s, text)]
    assert len(stored) == 24 - (kind == "nul byte")
    for place in stored:
        assert ws.db.value(place.query, place.params) == text(place.limit), place.field


@pytest.mark.parametrize("writer", [w for name, w in WRITERS.items() if name != "imported feedback"],
                         ids=[name for name in WRITERS if name != "imported feedback"])  # fmt: skip
def test_one_character_too_many_is_refused_naming_the_limit_and_nothing_is_written(
    scene, nothing_written, writer: Writer
) -> None:
    ws, s = scene
    with nothing_written(ws), pytest.raises(ValidationError, match=r"keep (it|them) under [\d,]+"):
        writer(ws, s, long_text(1))


def test_a_feedback_file_with_a_nul_byte_is_refused_as_not_text_and_nothing_is_imported(
    scene, nothing_written
) -> None:
    ws, s = scene
    with nothing_written(ws), pytest.raises(ValidationError, match="is not a text file"):
        feedback(ws, s, as_typed(HOSTILE["nul byte"]))


@pytest.mark.parametrize("kind", ["sql", "markdown", "script"])
def test_searching_for_hostile_text_finds_it_and_breaks_nothing(scene, kind: str) -> None:
    ws, s = scene
    text = HOSTILE[kind]
    fid = friction.log_friction_point(
        ws, s.actors["member"], FrictionPoint(f"Bills {text}", "", "billing", 3)
    )
    found, _ = friction.find_friction(ws, FrictionFilter(search=text))
    assert fid in set(found["id"])
    decision(ws, s, as_typed(f"Refunds {text}"))
    history = decisions.decision_history(ws, DecisionFilter(search=text))
    assert [d.title for d in history.decisions] == [f"Refunds {text}"]
    assert ws.db.value("SELECT count(*) FROM friction_point") > 1  # nothing was dropped
