"""Actions as people tick them off: a list with a tick box per action, and one panel that records a new
status or due date (with a note) for every ticked action at once. Used by My work, the Actions register
and a decision's page."""

from __future__ import annotations

import streamlit as st

from council.domain.actions import ActionUpdate
from council.domain.decisions import StatusChange
from council.domain.people import Person
from council.domain.vocabulary import ActionStatus, DecisionStatus
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
    due = f"due {a.due_on:%-d %b %Y}" if a.due_on else "no due date"
    if a.overdue:
        due = f":red[**overdue** since {a.due_on:%-d %b %Y}]"
    who = ""
    if owner:
        name = md(a.owner_name or "no owner") + (" :orange-badge[left the roster]" if a.owner_left else "")
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
            st.page_link(page_at(DECISIONS_PAGE), label=md(f"Decision #{a.decision_id}: {a.decision_title}"),
                         query_params={"id": str(a.decision_id)}, icon=":material/subdirectory_arrow_right:")  # fmt: skip
    return ticked


def update_panel(ws: Workspace, me: Person | None, ticked: dict[int, int], form: str) -> None:
    """A new status and/or due date, and a note, for every ticked action."""
    forms.prefill(form, {"status": None})
    with st.container(border=True):
        n = len(ticked)
        st.markdown(
            f"**Update {'the ticked action' if n == 1 else f'the {n} ticked actions' if n else 'actions'}**"
        )
        if not n:
            st.caption("Tick one or more actions above, then say what happened.")
        cols = st.columns([2, 2, 4])
        cols[0].selectbox("New status", options=[s.value for s in ActionStatus], index=None, key=f"{form}_status",
                          format_func=lambda s: ActionStatus(s).label, placeholder="Keep the status")  # fmt: skip
        cols[1].date_input("Move the due date to", value=None, min_value=ws.today(), key=f"{form}_due_on",
                           format="DD/MM/YYYY", help="Leave empty to keep the due date")  # fmt: skip
        cols[2].text_input("Note", key=f"{form}_note", max_chars=1_000,
                           placeholder="What happened; why it moves, goes back or is dropped")  # fmt: skip
        for field in ("action_status", "action_due_on", "action_note", "actions"):
            forms.field_error(form, field)
        forms.form_error(form, ("action_status", "action_due_on", "action_note", "actions"))
        st.button("Save", type="primary", icon=":material/task_alt:", key=f"{form}_save", disabled=not n,
                  on_click=_save_update, args=(ws, me, dict(ticked), form))  # fmt: skip


def _save_update(ws: Workspace, me: Person | None, ticked: dict[int, int], form: str) -> None:
    update = ActionUpdate(
        forms.value(form, "status"), forms.value(form, "due_on"), forms.value(form, "note") or ""
    )
    forms.save(form, lambda: actions.update_actions(ws, me, ticked, update), _updated,
               reset={"status": None, "due_on": None, "note": ""})  # fmt: skip


def _updated(n: int) -> str:
    return (
        "The action is updated."
        if n == 1
        else f"{n} actions are updated."
        if n
        else "Nothing needed changing."
    )


def hand_over_panel(ws: Workspace, me: Person | None, ticked: dict[int, int], form: str) -> None:
    """The secretary hands the ticked actions to someone else, say when their owner left."""
    choices = cached(ws, meetings.owner_choices)
    with st.expander(f"Hand {len(ticked) or 'the ticked'} action{'s' * (len(ticked) != 1)} over to someone else",
                     icon=":material/move_up:", key=f"{form}_open"):  # fmt: skip
        cols = st.columns([2, 3])
        cols[0].selectbox("New owner", options=list(choices), format_func=choices.get, index=None,
                          key=f"{form}_owner", placeholder="Choose…")  # fmt: skip
        cols[1].text_input(
            "Note", key=f"{form}_note", placeholder="e.g. Joost left the company", max_chars=1_000
        )
        for field in ("action_owner", "action_note", "actions"):
            forms.field_error(form, field)
        forms.form_error(form, ("action_owner", "action_note", "actions"))
        st.button("Hand over", icon=":material/move_up:", key=f"{form}_save", disabled=not ticked,
                  on_click=lambda: forms.save(
                      form, lambda: actions.hand_over(ws, me, dict(ticked), forms.value(form, "owner"),
                                                      forms.value(form, "note") or ""),
                      lambda n: f"{n} action{'s' * (n != 1)} handed over.", reset={"owner": None, "note": ""}))  # fmt: skip


def close_decision_offer(ws: Workspace, me: Person | None, rows: list[ActionRow], form: str) -> None:
    """When every action of a decision is done, say so and offer to mark the decision itself done."""
    if not rows or not actions.ready_to_close(rows):
        return
    d = rows[0]
    with st.container(border=True):
        st.markdown(f":material/done_all: Every action of decision #{d.decision_id} is done; the decision is still "
                    f"{DecisionStatus(d.decision_status).label.lower()}.")  # fmt: skip
        st.button("Mark the decision done", icon=":material/done_all:", key=f"{form}_{d.decision_id}",
                  on_click=forms.save, args=(form, lambda: _close(ws, me, d.decision_id),
                                             lambda _: f"Decision #{d.decision_id} is marked done."))  # fmt: skip


def _close(ws: Workspace, me: Person | None, decision_id: int) -> int:
    return decisions.follow_up(ws, me, decision_id, StatusChange("done", "All its actions are done."))
