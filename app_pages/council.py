"""Council & rotation: who holds which department's seat, and the plan for the meetings ahead."""

import streamlit as st

from council.services.lists import roster_table
from council.ui.cache import cached
from council.ui.rotation_views import rotation_plan
from council.ui.session import current_person, workspace

ws = workspace()
rules = ws.config.council
st.title("Council & rotation")
st.caption(
    f"{rules.total_seats} seats; a term lasts {rules.term_length} {rules.term_unit}; "
    f"the council meets every {rules.meeting_every_weeks} weeks."
)

roster = cached(ws, roster_table)
columns = {
    "name": "Name",
    "seat": "Seat",
    "role_title": "Role",
    "starts_on": st.column_config.DateColumn("Term from", format="D MMM YYYY"),
    "ends_on": st.column_config.DateColumn("Term until", format="D MMM YYYY"),
    "terms": st.column_config.NumberColumn("Terms served"),
}
serving = roster[roster["serving"]] if not roster.empty else roster
st.subheader(f"Serving now ({len(serving)})")
if serving.empty:
    st.info("Nobody holds a council seat now. The rotation plan below suggests who could take each seat.")
else:
    st.dataframe(serving[list(columns)], hide_index=True, width="stretch", column_config=columns)

rotation_plan(ws, current_person(ws))

former = roster[~roster["serving"]] if not roster.empty else roster
if not former.empty:
    with st.expander(f"Served before ({len(former)})"):
        st.dataframe(former[list(columns)], hide_index=True, width="stretch", column_config=columns)
