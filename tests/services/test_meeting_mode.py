"""Building an agenda and running a meeting through the services, on the demo workspace."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest

from council.domain.decisions import ActionDraft, DecisionDraft
from council.domain.errors import NotAllowed, StaleVersion, ValidationError
from council.domain.meetings import Meeting, default_title
from council.domain.people import CouncilTerm, Person
from council.services import agenda, meeting_mode, meeting_outcomes, meetings, roster, rotation
from council.services.agenda_suggestions import suggestions
from council.services.rotation import rotation_plan
from council.services.workspace import Workspace
from council.store import decisions as decision_store
from council.store import meetings as meeting_store
from council.store import people
from tests.services.conftest import CHAIR, MEMBER, SECRETARY

MEETING_TABLES = ("meeting", "meeting_attendee", "agenda_item", "decision", "decision_event", "decision_link",
                  "action_item", "friction_point", "missing_connection", "proposal", "audit_log")  # fmt: skip


def _sizes(ws: Workspace) -> dict[str, int]:
    return {t: ws.db.value(f"SELECT count(*) FROM {t}") for t in MEETING_TABLES}


def _person(ws: Workspace, name: str) -> int:
    return next(p.id for p in people.list_people(ws.db) if p.name == name)


def _plan(ws: Workspace, weeks: int = 10, **fields) -> int:
    day = ws.today() + timedelta(weeks=weeks)
    return meetings.plan_meeting(
        ws, SECRETARY, Meeting(title=fields.pop("title", "Test meeting"), starts_at=datetime.combine(day, time(14), ws.zone),
                          duration_minutes=fields.pop("duration_minutes", 60), **fields),
    )  # fmt: skip


def _decision(ws: Workspace, meeting_id: int, **changes) -> DecisionDraft:
    day = meeting_store.get_meeting(ws.db, meeting_id).starts_at.astimezone(ws.zone).date()
    fields = {"title": "Call back within a day", "text": "Every callback request is answered within a day.",
              "rationale": "Customers wait too long.", "owner_department": "service",
              "owner_id": _person(ws, "Dennis Bakker"), "due_on": day + timedelta(weeks=4)} | changes  # fmt: skip
    return DecisionDraft(**fields)


@pytest.fixture
def running(demo: Workspace) -> tuple[Workspace, int, list]:
    """A meeting with three agenda points, started."""
    meeting_id = _plan(demo)
    for s in suggestions(demo, meeting_id)[-3:]:
        agenda.add_suggestion(demo, MEMBER, meeting_id, s.kind, s.ref_id)
    meeting_mode.start_meeting(demo, CHAIR, meeting_id, bring_forward=True)
    return demo, meeting_id, meeting_store.agenda_for(demo.db, meeting_id)


def test_suggestions_leave_out_what_is_already_on_the_agenda(demo: Workspace) -> None:
    meeting_id = _plan(demo)
    first = suggestions(demo, meeting_id)[0]
    agenda.add_suggestion(demo, MEMBER, meeting_id, first.kind, first.ref_id)
    assert first.key not in {s.key for s in suggestions(demo, meeting_id)}
    with pytest.raises(Exception, match="already on this agenda"):
        agenda.add_suggestion(demo, MEMBER, meeting_id, first.kind, first.ref_id)


def test_overdue_follow_ups_are_suggested_first_and_named_overdue(demo: Workspace) -> None:
    meeting_id = _plan(demo)
    found = suggestions(demo, meeting_id)
    follow_ups = [s for s in found if s.kind == "follow_up"]
    assert follow_ups and found[: len(follow_ups)] == follow_ups
    assert [s.due_on for s in follow_ups] == sorted(s.due_on for s in follow_ups)
    assert all("overdue" in s.reason for s in follow_ups if s.due_on < demo.today() + timedelta(weeks=10))


def test_open_items_at_moments_of_truth_come_before_the_others(demo: Workspace) -> None:
    found = [s for s in suggestions(demo, _plan(demo), limit=40) if s.group == 3]
    flags = [s.at_moment_of_truth for s in found]
    assert True in flags and False in flags
    assert flags == sorted(flags, reverse=True)
    moments = [s.score.total for s in found if s.at_moment_of_truth]
    assert moments == sorted(moments, reverse=True)


def test_putting_a_friction_point_on_the_agenda_marks_it_and_taking_it_off_reopens_it(
    demo: Workspace,
) -> None:
    meeting_id = _plan(demo)
    point = next(s for s in suggestions(demo, meeting_id, limit=40) if s.kind == "friction" and s.group == 3)
    status = "SELECT status FROM friction_point WHERE id = ?"
    before = demo.db.value(status, [point.ref_id])
    item_id = agenda.add_suggestion(demo, MEMBER, meeting_id, "friction", point.ref_id)
    assert demo.db.value(status, [point.ref_id]) == ("on_agenda" if before == "open" else before)
    agenda.remove(demo, MEMBER, item_id)
    assert demo.db.value(status, [point.ref_id]) == before


def test_moving_points_keeps_positions_one_to_n(demo: Workspace) -> None:
    meeting_id = _plan(demo)
    for s in suggestions(demo, meeting_id)[:3]:
        agenda.add_suggestion(demo, MEMBER, meeting_id, s.kind, s.ref_id)
    items = meeting_store.agenda_for(demo.db, meeting_id)
    agenda.move(demo, MEMBER, items[2].id, -1)
    agenda.move(demo, MEMBER, items[0].id, -1)  # already first: nothing changes
    after = meeting_store.agenda_for(demo.db, meeting_id)
    assert [i.id for i in after] == [items[0].id, items[2].id, items[1].id]
    assert [i.position for i in after] == [1, 2, 3]


def test_time_boxes_beyond_the_meeting_are_allowed_and_reported(demo: Workspace) -> None:
    meeting_id = _plan(demo, duration_minutes=30)
    for s in suggestions(demo, meeting_id)[:3]:
        agenda.add_suggestion(demo, MEMBER, meeting_id, s.kind, s.ref_id)
    item = meeting_store.agenda_for(demo.db, meeting_id)[0]
    agenda.set_time_box(demo, MEMBER, item.id, 30)
    view = agenda.agenda_of(demo, meeting_id)
    assert view.time.over_by == view.time.planned_minutes - 30 > 0


def test_a_decision_without_owner_or_due_date_or_due_before_the_meeting_writes_nothing(running) -> None:
    ws, meeting_id, items = running
    before = _sizes(ws)
    day = meeting_store.get_meeting(ws.db, meeting_id).starts_at.astimezone(ws.zone).date()
    for draft, field in [
        (_decision(ws, meeting_id, owner_id=None), "decision_owner"),
        (_decision(ws, meeting_id, owner_department=None), "decision_department"),
        (_decision(ws, meeting_id, due_on=None), "decision_due_on"),
        (_decision(ws, meeting_id, due_on=day - timedelta(days=1)), "decision_due_on"),
        (_decision(ws, meeting_id, text="  "), "decision_text"),
    ]:
        with pytest.raises(ValidationError) as refused:
            meeting_outcomes.record_outcome(ws, CHAIR, items[0].id, "notes", "decided", draft)
        assert refused.value.field == field
    with pytest.raises(ValidationError, match="needs the decision"):
        meeting_outcomes.record_outcome(ws, CHAIR, items[0].id, "notes", "decided", None)
    assert _sizes(ws) == before


def test_a_decision_is_recorded_with_its_links_event_and_actions(running) -> None:
    ws, meeting_id, items = running
    decision_id = meeting_outcomes.record_outcome(
        ws, CHAIR, items[0].id, "Long talk", "decided", _decision(ws, meeting_id)
    )
    day = meeting_store.get_meeting(ws.db, meeting_id).starts_at.astimezone(ws.zone).date()
    meeting_outcomes.add_action(
        ws, CHAIR, decision_id, ActionDraft("Set up a queue", _person(ws, "Dennis Bakker"), day)
    )
    taken = meeting_outcomes.decisions_under(ws, items[0].id)
    assert [t.version.decision_id for t in taken] == [decision_id]
    assert taken[0].version.meeting_id == meeting_id and taken[0].version.agenda_item_id == items[0].id
    assert [a.what for a in taken[0].actions] == ["Set up a queue"]
    assert taken[0].actions[0].owner_department == "service"
    assert ws.db.value("SELECT list(status) FROM decision_event WHERE decision_id = ?", [decision_id]) == [
        "decided"
    ]
    links = ws.db.value("SELECT count(*) FROM decision_link WHERE decision_id = ?", [decision_id])
    assert links >= (0 if items[0].kind in ("follow_up", "other") else 1)
    # Once decided, the outcome stays decided; only the notes can change.
    with pytest.raises(ValidationError, match="stays “decided”"):
        meeting_outcomes.record_outcome(ws, CHAIR, items[0].id, "x", "dropped")
    meeting_outcomes.record_outcome(ws, CHAIR, items[0].id, "Shorter notes", "decided")
    assert meeting_store.agenda_for(ws.db, meeting_id)[0].notes == "Shorter notes"


def test_an_action_due_before_the_meeting_is_refused(running) -> None:
    ws, meeting_id, items = running
    decision_id = meeting_outcomes.record_outcome(
        ws, CHAIR, items[0].id, "", "decided", _decision(ws, meeting_id)
    )
    day = meeting_store.get_meeting(ws.db, meeting_id).starts_at.astimezone(ws.zone).date()
    with pytest.raises(ValidationError) as refused:
        meeting_outcomes.add_action(ws, CHAIR, decision_id,
                                    ActionDraft("Too late", _person(ws, "Dennis Bakker"),
                                                day - timedelta(days=3)))  # fmt: skip
    assert refused.value.field == "action_due_on"


def test_nothing_is_recorded_before_the_meeting_starts(demo: Workspace) -> None:
    meeting_id = _plan(demo)
    suggestion = suggestions(demo, meeting_id)[0]
    item_id = agenda.add_suggestion(demo, MEMBER, meeting_id, suggestion.kind, suggestion.ref_id)
    with pytest.raises(NotAllowed, match="not started"):
        meeting_outcomes.record_outcome(demo, CHAIR, item_id, "", "dropped")


def test_closing_postpones_open_points_rolls_them_over_and_freezes_the_meeting(running) -> None:
    ws, meeting_id, items = running
    meeting_outcomes.record_outcome(ws, CHAIR, items[0].id, "", "decided", _decision(ws, meeting_id))
    assert meeting_mode.close_meeting(ws, CHAIR, meeting_id) == 2
    assert [i.outcome for i in meeting_store.agenda_for(ws.db, meeting_id)] == [
        "decided",
        "postponed",
        "postponed",
    ]
    meeting = meeting_store.get_meeting(ws.db, meeting_id)
    later = _plan(ws, weeks=14, chair_id=meeting.chair_id)
    found = {s.key: s for s in suggestions(ws, later)}
    for item in items[1:]:
        key = (item.kind, agenda.subject_id(item))
        if item.kind != "follow_up":
            assert key in found and found[key].reason.startswith("Postponed on")
    before = _sizes(ws)
    for attempt in (
        lambda: meeting_outcomes.record_outcome(ws, CHAIR, items[1].id, "late", "dropped"),
        lambda: agenda.remove(ws, MEMBER, items[1].id),
        lambda: agenda.add_other(ws, MEMBER, meeting_id, "Forgotten point", 5),
        lambda: meeting_mode.save_minutes(ws, CHAIR, meeting_id, "rewritten"),
        lambda: meetings.set_guest(ws, SECRETARY, meeting_id, None),
    ):
        with pytest.raises(NotAllowed, match="is closed"):
            attempt()
    assert _sizes(ws) == before


def test_a_guest_cannot_be_guest_twice_in_a_row(demo: Workspace) -> None:
    planned = [m for m in meeting_store.list_meetings(demo.db) if m.status == "planned"]
    last = max(planned, key=lambda m: m.starts_at)
    day = last.starts_at.astimezone(demo.zone).date() + timedelta(weeks=4)
    before = _sizes(demo)
    with pytest.raises(ValidationError, match="twice in a row") as refused:
        meetings.plan_meeting(demo, SECRETARY, Meeting(title="After", starts_at=datetime.combine(day, time(14), demo.zone),
                                                  guest_id=last.guest_id))  # fmt: skip
    assert refused.value.field == "guest"
    assert _sizes(demo) == before


def test_a_sitting_member_cannot_be_the_guest(demo: Workspace) -> None:
    day = demo.today() + timedelta(weeks=10)
    member = next(iter(people.serving_on(demo.db, day)))
    with pytest.raises(ValidationError, match="holds a council seat"):
        _plan(demo, guest_id=member)


def test_a_planned_meeting_can_move_but_not_into_the_past(demo: Workspace) -> None:
    meeting_id = _plan(demo)
    before = meeting_store.get_meeting(demo.db, meeting_id)
    later = before.starts_at + timedelta(days=2)
    assert meetings.edit_meeting(
        demo, SECRETARY, meeting_id, replace(before, starts_at=later, duration_minutes=75)
    ) == [
        "starts_at",
        "duration_minutes",
    ]
    moved = meeting_store.get_meeting(demo.db, meeting_id)
    assert moved.starts_at == later and moved.duration_minutes == 75
    assert set(meeting_store.attendees(demo.db, meeting_id)) == meetings.invited(demo.db, demo, moved)
    sizes = _sizes(demo)
    with pytest.raises(ValidationError, match="has already passed") as refused:
        meetings.edit_meeting(
            demo, SECRETARY, meeting_id, replace(moved, starts_at=demo.now() - timedelta(days=1))
        )
    assert refused.value.field == "starts_at"
    assert _sizes(demo) == sizes and meeting_store.get_meeting(demo.db, meeting_id) == moved


def test_a_meeting_under_way_keeps_its_time_but_its_place_can_be_corrected(running) -> None:
    ws, meeting_id, _ = running
    meeting = meeting_store.get_meeting(ws.db, meeting_id)
    with pytest.raises(NotAllowed, match="has started"):
        meetings.edit_meeting(
            ws, SECRETARY, meeting_id, replace(meeting, starts_at=meeting.starts_at + timedelta(hours=1))
        )
    assert meetings.edit_meeting(ws, SECRETARY, meeting_id, replace(meeting, location="Room 1.04")) == [
        "location"
    ]
    meeting_mode.close_meeting(ws, CHAIR, meeting_id)
    with pytest.raises(NotAllowed, match="is closed"):
        meetings.edit_meeting(ws, SECRETARY, meeting_id, replace(meeting, location="Elsewhere"))
    assert meeting_store.get_meeting(ws.db, meeting_id).location == "Room 1.04"


def test_changing_the_chair_to_someone_without_a_seat_writes_nothing(demo: Workspace) -> None:
    meeting_id = _plan(demo)
    meeting = meeting_store.get_meeting(demo.db, meeting_id)
    outsider = next(p.id for p in people.list_people(demo.db) if not p.department)
    sizes = _sizes(demo)
    with pytest.raises(ValidationError, match="holds no council seat") as refused:
        meetings.edit_meeting(
            demo, SECRETARY, meeting_id, replace(meeting, chair_id=outsider, location="Room 9")
        )
    assert refused.value.field == "chair"
    assert _sizes(demo) == sizes and meeting_store.get_meeting(demo.db, meeting_id) == meeting


def test_a_follow_up_discussed_keeps_its_outcome_at_closing_and_does_not_roll_over(demo: Workspace) -> None:
    meeting_id = _plan(demo)
    follow_up = next(s for s in suggestions(demo, meeting_id) if s.kind == "follow_up")
    item_id = agenda.add_suggestion(demo, MEMBER, meeting_id, follow_up.kind, follow_up.ref_id)
    meeting_mode.start_meeting(demo, CHAIR, meeting_id, bring_forward=True)
    assert (
        meeting_outcomes.record_outcome(
            demo, CHAIR, item_id, "On track, first results next month.", "discussed"
        )
        is None
    )
    assert meeting_mode.close_meeting(demo, CHAIR, meeting_id) == 0
    [item] = meeting_store.agenda_for(demo.db, meeting_id)
    assert (item.outcome, item.notes) == ("discussed", "On track, first results next month.")
    later = _plan(demo, weeks=14)
    rolled = [s for s in suggestions(demo, later, limit=1000) if s.reason.startswith("Postponed on")]
    assert follow_up.key not in {s.key for s in rolled}


def test_a_point_of_the_chairs_own_can_be_added_decided_and_removed(demo: Workspace) -> None:
    meeting_id = _plan(demo)
    own = agenda.add_other(demo, MEMBER, meeting_id, "Results of the callback pilot", 20)
    spare = agenda.add_other(demo, MEMBER, meeting_id, "Announcements", 5)
    agenda.remove(demo, MEMBER, spare)
    assert [(i.kind, i.title) for i in meeting_store.agenda_for(demo.db, meeting_id)] == [
        ("other", "Results of the callback pilot")
    ]
    meeting_mode.start_meeting(demo, CHAIR, meeting_id, bring_forward=True)
    decision_id = meeting_outcomes.record_outcome(
        demo, CHAIR, own, "The pilot worked.", "decided", _decision(demo, meeting_id)
    )
    assert decision_id is not None
    assert demo.db.value("SELECT agenda_item_id FROM decision WHERE decision_id = ?", [decision_id]) == own
    assert meeting_outcomes.record_outcome(demo, CHAIR, own, "The pilot worked well.", "decided") is None


def test_a_second_meeting_on_the_same_day_is_refused_when_planned_or_moved(demo: Workspace) -> None:
    first = _plan(demo)
    other = _plan(demo, weeks=11)
    sizes = _sizes(demo)
    with pytest.raises(ValidationError, match=r"is already planned on .* at 14:00") as refused:
        _plan(demo, title="Same day, later", duration_minutes=30)
    assert refused.value.field == "starts_at" and _sizes(demo) == sizes
    moved = meeting_store.get_meeting(demo.db, other)
    onto_first = replace(
        moved, starts_at=meeting_store.get_meeting(demo.db, first).starts_at + timedelta(hours=3)
    )
    with pytest.raises(ValidationError, match="Open that meeting to change it"):
        meetings.edit_meeting(demo, SECRETARY, other, onto_first)
    assert meeting_store.get_meeting(demo.db, other) == moved


def test_a_meeting_starts_on_its_day_or_is_brought_forward_to_today(demo: Workspace) -> None:
    meeting_id = _plan(demo)
    agenda.add_other(demo, MEMBER, meeting_id, "Announcements", 5)
    sizes = _sizes(demo)
    with pytest.raises(NotAllowed, match="It can start on that day"):
        meeting_mode.start_meeting(demo, CHAIR, meeting_id)
    assert _sizes(demo) == sizes and meeting_store.get_meeting(demo.db, meeting_id).status == "planned"
    planned = meeting_store.get_meeting(demo.db, meeting_id).starts_at.astimezone(demo.zone)
    meeting_mode.start_meeting(demo, CHAIR, meeting_id, bring_forward=True)
    started = meeting_store.get_meeting(demo.db, meeting_id)
    assert started.status == "open" and started.starts_at.astimezone(demo.zone).date() == demo.today()
    assert (
        started.starts_at.astimezone(demo.zone).time() == planned.time()
    )  # the time of day it was planned for
    assert set(meeting_store.attendees(demo.db, meeting_id)) == meetings.invited(demo.db, demo, started)


def test_a_meeting_brought_forward_starts_at_the_time_the_chair_gives(demo: Workspace) -> None:
    meeting_id = _plan(demo)
    agenda.add_other(demo, MEMBER, meeting_id, "Announcements", 5)
    meeting_mode.start_meeting(demo, CHAIR, meeting_id, bring_forward=True, held_at=time(9, 30))
    started = meeting_store.get_meeting(demo.db, meeting_id).starts_at.astimezone(demo.zone)
    assert (started.date(), started.time()) == (demo.today(), time(9, 30))


def test_a_new_council_brought_forward_starts_with_its_seats_at_the_time_chosen(empty: Workspace) -> None:
    # A new workspace: the rotation plan gives the first meeting's seats from its planned day on.
    ws = empty
    add = lambda name, dept, *roles: roster.add_person(ws, SECRETARY, Person(name, dept, roles=roles))  # noqa: E731
    chair_id, member_id, leaving_id = add("Chair", "service", "member", "chair"), add("Member", "sales", "member"), add(
        "Leaving", "sales", "member")  # fmt: skip
    guest_id = add("Guest", "finance")
    slot = rotation_plan(ws, 3).meetings[0].slot
    yesterday, before = ws.today() - timedelta(days=1), slot.day - timedelta(days=1)
    leaving_term = ws.db.write(lambda tx: people.add_council_term(
        tx, CouncilTerm(leaving_id, "sales", ws.today() - timedelta(weeks=20), before)))  # fmt: skip
    chair_term = rotation.accept_successor(ws, SECRETARY, "service", chair_id, slot.day)
    member_term = rotation.accept_successor(ws, SECRETARY, "sales", member_id, slot.day)
    meeting_id = rotation.accept_guest(ws, SECRETARY, slot, guest_id)
    planned = meeting_store.get_meeting(ws.db, meeting_id)
    meetings.edit_meeting(ws, SECRETARY, meeting_id, replace(planned, chair_id=chair_id))
    agenda.add_other(ws, MEMBER, meeting_id, "Who we are", 10)
    chair = people.get_person(ws.db, chair_id)

    meeting_mode.start_meeting(ws, chair, meeting_id, bring_forward=True, held_at=time(16, 15))

    started = meeting_store.get_meeting(ws.db, meeting_id)
    held = started.starts_at.astimezone(ws.zone)
    assert started.status == "open" and (held.date(), held.time()) == (ws.today(), time(16, 15))
    terms = {t.id: t for t in people.council_terms(ws.db)}
    # The seats that began with the meeting begin on the day it is held; the seat it ended, ends the day before.
    assert terms[chair_term].starts_on == terms[member_term].starts_on == ws.today()
    assert terms[leaving_term].ends_on == yesterday
    assert people.serving_on(ws.db, ws.today()) == {chair_id, member_id}
    assert set(meeting_store.attendees(ws.db, meeting_id)) == {chair_id, member_id, guest_id}
    logged = ws.db.rows("SELECT entity_id FROM audit_log WHERE action = 'update' AND entity = 'council_term'")
    assert sorted(int(r[0]) for r in logged) == sorted([chair_term, member_term, leaving_term])


def test_a_follow_up_point_reminds_the_meeting_of_its_decision(demo: Workspace) -> None:
    meeting_id = _plan(demo)
    overdue = next(
        s for s in suggestions(demo, meeting_id) if s.kind == "follow_up" and "overdue" in s.reason
    )
    current = decision_store.current_version(demo.db, overdue.ref_id)
    owner = people.get_person(demo.db, current.owner_id)
    brief = meeting_outcomes.follow_up_brief(demo, overdue.ref_id)
    assert brief.startswith(f"Decided: {current.text}") and owner.name in brief
    assert f"due {current.due_on:%-d %B %Y} — overdue" in brief
    assert meeting_outcomes.follow_up_brief(demo, 999_999) is None


def test_a_meeting_named_after_its_day_follows_its_day_and_another_name_stays(demo: Workspace) -> None:
    day = demo.today() + timedelta(weeks=10)
    dated = _plan(demo, title=default_title(day))
    named = _plan(demo, weeks=12, title="Our spring meeting")
    before = meeting_store.get_meeting(demo.db, named)
    meetings.edit_meeting(
        demo, SECRETARY, named, replace(before, starts_at=before.starts_at + timedelta(days=1))
    )
    assert meeting_store.get_meeting(demo.db, named).title == "Our spring meeting"
    agenda.add_other(demo, MEMBER, dated, "Announcements", 5)
    meeting_mode.start_meeting(demo, CHAIR, dated, bring_forward=True)
    assert meeting_store.get_meeting(demo.db, dated).title == default_title(demo.today())


def test_a_save_over_someone_elses_save_of_the_same_point_is_refused_with_what_it_holds_now(running) -> None:
    ws, _meeting_id, items = running
    point = items[0]
    seen = (point.notes, point.outcome)
    meeting_outcomes.record_outcome(
        ws, CHAIR, point.id, "Agreed to try it in one region.", "discussed", seen=seen
    )
    before = _sizes(ws)
    with pytest.raises(StaleVersion) as refused:
        meeting_outcomes.record_outcome(ws, CHAIR, point.id, "My own notes", "postponed", seen=seen)
    said = refused.value.message
    assert "saved this point at" in said and "Discussed" in said and "Agreed to try it in one region." in said
    assert _sizes(ws) == before
    stored = next(i for i in meeting_store.agenda_for(ws.db, point.meeting_id) if i.id == point.id)
    assert (stored.notes, stored.outcome) == ("Agreed to try it in one region.", "discussed")
    meeting_outcomes.record_outcome(
        ws, CHAIR, point.id, "My own notes", "postponed", seen=(stored.notes, stored.outcome)
    )
    stored = next(i for i in meeting_store.agenda_for(ws.db, point.meeting_id) if i.id == point.id)
    assert (stored.notes, stored.outcome) == ("My own notes", "postponed")
