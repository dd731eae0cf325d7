"""The guest's page as a guest uses it: see the invitation, propose one change, edit it, or learn whom to ask."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from council.domain.meetings import Meeting, Proposal
from council.services import proposals
from council.services.workspace import Workspace, open_workspace
from council.store import meetings, people
from council.ui.session import ACTING_KEY
from tests.conftest import DEMO_CONFIG
from tests.ui.conftest import button, plain


def _ws(path: Path) -> Workspace:
    return open_workspace(DEMO_CONFIG, path, demo=False)


def _next_meeting(path: Path) -> Meeting:
    ws = _ws(path)
    found = meetings.next_meeting(ws.db, ws.now())
    assert found is not None and found.guest_id is not None and found.agenda_is_open
    return found


def _as(at: AppTest, person_id: int) -> AppTest:
    # AppTest drops the entry script's sidebar after switch_page: choose the person as the selector does.
    at.session_state[ACTING_KEY] = person_id
    return at.run()


def _stored(path: Path, meeting: Meeting) -> list[tuple]:
    return _ws(path).db.rows(
        "SELECT change, why, journey_stage, customer_notices FROM proposal WHERE meeting_id = ? AND guest_id = ?",
        [meeting.id, meeting.guest_id],
    )


def _shown(at: AppTest) -> str:
    return "\n".join(plain(m.value) for m in at.markdown)


def test_the_guest_proposes_a_change_and_then_sees_it(app, demo_copy: Path) -> None:
    meeting = _next_meeting(demo_copy)
    at = _as(app(demo_copy, "propose_change"), meeting.guest_id)
    assert meeting.title in [h.value for h in at.subheader]
    form = f"propose_{meeting.id}"
    at.text_area(key=f"{form}_change").input("Let customers change their address in the app")
    at.text_area(key=f"{form}_why").input("Movers call us three times for one new address.")
    at.selectbox(key=f"{form}_journey_stage").set_value("moving")
    at.text_area(key=f"{form}_customer_notices").input("One message instead of three calls.")
    button(at, "Send my proposal").click().run()

    assert not at.exception and not at.error
    assert "Your proposal is saved" in plain(at.success[0].value)
    assert _stored(demo_copy, meeting) == [
        (
            "Let customers change their address in the app",
            "Movers call us three times for one new address.",
            "moving",
            "One message instead of three calls.",
        )
    ]
    shown = _shown(at)
    assert "Let customers change their address in the app" in shown and "Moving house" in shown
    assert "Send my proposal" not in [b.label for b in at.button]
    assert button(at, "Save my changes"), "the proposal can still be edited"


def test_bad_input_is_explained_and_nothing_is_saved(app, demo_copy: Path) -> None:
    meeting = _next_meeting(demo_copy)
    at = _as(app(demo_copy, "propose_change"), meeting.guest_id)
    form = f"propose_{meeting.id}"
    at.text_area(key=f"{form}_why").input("Because it hurts customers.")
    button(at, "Send my proposal").click().run()
    assert "The change you propose is empty" in plain(at.error[0].value)
    assert _stored(demo_copy, meeting) == []
    assert at.text_area(key=f"{form}_why").value == "Because it hurts customers.", "what was typed stays"


def test_a_second_proposal_is_refused_and_the_first_one_is_offered_for_editing(app, demo_copy: Path) -> None:
    meeting = _next_meeting(demo_copy)
    at = _as(app(demo_copy, "propose_change"), meeting.guest_id)
    # Meanwhile the guest sent a proposal from another browser tab.
    ws = _ws(demo_copy)
    guest = people.get_person(ws.db, meeting.guest_id)
    first = Proposal(meeting.id, guest.id, "Answer the phone within a minute", "Waiting makes people angry.")
    proposal_id = proposals.submit_proposal(ws, guest, meeting.id, first)

    form = f"propose_{meeting.id}"
    at.text_area(key=f"{form}_change").input("A second idea")
    at.text_area(key=f"{form}_why").input("Also important.")
    button(at, "Send my proposal").click().run()

    assert not at.exception
    refusal = plain(at.error[0].value)
    assert "already proposed" in refusal and "Answer the phone within a minute" in refusal
    assert _stored(demo_copy, meeting) == [
        ("Answer the phone within a minute", "Waiting makes people angry.", None, "")
    ]
    edit = f"edit_proposal_{proposal_id}"
    assert at.text_area(key=f"{edit}_change").value == "Answer the phone within a minute"

    at.text_area(key=f"{edit}_change").input("Answer the phone within two minutes")
    button(at, "Save my changes").click().run()
    assert "Your changes are saved" in plain(at.success[0].value)
    assert _stored(demo_copy, meeting)[0][0] == "Answer the phone within two minutes"
    assert not at.error, "the refusal is shown once"


def test_a_closed_agenda_shows_the_proposal_without_a_form(app, demo_copy: Path) -> None:
    meeting = _next_meeting(demo_copy)
    ws = _ws(demo_copy)
    guest = people.get_person(ws.db, meeting.guest_id)
    proposals.submit_proposal(
        ws, guest, meeting.id, Proposal(meeting.id, guest.id, "Fewer letters", "Clutter.")
    )
    ws.db.write(lambda tx: meetings.set_agenda_closed(tx, meeting.id, ws.now()))
    at = _as(app(demo_copy, "propose_change"), meeting.guest_id)
    assert not at.exception
    assert "Fewer letters" in _shown(at)
    assert not [b for b in at.button if b.label in ("Send my proposal", "Save my changes")]
    assert any("agenda of this meeting is closed" in plain(i.value) for i in at.info)


def test_someone_not_invited_is_told_whom_to_ask_and_sees_their_earlier_proposals(
    app, demo_copy: Path
) -> None:
    ws = _ws(demo_copy)
    past_guest = ws.db.row(
        "SELECT p.guest_id, p.change FROM proposal p JOIN meeting m ON m.id = p.meeting_id"
        " WHERE m.status = 'closed' ORDER BY p.id LIMIT 1"
    )
    assert not proposals.invitations(ws, past_guest[0])
    secretary = next(p for p in people.list_people(ws.db) if p.has_role("secretary"))
    at = _as(app(demo_copy, "propose_change"), past_guest[0])
    assert not at.exception
    message = plain(at.info[0].value)
    assert "not invited as a guest to a coming council meeting" in message and secretary.name in message
    assert not [b for b in at.button if b.label == "Send my proposal"]
    assert past_guest[1] in [plain(e.label) for e in at.expander]
