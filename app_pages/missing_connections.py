"""Missing connections: hand-offs between departments where the customer falls through."""

import streamlit as st

from council.domain.errors import NotFound
from council.ui import forms, url
from council.ui.connection_form import new_connection_form
from council.ui.record_views import connection_detail, connection_list
from council.ui.session import show_error, workspace

ws = workspace()
st.title("Missing connections")
forms.show_flash()
chosen = url.int_from_url("id")

if chosen is None:
    st.caption("Where one department hands the customer to another and the connection breaks.")
    with st.expander("Log a missing connection", icon=":material/add_circle:"):
        new_connection_form(ws)
    connection_list(ws)
else:
    if st.button("All missing connections", icon=":material/arrow_back:"):
        del st.query_params["id"]
        st.rerun()
    try:
        connection_detail(ws, chosen)
    except NotFound as e:
        show_error(e)
