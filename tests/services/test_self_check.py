"""The council's self-check: who answers, what is kept, and how the scores add up per meeting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from council.domain.errors import NotAllowed, ValidationError
from council.domain.meetings import Meeting
from council.domain.people import Person
from council.domain.self_check import SelfCheckQuestion
from council.services import self_check as service
from council.services.workspace import Workspace
from council.store import audit, meetings, people
from tests.services.conftest import add_person


def coming(ws: Workspace) -> Meeting:
    """The demo's first meeting still to come: planned, with members invited and a guest."""
    return min((m for m in meetings.list_meetings(ws.db) if not m.is_closed), key=lambda m: m.starts_at)


def members_at(ws: Workspace, meeting: Meeting) -> list[Person]:
    ids = set(meetings.attendees(ws.db, meeting.id)) - {meeting.guest_id}
    return [p for p in people.list_people(ws.db) if p.id in ids]


def stored(ws: Workspace, meeting_id: int) -> list[tuple]:
    return ws.db.rows(
        "SELECT person_id, question, score, note FROM self_check_answer WHERE meeting_id = ? "
        "ORDER BY person_id, question",
        [meeting_id],
    )


def test_a_member_saves_changes_and_clears_their_own_answers(demo: Workspace) -> None:
    meeting = coming(demo)
    me = members_at(demo, meeting)[0]
    assert service.answering_meeting(demo, me) == meeting

    saved = service.save_answers(demo, me, meeting.id, {
        "know_customers": (2, "  We mostly guess from complaints.  "), "rewarded": (4, ""),
        "whole_experience": (None, ""),
    })  # fmt: skip
    assert saved == 2
    assert stored(demo, meeting.id) == [
        (me.id, "know_customers", 2, "We mostly guess from complaints."), (me.id, "rewarded", 4, ""),
    ]  # fmt: skip

    service.save_answers(
        demo, me, meeting.id, {"know_customers": (3, "Survey started."), "rewarded": (None, "")}
    )
    assert stored(demo, meeting.id) == [(me.id, "know_customers", 3, "Survey started.")]
    assert {a.question: a.score for a in service.my_answers(demo, me, meeting.id).values()} == {
        "know_customers": 3
    }
    last = audit.entries_about(demo.db, "self_check", str(meeting.id))[0]
    assert (last.action, last.person_id, last.details) == ("answer", me.id, {"scored": 1, "cleared": 1})


@pytest.mark.parametrize("who", ["guest", "outsider", "nobody"])
def test_only_the_members_at_the_meeting_answer_its_self_check(demo: Workspace, nothing_written, who) -> None:
    meeting = coming(demo)
    actor = {
        "guest": next((p for p in people.list_people(demo.db) if p.id == meeting.guest_id), None),
        "outsider": add_person(demo, "Ed Executive", "executive", department="finance"),
        "nobody": None,
    }[who]
    assert who == "nobody" or actor is not None
    assert service.answering_meeting(demo, actor) is None
    with nothing_written(demo), pytest.raises(NotAllowed):
        service.save_answers(demo, actor, meeting.id, {"know_customers": (3, "")})


def test_a_closed_meetings_self_check_is_final(demo: Workspace, nothing_written) -> None:
    closed = next(m for m in meetings.list_meetings(demo.db) if m.is_closed)
    member = members_at(demo, closed)[0]
    with nothing_written(demo), pytest.raises(NotAllowed, match="is closed"):
        service.save_answers(demo, member, closed.id, {"know_customers": (5, "")})


