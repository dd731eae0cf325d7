"""CX Council Workspace: the entry point lays out the navigation and the sidebar, nothing else.

The page scripts live in `app_pages/`, not `pages/`: Streamlit treats a `pages/` folder beside the
entry script as the old automatic navigation until this script has run once, so a link straight
to a page (say a friction point's `?id=`) would open without the sidebar after every restart.
"""

import streamlit as st

from council.ui.session import choose_acting_person, workspace

st.set_page_config(page_title="CX Council", page_icon=":material/groups:", layout="wide")

ws = workspace()
st.sidebar.markdown(f"### {ws.config.organisation}")
st.sidebar.caption("Customer-experience council")
choose_acting_person(ws)

pages = {
    "Prepare": [
        st.Page("app_pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("app_pages/friction_points.py", title="Friction points", icon=":material/report:"),
        st.Page("app_pages/missing_connections.py", title="Missing connections", icon=":material/link_off:"),
        st.Page("app_pages/blockers.py", title="Blockers", icon=":material/block:"),
    ],
    "Meet": [
        st.Page("app_pages/meetings.py", title="Meetings", icon=":material/event:"),
        st.Page("app_pages/propose_change.py", title="Propose a change", icon=":material/lightbulb:"),
        st.Page("app_pages/self_check.py", title="Council self-check", icon=":material/fact_check:"),
    ],
    "Follow up": [
        st.Page("app_pages/decisions.py", title="Decisions", icon=":material/gavel:"),
        st.Page("app_pages/customer_voice.py", title="Customer voice", icon=":material/forum:"),
        st.Page("app_pages/wall.py", title="Wall screen", icon=":material/tv:"),
    ],
    "Run the council": [
        st.Page("app_pages/council.py", title="Council & rotation", icon=":material/groups:"),
        st.Page("app_pages/import_feedback.py", title="Import feedback", icon=":material/upload_file:"),
        st.Page("app_pages/settings.py", title="Settings", icon=":material/settings:"),
    ],
}
st.navigation(pages, expanded=True).run()  # every page in view: the secretary's pages sit last
