"""Overview: the state of the council's work at a glance, before a meeting. Filters live in the URL."""

import streamlit as st

from council.charts import blockers as blocker_charts
from council.charts import friction as friction_charts
from council.charts import hand_offs
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
    data = cached(ws, service.friction_heatmap, view)
    chart(data, friction_charts.friction_heatmap(data.frame, data.takeaway), "ov_heatmap")
with right:
    st.subheader(_("Existing and new customers"))
    data = cached(ws, service.friction_by_segment, view)
    chart(data, friction_charts.friction_by_segment(data.frame, data.takeaway), "ov_segments")

st.subheader(_("What to take up first"))
priorities(ws, cached(ws, service.top_priorities, view))

left, right = st.columns(2)
with left:
    st.subheader(_("Broken hand-offs between departments"))
    data = cached(ws, service.hand_off_network, view)
    names = [d.name for d in ws.config.departments]
    chart(data, hand_offs.hand_off_network(data.frame, names, data.takeaway), "ov_network")
with right:
    st.subheader(_("Blockers in the way"))
    data = cached(ws, service.blockers_by_category, view)
    chart(data, blocker_charts.blockers_by_category(data.frame, data.takeaway), "ov_blockers")

st.subheader(_("Logged and resolved per month"))
data = cached(ws, service.opened_and_resolved, view)
chart(data, friction_charts.opened_and_resolved(data.frame, data.takeaway), "ov_trend")
