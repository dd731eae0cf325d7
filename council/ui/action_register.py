"""The Actions register's filters (kept in the page's address), its numbers and its pages."""

from __future__ import annotations

import streamlit as st

from council.domain.actions import ActionFilter
from council.domain.vocabulary import ActionStatus
from council.i18n import N_, _
from council.services import actions
from council.services.actions import ActionRegister
from council.services.workspace import Workspace
from council.ui import url
from council.ui.cache import cached

SHOW = {"todo": N_("Still to do"), "all": N_("Everything")}  # and one choice per status: see `_show`
_STATES = {"todo": (ActionStatus.OPEN, ActionStatus.IN_PROGRESS), "all": ()}
DUE = {"any": N_("Any due date"), "overdue": N_("Overdue"), "7": N_("Due within 7 days"),
       "14": N_("Due within 14 days"), "30": N_("Due within 30 days")}  # fmt: skip


def _show() -> dict[str, str]:
    """What the register can show, in the reader's language."""
    # Translators: a choice of the actions to show; {status} is a status in lower case, e.g. "in progress".
    only = {s.value: _("Only: {status}").format(status=s.label.lower()) for s in ActionStatus}
    return {value: _(label) for value, label in SHOW.items()} | only


def register_filter(ws: Workspace) -> ActionFilter:
    config = ws.config
    choices = cached(ws, actions.register_choices)
    top = st.columns(4)
    show = url.selectbox_in_url(_("Show"), "show", _show(), "todo", key="ar_show", container=top[0])
    due = url.selectbox_in_url(_("Due"), "due", {k: _(v) for k, v in DUE.items()}, "any", key="ar_due",
                               container=top[1])  # fmt: skip
    owners = {str(i): name for i, name in choices.owners.items()}
    owner = url.selectbox_in_url(
        _("Owner"), "owner", {"": _("Anyone")} | owners, "", key="ar_owner", container=top[2]
    )
    departments = {"": _("Any department")} | {
        d: config.name_of("department", d) for d in config.ids("department")
    }
    department = url.selectbox_in_url(
        _("Department"), "department", departments, "", key="ar_dept", container=top[3]
    )
    narrowed = any(st.query_params.get(n) for n in ("meeting", "decision"))
    more = st.expander(_("More filters: meeting, decision"), expanded=narrowed, key="ar_more",
                       icon=":material/filter_list:")  # fmt: skip
    row = more.columns(2)
    meetings = {"": _("Any meeting")} | {str(i): t for i, t in choices.meetings.items()}
    meeting = url.selectbox_in_url(
        _("Decided in"), "meeting", meetings, "", key="ar_meeting", container=row[0]
    )
    decision = url.text_in_url(_("Decision number"), "decision", key="ar_decision", container=row[1],
                               placeholder=_("e.g. 12"))  # fmt: skip
    decision_id = int(decision.strip().lstrip("#")) if decision.strip().lstrip("#").isdigit() else None
    if decision.strip() and decision_id is None:
        row[1].caption(_(":orange[A decision number is a whole number, such as 12.]"))
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
    cols[0].metric(ActionStatus.OPEN.label, c.get("open", 0))
    cols[1].metric(ActionStatus.IN_PROGRESS.label, c.get("in_progress", 0))
    cols[2].metric(_("Overdue"), c.get("overdue", 0))
    cols[3].metric(ActionStatus.DONE.label, c.get("done", 0))
    cols[4].metric(ActionStatus.DROPPED.label, c.get("dropped", 0))


def pager(found: ActionRegister) -> None:
    url.pager(found.page, found.pages, "ar")
