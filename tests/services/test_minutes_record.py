"""Minutes after the meeting: a draft the chair or secretary corrects (each correction a version with who
and why), approved at the next meeting from a point suggested by itself, then locked but for amendments."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

import pytest

from council.domain.agenda import MINUTES, MINUTES_TO_APPROVE
from council.domain.errors import NotAllowed, StaleVersion, ValidationError
from council.domain.meetings import AgendaItem, Meeting
from council.domain.minutes import MinutesContent, MinutesState, VersionKind
from council.domain.people import Person
from council.services import (
    agenda,
    markdown_minutes,
    meeting_mode,
    meetings,
    minutes,
    minutes_record,
    printable_minutes,
)
from council.services.agenda_suggestions import suggestions
from council.services.workspace import Workspace
from council.store import meetings as meeting_store
from council.store import minutes_record as minutes_store
from council.store import people
from council.store.agenda import append_item
from tests.services.conftest import CHAIR, MEMBER, SECRETARY


@dataclass(frozen=True)
class Council:
    ws: Workspace
    older: int  # closed four weeks ago; its minutes were approved two weeks ago
    last: int  # closed two weeks ago: the minutes the next meeting approves
    next: int  # the meeting after it, under way today
    point: int  # the last meeting's agenda point
    present: frozenset[int]


def _held(ws: Workspace, title: str, weeks_ago: int, present: list[int]) -> tuple[int, int]:
    """A meeting held and closed `weeks_ago`, with one point and its notes: (its id, the point's id)."""
    starts = datetime.combine(ws.today() - timedelta(weeks=weeks_ago), time(14), ws.zone)

    def write(tx) -> tuple[int, int]:
        meeting_id = meeting_store.add_meeting(tx, Meeting(title, starts, status="closed", minutes="We met.",
                                                           closed_at=starts + timedelta(hours=2)))  # fmt: skip
        point = append_item(
            tx, AgendaItem(meeting_id, 0, "other", "Opening hours", notes="Shop opens at nine.")
        )
        meeting_store.add_attendees(tx, meeting_id, present)
        return meeting_id, point

    return ws.db.write(write)


@pytest.fixture
def council(empty: Workspace) -> Council:
    ws = empty
    ids = [ws.db.write(lambda tx, n=n: people.add_person(tx, Person(n, "service", roles=("member",))))
           for n in ("Anna", "Bram", "Cas")]  # fmt: skip
    older, _ = _held(ws, "Meeting four weeks ago", 4, ids)
    last, point = _held(ws, "Meeting two weeks ago", 2, ids[:2])
    approved_on = meeting_store.get_meeting(ws.db, last).starts_at
    ws.db.write(lambda tx: minutes_store.approve(tx, older, last, approved_on, None, 1))  # as councils do
    day = datetime.combine(ws.today() + timedelta(days=7), time(23), ws.zone)
    following = meetings.plan_meeting(ws, SECRETARY, Meeting("Meeting today", day, duration_minutes=45))
    agenda.add_other(ws, MEMBER, following, "Announcements", 5)
    meeting_mode.start_meeting(ws, CHAIR, following, bring_forward=True)
    return Council(ws, older, last, following, point, frozenset(ids[:2]))


def _content(c: Council, **changes) -> MinutesContent:
    now = MinutesContent("We met.", {c.point: "Shop opens at nine."}, c.present)
    return replace(now, **changes)


def test_the_next_meeting_is_offered_the_last_minutes_first_and_approves_them(council: Council) -> None:
    c = council
    first = suggestions(c.ws, c.next)[0]
    assert (first.kind, first.ref_id, first.group) == (MINUTES, c.last, MINUTES_TO_APPROVE)
    assert first.title == "Approve the minutes of “Meeting two weeks ago”"
    assert (MINUTES, c.older) not in {s.key for s in suggestions(c.ws, c.next)}  # approved already
    assert minutes_record.record_of(c.ws, c.last).state == MinutesState.DRAFT
    assert minutes_record.record_of(c.ws, c.last).approve_at.id == c.next

    item_id = agenda.add_suggestion(c.ws, MEMBER, c.next, MINUTES, c.last)
    points = meeting_store.agenda_for(c.ws.db, c.next)
    assert (points[0].id, points[0].position) == (item_id, 1)  # the first point of the meeting
    assert [i.title for i in points] == ["Approve the minutes of “Meeting two weeks ago”", "Announcements"]
    assert (MINUTES, c.last) not in {s.key for s in suggestions(c.ws, c.next)}
    minutes_record.approve_minutes(c.ws, CHAIR, c.last, c.next)

    record = minutes_record.record_of(c.ws, c.last)
    assert record.state == MinutesState.APPROVED and record.locked and record.approved_at == "Meeting today"
    assert record.approved_on.date() == c.ws.today()
    point = next(i for i in meeting_store.agenda_for(c.ws.db, c.next) if i.id == item_id)
    assert (point.outcome, point.notes) == (
        "discussed",
        "The minutes of “Meeting two weeks ago” were approved.",
    )
    assert (MINUTES, c.last) not in {s.key for s in suggestions(c.ws, c.next)}
    # Approved twice: refused with when and where they were approved.
    with pytest.raises(NotAllowed, match=r"were approved on .* at “Meeting today” already"):
        minutes_record.approve_minutes(c.ws, CHAIR, c.last, c.next)
    assert c.ws.db.value("SELECT count(*) FROM minutes_approval WHERE meeting_id = ?", [c.last]) == 1


def test_minutes_are_approved_only_at_the_next_meeting_while_it_runs(council: Council) -> None:
    c = council
    later = meetings.plan_meeting(c.ws, SECRETARY, Meeting("Later", datetime.combine(
        c.ws.today() + timedelta(weeks=3), time(14), c.ws.zone)))  # fmt: skip
    before = c.ws.db.value("SELECT count(*) FROM audit_log")
    with pytest.raises(NotAllowed, match=r"were approved on .* already"):
        minutes_record.approve_minutes(c.ws, CHAIR, c.older, c.next)
    with pytest.raises(NotAllowed, match="has not been closed"):
        minutes_record.approve_minutes(c.ws, CHAIR, c.next, c.next)
    with pytest.raises(NotAllowed, match="start “Later” first"):
        minutes_record.approve_minutes(c.ws, CHAIR, c.last, later)
    c.ws.db.write(lambda tx: meeting_store.set_status(tx, later, "open"))  # under way too, but not the next
    with pytest.raises(
        NotAllowed, match="are approved at “Meeting today”, the first meeting after them still to be"
    ):
        minutes_record.approve_minutes(c.ws, CHAIR, c.last, later)
    with pytest.raises(NotAllowed, match="Only the chair and the council members who attend"):
        minutes_record.approve_minutes(c.ws, SECRETARY, c.last, c.next)
    assert c.ws.db.value("SELECT count(*) FROM audit_log") == before
    assert c.ws.db.value("SELECT count(*) FROM minutes_approval WHERE meeting_id = ?", [c.last]) == 0


def test_minutes_a_meeting_did_not_approve_wait_for_the_meeting_after_it(council: Council) -> None:
    c = council
    c.ws.db.write(lambda tx: tx.execute("DELETE FROM minutes_approval"))  # the last meeting forgot them
    assert [s.ref_id for s in suggestions(c.ws, c.next) if s.kind == MINUTES] == [c.older, c.last]
    assert minutes_record.record_of(c.ws, c.older).approve_at.id == c.next
    for minutes_of in (c.older, c.last):
        agenda.add_suggestion(c.ws, MEMBER, c.next, MINUTES, minutes_of)
        minutes_record.approve_minutes(c.ws, CHAIR, minutes_of, c.next)
    assert all(minutes_record.record_of(c.ws, m).locked for m in (c.older, c.last))


def test_a_draft_is_corrected_in_versions_with_who_and_why(council: Council) -> None:
    c = council
    anna_bram_cas = c.present | {max(c.present) + 1}
    version = minutes_record.correct_minutes(
        c.ws, SECRETARY, c.last, _content(c, present=anna_bram_cas), "Cas was there too", seen=1
    )
    assert version == 2
    assert set(meeting_store.attendees(c.ws.db, c.last)) == anna_bram_cas
    record = minutes_record.record_of(c.ws, c.last)
    assert record.state == MinutesState.DRAFT and record.version == 2
    closed, corrected = record.versions
    assert (closed.number, closed.kind, closed.changed) == (1, VersionKind.CLOSED, ())
    assert (corrected.kind, corrected.reason, corrected.changed) == (
        VersionKind.CORRECTION, "Cas was there too", ("who was present",))  # fmt: skip
    # The first version keeps the minutes as the meeting closed them.
    first = c.ws.db.value("SELECT content FROM minutes_version WHERE meeting_id = ? AND number = 1", [c.last])
    assert MinutesContent.from_json(first).present == c.present

    minutes_record.correct_minutes(c.ws, SECRETARY, c.last, _content(
        c, present=anna_bram_cas, notes={c.point: "The shop opens at nine from March."}), "Date added", seen=2)  # fmt: skip
    assert minutes_record.record_of(c.ws, c.last).versions[-1].changed == ("the notes of 1. Opening hours",)
    assert next(iter(meeting_store.agenda_for(c.ws.db, c.last))).notes == "The shop opens at nine from March."


def test_a_correction_needs_a_change_a_reason_the_last_version_and_the_right_person(council: Council) -> None:
    c = council
    before = (c.ws.db.value("SELECT count(*) FROM audit_log"), minutes_record.record_of(c.ws, c.last))
    with pytest.raises(ValidationError, match="Nothing was changed"):
        minutes_record.correct_minutes(c.ws, SECRETARY, c.last, _content(c), "No reason", seen=1)
    with pytest.raises(ValidationError, match="Say briefly why") as refused:
        minutes_record.correct_minutes(
            c.ws, SECRETARY, c.last, _content(c, summary="We met twice."), "  ", seen=1
        )
    assert refused.value.field == "reason"
    with pytest.raises(
        NotAllowed, match="Only the chair of “Meeting two weeks ago” or the council's secretary"
    ):
        minutes_record.correct_minutes(
            c.ws, MEMBER, c.last, _content(c, summary="We met twice."), "Typo", seen=1
        )
    with pytest.raises(NotAllowed, match="has not been closed"):
        minutes_record.correct_minutes(c.ws, SECRETARY, c.next, _content(c, summary="x"), "Typo", seen=1)
    with pytest.raises(ValidationError, match="not on the roster"):
        minutes_record.correct_minutes(c.ws, SECRETARY, c.last, _content(c, present=frozenset({99_999})), "Guest",
                                       seen=1)  # fmt: skip
    assert (c.ws.db.value("SELECT count(*) FROM audit_log"), minutes_record.record_of(c.ws, c.last)) == before

    # Two people correcting at once: the second save is refused with who changed what.
    minutes_record.correct_minutes(c.ws, SECRETARY, c.last, _content(c, summary="We met, all of us."), "Wording",
                                   seen=1)  # fmt: skip
    with pytest.raises(StaleVersion, match=r"changed these minutes at .* \(version 2\)"):
        minutes_record.correct_minutes(c.ws, SECRETARY, c.last, _content(c, summary="We met, most of us."), "Mine",
                                       seen=1)  # fmt: skip
    assert meeting_store.get_meeting(c.ws.db, c.last).minutes == "We met, all of us."


def test_approved_minutes_change_only_by_an_amendment_with_its_reason_shown(council: Council) -> None:
    c = council
    minutes_record.approve_minutes(c.ws, CHAIR, c.last, c.next)
    changed = _content(c, summary="We met. The shop's hours were agreed.")
    with pytest.raises(ValidationError, match="These minutes were approved: an amendment needs a reason"):
        minutes_record.correct_minutes(c.ws, SECRETARY, c.last, changed, "", seen=1)
    assert meeting_store.get_meeting(c.ws.db, c.last).minutes == "We met."
    minutes_record.correct_minutes(c.ws, SECRETARY, c.last, changed, "The agreement was left out", seen=1)
    record = minutes_record.record_of(c.ws, c.last)
    assert record.state == MinutesState.AMENDED and record.locked
    [amendment] = record.amendments
    assert (amendment.kind, amendment.reason, amendment.by) == (VersionKind.AMENDMENT, "The agreement was left out",
                                                                None)  # fmt: skip

    text = markdown_minutes.minutes_markdown(minutes.workspace_minutes(c.ws, c.last))
    day = f"{c.ws.today().day} {c.ws.today():%B %Y}"
    assert f"Approved on {day} at “Meeting today”." in text
    assert f"Amended on {day}: The agreement was left out." in text
    html = printable_minutes.minutes_html(minutes.workspace_minutes(c.ws, c.last))
    assert "Amended on" in html and "The agreement was left out" in html


def test_every_download_says_where_the_minutes_stand(council: Council) -> None:
    c = council
    draft = minutes.workspace_minutes(c.ws, c.last)
    text = markdown_minutes.minutes_markdown(draft)
    assert "Draft minutes: the council approves them at “Meeting today”." in text
    assert "Draft minutes" in printable_minutes.minutes_html(draft)
    minutes_record.approve_minutes(c.ws, CHAIR, c.last, c.next)
    approved = markdown_minutes.minutes_markdown(minutes.workspace_minutes(c.ws, c.last))
    assert "Draft minutes" not in approved and "Approved on" in approved
