"""Meetings: plan one, prepare its agenda, run it point by point, and get its minutes and invite."""

import streamlit as st

from council.domain.permissions import Task, may, may_close_agenda, may_decide, runs
from council.domain.vocabulary import MeetingStatus
from council.i18n import N_, _
from council.services import agenda, lists, meetings
from council.ui import (
    agenda_views,
    follow_views,
    meeting_mode_views,
    minutes_record_views,
    parking_views,
    url,
)
from council.ui.cache import cached
from council.ui.meeting_views import cancel_form, meeting_header, meeting_list, plan_form, view_key
from council.ui.minutes_views import minutes_downloads
from council.ui.record_page import list_or_detail
from council.ui.series_views import series_form
from council.ui.session import current_person, workspace
from council.ui.text import md

ws = workspace()
me = current_person(ws)
st.title(_("Meetings"))

VIEWS = {"prepare": N_("Prepare the agenda"), "run": N_("Meeting mode"), "minutes": N_("Minutes & invite")}
DEFAULT_VIEW = {MeetingStatus.PLANNED: "prepare", MeetingStatus.OPEN: "run", MeetingStatus.CLOSED: "minutes",
                MeetingStatus.CANCELLED: "minutes"}  # fmt: skip


def show_list() -> None:
    if may(me, Task.PLAN):
        with st.expander(_("Plan a meeting"), icon=":material/add_circle:", key="plan_meeting_open"):
            plan_form(ws, me)
        with st.expander(
            _("Plan a series of meetings"), icon=":material/event_repeat:", key="plan_series_open"
        ):
            series_form(ws, me)
    meeting_list(ws)


def show_meeting(meeting_id: int) -> None:
    card = cached(ws, meetings.meeting_card, meeting_id)
    meeting_header(ws, card)
    status = MeetingStatus(card.meeting.status)
    chosen = url.choice_from_url("view", list(VIEWS), DEFAULT_VIEW[status])
    st.session_state.setdefault(view_key(meeting_id), chosen)
    chosen = st.segmented_control(_("Show"), options=list(VIEWS), format_func=lambda v: _(VIEWS[v]), key=view_key(meeting_id),
                                  label_visibility="collapsed") or chosen  # fmt: skip
    url.write_to_url({"view": None if chosen == DEFAULT_VIEW[status] else chosen})
    view = cached(ws, agenda.agenda_of, meeting_id)
    if chosen == "prepare":
        prepare(meeting_id, view)
    elif chosen == "run":
        run(card, view)
    else:
        record = minutes_record_views.standing(ws, meeting_id)
        minutes_record_views.correction_form(ws, me, card, record)
        minutes_downloads(ws, meeting_id)


def prepare(meeting_id: int, view: agenda.AgendaView) -> None:
    if view.meeting.is_cancelled:
        st.info(_("This meeting was cancelled; its points are back among the next meeting's suggestions."),
                icon=":material/event_busy:")  # fmt: skip
        return
    if status_is(view, MeetingStatus.CLOSED):
        st.info(_("This meeting is closed; its agenda is final."), icon=":material/lock:")
    elif not may(me, Task.AGENDA) and not may(me, Task.PLAN) and not runs(me, view.meeting):
        st.markdown("##### " + _("Agenda"))
        st.dataframe(cached(ws, lists.agenda_table, meeting_id), hide_index=True, width="stretch")
        return
    elif may(me, Task.PLAN) or runs(me, view.meeting):
        with st.expander(
            _("Change the date, place, chair or guest"),
            icon=":material/edit_calendar:",
            key=f"edit_meeting_open_{meeting_id}",
        ):  # a key keeps it open while in use
            plan_form(ws, me, view.meeting)
        if status_is(view, MeetingStatus.PLANNED):
            cancel_form(ws, me, view.meeting)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown("##### " + _("Agenda"))
        agenda_views.agenda_editor(ws, me, view)
        if not status_is(view, MeetingStatus.CLOSED) and may(me, Task.AGENDA):
            agenda_views.own_point_form(ws, me, meeting_id)
        if status_is(view, MeetingStatus.PLANNED) and may_close_agenda(me, view.meeting):
            agenda_views.agenda_lock(ws, me, view)
    if not status_is(view, MeetingStatus.CLOSED) and may(me, Task.AGENDA):
        with right:
            st.markdown("##### " + _("Suggestions"))
            agenda_views.suggestion_list(ws, me, meeting_id)


def run(card: meetings.MeetingCard, view: agenda.AgendaView) -> None:
    chair = runs(me, card.meeting)
    if view.meeting.is_cancelled:
        st.info(_("This meeting was cancelled, so it is not held."), icon=":material/event_busy:")
        return
    if status_is(view, MeetingStatus.CLOSED):
        st.info(
            _("This meeting is closed. Its minutes are under “Minutes & invite”."), icon=":material/lock:"
        )
        return
    if status_is(view, MeetingStatus.OPEN) and not chair:  # everyone else follows the chair, live
        follow_views.follow_panel(ws, me, card.meeting.id)
        if not may_decide(me, card.meeting, set(card.attendees)):
            return
        st.markdown("##### " + _("Record a point"))
    elif not chair and not may_decide(me, card.meeting, set(card.attendees)):
        text = (
            _("Meeting mode is for the chair, {chair}, and the council members at the meeting. "
              "Its decisions appear under Decisions once recorded.").format(chair=md(card.chair))
            if card.chair
            else _("Meeting mode is for the chair and the council members at the meeting. "
                   "Its decisions appear under Decisions once recorded.")
        )  # fmt: skip
        st.info(text, icon=":material/visibility:")
        st.dataframe(cached(ws, lists.agenda_table, card.meeting.id), hide_index=True, width="stretch")
        return
    if status_is(view, MeetingStatus.PLANNED):
        if chair:
            meeting_mode_views.start_panel(ws, me, view)
        else:
            st.info(_("The chair, {chair}, starts the meeting.").format(chair=md(card.chair)) if card.chair
                    else _("The chair starts the meeting."), icon=":material/schedule:")  # fmt: skip
        return
    if chair:
        meeting_mode_views.attendance(ws, me, card)
    meeting_mode_views.walk_agenda(ws, me, view)
    parking_views.parking_lot(ws, me, view)
    if chair:
        meeting_mode_views.minutes_text(ws, me, view)
        meeting_mode_views.close_panel(ws, me, view)


def status_is(view: agenda.AgendaView, status: MeetingStatus) -> bool:
    return view.meeting.status == status


list_or_detail(_("All meetings"), show_list, show_meeting)
