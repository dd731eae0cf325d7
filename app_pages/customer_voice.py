"""Customer voice: what customers say about their contacts with us."""

import streamlit as st

from council.services.lists import feedback_count, latest_comments
from council.services.overview import overview
from council.ui.cache import cached
from council.ui.session import workspace

ws = workspace()
st.title("Customer voice")

total = cached(ws, feedback_count)
if not total:
    st.info("No customer feedback in this workspace yet.")
    st.stop()

nps = cached(ws, overview).nps_last_90_days
cols = st.columns(3)
cols[0].metric("Responses stored", f"{total:,}")
cols[1].metric("Responses, last 90 days", f"{nps.responses:,}")
cols[2].metric("NPS, last 90 days", "—" if nps.nps is None else f"{nps.nps:+.0f}")

st.subheader("Latest comments")
st.dataframe(
    cached(ws, latest_comments),
    hide_index=True,
    width="stretch",
    column_config={
        "received_at": st.column_config.DatetimeColumn("Received", format="D MMM YYYY, HH:mm"),
        "comment": st.column_config.TextColumn("Comment", width="large"),
        "journey_stage": "Journey stage",
    },
)
