"""Holding a meeting before its planned day, on the page: the seats it hands over come with it."""

from __future__ import annotations

from pathlib import Path

from council.domain.meetings import AgendaItem
from council.domain.people import CouncilTerm, Person
from council.store import agenda, people
from council.store import meetings as meeting_store
from tests.ui.conftest import button, plain
from tests.ui.test_meetings_page import _fresh_meeting, _meeting_day, _open, _ws


def test_a_meeting_brought_forward_says_which_seats_move_with_it_and_moves_them(app, demo_copy: Path) -> None:
    meeting_id = _fresh_meeting(demo_copy)
    ws = _ws(demo_copy)
    day = _meeting_day(ws)

    def newcomer(tx) -> int:
        person_id = people.add_person(tx, Person("Noor Visser", "finance", roles=("member",)))
        agenda.append_item(tx, AgendaItem(meeting_id, 0, "other", "Welcome", time_box_minutes=5))
        return people.add_council_term(tx, CouncilTerm(person_id, "finance", day))

    term_id = ws.db.write(newcomer)
    today = ws.today()
    ws.db.close()
    at = _open(app, demo_copy, meeting_id, view="run")
    [warning] = [plain(w.value) for w in at.warning if "days from now" in plain(w.value)]
    assert "1 council seat begins at this meeting; it begins today instead." in warning
    at.checkbox(key=f"forward_{meeting_id}").check().run()
    button(at, "Start the meeting").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("The meeting has started." in plain(s.value) for s in at.success)
    ws = _ws(demo_copy)
    [term] = [t for t in people.council_terms(ws.db) if t.id == term_id]
    assert term.starts_on == today and meeting_store.get_meeting(ws.db, meeting_id).status == "open"
