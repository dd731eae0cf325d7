"""Blockers: internal matters that stand in the way of the best solution for customers."""

import streamlit as st

from council.domain.permissions import Task
from council.i18n import _
from council.ui.blocker_form import new_blocker_form
from council.ui.record_page import list_or_detail
from council.ui.record_views import blocker_detail, blocker_list
from council.ui.session import can, workspace

ws = workspace()
st.title(_("Blockers"))


def show_list() -> None:
    st.caption(
        _(
            "Policies, protocols, systems, targets, budgets, processes and habits that stand in the customer's way."
        )
    )
    if can(ws, Task.LOG):
        with st.expander(_("Log a blocker"), icon=":material/add_circle:", key="log_blocker_open"):
            new_blocker_form(ws)
    blocker_list(ws)


list_or_detail(_("All blockers"), show_list, lambda i: blocker_detail(ws, i))
