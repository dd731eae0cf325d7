"""Friction points: where customers run into trouble. The list, one in full (?id=N), and the form."""

import streamlit as st

from council.domain.errors import NotFound
from council.ui import forms, url
from council.ui.friction_form import new_friction_form
from council.ui.friction_views import friction_detail, friction_list
from council.ui.session import show_error, workspace

ws = workspace()
st.title("Friction points")
forms.show_flash()
chosen = url.int_from_url("id")

if chosen is None:
    st.caption("Where customers run into trouble, on the stage of their journey where it happens.")
    with st.expander("Log a friction point", icon=":material/add_circle:"):
        new_friction_form(ws)
    friction_list(ws)
else:
    if st.button("All friction points", icon=":material/arrow_back:"):
        del st.query_params["id"]
        st.session_state.pop("friction_table", None)  # or the old row selection reopens it
        st.rerun()
    try:
        friction_detail(ws, chosen)
    except NotFound as e:
        show_error(e)
