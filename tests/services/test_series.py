"""A series of meetings planned in one step, and each of its meetings changed alone afterwards."""

from __future__ import annotations

import dataclasses
from datetime import date, time, timedelta

import pytest

from council.domain.errors import NotAllowed, ValidationError
from council.services import cancellation, meetings, series
from council.services.series import Series
from council.services.workspace import Workspace
from council.store import meetings as meeting_store
from tests.services.conftest import MEMBER, SECRETARY


def _count(ws: Workspace) -> int:
    return ws.db.value("SELECT count(*) FROM meeting")


def _thursday(ws: Workspace, weeks: int = 30) -> date:
    """A Thursday well after the demo's planned meetings."""
    day = ws.today() + timedelta(weeks=weeks)
    return day + timedelta(days=(3 - day.weekday()) % 7)


def test_a_series_plans_every_meeting_on_the_same_weekday_and_time(demo: Workspace) -> None:
    first = _thursday(demo)
    done = series.plan_series(demo, SECRETARY, Series(first, time(15, 30), every_weeks=4, count=5, duration_minutes=60,
                                                      location="Room 4"))  # fmt: skip
    assert len(done.meeting_ids) == 5 and done.skipped == []
    planned = [meeting_store.get_meeting(demo.db, i) for i in done.meeting_ids]
    starts = [m.starts_at.astimezone(demo.zone) for m in planned]
    assert [s.date() for s in starts] == [first + timedelta(weeks=4 * n) for n in range(5)]
    assert {(s.weekday(), s.time()) for s in starts} == {(3, time(15, 30))}
    assert {(m.status, m.duration_minutes, m.location, m.guest_id) for m in planned} == {
        ("planned", 60, "Room 4", None)
    }
    assert demo.db.value("SELECT count(*) FROM audit_log WHERE action = 'create' AND entity = 'meeting'") >= 5


def test_a_series_can_end_on_a_date_instead(demo: Workspace) -> None:
    first = _thursday(demo)
    done = series.plan_series(
        demo, SECRETARY, Series(first, time(14), every_weeks=2, until=first + timedelta(weeks=7))
    )
    assert len(done.meeting_ids) == 4  # weeks 0, 2, 4 and 6


def test_a_day_already_taken_is_named_and_the_rest_planned_only_when_asked(demo: Workspace) -> None:
    first = _thursday(demo)
    asked = Series(first, time(14), every_weeks=4, count=3)
    for day in (first, first + timedelta(weeks=8)):  # two of its days already have a meeting
        series.plan_series(demo, SECRETARY, Series(day, time(10), every_weeks=1, count=1))
    before = _count(demo)
    with pytest.raises(ValidationError) as refused:
        series.plan_series(demo, SECRETARY, asked)
    assert refused.value.field == "series"
    assert "already planned on" in refused.value.message and str(first.year) in refused.value.message
    assert _count(demo) == before  # nothing planned
    done = series.plan_series(demo, SECRETARY, asked, skip_taken=True)
    assert done.skipped == [first, first + timedelta(weeks=8)] and len(done.meeting_ids) == 1
    assert _count(demo) == before + 1


@pytest.mark.parametrize(
    ("asked", "field"),
    [
        (dict(every_weeks=0, count=3), "every_weeks"),
        (dict(every_weeks=13, count=3), "every_weeks"),
        (dict(every_weeks=2, count=0), "count"),
        (dict(every_weeks=2, count=27), "count"),
        (dict(every_weeks=2), "count"),
        (dict(every_weeks=2, count=3, until=date(2099, 1, 1)), "count"),
        (dict(every_weeks=1, until=date(2000, 1, 1)), "until"),
        (dict(every_weeks=1, until=date(2099, 1, 1)), "until"),
    ],
)
def test_a_series_that_makes_no_sense_is_refused_with_its_field_and_plans_nothing(
    demo: Workspace, asked: dict, field: str
) -> None:
    before = _count(demo)
    with pytest.raises(ValidationError) as refused:
        series.plan_series(demo, SECRETARY, Series(_thursday(demo), time(14), **asked))
    assert refused.value.field == field
    assert _count(demo) == before


def test_a_series_starting_in_the_past_or_asked_by_a_member_plans_nothing(demo: Workspace) -> None:
    before = _count(demo)
    with pytest.raises(ValidationError, match="already passed"):
        series.plan_series(
            demo, SECRETARY, Series(demo.today() - timedelta(days=7), time(14), every_weeks=1, count=3)
        )
    with pytest.raises(NotAllowed):
        series.plan_series(demo, MEMBER, Series(_thursday(demo), time(14), every_weeks=1, count=3))
    assert _count(demo) == before


def test_each_meeting_of_a_series_is_skipped_or_moved_alone(demo: Workspace) -> None:
    done = series.plan_series(demo, SECRETARY, Series(_thursday(demo), time(14), every_weeks=4, count=3))
    first, second, third = done.meeting_ids
    cancellation.cancel_meeting(demo, SECRETARY, second, "Summer holiday")
    moved = meeting_store.get_meeting(demo.db, third)
    meetings.edit_meeting(demo, SECRETARY, third, dataclasses.replace(moved, location="Online"))
    statuses = [meeting_store.get_meeting(demo.db, i) for i in (first, second, third)]
    assert [(m.status, m.location) for m in statuses] == [
        ("planned", ""),
        ("cancelled", ""),
        ("planned", "Online"),
    ]
