"""Overview: the state of the council's work at a glance, before a meeting. Filters live in the URL."""

import streamlit as st

from council.i18n import _
from council.services import overview as service
from council.ui.cache import cached
from council.ui.filters import view_filter
from council.ui.overview_parts import chart, headline, next_meeting, priorities
from council.ui.session import workspace

ws = workspace()
st.title(_("Overview"))
next_meeting(ws, cached(ws, service.overview))
view = view_filter(ws)
headline(ws, view)

left, right = st.columns([3, 2])
with left:
    st.subheader(_("Where customers run into trouble"))
    chart(ws, "ov_heatmap", view)
with right:
    st.subheader(_("Existing and new customers"))
    chart(ws, "ov_segments", view)

st.subheader(_("What to take up first"))
priorities(ws, view)

left, right = st.columns(2)
with left:
    st.subheader(_("Broken hand-offs between departments"))
    chart(ws, "ov_network", view)
with right:
    st.subheader(_("Blockers in the way"))
    chart(ws, "ov_blockers", view)

st.subheader(_("Logged and resolved per month"))
chart(ws, "ov_trend", view)
