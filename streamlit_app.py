"""CX Council Workspace: the entry point lays out the navigation and the sidebar, nothing else.

The page scripts live in `app_pages/`, not `pages/`: Streamlit treats a `pages/` folder beside the
entry script as the old automatic navigation until this script has run once, so a link straight
to a page (say a friction point's `?id=`) would open without the sidebar after every restart.
"""

import streamlit as st

from council.ui.session import choose_acting_person, current_person, signed_in_sidebar, workspace
from council.ui.sign_in import sign_in_page

st.set_page_config(page_title="CX Council", page_icon=":material/groups:", layout="wide")

ws = workspace()
me = current_person(ws)
signed_out = me is None and not ws.config.demo_mode

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
# Every page in view (the secretary's sit last). Signed out, the address keeps the page asked for, so
# that it opens once the person has signed in.
page = st.navigation(pages, position="hidden" if signed_out else "sidebar", expanded=True)
if signed_out:
    sign_in_page()
    st.stop()
st.sidebar.markdown(f"### {ws.config.organisation}")
st.sidebar.caption("Customer-experience council")
if ws.config.demo_mode:
    choose_acting_person(ws)
else:
    signed_in_sidebar(ws, me)
page.run()
