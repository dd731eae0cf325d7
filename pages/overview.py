"""Overview: the state of the council's work at a glance, before a meeting."""

import streamlit as st

from council import charts
from council.services.overview import open_friction_by_stage, overview, top_priorities
from council.ui.cache import cached
from council.ui.session import workspace

ws = workspace()
st.title("Overview")
now = cached(ws, overview)

if now.next_meeting:
    when = now.next_meeting.starts_at.astimezone(ws.zone)
    guest = f" — guest: {now.next_guest}" if now.next_guest else " — no guest invited yet"
    st.info(
        f"Next meeting: **{now.next_meeting.title}**, {when:%A %-d %B, %H:%M}{guest}", icon=":material/event:"
    )
else:
    st.info("No meeting is planned yet. Plan one on the Meetings page.", icon=":material/event:")

cols = st.columns(5)
cols[0].metric("Open friction points", now.open_friction)
cols[1].metric("…at moments of truth", now.open_at_moments_of_truth)
cols[2].metric("Missing connections", now.open_connections)
cols[3].metric("Blockers in the way", now.active_blockers)
cols[4].metric(
    "Decisions overdue", now.overdue_decisions, help=f"{now.open_decisions} decisions not done yet"
)

left, right = st.columns([3, 2])
with left:
    st.subheader("Where customers run into trouble")
    by_stage = cached(ws, open_friction_by_stage)
    if by_stage["open"].sum():
        worst = by_stage.sort_values("open", ascending=False).iloc[0]
        st.caption(
            f"Most open friction at **{worst['stage']}** ({worst['open']}). Red bars are moments of truth."
        )
        st.plotly_chart(charts.open_friction_by_stage(by_stage), width="stretch")
    else:
        st.caption("No open friction points yet. Log the first one on the Friction points page.")
with right:
    st.subheader("Customers' verdict, last 90 days")
    nps = now.nps_last_90_days
    if nps.responses:
        st.metric("Net promoter score", f"{nps.nps:+.0f}", help="Promoters (9-10) minus detractors (0-6)")
        st.caption(f"Based on {nps.responses:,} responses; {nps.enthusiastic_share:.0f}% enthusiastic.")
        if not nps.trustworthy:
            st.warning("Too few responses to trust this score.")
    else:
        st.caption("No customer feedback in the last 90 days.")

st.subheader("Highest priority open friction")
st.caption(
    "Score 0-100 = severity + reach + moment of truth + age; weights come from the workspace settings."
)
top = cached(ws, top_priorities)
if top.empty:
    st.caption("Nothing open.")
else:
    st.dataframe(
        top,
        hide_index=True,
        width="stretch",
        column_config={
            "id": st.column_config.NumberColumn("#", width="small"),
            "title": st.column_config.TextColumn("Friction point", width="large"),
            "journey_stage": "Journey stage",
            "priority": st.column_config.ProgressColumn("Priority", min_value=0, max_value=100, format="%d"),
        },
    )
