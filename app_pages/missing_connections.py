"""Missing connections: hand-offs between departments where the customer falls through."""

import streamlit as st

from council.domain.permissions import Task
from council.i18n import _
from council.ui.connection_form import new_connection_form
from council.ui.record_page import list_or_detail
from council.ui.record_views import connection_detail, connection_list
from council.ui.session import can, workspace

ws = workspace()
st.title(_("Missing connections"))


def show_list() -> None:
    st.caption(_("Where one department hands the customer to another and the connection breaks."))
    if can(ws, Task.LOG):
        with st.expander(
            _("Log a missing connection"), icon=":material/add_circle:", key="log_connection_open"
        ):
            new_connection_form(ws)
    connection_list(ws)


list_or_detail(_("All missing connections"), show_list, lambda i: connection_detail(ws, i))
