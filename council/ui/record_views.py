"""Lists and detail views of missing connections and blockers; clicking a row opens its detail."""

from __future__ import annotations

import streamlit as st

from council.charts.hand_offs import hand_off_matrix
from council.domain.filters import ViewFilter
from council.domain.permissions import Task
from council.domain.vocabulary import BlockerStatus, ItemStatus
from council.services import blockers, connections, list_exports
from council.services.workspace import Workspace
from council.ui import url
from council.ui.blocker_form import edit_blocker_form
from council.ui.cache import cached
from council.ui.chain_views import agenda_request, decisions_taken
from council.ui.connection_form import IMPACT, edit_connection_form
from council.ui.downloads import csv_download
from council.ui.history import history
from council.ui.links import friction_of
from council.ui.record_page import open_on_click
from council.ui.session import can
from council.ui.text import md

_FRICTION_COLUMNS = {
    "id": st.column_config.NumberColumn("#", width="small"),
    "title": st.column_config.TextColumn("Friction point", width="large"),
    "journey_stage": "Journey stage",
    "customers_per_month": st.column_config.NumberColumn("Customers a month"),
    "severity": st.column_config.NumberColumn("Severity"),
    "status": "Status",
}


def connection_list(ws: Workspace) -> None:
    names = [d.name for d in ws.config.departments]
    edges = cached(ws, connections.hand_off_matrix, ViewFilter())
    st.subheader("Who hands off to whom, and where it breaks")
    st.caption("Rows hand the customer over to columns. The number is how many open hand-offs break there; "
               "the redder, the worse for customers (impact added up).")  # fmt: skip
    st.plotly_chart(hand_off_matrix(edges, names), width="stretch", config={"displayModeBar": False})
    show = url.selectbox_in_url(
        "Show", "show", {"open": "Still open", "all": "Everything"}, "open", key="mc_show"
    )
    table = cached(ws, connections.connection_table, ViewFilter(), show == "open")
    if table.empty:
        st.info("No missing connections logged yet." if show == "all" else "No open missing connections.")
        return
    st.caption(
        f"{len(table)} missing connection{'s' * (len(table) != 1)}, worst first. Click one to open it."
    )
    csv_download(ws, f"CSV ({len(table):,})", "missing-connections",
                 lambda: list_exports.connections_csv(ws, show == "open"))  # fmt: skip
    open_on_click(table.drop(columns=["created_at"]), "connection_table", {
        "id": st.column_config.NumberColumn("#", width="small"), "from_department": "From", "to_department": "To",
        "journey_stage": "Journey stage",
        "what_breaks": st.column_config.TextColumn("What breaks for the customer", width="large"),
        "impact": st.column_config.NumberColumn("Impact (1-5)"),
        "customers_per_month": st.column_config.NumberColumn("Customers a month"),
        "friction_points": st.column_config.NumberColumn("Linked friction"), "status": "Status",
    })  # fmt: skip


def connection_detail(ws: Workspace, connection_id: int) -> None:
    detail = cached(ws, connections.connection_detail, connection_id)
    c, config = detail.connection, ws.config
    st.subheader(f"#{c.id} {md(config.name_of('department', c.from_department))} → "
                 f"{md(config.name_of('department', c.to_department))}")  # fmt: skip
    moment = " ★ moment of truth" if c.journey_stage in config.moments_of_truth else ""
    st.markdown(
        f"**{ItemStatus(c.status).label}** · {md(config.name_of('journey_stage', c.journey_stage))}{moment}"
    )
    cols = st.columns(2)
    cols[0].metric("Impact", f"{c.impact} of 5")
    cols[0].caption(IMPACT[c.impact])
    cols[1].metric("Customers a month", f"{c.customers_per_month:,}" if c.customers_per_month else "unknown")
    st.markdown("**What breaks for the customer**")
    st.text(c.what_breaks)
    st.markdown(f"**Friction points it causes** ({len(detail.friction)})")
    if not detail.friction.empty:
        st.dataframe(detail.friction, hide_index=True, width="stretch", column_config=_FRICTION_COLUMNS)
    friction_of(ws, "connection", connection_id, detail.friction, "Change which friction points it causes")
    decisions_taken(ws, "connection", connection_id)
    agenda_request(ws, "connection", connection_id)
    if can(ws, Task.LOG):
        with st.expander(
            "Edit this missing connection", icon=":material/edit:", key=f"edit_connection_open_{c.id}"
        ):
            edit_connection_form(ws, c)
    history(detail.history)


def blocker_list(ws: Workspace) -> None:
    search = url.text_in_url(
        "Search blockers", "q", key="bl_search", placeholder="Words from a title or description"
    )
    table = cached(ws, blockers.blocker_table, search)
    if table.empty:
        st.info("No blocker matches this search." if search.strip() else "No blockers logged yet.")
        return
    st.caption("Grouped by kind, the kind behind the most open friction first; within a kind, the blockers "
               "causing the most. Click a blocker to open it.")  # fmt: skip
    csv_download(ws, f"CSV ({len(table):,})", "blockers", lambda: list_exports.blockers_csv(ws, search))
    groups = list(table.groupby("category", sort=False))  # in the configured order, kept for ties
    groups.sort(key=lambda g: -int(g[1]["open_friction"].sum()))
    for n, (category, group) in enumerate(groups):
        in_way = int((group["status"] == BlockerStatus.ACTIVE.label).sum())
        going = int((group["status"] == BlockerStatus.BEING_REMOVED.label).sum())
        friction = int(group["open_friction"].sum())
        parts = [f"{in_way} in the way"] + ([f"{going} being removed"] if going else [])
        st.markdown(
            f"#### {md(category)} · {', '.join(parts)} · {friction} open friction point{'s' * (friction != 1)}"
        )
        open_on_click(group.drop(columns=["category"]), f"blocker_table_{n}", {
            "id": st.column_config.NumberColumn("#", width="small"),
            "title": st.column_config.TextColumn("Blocker", width="large"), "owner_department": "Owner",
            "status": "Status",
            "open_friction": st.column_config.NumberColumn("Open friction it causes"),
            "customers_per_month": st.column_config.NumberColumn("Customers a month affected"),
        })  # fmt: skip


def blocker_detail(ws: Workspace, blocker_id: int) -> None:
    detail = cached(ws, blockers.blocker_detail, blocker_id)
    b, config = detail.blocker, ws.config
    st.subheader(f"#{b.id} {md(b.title)}")
    st.markdown(f"**{BlockerStatus(b.status).label}** · {md(config.name_of('blocker_category', b.category))} · "
                f"owned by {md(config.name_of('department', b.owner_department))}")  # fmt: skip
    st.text(b.description or "(no description yet)")
    open_count = int(detail.friction["status"].isin([s.label for s in ItemStatus if s.is_open]).sum())
    st.markdown(f"**Friction points it causes** ({open_count} open)")
    if not detail.friction.empty:
        st.dataframe(detail.friction, hide_index=True, width="stretch", column_config=_FRICTION_COLUMNS)
    friction_of(ws, "blocker", blocker_id, detail.friction, "Change which friction points it causes")
    decisions_taken(ws, "blocker", blocker_id)
    agenda_request(ws, "blocker", blocker_id)
    if can(ws, Task.LOG):
        with st.expander("Edit this blocker", icon=":material/edit:", key=f"edit_blocker_open_{b.id}"):
            edit_blocker_form(ws, b)
    history(detail.history)
