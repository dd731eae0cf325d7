"""Friction points: where customers run into trouble."""

import streamlit as st

from council.domain.vocabulary import SEVERITY_SCALE
from council.services.lists import friction_table
from council.ui.cache import cached
from council.ui.session import workspace

ws = workspace()
st.title("Friction points")
st.caption("Where customers run into trouble, on the stage of their journey where it happens.")

table = cached(ws, friction_table)
if table.empty:
    st.info("No friction points logged yet.")
else:
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "id": st.column_config.NumberColumn("#", width="small"),
            "title": st.column_config.TextColumn("Friction point", width="large"),
            "journey_stage": "Journey stage",
            "segment": "Segment",
            "channel": "Channel",
            "status": "Status",
            "evidence": st.column_config.NumberColumn("Evidence"),
            "customers_per_month": st.column_config.NumberColumn("Customers a month"),
            "owner_department": "Owner",
            "created_at": st.column_config.DatetimeColumn("Logged", format="D MMM YYYY"),
            "severity": st.column_config.NumberColumn(
                "Severity", help=" · ".join(f"{k} = {v}" for k, v in SEVERITY_SCALE.items())
            ),
        },
    )
    st.caption(f"{len(table)} friction points.")
