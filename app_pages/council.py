"""Council & rotation: who holds which department's seat, and since when."""

import streamlit as st

from council.services.lists import roster_table
from council.ui.cache import cached
from council.ui.session import workspace

ws = workspace()
rules = ws.config.council
st.title("Council & rotation")
st.caption(
    f"{rules.total_seats} seats; a term lasts {rules.term_length} {rules.term_unit}; "
    f"the council meets every {rules.meeting_every_weeks} weeks."
)

roster = cached(ws, roster_table)
if roster.empty:
    st.info("Nobody holds a council seat yet.")
    st.stop()

serving = roster[roster["serving"]]
st.subheader(f"Serving now ({len(serving)})")
columns = {
    "name": "Name",
    "seat": "Seat",
    "role_title": "Role",
    "starts_on": st.column_config.DateColumn("Term from", format="D MMM YYYY"),
    "ends_on": st.column_config.DateColumn("Term until", format="D MMM YYYY"),
    "terms": st.column_config.NumberColumn("Terms served"),
}
st.dataframe(serving[list(columns)], hide_index=True, width="stretch", column_config=columns)

former = roster[~roster["serving"]]
if not former.empty:
    st.subheader(f"Served before ({len(former)})")
    st.dataframe(former[list(columns)], hide_index=True, width="stretch", column_config=columns)
