"""Meetings: past and planned council meetings, and each one's agenda."""

import streamlit as st

from council.services.lists import agenda_table, meeting_table
from council.ui.cache import cached
from council.ui.session import workspace

ws = workspace()
st.title("Meetings")

table = cached(ws, meeting_table)
if table.empty:
    st.info("No meetings yet.")
    st.stop()

st.dataframe(
    table.drop(columns=["id"]),
    hide_index=True,
    width="stretch",
    column_config={
        "starts_at": st.column_config.DatetimeColumn("When", format="ddd D MMM YYYY, HH:mm"),
        "title": "Meeting",
        "status": "Status",
        "chair": "Chair",
        "guest": "Guest",
        "agenda_items": st.column_config.NumberColumn("Agenda items"),
        "decisions": st.column_config.NumberColumn("Decisions"),
        "proposals": st.column_config.NumberColumn("Guest proposals"),
    },
)

# Labels must be unique: the select box tells options apart by what it shows.
labels = {row.id: f"{row.title} (#{row.id})" for row in table.itertuples(index=False)}
chosen = st.selectbox(
    "Show the agenda of", options=list(labels), format_func=labels.get, key="agenda_meeting"
)
agenda = cached(ws, agenda_table, chosen)
if agenda.empty:
    st.caption("This meeting has no agenda yet.")
else:
    st.dataframe(agenda, hide_index=True, width="stretch")
    st.caption(f"Time boxes add up to {int(agenda['minutes'].fillna(0).sum())} minutes.")