def test_only_the_coming_meeting_is_answered_not_one_after_it(demo: Workspace, nothing_written) -> None:
    first, later = sorted(
        (m for m in meetings.list_meetings(demo.db) if not m.is_closed), key=lambda m: m.starts_at
    )[:2]
    member = next(p for p in members_at(demo, later) if p.id in meetings.attendees(demo.db, first.id))
    with nothing_written(demo), pytest.raises(NotAllowed, match="one meeting at a time"):
        service.save_answers(demo, member, later.id, {"know_customers": (4, "")})
    assert service.answering_meeting(demo, member) == first


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"know_customers": (None, "")}, "No question has a score yet"),
        ({"know_customers": (None, "A thought")}, "has a note but no score"),
        ({"know_customers": (6, "")}, "score from 1 to 5"),
        ({"know_customers": (0, "")}, "score from 1 to 5"),
        ({"know_customers": (3, "x" * 1_001)}, "1,001 characters"),
        ({"retired_question": (3, "")}, "no longer part of the self-check"),
    ],
)
def test_bad_answers_are_refused_with_what_to_fix(demo: Workspace, nothing_written, answers, message) -> None:
    meeting = coming(demo)
    me = members_at(demo, meeting)[0]
    with nothing_written(demo), pytest.raises(ValidationError, match=message):
        service.save_answers(demo, me, meeting.id, answers)


def test_a_meetings_round_averages_the_members_and_compares_with_the_meeting_before(demo: Workspace) -> None:
    closed = sorted((m for m in meetings.list_meetings(demo.db) if m.is_closed), key=lambda m: m.starts_at)[
        -1
    ]
    meeting = coming(demo)
    first, second, third, *rest = members_at(demo, meeting)
    earlier = [
        (closed.id, p.id, "know_customers", score) for p, score in ((first, 1), (second, 2), (third, 3))
    ]
    demo.db.write(lambda tx: (
        tx.execute("DELETE FROM self_check_answer"),  # hand-made answers only
        [tx.execute("INSERT INTO self_check_answer (meeting_id, person_id, question, score) VALUES (?, ?, ?, ?)", row)
         for row in earlier],
    ))  # fmt: skip
    service.save_answers(
        demo, first, meeting.id, {"know_customers": (2, "Guessing"), "rewarded": (5, "Yes!")}
    )
    service.save_answers(demo, second, meeting.id, {"know_customers": (4, "Survey helps")})
    service.save_answers(demo, third, meeting.id, {"know_customers": (3, "")})

    found = service.meeting_round(demo, meeting.id)

    [know] = found.scores  # "rewarded" has one answer: too few to show without giving it away
    assert (know.question, know.average, know.answers, know.lowest, know.highest) == (
        "know_customers",
        3.0,
        3,
        2,
        4,
    )
    assert found.hidden == 1
    assert found.previous == {"know_customers": 2.0}
    assert found.notes == {"know_customers": [(2, "Guessing"), (4, "Survey helps")]}
    assert found.answered == sorted(p.name for p in (first, second, third))
    assert found.waiting == sorted(p.name for p in rest)
    assert [m.id for m in service.meetings_with_answers(demo)] == [meeting.id, closed.id]


def test_the_trend_shows_statements_in_the_config_with_enough_answers(demo: Workspace) -> None:
    meeting = coming(demo)
    for n, member in enumerate(members_at(demo, meeting)[:3]):
        service.save_answers(demo, member, meeting.id, {"know_customers": (2 + n, ""), "rewarded": (4, "")})
    service.save_answers(demo, members_at(demo, meeting)[3], meeting.id, {"existing_as_easy": (1, "")})
    reworded = (SelfCheckQuestion("know_customers", "Knowing", "We know our customers."),
                SelfCheckQuestion("existing_as_easy", "Existing", "Existing as easy as new."))  # fmt: skip
    narrowed = replace(demo, config=replace(demo.config, self_check=reworded))

    trend = service.trend_frame(narrowed)
    latest = trend[trend["meeting_id"] == meeting.id]

    assert set(trend["question"]) <= {"know_customers", "existing_as_easy"}
    assert latest[["label", "average", "answers", "still_open"]].values.tolist() == [
        ["Knowing", 3.0, 3, True]
    ]
    assert not trend[trend["meeting_id"] != meeting.id]["still_open"].any()
    with pytest.raises(ValidationError, match="no longer part"):
        service.save_answers(narrowed, members_at(demo, meeting)[0], meeting.id, {"rewarded": (3, "")})


def test_an_empty_workspace_has_no_trend(empty: Workspace) -> None:
    assert service.trend_frame(empty).empty
    assert service.meetings_with_answers(empty) == []
