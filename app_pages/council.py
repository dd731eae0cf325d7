"""Council & rotation: who holds which department's seat, the plan for the meetings ahead, and for
the secretary the roster of everyone who may use the workspace, with their roles."""

import streamlit as st

from council.domain.people import Person
from council.domain.permissions import Task
from council.services.lists import roster_table
from council.services.workspace import Workspace
from council.ui.cache import cached
from council.ui.roster_views import roster_manager
from council.ui.rotation_views import rotation_plan
from council.ui.session import can, current_person, workspace


def seats_and_rotation(ws: Workspace, me: Person | None) -> None:
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
    if serving.empty and not roster.empty:
        st.info("Nobody holds a council seat now. The rotation plan below suggests who could take each seat.")
    elif serving.empty:
        st.caption("Nobody holds a council seat yet.")
    else:
        st.dataframe(serving[list(columns)], hide_index=True, width="stretch", column_config=columns)

    rotation_plan(ws, me)

    former = roster[~roster["serving"]] if not roster.empty else roster
    if not former.empty:
        with st.expander(f"Served before ({len(former)})"):
            st.dataframe(former[list(columns)], hide_index=True, width="stretch", column_config=columns)


ws = workspace()
me = current_person(ws)
rules = ws.config.council
st.title("Council & rotation")
st.caption(
    f"{rules.total_seats} seats; a term lasts {rules.term_length} {rules.term_unit}; "
    f"the council meets every {rules.meeting_every_weeks} weeks."
)
if me is not None and can(ws, Task.ROSTER):
    seats_tab, people_tab = st.tabs(["Seats and rotation", "People and roles"])
    with seats_tab:
        seats_and_rotation(ws, me)
    with people_tab:
        roster_manager(ws, me)
else:
    seats_and_rotation(ws, me)
