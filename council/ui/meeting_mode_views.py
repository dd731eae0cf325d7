"""Meeting mode: walk the agenda point by point, record notes, outcomes, decisions and actions, close."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from council.domain.decisions import ActionDraft, DecisionDraft
from council.domain.errors import StaleVersion
from council.domain.meetings import AgendaItem
from council.domain.people import Person
from council.domain.permissions import runs
from council.domain.records import saved_id
from council.domain.vocabulary import AgendaKind, MeetingStatus, Outcome
from council.i18n import _, ngettext, pgettext
from council.i18n import formats as fmt
from council.services import follow, meeting_mode, meeting_outcomes, meetings, rotation
from council.services.agenda import AgendaView
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.agenda_views import act
from council.ui.cache import cached
from council.ui.decision_fields import decision_fields
from council.ui.follow_views import remark_line
from council.ui.meeting_views import view_key
from council.ui.minutes_record_views import approval_panel
from council.ui.text import md

POINT = "point"
ACTION = "action"
_DECISION_FIELDS = ("decision_title", "decision_text", "decision_rationale", "decision_department",
                    "decision_owner", "decision_due_on")  # fmt: skip


def start_panel(ws: Workspace, me: Person | None, view: AgendaView) -> None:
    st.info(_("The meeting has not started. Starting it closes the agenda for the guest and lets you record "
              "notes, outcomes and decisions."), icon=":material/play_circle:")  # fmt: skip
    forms.form_error("meeting", ())
    meeting_id = saved_id(view.meeting)
    day = view.meeting.starts_at.astimezone(ws.zone).date()
    early = day > ws.today()
    if early:
        days = (day - ws.today()).days
        text = ngettext(
            "This meeting is planned for {day}, {n} day from now. Held now, it moves to today and its minutes "
            "show today's date.",
            "This meeting is planned for {day}, {n} days from now. Held now, it moves to today and its minutes "
            "show today's date.", days).format(day=fmt.long_weekday(day), n=fmt.number(days))  # fmt: skip
        seats = cached(ws, rotation.seats_beginning, day)
        if seats:
            text += " " + ngettext(
                "{n} council seat begins at this meeting; it begins today instead.",
                "{n} council seats begin at this meeting; they begin today instead.", seats,
            ).format(n=fmt.number(seats))  # fmt: skip
        st.warning(text, icon=":material/event_busy:")
    forward = early and st.checkbox(
        _("We hold it now: bring it forward to today"), key=f"forward_{view.meeting.id}"
    )
    held_at = None
    if forward:  # the planned time of day, unless the chair says otherwise
        planned = view.meeting.starts_at.astimezone(ws.zone).time().replace(tzinfo=None)
        held_at = st.time_input(_("Held today at"), value=planned, step=300, key=f"held_at_{view.meeting.id}")
    st.button(_("Start the meeting"), type="primary", icon=":material/play_arrow:", disabled=early and not forward,
              on_click=act, args=("meeting", lambda: meeting_mode.start_meeting(ws, me, meeting_id,
                                                                                bring_forward=forward, held_at=held_at),
                                  _("The meeting has started.")))  # fmt: skip


def attendance(ws: Workspace, me: Person | None, card: meetings.MeetingCard) -> None:
    everyone = cached(ws, meetings.owner_choices) | card.attendees
    meeting_id = saved_id(card.meeting)
    key = f"attendees_{card.meeting.id}"
    st.session_state.setdefault(key, list(card.attendees))
    st.multiselect(_("Present"), options=list(everyone), format_func=lambda i: everyone.get(i, f"#{i}"), key=key,
                   placeholder=_("Nobody marked present yet"),
                   on_change=lambda: forms.save("meeting", lambda: meeting_mode.set_attendance(
                       ws, me, meeting_id, st.session_state[key]),
                       lambda _id: _("Attendance saved.")))  # fmt: skip


def walk_agenda(ws: Workspace, me: Person | None, view: AgendaView) -> None:
    """One agenda point at a time, with buttons to go to the previous or next one."""
    items = view.items
    key = f"current_point_{view.meeting.id}"
    index = min(st.session_state.get(key, _first_open(items)), len(items) - 1)
    labels = [f"{i.position}. {i.title[:70]}{' ✓' if i.outcome else ''}" for i in items]
    index = st.selectbox(
        _("Agenda point"), options=range(len(items)), index=index, format_func=labels.__getitem__
    )
    st.session_state[key] = index
    _shown_to_all(ws, me, view, items[index])
    cols = st.columns(2)
    cols[0].button(_("Previous point"), icon=":material/arrow_back:", disabled=index == 0, width="stretch",
                   on_click=lambda: st.session_state.update({key: index - 1}))  # fmt: skip
    cols[1].button(_("Next point"), icon=":material/arrow_forward:", disabled=index == len(items) - 1, width="stretch",
                   on_click=lambda: st.session_state.update({key: index + 1}))  # fmt: skip
    point_panel(ws, me, view, items[index])


def _shown_to_all(ws: Workspace, me: Person | None, view: AgendaView, item: AgendaItem) -> None:
    """The point the chair has open is the one everyone following the meeting sees."""
    if not runs(me, view.meeting) or view.meeting.status != MeetingStatus.OPEN:
        return
    if cached(ws, follow.shown_point, view.meeting.id) != item.id:
        follow.show_point(ws, me, saved_id(view.meeting), saved_id(item))


def _first_open(items: list[AgendaItem]) -> int:
    return next((n for n, i in enumerate(items) if not i.outcome), 0)


def point_panel(ws: Workspace, me: Person | None, view: AgendaView, item: AgendaItem) -> None:
    form = f"{POINT}_{item.id}"
    taken = cached(ws, meeting_outcomes.decisions_under, item.id)
    with st.container(border=True):
        st.markdown(f"#### {item.position}. {md(item.title)}")
        kind = AgendaKind(item.kind).label
        st.caption(
            _("{kind} · {minutes} minutes").format(kind=kind, minutes=fmt.number(item.time_box_minutes))
            if item.time_box_minutes
            else kind
        )
        brief = cached(ws, meeting_outcomes.follow_up_brief, item.decision_id) if item.decision_id else None
        if brief:
            st.info(md(brief), icon=":material/gavel:")
        approval_panel(ws, me, view.meeting, item)
        forms.prefill(form, {"notes": item.notes, "outcome": item.outcome,
                             "decision_due_on": view.meeting.starts_at.astimezone(ws.zone).date() + timedelta(weeks=6)})  # fmt: skip
        # What the form started from: a save over someone else's meanwhile is refused (see _save_point).
        st.session_state.setdefault(f"{form}_seen", (item.notes, item.outcome))
        forms.form_error(form, ("notes", "outcome", *_DECISION_FIELDS))
        st.text_area(
            _("Notes"), key=f"{form}_notes", height=120, placeholder=_("What was said, in a few lines")
        )
        forms.field_error(form, "notes")
        st.radio(_("Outcome"), options=list(Outcome), format_func=lambda o: Outcome(o).label, index=None,
                 key=f"{form}_outcome", horizontal=True)  # fmt: skip
        forms.field_error(form, "outcome")
        if forms.value(form, "outcome") == "decided" and not taken:
            st.markdown("**" + _("The decision") + "**")
            decision_fields(ws, form)
        st.button(_("Save this point"), type="primary", icon=":material/save:", key=f"{form}_save",
                  on_click=forms.save, args=(form, lambda: _save_point(ws, me, form, item), _saved_point))  # fmt: skip
    for remark in cached(ws, follow.remarks_on, item.id):
        remark_line(remark)
    for decision in taken:
        _decision_card(ws, me, view, decision)


def _save_point(ws: Workspace, me: Person | None, form: str, item: AgendaItem) -> int | None:
    decision = None
    if forms.value(form, "outcome") == "decided":
        decision = DecisionDraft(
            title=forms.value(form, "decision_title") or "", text=forms.value(form, "decision_text") or "",
            rationale=forms.value(form, "decision_rationale") or "",
            owner_department=forms.value(form, "decision_department"), owner_id=forms.value(form, "decision_owner"),
            due_on=forms.value(form, "decision_due_on"),
        )  # fmt: skip
    notes, outcome = forms.value(form, "notes") or "", forms.value(form, "outcome")
    try:
        decided = meeting_outcomes.record_outcome(ws, me, saved_id(item), notes, outcome, decision,
                                              seen=st.session_state.get(f"{form}_seen"))  # fmt: skip
    except StaleVersion:
        st.session_state.pop(f"{form}_seen", None)  # told what it holds now: the next save is theirs
        raise
    st.session_state[f"{form}_seen"] = (notes.strip(), outcome)
    return decided


def _saved_point(decision_id: int | None) -> str:
    if decision_id:
        return _("Decision #{id} is recorded. Add its actions below.").format(id=decision_id)
    return _("Saved.")


def _decision_card(
    ws: Workspace, me: Person | None, view: AgendaView, decision: meeting_outcomes.DecisionTaken
) -> None:
    d = decision.version
    owners = cached(ws, meetings.owner_choices)
    with st.container(border=True):
        title = _("Decision #{id}: {title}").format(id=d.decision_id, title=md(d.title))
        st.markdown(f":material/gavel: **{title}**  \n{md(d.text)}")
        st.caption(_("Owner: {owner} · {department} · due {day}").format(
            owner=md(owners.get(d.owner_id, "—") if d.owner_id is not None else "—"),
            department=md(ws.config.name_of("department", d.owner_department)),
            day=fmt.long_day(d.due_on) if d.due_on else "—"))  # fmt: skip
        for action in decision.actions:
            who = md(owners.get(action.owner_id, "—") if action.owner_id is not None else "—")
            line = (
                _("{what} — {owner}, by {day}").format(
                    what=md(action.what), owner=who, day=fmt.long_day(action.due_on)
                )
                if action.due_on
                else _("{what} — {owner}, by no date").format(what=md(action.what), owner=who)
            )
            st.markdown(f"- {line}")
        if view.meeting.status == MeetingStatus.OPEN:
            _action_form(ws, me, d.decision_id, owners)


def _action_form(ws: Workspace, me: Person | None, decision_id: int, owners: dict[int, str]) -> None:
    form = f"{ACTION}_{decision_id}"
    with st.form(form, border=False):
        cols = st.columns([4, 2, 2], vertical_alignment="bottom")
        cols[0].text_input(_("Action"), key=f"{form}_what", placeholder=_("What needs doing"))
        cols[1].selectbox(_("Who"), options=list(owners), format_func=lambda i: owners.get(i, f"#{i}"), index=None,
                          placeholder=_("Choose…"), key=f"{form}_owner")  # fmt: skip
        cols[2].date_input(pgettext("deadline", "By"), key=f"{form}_due_on", value=None, format="DD/MM/YYYY")
        for field in ("action_what", "action_owner", "action_due_on"):
            forms.field_error(form, field)
        forms.form_error(form, ("action_what", "action_owner", "action_due_on"))
        # The form stays on screen for the next action: its fields are emptied, not merely forgotten.
        st.form_submit_button(_("Add action"), icon=":material/add_task:", on_click=forms.save,
                              args=(form, lambda: _add_action(ws, me, form, decision_id), lambda _id: _("Action added.")),
                              kwargs={"reset": {"what": "", "owner": None, "due_on": None}})  # fmt: skip


def _add_action(ws: Workspace, me: Person | None, form: str, decision_id: int) -> int:
    draft = ActionDraft(
        forms.value(form, "what") or "", forms.value(form, "owner"), forms.value(form, "due_on")
    )
    return meeting_outcomes.add_action(ws, me, decision_id, draft)


def minutes_text(ws: Workspace, me: Person | None, view: AgendaView) -> None:
    meeting_id = saved_id(view.meeting)
    form = f"minutes_{view.meeting.id}"
    forms.prefill(form, {"text": view.meeting.minutes})
    st.text_area(_("General minutes"), key=f"{form}_text", height=120,
                 placeholder=_("Anything said outside the agenda points: announcements, the next meeting, …"))  # fmt: skip
    forms.form_error(form, ("text",))
    st.button(_("Save minutes"), icon=":material/save:", key=f"{form}_save",
              on_click=forms.save, args=(form, lambda: meeting_mode.save_minutes(
                  ws, me, meeting_id, forms.value(form, "text")),
                  lambda _id: _("Minutes saved.")))  # fmt: skip


def close_panel(ws: Workspace, me: Person | None, view: AgendaView) -> None:
    meeting_id = saved_id(view.meeting)
    open_points = sum(1 for i in view.items if not i.outcome)
    forms.form_error("close", ())
    if open_points:
        st.warning(ngettext(
            "{n} agenda point has no outcome yet. Closing counts it as postponed: it returns among the next "
            "meeting's suggestions.",
            "{n} agenda points have no outcome yet. Closing counts them as postponed: they return among the next "
            "meeting's suggestions.", open_points).format(n=fmt.number(open_points)),
            icon=":material/warning:")  # fmt: skip
    confirm = st.checkbox(
        _("The notes, outcomes, decisions and actions are complete"), key=f"close_ok_{view.meeting.id}"
    )
    st.button(_("Close the meeting"), type="primary", icon=":material/lock:", disabled=not confirm,
              help=_("After closing, its agenda and outcomes are final. The minutes are a draft until the next "
                     "meeting approves them."),
              on_click=forms.save, args=("close", lambda: meeting_mode.close_meeting(ws, me, meeting_id),
                                         lambda _: _show_minutes(meeting_id)))  # fmt: skip


def _show_minutes(meeting_id: int) -> str:
    st.session_state[view_key(meeting_id)] = "minutes"
    return _(
        "The meeting is closed. Here are its draft minutes, ready to share; the next meeting approves them."
    )
