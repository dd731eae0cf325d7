"""Friction points: where customers run into trouble. The list, one in full (?id=N), and the form."""

import streamlit as st

from council.domain.permissions import Task
from council.i18n import _
from council.ui.friction_form import new_friction_form
from council.ui.friction_views import friction_detail, friction_list
from council.ui.record_page import list_or_detail
from council.ui.session import can, workspace

ws = workspace()
st.title(_("Friction points"))


def show_list() -> None:
    st.caption(_("Where customers run into trouble, on the stage of their journey where it happens."))
    if can(ws, Task.LOG):
        with st.expander(_("Log a friction point"), icon=":material/add_circle:", key="log_friction_open"):
            new_friction_form(ws)
    friction_list(ws)


list_or_detail(_("All friction points"), show_list, lambda i: friction_detail(ws, i))
