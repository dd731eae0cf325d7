"""The meetings list, planning a meeting, and the header and details of one meeting."""

from __future__ import annotations

from datetime import date, datetime, time

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from council.domain.errors import ValidationError
from council.domain.meetings import Meeting, default_title
from council.domain.people import Person
from council.domain.permissions import Task, may
from council.domain.records import saved_id
from council.domain.vocabulary import MeetingStatus
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import cancellation, meetings, outbox
from council.services.lists import meeting_table
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import cached
from council.ui.record_page import open_on_click
from council.ui.session import can
from council.ui.text import md, table_date

PLAN = "plan_meeting"
EDIT = "edit_meeting"
_FIELDS = ("day", "time", "duration", "title", "location", "chair", "guest", "starts_at")


def view_key(meeting_id: int) -> str:
    """The session key of the meeting page's view switch (prepare, run, minutes)."""
    return f"meeting_view_{meeting_id}"


def meeting_list(ws: Workspace) -> None:
    table = cached(ws, meeting_table)
    if table.empty:
        st.info(
            _("No meetings yet. Plan the first one above.")
            if can(ws, Task.PLAN)
            else _("No meetings yet: the council's secretary plans them, and they show here."),
            icon=":material/event:",
        )
        return
    held_or_off = (MeetingStatus.CLOSED.label, MeetingStatus.CANCELLED.label)
    coming = table[~table["status"].isin(held_or_off)].sort_values("starts_at")
    if not coming.empty:
        first = coming.iloc[0]
        when = first["starts_at"]  # already in the workspace's time zone
        cols = st.columns([3, 1], vertical_alignment="center")
        cols[0].markdown(_("**Next meeting:** {title} · {day}, {time}").format(
            title=md(first["title"]), day=fmt.weekday_day_month(when), time=fmt.clock(when)))  # fmt: skip
        if cols[1].button(_("Open it"), icon=":material/arrow_forward:", type="primary", width="stretch"):
            st.query_params["id"] = str(int(first["id"]))
            st.rerun()
    st.caption(_("Click a meeting to prepare its agenda, run it, or get its minutes."))
    open_on_click(
        table,
        "meeting_table",
        {
            "id": None,
            "starts_at": st.column_config.DatetimeColumn(_("When"), format=table_date("weekday")),
            "title": _("Meeting"),
            "status": _("Status"),
            "chair": _("Chair"),
            "guest": _("Guest"),
            "agenda_items": st.column_config.NumberColumn(_("Points"), help=_("Points on the agenda")),
            "decisions": st.column_config.NumberColumn(_("Decisions")),
            "proposals": st.column_config.NumberColumn(
                _("Proposal"), help=_("Whether the guest proposed a change")
            ),
        },
    )


