"""Blockers: internal matters that stand in the way of the best solution for customers."""

import streamlit as st

from council.domain.errors import NotFound
from council.ui import forms, url
from council.ui.blocker_form import new_blocker_form
from council.ui.record_views import blocker_detail, blocker_list
from council.ui.session import show_error, workspace

ws = workspace()
st.title("Blockers")
forms.show_flash()
chosen = url.int_from_url("id")

if chosen is None:
    st.caption(
        "Policies, protocols, systems, targets, budgets, processes and habits that stand in the customer's way."
    )
    with st.expander("Log a blocker", icon=":material/add_circle:"):
        new_blocker_form(ws)
    blocker_list(ws)
else:
    if st.button("All blockers", icon=":material/arrow_back:"):
        del st.query_params["id"]
        st.rerun()
    try:
        blocker_detail(ws, chosen)
    except NotFound as e:
        show_error(e)
