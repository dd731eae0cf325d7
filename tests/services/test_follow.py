"""Following a running meeting: the point the chair shows, remarks from those present, marking oneself present."""

from __future__ import annotations

import pytest

from council.domain.errors import NotAllowed, ValidationError
from council.services import (
    agenda,
    follow,
    markdown_minutes,
    meeting_mode,
    meeting_outcomes,
    minutes,
    printable_minutes,
)
from council.services.workspace import Workspace
from council.store import meetings as meeting_store
from council.store import people
from tests.services.conftest import CHAIR, MEMBER
from tests.services.test_meeting_mode import _plan


@pytest.fixture
def under_way(demo: Workspace) -> tuple[Workspace, int, list]:
    meeting_id = _plan(demo)
    for title in ("Announcements", "Callback pilot", "Signage"):
        agenda.add_other(demo, MEMBER, meeting_id, title, 10)
    meeting_mode.start_meeting(demo, CHAIR, meeting_id, bring_forward=True)
    return demo, meeting_id, meeting_store.agenda_for(demo.db, meeting_id)


def _someone_else(ws: Workspace, meeting_id: int):
    present = set(meeting_store.attendees(ws.db, meeting_id))
    return next(p for p in people.list_people(ws.db) if p.id not in present and p.active)


def test_followers_see_the_point_the_chair_shows_with_what_is_recorded_on_it(under_way) -> None:
    ws, meeting_id, items = under_way
    assert (
        follow.now_discussed(ws, meeting_id).item.id == items[0].id
    )  # nothing shown yet: the first open point
    follow.show_point(ws, CHAIR, meeting_id, items[1].id)
    meeting_outcomes.record_outcome(ws, CHAIR, items[1].id, "Start in the north.", "discussed")
    now = follow.now_discussed(ws, meeting_id)
    assert (now.item.id, now.item.notes, now.item.outcome) == (
        items[1].id,
        "Start in the north.",
        "discussed",
    )
    with pytest.raises(NotAllowed):
        follow.show_point(ws, MEMBER, meeting_id, items[2].id)  # only the chair moves everyone on


def test_someone_present_adds_a_remark_that_stays_with_the_point(under_way) -> None:
    ws, meeting_id, items = under_way
    visitor = _someone_else(ws, meeting_id)
    with pytest.raises(NotAllowed, match="mark yourself present"):
        follow.add_remark(ws, visitor, items[0].id, "Can we see last year's figures?")
    follow.mark_present(ws, visitor, meeting_id)
    follow.mark_present(ws, visitor, meeting_id)  # twice is once
    assert meeting_store.attendees(ws.db, meeting_id).count(visitor.id) == 1
    follow.add_remark(ws, visitor, items[0].id, "  Can we see last year's figures?  ")
    remarks = follow.remarks_on(ws, items[0].id)
    assert [(r.person_name, r.text) for r in remarks] == [(visitor.name, "Can we see last year's figures?")]
    assert follow.now_discussed(ws, meeting_id).remarks == remarks
    with pytest.raises(ValidationError) as refused:
        follow.add_remark(ws, visitor, items[0].id, "   ")
    assert refused.value.field == "remark"


def test_nothing_is_followed_or_remarked_before_the_meeting_starts(demo: Workspace) -> None:
    meeting_id = _plan(demo)
    item = agenda.add_other(demo, MEMBER, meeting_id, "Announcements", 10)
    with pytest.raises(NotAllowed, match="not started"):
        follow.show_point(demo, CHAIR, meeting_id, item)
    with pytest.raises(NotAllowed, match="not started"):
        follow.add_remark(demo, CHAIR, item, "Early")
    assert demo.db.value("SELECT count(*) FROM point_remark") == 0


def test_the_minutes_keep_each_remark_with_its_point_as_plain_text(under_way) -> None:
    ws, meeting_id, items = under_way
    visitor = _someone_else(ws, meeting_id)
    follow.mark_present(ws, visitor, meeting_id)
    follow.add_remark(ws, visitor, items[1].id, "Which *region* is <b>north</b>?")
    m = minutes.minutes(ws, meeting_id)
    assert m.agenda[1].remarks == ((visitor.name, "Which *region* is <b>north</b>?"),)
    assert m.agenda[0].remarks == ()
    text = markdown_minutes.minutes_markdown(m)
    assert f"**Remarks**\n\n- {visitor.name}: Which \\*region\\* is \\<b\\>north\\</b\\>?" in text
    page = printable_minutes.minutes_html(m)
    assert f"<li><strong>{visitor.name}</strong>: Which *region* is &lt;b&gt;north&lt;/b&gt;?</li>" in page
