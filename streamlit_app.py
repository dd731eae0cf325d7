"""CX Council Workspace: the entry point lays out the navigation and the sidebar, nothing else."""

import streamlit as st

from council.ui.session import choose_acting_person, workspace

st.set_page_config(page_title="CX Council", page_icon=":material/groups:", layout="wide")

ws = workspace()
st.sidebar.markdown(f"### {ws.config.organisation}")
st.sidebar.caption("Customer-experience council")
choose_acting_person(ws)

pages = {
    "Prepare": [
        st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("pages/friction_points.py", title="Friction points", icon=":material/report:"),
        st.Page("pages/missing_connections.py", title="Missing connections", icon=":material/link_off:"),
        st.Page("pages/blockers.py", title="Blockers", icon=":material/block:"),
    ],
    "Meet": [
        st.Page("pages/meetings.py", title="Meetings", icon=":material/event:"),
        st.Page("pages/propose_change.py", title="Propose a change", icon=":material/lightbulb:"),
    ],
    "Follow up": [
        st.Page("pages/decisions.py", title="Decisions", icon=":material/gavel:"),
        st.Page("pages/customer_voice.py", title="Customer voice", icon=":material/forum:"),
    ],
    "Run the council": [
        st.Page("pages/council.py", title="Council & rotation", icon=":material/groups:"),
        st.Page("pages/settings.py", title="Settings", icon=":material/settings:"),
    ],
}
st.navigation(pages).run()