def plan_form(ws: Workspace, me: Person | None, meeting: Meeting | None = None) -> None:
    """Plan a meeting (when, how long, where, who chairs, who is the guest), or change the plan of `meeting`.

    A meeting under way keeps its date and time; the rest can still be corrected until it closes.
    """
    form = PLAN if meeting is None else f"{EDIT}_{meeting.id}"
    forms.prefill(form, _start_values(ws, meeting))
    forms.form_error(form, _FIELDS)
    fixed_time = meeting is not None and meeting.status != MeetingStatus.PLANNED
    # A planned meeting whose day has passed must still show its date; the service refuses a past one.
    overdue = meeting is not None and meeting.starts_at.astimezone(ws.zone).date() < ws.today()
    plans = may(me, Task.PLAN)  # a chair may correct the rest, not who chairs or who is the guest
    cols: tuple[DeltaGenerator, ...] = st.columns(3)  # then two
    with cols[0]:
        st.date_input(_("Date"), key=f"{form}_day", min_value=None if fixed_time or overdue else ws.today(), format="DD/MM/YYYY",
                      disabled=fixed_time, help=_("The meeting has started; its date stays.") if fixed_time else None)  # fmt: skip
        forms.field_error(form, "starts_at")
    cols[1].time_input(_("Starts at"), key=f"{form}_time", step=900, disabled=fixed_time)
    with cols[2]:
        st.number_input(_("Length in minutes"), min_value=15, max_value=480, step=15, key=f"{form}_duration")
        forms.field_error(form, "duration")
    day = forms.value(form, "day") or ws.today()
    cols = st.columns(2)
    with cols[0]:
        st.text_input(_("Title"), key=f"{form}_title", placeholder=default_title(day),
                      help=_("Leave empty to name it after its date."))  # fmt: skip
        forms.field_error(form, "title")
        _person_select(
            ws, _("Chair"), f"{form}_chair", cached(ws, meetings.chair_choices, day), disabled=not plans
        )
        forms.field_error(form, "chair")
    with cols[1]:
        st.text_input(
            _("Place or video link"), key=f"{form}_location", placeholder=_("Room 4.12, or https://…")
        )
        forms.field_error(form, "location")
        _person_select(ws, _("Guest"), f"{form}_guest", cached(ws, meetings.guest_choices, day), disabled=not plans,
                       help=_("Someone from outside the council; the Council page suggests who has been heard least.")
                            if plans else _("The council's secretary chooses the chair and invites the guest."))  # fmt: skip
        forms.field_error(form, "guest")
    if meeting is None:
        st.button(_("Plan the meeting"), type="primary", icon=":material/event_available:",
                  on_click=forms.save, args=(form, lambda: _plan(ws, me), lambda i: _planned(ws, i), _FIELDS))  # fmt: skip
    else:
        st.button(_("Save the changes"), type="primary", icon=":material/save:", key=f"{form}_save",
                  on_click=forms.save, args=(form, lambda: _edit(ws, me, meeting), lambda c: _edited(ws, c), _FIELDS))  # fmt: skip


def _start_values(ws: Workspace, meeting: Meeting | None) -> dict[str, object]:
    if meeting is None:
        return {"day": cached(ws, meetings.suggested_start), "time": ws.config.council.meeting_starts_at,
                "duration": ws.config.council.meeting_length_minutes}  # fmt: skip
    start = meeting.starts_at.astimezone(ws.zone)
    return {"day": start.date(), "time": start.time().replace(tzinfo=None), "duration": meeting.duration_minutes,
            "title": meeting.title, "location": meeting.location, "chair": meeting.chair_id,
            "guest": meeting.guest_id}  # fmt: skip


def _person_select(
    ws: Workspace,
    label: str,
    key: str,
    choices: dict[int, str],
    help: str | None = None,
    disabled: bool = False,
) -> None:
    if st.session_state.get(key) not in (None, *choices) and not disabled:
        st.session_state[key] = None  # the date changed and this person no longer fits it
    options = (
        list(choices) if st.session_state.get(key) in (None, *choices) else [*choices, st.session_state[key]]
    )
    st.selectbox(label, options=options, index=None, format_func=lambda i: choices.get(i, f"#{i}"),
                 placeholder=_("Choose…"), key=key, help=help, disabled=disabled)  # fmt: skip


def _draft(ws: Workspace, form: str) -> Meeting:
    day: date | None = forms.value(form, "day")
    at: time | None = forms.value(form, "time")
    if day is None or at is None:
        raise ValidationError(_("Choose the date and the time the meeting starts."), "starts_at")
    title = (forms.value(form, "title") or "").strip() or default_title(day)
    return Meeting(
        title=title, starts_at=datetime.combine(day, at, ws.zone), duration_minutes=forms.value(form, "duration"),
        location=forms.value(form, "location") or "", chair_id=forms.value(form, "chair"),
        guest_id=forms.value(form, "guest"),
    )  # fmt: skip


def _plan(ws: Workspace, me: Person | None) -> int:
    return meetings.plan_meeting(ws, me, _draft(ws, PLAN))


def _planned(ws: Workspace, meeting_id: int) -> str:
    st.query_params["id"] = str(meeting_id)
    if not ws.config.email.enabled:
        return _("The meeting is planned. Now prepare its agenda.")
    invited = outbox.mails_about(ws, "invitation", f"meetings?id={meeting_id}")
    if not invited:
        return _(
            "The meeting is planned. Nobody holds a council seat on that day yet, so nobody was invited: give "
            "the seats on Council & rotation, and the invitations go out then. Now prepare its agenda."
        )
    return ngettext(
        "The meeting is planned and {n} invitation is on its way by mail. Now prepare its agenda.",
        "The meeting is planned and {n} invitations are on their way by mail. Now prepare its agenda.",
        invited,
    ).format(n=fmt.number(invited))


