"""The Meetings page as the secretary and the chair use it: plan, build the agenda, run the meeting, close it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

from council.domain.meetings import Meeting
from council.services import meetings
from council.services.workspace import open_workspace
from council.store import agenda, people
from council.store import meetings as meeting_store
from council.ui.session import ACTING_KEY
from tests.conftest import DEMO_CONFIG
from tests.services.conftest import SECRETARY
from tests.ui.conftest import button, plain


def _ws(path: Path):
    return open_workspace(DEMO_CONFIG, path, demo=False)


def _meeting_day(ws) -> date:
    """A Thursday well after the demo's planned meetings, so no guest is a neighbour's guest."""
    day = ws.today() + timedelta(weeks=10)
    return day + timedelta(days=(3 - day.weekday()) % 7)


def _by_name(ws, name: str) -> int:
    return next(p.id for p in people.list_people(ws.db) if p.name == name)


def _plan(app, demo_copy: Path, **changes) -> tuple[AppTest, int | None]:
    ws = _ws(demo_copy)
    day = _meeting_day(ws)
    chair = _by_name(ws, "Marieke Jansen")
    guest = _by_name(ws, "Sophie Verbeek")
    ws.db.close()
    at = app(demo_copy, "meetings")
    at.session_state[ACTING_KEY] = _by_name(_ws(demo_copy), "Inge Brouwer")
    values = {"day": day, "time": time(14, 0), "duration": 60, "title": "", "location": "Room 2.01",
              "chair": chair, "guest": guest} | changes  # fmt: skip
    for field, value in values.items():
        at.session_state[f"plan_meeting_{field}"] = value
    at.run()
    button(at, "Plan the meeting").click().run()
    assert not at.exception, [e.value for e in at.exception]
    meeting_id = at.query_params.get("id")
    return at, int(meeting_id) if meeting_id else None


def test_planning_a_meeting_saves_it_and_opens_its_agenda(app, demo_copy: Path) -> None:
    at, meeting_id = _plan(app, demo_copy)
    assert meeting_id is not None
    ws = _ws(demo_copy)
    meeting = meeting_store.get_meeting(ws.db, meeting_id)
    assert meeting.title == f"Council meeting {_meeting_day(ws):%-d %B %Y}"
    assert meeting.starts_at.astimezone(ws.zone).time() == time(14, 0)
    assert (meeting.duration_minutes, meeting.location, meeting.status) == (60, "Room 2.01", "planned")
    assert meeting.guest_id in meeting_store.attendees(ws.db, meeting_id)
    assert "The meeting is planned" in plain(at.success[0].value)
    assert meeting.title in [s.value for s in at.subheader]


def test_the_list_shows_coming_meetings_soonest_first_then_past_ones(app, demo_copy: Path) -> None:
    ws = _ws(demo_copy)
    bare = meetings.plan_meeting(ws, SECRETARY, Meeting(title="No chair yet", starts_at=datetime.combine(
        _meeting_day(ws), time(14), ws.zone)))  # fmt: skip
    ws.db.close()
    at = app(demo_copy, "meetings")
    table = at.dataframe[0].value
    coming = table[table["status"] != "Closed"]
    past = table[table["status"] == "Closed"]
    assert list(table["id"][: len(coming)]) == list(coming.sort_values("starts_at")["id"])
    assert list(past["starts_at"]) == sorted(past["starts_at"], reverse=True)
    row = table[table["id"] == bare].iloc[0]
    assert (row["chair"], row["guest"]) == ("—", "—")


def test_sitting_members_are_not_offered_as_guest(app, demo_copy: Path) -> None:
    ws = _ws(demo_copy)
    day = _meeting_day(ws)
    serving = people.serving_on(ws.db, day)
    member = next(p.name for p in people.list_people(ws.db) if p.id in serving)
    at = app(demo_copy, "meetings")
    at.session_state["plan_meeting_day"] = day
    at.run()
    guests = " ".join(at.selectbox(key="plan_meeting_guest").options)
    chairs = " ".join(at.selectbox(key="plan_meeting_chair").options)
    assert member in chairs and member not in guests
    assert "Sophie Verbeek" in guests and "Sophie Verbeek" not in chairs


def test_a_meeting_in_the_past_is_refused(app, demo_copy: Path) -> None:
    ws = _ws(demo_copy)
    today = ws.today()
    ws.db.close()
    # The date picker offers no past days, but an hour already gone today is in the past too.
    at, meeting_id = _plan(app, demo_copy, day=today, time=time(0, 0), chair=None, guest=None)
    assert meeting_id is None
    assert any("already passed" in plain(e.value) for e in at.error)


def _open(app, db: Path, meeting_id: int, view: str | None = None) -> AppTest:
    params = {"id": str(meeting_id)} | ({"view": view} if view else {})
    at = app(db, "meetings", **params)
    at.session_state[ACTING_KEY] = _by_name(_ws(db), "Marieke Jansen")
    return at.run()


def _fresh_meeting(demo_copy: Path) -> int:
    ws = _ws(demo_copy)
    day = _meeting_day(ws)
    from datetime import datetime

    meeting_id = meetings.plan_meeting(
        ws, SECRETARY,
        Meeting(title="Walk-through meeting", starts_at=datetime.combine(day, time(14), ws.zone),
                duration_minutes=45, chair_id=_by_name(ws, "Marieke Jansen"), guest_id=_by_name(ws, "Sophie Verbeek")),
    )  # fmt: skip
    ws.db.close()
    return meeting_id


def test_the_chair_adds_reorders_and_time_boxes_agenda_points(app, demo_copy: Path) -> None:
    meeting_id = _fresh_meeting(demo_copy)
    at = _open(app, demo_copy, meeting_id)
    add_buttons = [b for b in at.button if b.label == "Add"]
    assert len(add_buttons) >= 3
    for _ in range(3):
        [b for b in at.button if b.label == "Add"][-1].click().run()
        assert not at.exception
    ws = _ws(demo_copy)
    items = meeting_store.agenda_for(ws.db, meeting_id)
    assert [i.position for i in items] == [1, 2, 3]
    last = items[-1]
    at.button(key=f"up_{last.id}").click().run()
    at.number_input(key=f"time_{last.id}").set_value(40).run()
    items = meeting_store.agenda_for(_ws(demo_copy).db, meeting_id)
    assert items[1].id == last.id and items[1].time_box_minutes == 40
    # 15 + 40 + 15 = 70 minutes in a 45-minute meeting: a warning, not a refusal.
    assert any("25 more than the meeting's 45" in plain(w.value) for w in at.warning)
    at.button(key=f"remove_{items[0].id}").click().run()
    assert [i.position for i in meeting_store.agenda_for(_ws(demo_copy).db, meeting_id)] == [1, 2]


def test_the_secretary_moves_a_planned_meeting_and_its_date_title_follows(app, demo_copy: Path) -> None:
    at, meeting_id = _plan(app, demo_copy)
    assert meeting_id is not None
    form = f"edit_meeting_{meeting_id}"
    assert at.text_input(key=f"{form}_location").value == "Room 2.01"
    new_day = _meeting_day(_ws(demo_copy)) + timedelta(days=1)
    at.date_input(key=f"{form}_day").set_value(new_day)
    at.text_input(key=f"{form}_location").input("https://meet.example/cx")
    button(at, "Save the changes").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Saved: title, date and time, place" in plain(s.value) for s in at.success)
    meeting = meeting_store.get_meeting(_ws(demo_copy).db, meeting_id)
    assert meeting.title == f"Council meeting {new_day:%-d %B %Y}"
    assert meeting.starts_at.date() == new_day and meeting.location == "https://meet.example/cx"
    # The form shows the meeting as saved, so saving again changes nothing.
    assert at.text_input(key=f"{form}_title").value == meeting.title
    button(at, "Save the changes").click().run()
    assert any("Nothing had changed" in plain(s.value) for s in at.success)


def test_a_planned_meeting_whose_day_passed_opens_and_can_be_moved(app, demo_copy: Path) -> None:
    ws = _ws(demo_copy)
    meeting_id = ws.db.value("SELECT min(id) FROM meeting WHERE status = 'planned'")
    passed = ws.now() - timedelta(days=3)
    ws.db.write(lambda tx: tx.execute("UPDATE meeting SET starts_at = ? WHERE id = ?", [passed, meeting_id]))
    ws.db.close()
    at = _open(app, demo_copy, meeting_id)
    assert not at.exception, [e.value for e in at.exception]
    form = f"edit_meeting_{meeting_id}"
    assert at.date_input(key=f"{form}_day").value == passed.date()
    at.date_input(key=f"{form}_day").set_value(_meeting_day(_ws(demo_copy)))
    button(at, "Save the changes").click().run()
    assert any("Saved:" in plain(s.value) for s in at.success)


def test_moving_a_meeting_into_the_past_shows_why_and_keeps_it(app, demo_copy: Path) -> None:
    at, meeting_id = _plan(app, demo_copy)
    form = f"edit_meeting_{meeting_id}"
    today = _ws(demo_copy).today()
    at.session_state[f"{form}_day"] = today
    at.session_state[f"{form}_time"] = time(0, 0)
    at.run()
    button(at, "Save the changes").click().run()
    assert any("already passed" in plain(e.value) for e in at.error)
    assert meeting_store.get_meeting(_ws(demo_copy).db, meeting_id).starts_at.date() != today


def test_the_chair_corrects_the_place_but_the_chair_and_guest_are_the_secretarys(
    app, demo_copy: Path
) -> None:
    meeting_id = _fresh_meeting(demo_copy)
    at = _open(app, demo_copy, meeting_id)
    form = f"edit_meeting_{meeting_id}"
    assert at.selectbox(key=f"{form}_guest").disabled and at.selectbox(key=f"{form}_chair").disabled
    at.text_input(key=f"{form}_location").input("Room 3.10")
    button(at, "Save the changes").click().run()
    assert any("Saved: place" in plain(s.value) for s in at.success)
    meeting = meeting_store.get_meeting(_ws(demo_copy).db, meeting_id)
    assert meeting.location == "Room 3.10" and meeting.guest_id == _by_name(_ws(demo_copy), "Sophie Verbeek")
    button(at, "Close the agenda").click().run()
    assert meeting_store.get_meeting(_ws(demo_copy).db, meeting_id).agenda_closed_at is not None


def test_a_member_who_does_not_chair_the_meeting_cannot_close_its_agenda(app, demo_copy: Path) -> None:
    meeting_id = _fresh_meeting(demo_copy)
    ws = _ws(demo_copy)
    other = next(
        p for p in people.list_people(ws.db) if p.roles == ("member",) and p.name != "Marieke Jansen"
    )
    ws.db.close()
    at = app(demo_copy, "meetings", id=str(meeting_id))
    at.session_state[ACTING_KEY] = other.id
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Close the agenda" not in [b.label for b in at.button]


def test_the_chair_adds_a_point_of_their_own(app, demo_copy: Path) -> None:
    meeting_id = _fresh_meeting(demo_copy)
    at = _open(app, demo_copy, meeting_id)
    at.text_input(key="agenda_other_title").input("Results of the callback pilot")
    at.number_input(key="agenda_other_minutes").set_value(20)
    button(at, "Add to the agenda").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Added your point" in plain(s.value) for s in at.success)
    [item] = meeting_store.agenda_for(_ws(demo_copy).db, meeting_id)
    assert (item.kind, item.title, item.time_box_minutes) == ("other", "Results of the callback pilot", 20)


def _bring_forward_and_start(at: AppTest, meeting_id: int) -> None:
    """The test meetings lie weeks ahead: starting one asks to bring it forward to today first."""
    assert any("days from now" in plain(w.value) for w in at.warning)
    assert button(at, "Start the meeting").disabled
    at.checkbox(key=f"forward_{meeting_id}").check().run()
    button(at, "Start the meeting").click().run()
    assert not at.exception, [e.value for e in at.exception]


def _decide(at: AppTest, item_id: int, title: str, owner: int, due: date, notes: str) -> None:
    form = f"point_{item_id}"
    at.text_area(key=f"{form}_notes").input(notes)
    at.radio(key=f"{form}_outcome").set_value("decided").run()
    at.text_input(key=f"{form}_decision_title").input(title)
    at.text_area(key=f"{form}_decision_text").input(f"{title}, starting next month.")
    at.text_area(key=f"{form}_decision_rationale").input("Customers told us so, again and again.")
    at.session_state[f"{form}_decision_department"] = "service"
    at.session_state[f"{form}_decision_owner"] = owner
    at.session_state[f"{form}_decision_due_on"] = due
    at.button(key=f"{form}_save").click().run()
    assert not at.exception, [e.value for e in at.exception]


def _add_action(at: AppTest, decision_id: int, what: str, owner: int, due: date) -> None:
    form = f"action_{decision_id}"
    at.text_input(key=f"{form}_what").input(what)
    at.session_state[f"{form}_owner"] = owner
    at.session_state[f"{form}_due_on"] = due
    button(at, "Add action").click().run()
    assert not at.exception, [e.value for e in at.exception]
    # Ready for the next action: nothing of this one stays in the fields, so it is not added twice.
    assert at.text_input(key=f"{form}_what").value == ""
    assert (at.selectbox(key=f"{form}_owner").value, at.date_input(key=f"{form}_due_on").value) == (
        None,
        None,
    )


def _go_to_point(at: AppTest, meeting_id: int, index: int) -> None:
    at.session_state[f"current_point_{meeting_id}"] = index
    at.run()


def test_meeting_mode_records_decisions_and_actions_and_closing_freezes_it(app, demo_copy: Path) -> None:
    meeting_id = _fresh_meeting(demo_copy)
    ws = _ws(demo_copy)
    owner = _by_name(ws, "Dennis Bakker")
    day = _meeting_day(ws)
    ws.db.close()
    at = _open(app, demo_copy, meeting_id)
    for _ in range(3):
        [b for b in at.button if b.label == "Add"][-1].click().run()
    at = _open(app, demo_copy, meeting_id, view="run")
    _bring_forward_and_start(at, meeting_id)
    assert meeting_store.get_meeting(_ws(demo_copy).db, meeting_id).status == "open"
    items = meeting_store.agenda_for(_ws(demo_copy).db, meeting_id)

    # A decision needs an owner: refused next to the field, nothing written.
    form = f"point_{items[0].id}"
    at.radio(key=f"{form}_outcome").set_value("decided").run()
    at.text_input(key=f"{form}_decision_title").input("Call back within a day")
    at.text_area(key=f"{form}_decision_text").input("Call back within a day.")
    at.session_state[f"{form}_decision_department"] = "service"
    at.button(key=f"{form}_save").click().run()
    assert any("Nobody owns this decision" in plain(e.value) for e in at.error)
    assert _ws(demo_copy).db.value("SELECT count(*) FROM decision WHERE meeting_id = ?", [meeting_id]) == 0

    _decide(
        at, items[0].id, "Call back within one working day", owner, day + timedelta(weeks=4), "Long talk."
    )
    first = agenda.decisions_of_item(_ws(demo_copy).db, items[0].id)
    assert len(first) == 1
    _add_action(at, first[0], "Set up a callback queue", owner, day + timedelta(weeks=1))
    _add_action(at, first[0], "Train the evening shift", owner, day + timedelta(weeks=2))

    _go_to_point(at, meeting_id, 1)
    _decide(at, items[1].id, "One owner for every address change", owner, day + timedelta(weeks=8), "Agreed.")
    second = agenda.decisions_of_item(_ws(demo_copy).db, items[1].id)
    _add_action(at, second[0], "Write the new address-change routine", owner, day + timedelta(weeks=3))

    _go_to_point(at, meeting_id, 2)
    at.radio(key=f"point_{items[2].id}_outcome").set_value("postponed").run()
    at.button(key=f"point_{items[2].id}_save").click().run()

    at.text_area(key=f"minutes_{meeting_id}_text").input("Next time: results of the callback pilot.")
    button(at, "Save minutes").click().run()
    at.checkbox(key=f"close_ok_{meeting_id}").check().run()
    button(at, "Close the meeting").click().run()
    assert not at.exception, [e.value for e in at.exception]
    # The page turns to the minutes, ready to download.
    assert any("Here are its draft minutes" in plain(s.value) for s in at.success)
    assert "Minutes (Markdown)" in [b.label for b in at.get("download_button")]

    db = _ws(demo_copy).db
    meeting = meeting_store.get_meeting(db, meeting_id)
    assert meeting.status == "closed" and meeting.minutes == "Next time: results of the callback pilot."
    assert [i.outcome for i in meeting_store.agenda_for(db, meeting_id)] == [
        "decided",
        "decided",
        "postponed",
    ]
    assert (
        db.value("SELECT count(DISTINCT decision_id) FROM decision WHERE meeting_id = ?", [meeting_id]) == 2
    )
    assert (
        db.value(
            "SELECT count(*) FROM action_item a JOIN decision d USING (decision_id) WHERE d.meeting_id = ?",
            [meeting_id],
        )
        == 3
    )
    assert (
        db.value("SELECT count(*) FROM decision_event WHERE decision_id IN (?, ?)", [first[0], second[0]])
        == 2
    )
    # The postponed point rolls over to the next meeting's suggestions.
    later = meetings.plan_meeting(
        _ws(demo_copy), SECRETARY,
        Meeting(title="Next", starts_at=meeting.starts_at + timedelta(weeks=4), chair_id=meeting.chair_id),
    )  # fmt: skip
    from council.services.agenda_suggestions import suggestions

    found = suggestions(_ws(demo_copy), later)
    rolled = [s for s in found if s.key == (items[2].kind, agenda_ref(items[2]))]
    assert rolled and rolled[0].reason.startswith("Postponed on")
    # Closed means closed: the page offers no more changes.
    at = _open(app, demo_copy, meeting_id, view="run")
    assert any("This meeting is closed" in plain(i.value) for i in at.info)
    assert not [b for b in at.button if b.label in ("Save this point", "Add action", "Close the meeting")]


def agenda_ref(item) -> int:
    return getattr(item, agenda.REFERENCE[item.kind])


def test_a_whole_meeting_from_planning_to_exported_minutes(app, demo_copy: Path) -> None:
    from council.services.markdown_minutes import minutes_markdown
    from council.services.minutes import minutes

    # The secretary plans the meeting with a guest.
    at, meeting_id = _plan(app, demo_copy, title="Walk-through council")
    assert meeting_id is not None
    ws = _ws(demo_copy)
    guest, owner, day = _by_name(ws, "Sophie Verbeek"), _by_name(ws, "Dennis Bakker"), _meeting_day(ws)
    # The guest proposes one change.
    at = app(demo_copy, "propose_change")
    at.session_state[ACTING_KEY] = guest
    at.run()
    form = f"propose_{meeting_id}"
    at.text_area(key=f"{form}_change").input("Let customers change their address in the app")
    at.text_area(key=f"{form}_why").input("Movers call us three times for one new address.")
    at.text_area(key=f"{form}_customer_notices").input("One message instead of three calls.")
    button(at, "Send my proposal").click().run()
    assert not at.exception
    # The chair builds the agenda: the proposal comes first among the suggestions.
    at = _open(app, demo_copy, meeting_id)
    at.button(
        key=f"add_proposal_{_ws(demo_copy).db.value('SELECT id FROM proposal WHERE meeting_id = ?', [meeting_id])}"
    ).click().run()
    [b for b in at.button if b.label == "Add"][-1].click().run()
    kinds = [i.kind for i in meeting_store.agenda_for(_ws(demo_copy).db, meeting_id)]
    assert len(kinds) == 2 and kinds[0] == "proposal"
    # Meeting mode: two decisions, three actions, then close.
    at = _open(app, demo_copy, meeting_id, view="run")
    _bring_forward_and_start(at, meeting_id)
    items = meeting_store.agenda_for(_ws(demo_copy).db, meeting_id)
    _decide(
        at,
        items[0].id,
        "Address changes in the app",
        owner,
        day + timedelta(weeks=8),
        "Guest's idea, adopted.",
    )
    first = agenda.decisions_of_item(_ws(demo_copy).db, items[0].id)[0]
    _add_action(at, first, "Design the address screen", owner, day + timedelta(weeks=2))
    _add_action(at, first, "Connect it to billing", owner, day + timedelta(weeks=6))
    _go_to_point(at, meeting_id, 1)
    _decide(at, items[1].id, "Weekly check of the backlog", owner, day + timedelta(weeks=4), "Short.")
    second = agenda.decisions_of_item(_ws(demo_copy).db, items[1].id)[0]
    _add_action(at, second, "Book the weekly slot", owner, day + timedelta(weeks=1))
    at.checkbox(key=f"close_ok_{meeting_id}").check().run()
    button(at, "Close the meeting").click().run()
    assert not at.exception, [e.value for e in at.exception]

    ws = _ws(demo_copy)
    assert meeting_store.get_meeting(ws.db, meeting_id).status == "closed"
    assert ws.db.value("SELECT status FROM proposal WHERE meeting_id = ?", [meeting_id]) == "decided"
    assert (
        ws.db.value(
            "SELECT count(*) FROM action_item a JOIN decision d USING (decision_id) WHERE d.meeting_id = ?",
            [meeting_id],
        )
        == 3
    )
    text = minutes_markdown(minutes(ws, meeting_id))
    for expected in ("Walk-through council", "Sophie Verbeek", "Let customers change their address in the app",
                     "Address changes in the app", "Weekly check of the backlog", "Design the address screen",
                     "Connect it to billing", "Book the weekly slot", "Dennis Bakker"):  # fmt: skip
        assert expected in text, expected
    # The page offers the same minutes for download.
    at = _open(app, demo_copy, meeting_id)
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == ["Minutes (Markdown)", "Printable minutes (HTML)", "Calendar invite (.ics)"]
