"""Planning the council's rhythm in one step: a series of meetings every few weeks."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from council.domain.errors import ValidationError
from council.domain.people import Person
from council.i18n import N_, _, ngettext
from council.i18n import formats as fmt
from council.services import meetings, series
from council.services.series import MAX_MEETINGS, Planned, Series
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import cached

SERIES = "series"
_FIELDS = (
    "day",
    "time",
    "every_weeks",
    "duration",
    "count",
    "until",
    "location",
    "chair",
    "starts_at",
    "series",
)
_ENDS = {"count": N_("After a number of meetings"), "until": N_("On a date")}


def series_form(ws: Workspace, me: Person | None) -> None:
    """When the series starts, how often, how it ends; where and who chairs. Guests come from the rotation plan."""
    rules = ws.config.council
    forms.prefill(SERIES, {"day": cached(ws, meetings.suggested_start), "time": rules.meeting_starts_at,
                           "every_weeks": rules.meeting_every_weeks, "duration": rules.meeting_length_minutes,
                           "ends": "count", "count": 6})  # fmt: skip
    forms.form_error(SERIES, _FIELDS)
    st.caption(_("Every meeting of the series is planned at once, each on its own afterwards: move, skip or cancel "
                 "one without the others. The rotation plan on the Council & rotation page suggests each meeting's guest."))  # fmt: skip
    cols: tuple[DeltaGenerator, ...] = st.columns(4)  # then two
    with cols[0]:
        st.date_input(_("First meeting"), key=f"{SERIES}_day", min_value=ws.today(), format="DD/MM/YYYY")
        forms.field_error(SERIES, "starts_at")
    cols[1].time_input(_("Starts at"), key=f"{SERIES}_time", step=900)
    with cols[2]:
        st.number_input(_("Every how many weeks"), min_value=1, max_value=12, key=f"{SERIES}_every_weeks")
        forms.field_error(SERIES, "every_weeks")
    with cols[3]:
        st.number_input(
            _("Length in minutes"), min_value=15, max_value=480, step=15, key=f"{SERIES}_duration"
        )
        forms.field_error(SERIES, "duration")
    cols = st.columns(2)
    with cols[0]:
        ends = st.radio(_("The series ends"), list(_ENDS), format_func=lambda e: _(_ENDS[e]), horizontal=True,
                        key=f"{SERIES}_ends")  # fmt: skip
        if ends == "count":
            st.number_input(
                _("Number of meetings"), min_value=1, max_value=MAX_MEETINGS, key=f"{SERIES}_count"
            )
        else:
            st.date_input(_("Last possible day"), key=f"{SERIES}_until", value=None, min_value=ws.today(),
                          format="DD/MM/YYYY")  # fmt: skip
        forms.field_error(SERIES, "count")
        forms.field_error(SERIES, "until")
    with cols[1]:
        st.text_input(
            _("Place or video link"), key=f"{SERIES}_location", placeholder=_("Room 4.12, or https://…")
        )
        forms.field_error(SERIES, "location")
        day = forms.value(SERIES, "day") or ws.today()
        chairs = cached(ws, meetings.chair_choices, day)
        st.selectbox(_("Chair"), list(chairs), format_func=chairs.__getitem__, index=None,
                     placeholder=_("Choose…"), key=f"{SERIES}_chair")  # fmt: skip
        forms.field_error(SERIES, "chair")
    forms.field_error(SERIES, "series")
    skip = False
    refused = forms.error_of(SERIES)
    if isinstance(refused, ValidationError) and refused.field == "series":
        skip = st.checkbox(_("Plan the others only, leaving out the days that already have a meeting"),
                           key=f"{SERIES}_skip")  # fmt: skip
    st.button(_("Plan the series"), type="primary", icon=":material/event_repeat:", on_click=forms.save,
              args=(SERIES, lambda: _plan(ws, me, skip), lambda done: _planned(ws, done), _FIELDS))  # fmt: skip


def _plan(ws: Workspace, me: Person | None, skip: bool) -> Planned:
    v = lambda field: forms.value(SERIES, field)  # noqa: E731
    count, until = (int(v("count")), None) if v("ends") == "count" else (None, v("until"))
    asked = Series(v("day"), v("time"), int(v("every_weeks")), count=count, until=until,
                   duration_minutes=int(v("duration")), location=v("location") or "", chair_id=v("chair"))  # fmt: skip
    return series.plan_series(ws, me, asked, skip_taken=skip)


def _planned(ws: Workspace, done: Planned) -> str:
    first = ngettext("{n} meeting planned.", "{n} meetings planned.", len(done.meeting_ids)).format(
        n=fmt.number(len(done.meeting_ids))
    )
    guests = _("Their guests: the rotation plan under Council & rotation suggests one for each meeting; "
               "confirm each there.")  # fmt: skip
    if not done.skipped:
        return f"{first} {guests}"
    left_out = _("Left out, as they already have a meeting: {days}.").format(
        days=", ".join(fmt.long_day(day) for day in done.skipped)
    )
    return f"{first} {left_out} {guests}"
