"""Two people recording the same agenda point at once: the second save is refused with what changed, and
keeps what they typed."""

from __future__ import annotations

from pathlib import Path

from council.store import meetings as meeting_store
from tests.ui.conftest import plain
from tests.ui.test_meetings_page import _bring_forward_and_start, _fresh_meeting, _open, _ws


def _notes(db: Path, meeting_id: int) -> str:
    return meeting_store.agenda_for(_ws(db).db, meeting_id)[0].notes


def test_the_second_save_of_a_point_is_refused_with_the_first_and_the_typed_text_stays(
    app, demo_copy: Path
) -> None:
    meeting_id = _fresh_meeting(demo_copy)
    at = _open(app, demo_copy, meeting_id)
    [b for b in at.button if b.label == "Add"][-1].click().run()
    first = _open(app, demo_copy, meeting_id, view="run")
    _bring_forward_and_start(first, meeting_id)
    second = _open(app, demo_copy, meeting_id, view="run")  # the same point, open in another browser
    item_id = meeting_store.agenda_for(_ws(demo_copy).db, meeting_id)[0].id
    form = f"point_{item_id}"

    first.text_area(key=f"{form}_notes").input("Pilot in the north first.")
    first.button(key=f"{form}_save").click().run()
    assert not first.error and _notes(demo_copy, meeting_id) == "Pilot in the north first."

    second.text_area(key=f"{form}_notes").input("Start everywhere at once.")
    second.button(key=f"{form}_save").click().run()
    said = " ".join(plain(e.value) for e in second.error)
    assert "saved this point at" in said and "Pilot in the north first." in said
    assert second.text_area(key=f"{form}_notes").value == "Start everywhere at once."
    assert _notes(demo_copy, meeting_id) == "Pilot in the north first."

    second.button(key=f"{form}_save").click().run()  # seen it, and saves theirs after all
    assert not second.error and _notes(demo_copy, meeting_id) == "Start everywhere at once."
