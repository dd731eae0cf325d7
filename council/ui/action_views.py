"""Actions as people tick them off: a list with a tick box per action, and one panel that records a new
status or due date (with a note) for every ticked action at once. Used by My work, the Actions register
and a decision's page."""

from __future__ import annotations

import streamlit as st

from council.domain.actions import ActionUpdate
from council.domain.decisions import StatusChange
from council.domain.people import Person
from council.domain.vocabulary import ActionStatus, DecisionStatus
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import actions, decisions, meetings
from council.services.workspace import Workspace
from council.store.actions import ActionRow
from council.ui import forms
from council.ui.cache import cached
from council.ui.navigation import page_at
from council.ui.text import md

DECISIONS_PAGE = "app_pages/decisions.py"
_MARK = {"open": ":material/radio_button_unchecked:", "in_progress": ":material/pending:",
         "done": ":material/check_circle:", "dropped": ":material/cancel:"}  # fmt: skip


def action_line(ws: Workspace, a: ActionRow, *, owner: bool = True, mark: bool = True) -> str:
    """One action in a line of Markdown: what, owner, due date (overdue in red) and status; `mark` puts
    the status's symbol in front (a tick box beside the line needs none)."""
    due = _("due {day}").format(day=fmt.day(a.due_on)) if a.due_on else _("no due date")
    if a.overdue and a.due_on is not None:  # overdue: past its due date
        overdue = _("**overdue** since {day}").format(day=fmt.day(a.due_on))
        due = f":red[{overdue}]"
    who = ""
    if owner:
        name = md(a.owner_name) if a.owner_name else _("no owner")
        if a.owner_left:
            left = _("left the roster")
            name += f" :orange-badge[{left}]"

        who = f" · {name}"
    symbol = f"{_MARK[a.status]} " if mark else ""
    return f"{symbol}**{md(a.what)}**{who} · {due} · {ActionStatus(a.status).label}"


def action_picker(ws: Workspace, rows: list[ActionRow], key: str, *, owner: bool = True,
                  decision: bool = True) -> dict[int, int]:  # fmt: skip
    """The actions, each with a tick box; returns the ticked ones as id -> the revision shown.

    A box's key carries the action's revision, so after a save the changed actions show unticked.
    """
    ticked = {}
    for a in rows:
        if st.checkbox(action_line(ws, a, owner=owner, mark=False), key=f"{key}_{a.id}_{a.revision}"):
            ticked[a.id] = a.revision
        if decision:
            label = _("Decision #{id}: {title}").format(id=a.decision_id, title=a.decision_title)
            st.page_link(page_at(DECISIONS_PAGE), label=md(label),
                         query_params={"id": str(a.decision_id)}, icon=":material/subdirectory_arrow_right:")  # fmt: skip
    return ticked


def update_panel(ws: Workspace, me: Person | None, ticked: dict[int, int], form: str) -> None:
    """A new status and/or due date, and a note, for every ticked action."""
    forms.prefill(form, {"status": None})
    with st.container(border=True):
        n = len(ticked)
        if n:
            st.markdown(
                ngettext("**Update the ticked action**", "**Update the {n} ticked actions**", n).format(n=n)
            )
        else:
            st.markdown(_("**Update actions**"))
            st.caption(_("Tick one or more actions above, then say what happened."))
        cols = st.columns([2, 2, 4])
        labels = {
            s.value: s.label for s in ActionStatus
        }  # made now: a format_func runs again outside the run
        cols[0].selectbox(_("New status"), options=list(labels), index=None, key=f"{form}_status",
                          format_func=labels.__getitem__, placeholder=_("Keep the status"))  # fmt: skip

        cols[1].date_input(_("Move the due date to"), value=None, min_value=ws.today(), key=f"{form}_due_on",
                           format="DD/MM/YYYY", help=_("Leave empty to keep the due date"))  # fmt: skip
        cols[2].text_input(_("Note"), key=f"{form}_note", max_chars=1_000,
                           placeholder=_("What happened; why it moves, goes back or is dropped"))  # fmt: skip
        for field in ("action_status", "action_due_on", "action_note", "actions"):
            forms.field_error(form, field)
        forms.form_error(form, ("action_status", "action_due_on", "action_note", "actions"))
        st.button(_("Save"), type="primary", icon=":material/task_alt:", key=f"{form}_save", disabled=not n,
                  on_click=_save_update, args=(ws, me, dict(ticked), form))  # fmt: skip


def _save_update(ws: Workspace, me: Person | None, ticked: dict[int, int], form: str) -> None:
    update = ActionUpdate(
        forms.value(form, "status"), forms.value(form, "due_on"), forms.value(form, "note") or ""
    )
    forms.save(form, lambda: actions.update_actions(ws, me, ticked, update), _updated,
               reset={"status": None, "due_on": None, "note": ""})  # fmt: skip


def _updated(n: int) -> str:
    if not n:
        return _("Nothing needed changing.")
    return ngettext("The action is updated.", "{n} actions are updated.", n).format(n=n)


def hand_over_panel(ws: Workspace, me: Person | None, ticked: dict[int, int], form: str) -> None:
    """The secretary hands the ticked actions to someone else, say when their owner left."""
    choices = cached(ws, meetings.owner_choices)
    n = len(ticked)
    title = (ngettext("Hand {n} action over to someone else", "Hand {n} actions over to someone else", n).format(n=n)
             if n else _("Hand the ticked actions over to someone else"))  # fmt: skip
    with st.expander(title, icon=":material/move_up:", key=f"{form}_open"):
        cols = st.columns([2, 3])
        cols[0].selectbox(_("New owner"), options=list(choices), format_func=choices.__getitem__, index=None,
                          key=f"{form}_owner", placeholder=_("Choose…"))  # fmt: skip
        cols[1].text_input(
            _("Note"), key=f"{form}_note", placeholder=_("e.g. Joost left the company"), max_chars=1_000
        )
        for field in ("action_owner", "action_note", "actions"):
            forms.field_error(form, field)
        forms.form_error(form, ("action_owner", "action_note", "actions"))
        st.button(_("Hand over"), icon=":material/move_up:", key=f"{form}_save", disabled=not ticked,
                  on_click=lambda: forms.save(
                      form, lambda: actions.hand_over(ws, me, dict(ticked), forms.value(form, "owner"),
                                                      forms.value(form, "note") or ""),
                      lambda n: ngettext("{n} action handed over.", "{n} actions handed over.", n).format(n=n),
                      reset={"owner": None, "note": ""}))  # fmt: skip


def close_decision_offer(ws: Workspace, me: Person | None, rows: list[ActionRow], form: str) -> None:
    """When every action of a decision is done, say so and offer to mark the decision itself done."""
    if not rows or not actions.ready_to_close(rows):
        return
    d = rows[0]
    with st.container(border=True):
        # Translators: {status} is the decision's status in lower case, e.g. "in progress".
        said = _("Every action of decision #{id} is done; the decision is still {status}.").format(
            id=d.decision_id, status=DecisionStatus(d.decision_status).label.lower()
        )
        st.markdown(f":material/done_all: {said}")
        st.button(_("Mark the decision done"), icon=":material/done_all:", key=f"{form}_{d.decision_id}",
                  on_click=forms.save, args=(form, lambda: _close(ws, me, d.decision_id),
                                             lambda __: _("Decision #{id} is marked done.").format(id=d.decision_id)))  # fmt: skip


def _close(ws: Workspace, me: Person | None, decision_id: int) -> int:
    return decisions.follow_up(ws, me, decision_id, StatusChange("done", _("All its actions are done.")))
