"""The Actions register's filters (kept in the page's address), its numbers and its pages."""

from __future__ import annotations

import streamlit as st

from council.domain.actions import ActionFilter
from council.domain.vocabulary import ActionStatus
from council.services import actions
from council.services.actions import ActionRegister
from council.services.workspace import Workspace
from council.ui import url
from council.ui.cache import cached

SHOW = {"todo": "Still to do", "all": "Everything"} | {
    s.value: f"Only: {s.label.lower()}" for s in ActionStatus
}
_STATES = {"todo": (ActionStatus.OPEN, ActionStatus.IN_PROGRESS), "all": ()}
DUE = {"any": "Any due date", "overdue": "Overdue", "7": "Due within 7 days", "14": "Due within 14 days",
       "30": "Due within 30 days"}  # fmt: skip


def register_filter(ws: Workspace) -> ActionFilter:
    config = ws.config
    choices = cached(ws, actions.register_choices)
    top = st.columns(4)
    show = url.selectbox_in_url("Show", "show", SHOW, "todo", key="ar_show", container=top[0])
    due = url.selectbox_in_url("Due", "due", DUE, "any", key="ar_due", container=top[1])
    owners = {str(i): name for i, name in choices.owners.items()}
    owner = url.selectbox_in_url(
        "Owner", "owner", {"": "Anyone"} | owners, "", key="ar_owner", container=top[2]
    )
    departments = {"": "Any department"} | {
        d: config.name_of("department", d) for d in config.ids("department")
    }
    department = url.selectbox_in_url(
        "Department", "department", departments, "", key="ar_dept", container=top[3]
    )
    narrowed = any(st.query_params.get(n) for n in ("meeting", "decision"))
    more = st.expander("More filters: meeting, decision", expanded=narrowed, key="ar_more",
                       icon=":material/filter_list:")  # fmt: skip
    row = more.columns(2)
    meetings = {"": "Any meeting"} | {str(i): t for i, t in choices.meetings.items()}
    meeting = url.selectbox_in_url("Decided in", "meeting", meetings, "", key="ar_meeting", container=row[0])
    decision = url.text_in_url("Decision number", "decision", key="ar_decision", container=row[1],
                               placeholder="e.g. 12")  # fmt: skip
    decision_id = int(decision.strip().lstrip("#")) if decision.strip().lstrip("#").isdigit() else None
    if decision.strip() and decision_id is None:
        row[1].caption(":orange[A decision number is a whole number, such as 12.]")
    return ActionFilter(
        states=_STATES.get(show, (show,)),
        owner_id=int(owner) if owner else None,
        department=department or None,
        meeting_id=int(meeting) if meeting else None,
        decision_id=decision_id,
        overdue=due == "overdue",
        due_within_days=int(due) if due.isdigit() else None,
    )


def numbers(found: ActionRegister) -> None:
    c = found.counts
    cols = st.columns(5)
    cols[0].metric("Open", c.get("open", 0))
    cols[1].metric("In progress", c.get("in_progress", 0))
    cols[2].metric("Overdue", c.get("overdue", 0))
    cols[3].metric("Done", c.get("done", 0))
    cols[4].metric("Dropped", c.get("dropped", 0))


def pager(found: ActionRegister) -> None:
    url.pager(found.page, found.pages, "ar")
