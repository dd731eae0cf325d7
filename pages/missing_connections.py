"""Missing connections: hand-offs between departments where the customer falls through."""

import streamlit as st

from council.services.lists import connection_table
from council.ui.cache import cached
from council.ui.session import workspace

ws = workspace()
st.title("Missing connections")
st.caption("Where one department hands the customer to another and the connection breaks.")

table = cached(ws, connection_table)
if table.empty:
    st.info("No missing connections logged yet.")
else:
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "id": st.column_config.NumberColumn("#", width="small"),
            "from_department": "From",
            "to_department": "To",
            "journey_stage": "Journey stage",
            "what_breaks": st.column_config.TextColumn("What breaks for the customer", width="large"),
            "impact": st.column_config.NumberColumn("Impact (1-5)"),
            "customers_per_month": st.column_config.NumberColumn("Customers a month"),
            "friction_points": st.column_config.NumberColumn("Linked friction"),
        },
    )
