"""Blockers: internal matters that stand in the way of the best solution for customers."""

import streamlit as st

from council.services.lists import blocker_table
from council.ui.cache import cached
from council.ui.session import workspace

ws = workspace()
st.title("Blockers")
st.caption(
    "Policies, protocols, systems, targets, budgets, processes and habits that stand in the customer's way."
)

table = cached(ws, blocker_table)
if table.empty:
    st.info("No blockers logged yet.")
else:
    for category, group in table.groupby("category", sort=True):
        st.subheader(f"{category} ({len(group)})")
        st.dataframe(
            group.drop(columns=["category"]),
            hide_index=True,
            width="stretch",
            column_config={
                "id": st.column_config.NumberColumn("#", width="small"),
                "owner_department": "Owner",
                "open_friction": st.column_config.NumberColumn("Open friction it causes"),
                "customers_per_month": st.column_config.NumberColumn("Customers a month affected"),
            },
        )
