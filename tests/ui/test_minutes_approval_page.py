"""Minutes after the meeting, on the Meetings page: the secretary corrects the draft with a reason, the next
meeting takes up the suggested approval point and approves them, and after that only an amendment with a
reason changes them."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from council.services import minutes_record
from council.store import meetings as meeting_store
from council.ui.session import ACTING_KEY
from tests.ui.conftest import button, plain
from tests.ui.test_meetings_page import _bring_forward_and_start, _by_name, _ws


def _last_and_next(db: Path) -> tuple[int, int, int]:
    """The demo's last closed meeting (its minutes a draft), the meeting after it, and that one's chair."""
    ws = _ws(db)
    last = meeting_store.last_closed(ws.db)
    following = minutes_record.next_meeting(ws.db, last)
    ws.db.close()
    return last.id, following.id, following.chair_id


def _opened(app, db: Path, meeting_id: int, person_id: int, **params: str) -> AppTest:
    at = app(db, "meetings", id=str(meeting_id), **params)
    at.session_state[ACTING_KEY] = person_id
    return at.run()


def test_the_secretary_corrects_the_draft_minutes_with_a_reason_and_sees_the_version(
    app, demo_copy: Path
) -> None:
    last, _, _ = _last_and_next(demo_copy)
    at = _opened(app, demo_copy, last, _by_name(_ws(demo_copy), "Inge Brouwer"))
    assert any("Draft minutes." in plain(i.value) for i in at.info)
    form = f"correct_minutes_{last}"
    at.text_area(key=f"{form}_summary").input("Next meeting moves to the large room.")
    button(at, "Save the correction").click().run()
    assert any("Say briefly why" in plain(e.value) for e in at.error)  # refused next to the field
    assert (
        meeting_store.get_meeting(_ws(demo_copy).db, last).minutes != "Next meeting moves to the large room."
    )
    assert at.text_area(key=f"{form}_summary").value == "Next meeting moves to the large room."  # kept

    at.text_input(key=f"{form}_reason").input("The room change was left out")
    button(at, "Save the correction").click().run()
    assert not at.exception and not at.error
    assert any("Saved as version 2." in plain(s.value) for s in at.success)
    assert (
        meeting_store.get_meeting(_ws(demo_copy).db, last).minutes == "Next meeting moves to the large room."
    )
    shown = " ".join(plain(m.value) for m in at.markdown)
    assert (
        "Version 2" in shown
        and "The room change was left out" in shown
        and "changed the general minutes" in shown
    )
    assert "Corrected on" in shown  # the minutes themselves say so too


def test_the_next_meeting_approves_the_minutes_and_then_only_an_amendment_changes_them(
    app, demo_copy: Path
) -> None:
    last, following, chair = _last_and_next(demo_copy)
    at = _opened(app, demo_copy, following, chair, view="prepare")
    shown = [plain(m.value) for m in at.markdown]
    assert any(text.startswith("**Minutes to approve**") for text in shown)
    at.button(key=f"add_minutes_{last}").click().run()
    assert not at.exception
    [item] = [
        i for i in meeting_store.agenda_for(_ws(demo_copy).db, following) if i.title.startswith("Approve")
    ]

    at = _opened(app, demo_copy, following, chair, view="run")
    _bring_forward_and_start(at, following)
    index = [i.id for i in meeting_store.agenda_for(_ws(demo_copy).db, following)].index(item.id)
    at.session_state[f"current_point_{following}"] = index
    at.run()
    assert any("are a draft (version 1)" in plain(i.value) for i in at.info)
    at.button(key=f"approve_{item.id}").click().run()
    assert not at.exception
    assert any("The minutes are approved." in plain(s.value) for s in at.success)
    record = minutes_record.record_of(_ws(demo_copy), last)
    assert (
        record.locked and record.approved_at == meeting_store.get_meeting(_ws(demo_copy).db, following).title
    )

    at = _opened(app, demo_copy, last, _by_name(_ws(demo_copy), "Inge Brouwer"))
    assert any(plain(s.value).startswith("**Approved** on") for s in at.success)
    form = f"correct_minutes_{last}"
    at.text_area(key=f"{form}_summary").input("Amended general minutes.")
    button(at, "Save the amendment").click().run()
    assert any("an amendment needs a reason" in plain(e.value) for e in at.error)
    at.text_input(key=f"{form}_reason").input("The chair's closing words were missing")
    button(at, "Save the amendment").click().run()
    assert not at.exception and not at.error
    assert any("Amended" in plain(w.value) and "closing words" in plain(w.value) for w in at.warning), [
        w.value for w in at.warning
    ]
