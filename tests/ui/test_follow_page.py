"""Following a running meeting from another seat: the point the chair records shows there, and a remark
made there shows to the chair."""

from __future__ import annotations

from pathlib import Path

from council.store import meetings as meeting_store
from council.ui.session import ACTING_KEY
from tests.ui.conftest import button, plain
from tests.ui.test_meetings_page import _bring_forward_and_start, _by_name, _fresh_meeting, _open, _ws


def _shown(at) -> str:
    return " ".join(
        [plain(m.value) for m in at.markdown]
        + [t.value for t in at.text]
        + [plain(c.value) for c in at.caption]
    )


def test_an_attendee_follows_the_chair_and_the_chair_sees_their_remark(app, demo_copy: Path) -> None:
    meeting_id = _fresh_meeting(demo_copy)
    at = _open(app, demo_copy, meeting_id)
    for _ in range(2):
        [b for b in at.button if b.label == "Add"][-1].click().run()
    chair = _open(app, demo_copy, meeting_id, view="run")
    _bring_forward_and_start(chair, meeting_id)
    ws = _ws(demo_copy)
    items = meeting_store.agenda_for(ws.db, meeting_id)
    attendee = next(
        i for i in meeting_store.attendees(ws.db, meeting_id) if i != _by_name(ws, "Marieke Jansen")
    )
    follower = app(demo_copy, "meetings", id=str(meeting_id), view="run")
    follower.session_state[ACTING_KEY] = attendee
    follower.run()
    assert not follower.exception
    assert "Now under discussion" in _shown(follower) and items[0].title in _shown(follower)

    chair.session_state[f"current_point_{meeting_id}"] = 1  # the chair moves on to the second point
    chair.run()
    form = f"point_{items[1].id}"
    chair.text_area(key=f"{form}_notes").input("Pilot in the north first.")
    chair.button(key=f"{form}_save").click().run()
    follower.run()  # in the browser the part refreshes by itself every few seconds
    assert items[1].title in _shown(follower) and "Pilot in the north first." in _shown(follower)

    follower.text_area(key=f"remark_{meeting_id}_text").input("Which region counts as the north?")
    button(follower, "Add remark").click().run()
    assert not follower.error and "Remark added." in plain(follower.success[0].value)
    chair.run()
    assert "Which region counts as the north?" in _shown(chair)
