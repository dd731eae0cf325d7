"""A series of meetings planned in one step: every few weeks on the same weekday and time, until a date or
for a number of meetings. Each meeting of the series is a meeting of its own afterwards: moved, skipped
or cancelled alone; the rotation plan suggests each one's guest for the secretary to confirm."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from council.domain.checks import check_range
from council.domain.errors import ValidationError
from council.domain.meetings import Meeting, default_title
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.i18n import _
from council.i18n import formats as fmt
from council.services.acting import as_on_roster
from council.services.meetings import add_planned, meeting_on
from council.services.workspace import Workspace
from council.store.database import Transaction

MAX_MEETINGS = 26  # half a year of weekly meetings, a year of fortnightly ones


@dataclass(frozen=True)
class Series:
    """What the secretary asks for: from `first_day`, every `every_weeks` weeks at `at`, ended by `count` or `until`."""

    first_day: date
    at: time
    every_weeks: int
    count: int | None = None
    until: date | None = None
    duration_minutes: int = 90
    location: str = ""
    chair_id: int | None = None


@dataclass(frozen=True)
class Planned:
    meeting_ids: list[int]
    skipped: list[date]  # days that already had a meeting, left out as asked


def series_days(series: Series) -> list[date]:
    """The days of the series, checked: every 1 to 12 weeks, ending by a count or a date, at most
    MAX_MEETINGS meetings."""
    check_range(series.every_weeks, 1, 12, _("Every how many weeks"), field="every_weeks")
    if (series.count is None) == (series.until is None):
        raise ValidationError(_("End the series either after a number of meetings or on a date."), "count")
    step = timedelta(weeks=series.every_weeks)
    if series.count is not None:
        check_range(series.count, 1, MAX_MEETINGS, _("The number of meetings"), field="count")
        return [series.first_day + n * step for n in range(series.count)]
    assert series.until is not None
    if series.until < series.first_day:
        raise ValidationError(
            _("The series ends before its first meeting. Choose a later end date."), "until"
        )
    days = []
    day = series.first_day
    while day <= series.until:
        days.append(day)
        day += step
    if len(days) > MAX_MEETINGS:
        raise ValidationError(
            _("That makes {n} meetings; a series has at most {limit}. Choose an earlier end date.").format(
                n=fmt.number(len(days)), limit=fmt.number(MAX_MEETINGS)
            ),
            "until",
        )
    return days


@as_on_roster
def plan_series(ws: Workspace, actor: Person | None, series: Series, *, skip_taken: bool = False) -> Planned:
    """Plan every meeting of the series at once, or none. A day that already has a meeting is refused with
    the days it concerns, unless `skip_taken`: then those days are left out and the others planned."""
    # Translators: completes "Only … may …"
    require(actor, Task.PLAN, _("plan meetings"))
    days = series_days(series)
    planned = [
        (day, Meeting(title=default_title(day), starts_at=datetime.combine(day, series.at, ws.zone),
                      duration_minutes=series.duration_minutes, location=series.location,
                      chair_id=series.chair_id).checked(ws.now()))
        for day in days
    ]  # fmt: skip

    def write(tx: Transaction) -> Planned:
        taken = [day for day in days if meeting_on(tx, ws, day) is not None]
        if taken and not skip_taken:
            raise ValidationError(
                _(
                    "A meeting is already planned on {days}. Plan the others only, or choose other dates."
                ).format(days=", ".join(fmt.long_day(day) for day in taken)),
                "series",
            )
        ids = [add_planned(tx, ws, actor, meeting) for day, meeting in planned if day not in taken]
        return Planned(ids, taken)

    return ws.db.write(write)
