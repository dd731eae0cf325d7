"""Decisions: what the council decided, why, who owns it and whether it is done."""

import streamlit as st

from council.services.lists import decision_table
from council.ui.cache import cached
from council.ui.session import workspace

ws = workspace()
st.title("Decisions")
st.caption("The council's decision history, newest first. Overdue decisions are marked.")

table = cached(ws, decision_table)
if table.empty:
    st.info("No decisions recorded yet.")
    st.stop()

overdue = int(table["overdue"].fillna(False).sum())
cols = st.columns(3)
cols[0].metric("Decisions", len(table))
cols[1].metric("Done", int((table["status"] == "Done").sum()))
cols[2].metric("Overdue", overdue)

st.dataframe(
    table[
        [
            "decision_id",
            "title",
            "status",
            "overdue",
            "due_on",
            "owner_name",
            "owner_department",
            "meeting_title",
            "version",
            "rationale",
        ]
    ],
    hide_index=True,
    width="stretch",
    column_config={
        "decision_id": st.column_config.NumberColumn("#", width="small"),
        "title": st.column_config.TextColumn("Decision", width="large"),
        "overdue": st.column_config.CheckboxColumn("Overdue"),
        "due_on": st.column_config.DateColumn("Due", format="D MMM YYYY"),
        "owner_name": "Owner",
        "owner_department": "Department",
        "meeting_title": "Decided in",
        "version": st.column_config.NumberColumn("Version", help="Amendments add a new version"),
        "rationale": st.column_config.TextColumn("Why", width="large"),
    },
)