def _edit(ws: Workspace, me: Person | None, meeting: Meeting) -> list[str]:
    assert meeting.id is not None
    return meetings.edit_meeting(ws, me, meeting.id, _draft(ws, f"{EDIT}_{meeting.id}"))


def _edited(ws: Workspace, changed: list[str]) -> str:
    if not changed:
        return _("Nothing had changed.")
    names = ", ".join(_(meetings.FIELD_NAMES[f]) if f in meetings.FIELD_NAMES else f for f in changed)
    if ws.config.email.enabled:
        return _(
            "Saved: {changes}. Everyone invited gets the update by mail, for their calendar too."
        ).format(changes=names)
    return _("Saved: {changes}. Send the new invite (under “Minutes & invite”) to everyone invited.").format(
        changes=names
    )


def cancel_form(ws: Workspace, me: Person | None, meeting: Meeting) -> None:
    """Call off a meeting that has not started, saying why."""
    meeting_id = saved_id(meeting)
    form = f"cancel_meeting_{meeting.id}"
    with st.expander(_("Cancel this meeting"), icon=":material/event_busy:", key=f"{form}_open"):
        st.caption(_("It stays in the list as cancelled, with your reason. Its agenda points go back to the "
                     "suggestions of the next meeting, and its guest can be invited again."))  # fmt: skip
        st.text_input(_("Why it is cancelled"), key=f"{form}_reason", max_chars=cancellation.MAX_REASON,
                      placeholder=_("e.g. Half the council is at the training day"))  # fmt: skip
        forms.field_error(form, "cancel_reason")
        forms.form_error(form, ("cancel_reason",))
        done = lambda _id: _cancelled(ws)  # noqa: E731
        cols = st.columns(2)
        cols[0].button(_("Cancel the meeting"), icon=":material/event_busy:", key=f"{form}_save", width="stretch",
                       on_click=forms.save, args=(form, lambda: cancellation.cancel_meeting(
                           ws, me, meeting_id, forms.value(form, "reason") or ""), done,
                           ("reason",)))  # fmt: skip
        # A holiday or a week off in a series: no reason to type.
        cols[1].button(_("Skip it: a holiday or a week off"), icon=":material/beach_access:", key=f"{form}_skip",
                       width="stretch", on_click=forms.save, args=(form, lambda: cancellation.cancel_meeting(
                           ws, me, meeting_id, _("No meeting that week: a holiday or a week off.")), done,
                           ("reason",)))  # fmt: skip


def _cancelled(ws: Workspace) -> str:
    if ws.config.email.enabled:
        return _("The meeting is cancelled. Everyone invited gets the cancellation by mail.")
    return _("The meeting is cancelled. Download the cancellation under “Minutes & invite” and send it to everyone "
             "invited.")  # fmt: skip


def meeting_header(ws: Workspace, card: meetings.MeetingCard) -> None:
    m = card.meeting
    start = m.starts_at.astimezone(ws.zone)
    st.subheader(md(m.title))
    status = MeetingStatus(m.status).label
    if m.is_cancelled and m.cancelled_at:
        status = _("{status} on {day}: {reason}").format(
            status=status, day=fmt.long_day(m.cancelled_at.astimezone(ws.zone)), reason=md(m.cancel_reason)
        )
    elif m.agenda_closed_at and m.status == MeetingStatus.PLANNED:
        status = _("{status} · agenda closed").format(status=status)
    when = _("**{day}, {time}** ({minutes} minutes)").format(
        day=fmt.long_weekday(start), time=fmt.clock(start), minutes=fmt.number(m.duration_minutes)
    )
    where = md(m.location) if m.location else _("No place or link yet")
    who = _("Chair: {chair} · Guest: {guest}").format(
        chair=md(card.chair) if card.chair else _("not chosen yet"),
        guest=md(f"{card.guest} ({card.guest_brings})") if card.guest else _("not invited yet"),
    )
    st.markdown(
        f":material/event: {when} · {status}  \n:material/location_on: {where}  \n:material/person: {who}"
    )
