"""Preparing an agenda: the points chosen so far with their time boxes, and what else is suggested."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from council.domain.agenda import (
    FOLLOW_UP,
    GUEST_PROPOSAL,
    MINUTES_TO_APPROVE,
    OPEN_ITEM,
    PARKED,
    PINNED,
    ROLLED_OVER,
    Suggestion,
)
from council.domain.meetings import AgendaItem
from council.domain.people import Person
from council.domain.records import saved_id
from council.domain.vocabulary import AgendaKind, Outcome
from council.i18n import N_, _, pgettext
from council.i18n import formats as fmt
from council.services import agenda, agenda_suggestions
from council.services.agenda import AgendaView
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import cached
from council.ui.text import md

OTHER = "agenda_other"
SHOWN = 3  # suggestions shown per group before "more"
_GROUPS = {
    MINUTES_TO_APPROVE: N_("Minutes to approve"),
    PARKED: N_("Parked at an earlier meeting"),
    GUEST_PROPOSAL: N_("The guest's proposal"),
    PINNED: N_("Asked for by members"),
    FOLLOW_UP: N_("Decisions to follow up"),
    ROLLED_OVER: N_("Postponed at an earlier meeting"),
    OPEN_ITEM: N_("Highest priority open items"),
}
# Where the record an agenda point is about can be opened.
SUBJECT_PAGES = {
    "friction": "app_pages/friction_points.py",
    "connection": "app_pages/missing_connections.py",
    "blocker": "app_pages/blockers.py",
}


def act(form: str, action: Callable[[], Any], message: str) -> None:
    """Run a small change (add, move, remove…) as a button callback, with its confirmation."""
    forms.save(form, action, lambda _: message)


def agenda_editor(ws: Workspace, me: Person | None, view: AgendaView) -> None:
    """The chosen points in order, each with its time box and buttons to move or remove it."""
    forms.form_error("agenda", ())
    if not view.items:
        st.info(
            _("Nothing on the agenda yet. Add points from the suggestions, or one of your own below."),
            icon=":material/playlist_add:",
        )
    if view.meeting.is_closed:
        for item in view.items:
            outcome = f" — {Outcome(item.outcome).label.lower()}" if item.outcome else ""
            st.markdown(
                f"**{item.position}.** {md(item.title)}  \n:gray[{AgendaKind(item.kind).label}{outcome}]"
            )
        return
    for item in view.items:
        _agenda_row(ws, me, item, len(view.items))
    time = view.time
    share = min(1.0, time.planned_minutes / max(1, time.meeting_minutes))
    if time.over_by:  # said once, as a warning; the bar just shows it is full
        planned = _("{planned} of {meeting} minutes planned").format(
            planned=fmt.number(time.planned_minutes), meeting=fmt.number(time.meeting_minutes)
        )
        st.progress(share, text=planned)
        st.warning(md(time.summary()), icon=":material/timer_off:")
    else:
        st.progress(share, text=time.summary())


def _agenda_row(ws: Workspace, me: Person | None, item: AgendaItem, count: int) -> None:
    item_id = saved_id(item)
    with st.container(border=True):
        cols = st.columns([5, 2, 2], vertical_alignment="center")
        cols[0].markdown(f"**{item.position}.** {md(item.title)}  \n:gray[{AgendaKind(item.kind).label}]")
        cols[1].number_input(
            pgettext("time box", "Minutes"), min_value=1, max_value=240, step=5, value=item.time_box_minutes, key=f"time_{item.id}",
            on_change=_save_time, args=(ws, me, item.id), placeholder=_("min"),
        )  # fmt: skip
        buttons = cols[2].container(horizontal=True, gap="small")
        buttons.button(":material/arrow_upward:", key=f"up_{item.id}", help=_("Move up"), disabled=item.position == 1,
                       on_click=act, args=("agenda", lambda: agenda.move(ws, me, item_id, -1),
                                           _("Moved up.")))  # fmt: skip
        buttons.button(":material/arrow_downward:", key=f"down_{item.id}", help=_("Move down"),
                       disabled=item.position == count,
                       on_click=act, args=("agenda", lambda: agenda.move(ws, me, item_id, 1),
                                           _("Moved down.")))  # fmt: skip
        buttons.button(":material/delete:", key=f"remove_{item.id}", help=_("Take off the agenda"),
                       on_click=act, args=("agenda", lambda: agenda.remove(ws, me, item_id),
                                           _("“{title}” is off the agenda.").format(title=item.title[:60])))  # fmt: skip


def _save_time(ws: Workspace, me: Person | None, item_id: int) -> None:
    minutes = st.session_state.get(f"time_{item_id}")
    forms.save(
        "agenda", lambda: agenda.set_time_box(ws, me, item_id, minutes), lambda _id: _("Time box saved.")
    )


def suggestion_list(ws: Workspace, me: Person | None, meeting_id: int) -> None:
    """What else could go on the agenda, grouped by why it is suggested, each with an Add button."""
    found = cached(ws, agenda_suggestions.suggestions, meeting_id)
    if not found:
        st.caption(_("No open items to suggest."))
    for group, title in _GROUPS.items():
        members = [s for s in found if s.group == group]
        if members:
            st.markdown(f"**{_(title)}** ({fmt.number(len(members))})")
            for s in members[:SHOWN]:
                _suggestion(ws, me, meeting_id, s)
            if len(members) > SHOWN:
                with st.expander(_("{n} more").format(n=fmt.number(len(members) - SHOWN))):
                    for s in members[SHOWN:]:
                        _suggestion(ws, me, meeting_id, s)


def _suggestion(ws: Workspace, me: Person | None, meeting_id: int, s: Suggestion) -> None:
    cols = st.columns([3, 1], vertical_alignment="center")
    score = (
        "  \n:gray["
        + _("Score {total} = {parts}").format(total=fmt.number(s.score.total), parts=s.score.explain())
        + "]"
        if s.score
        else ""
    )
    star = ":material/star: " if s.at_moment_of_truth else ""
    cols[0].markdown(f"{star}{md(s.title)}  \n:gray[{s.kind_label} · {md(s.reason)}]{score}")
    cols[1].button(_("Add"), key=f"add_{s.kind}_{s.ref_id}", width="stretch", help=_("Put this on the agenda"),
                   on_click=act, args=("agenda", lambda: agenda.add_suggestion(ws, me, meeting_id, s.kind, s.ref_id),
                                       _("Added “{title}”.").format(title=s.title[:60])))  # fmt: skip


def own_point_form(ws: Workspace, me: Person | None, meeting_id: int) -> None:
    """A point that is not among the suggestions: an announcement, a pilot's results, …"""
    with st.form(OTHER, clear_on_submit=False, border=True):
        st.markdown("**" + _("Add a point of your own") + "**")
        st.text_input(
            _("Agenda point"), key=f"{OTHER}_title", placeholder=_("e.g. Results of the callback pilot")
        )
        forms.field_error(OTHER, "title")
        st.number_input(
            pgettext("time box", "Minutes"),
            min_value=1,
            max_value=240,
            value=10,
            step=5,
            key=f"{OTHER}_minutes",
        )
        forms.field_error(OTHER, "minutes")
        forms.form_error(OTHER, ("title", "minutes"))
        st.form_submit_button(
            _("Add to the agenda"), icon=":material/add:",
            on_click=forms.save, args=(OTHER, lambda: agenda.add_other(ws, me, meeting_id, forms.value(OTHER, "title"),
                                                                         forms.value(OTHER, "minutes")),
                                       lambda _id: _("Added your point.")),
            kwargs={"reset": {"title": "", "minutes": 10}},  # emptied on screen too, ready for the next point
        )  # fmt: skip


def agenda_lock(ws: Workspace, me: Person | None, view: AgendaView) -> None:
    """Close the agenda when it is final (the guest's proposal is then final too), or reopen it."""
    meeting_id = saved_id(view.meeting)
    if view.meeting.agenda_closed_at is None:
        st.button(_("Close the agenda"), icon=":material/lock:", key="close_agenda",
                  help=_("Do this when the agenda is final: the guest can then no longer change their proposal. "
                         "You can still adjust the agenda until the meeting starts."),
                  on_click=act, args=("agenda", lambda: agenda.close_agenda(ws, me, meeting_id),
                                      _("The agenda is closed; the guest's proposal is final.")))  # fmt: skip
    else:
        st.button(_("Reopen the agenda"), icon=":material/lock_open:", key="reopen_agenda",
                  on_click=act, args=("agenda", lambda: agenda.close_agenda(ws, me, meeting_id, closed=False),
                                      _("The agenda is open again; the guest can edit their proposal.")))  # fmt: skip
