"""Lists and detail views of missing connections and blockers; clicking a row opens its detail."""

from __future__ import annotations

import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st

from council.charts.hand_offs import hand_off_matrix
from council.domain.filters import ViewFilter
from council.domain.permissions import Task
from council.domain.vocabulary import BlockerStatus, ItemStatus
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import blockers, connections, list_exports
from council.services.workspace import Workspace
from council.ui import url
from council.ui.blocker_form import edit_blocker_form
from council.ui.cache import cached, shared
from council.ui.chain_views import agenda_request, decisions_taken
from council.ui.connection_form import IMPACT, edit_connection_form
from council.ui.downloads import csv_download
from council.ui.history import history
from council.ui.links import friction_of
from council.ui.record_page import open_on_click
from council.ui.session import can
from council.ui.text import md


def _friction_columns() -> dict:
    """Headers of a record's table of friction points, in the reader's language."""
    return {
        "id": st.column_config.NumberColumn("#", width="small"),
        "title": st.column_config.TextColumn(_("Friction point"), width="large"),
        "journey_stage": _("Journey stage"),
        "customers_per_month": st.column_config.NumberColumn(_("Customers a month")),
        "severity": st.column_config.NumberColumn(_("Severity")),
        "status": _("Status"),
    }


def _matrix(ws: Workspace) -> go.Figure:
    edges = cached(ws, connections.hand_off_matrix, ViewFilter())
    return hand_off_matrix(edges, [d.name for d in ws.config.departments])


def connection_list(ws: Workspace) -> None:
    st.subheader(_("Who hands off to whom, and where it breaks"))
    st.caption(_("Rows hand the customer over to columns. The number is how many open hand-offs break there; "
                 "the redder, the worse for customers (impact added up)."))  # fmt: skip
    st.plotly_chart(shared(ws, _matrix), width="stretch", config={"displayModeBar": False})
    show = url.selectbox_in_url(
        _("Show"), "show", {"open": _("Still open"), "all": _("Everything")}, "open", key="mc_show"
    )
    table = cached(ws, connections.connection_table, ViewFilter(), show == "open")
    if table.empty:
        st.info(
            _("No missing connections logged yet.") if show == "all" else _("No open missing connections.")
        )
        return
    st.caption(
        ngettext(
            "{n} missing connection, worst first. Click one to open it.",
            "{n} missing connections, worst first. Click one to open it.",
            len(table),
        ).format(n=fmt.number(len(table)))
    )
    csv_download(ws, _("CSV ({n})").format(n=fmt.number(len(table))), "missing-connections",
                 lambda: list_exports.connections_csv(ws, show == "open"))  # fmt: skip
    open_on_click(table.drop(columns=["created_at"]), "connection_table", {
        "id": st.column_config.NumberColumn("#", width="small"), "from_department": _("From"),
        "to_department": _("To"), "journey_stage": _("Journey stage"),
        "what_breaks": st.column_config.TextColumn(_("What breaks for the customer"), width="large"),
        "impact": st.column_config.NumberColumn(_("Impact (1-5)")),
        "customers_per_month": st.column_config.NumberColumn(_("Customers a month")),
        "friction_points": st.column_config.NumberColumn(_("Linked friction")), "status": _("Status"),
    })  # fmt: skip


def connection_detail(ws: Workspace, connection_id: int) -> None:
    detail = cached(ws, connections.connection_detail, connection_id)
    c, config = detail.connection, ws.config
    st.subheader(f"#{c.id} {md(config.name_of('department', c.from_department))} → "
                 f"{md(config.name_of('department', c.to_department))}")  # fmt: skip
    moment = " ★ " + _("moment of truth") if c.journey_stage in config.moments_of_truth else ""
    st.markdown(
        f"**{ItemStatus(c.status).label}** · {md(config.name_of('journey_stage', c.journey_stage))}{moment}"
    )
    cols = st.columns(2)
    cols[0].metric(_("Impact"), _("{n} of 5").format(n=c.impact))
    cols[0].caption(_(IMPACT[c.impact]))
    cols[1].metric(_("Customers a month"),
                   fmt.number(c.customers_per_month) if c.customers_per_month else _("unknown"))  # fmt: skip
    st.markdown(_("**What breaks for the customer**"))
    st.text(c.what_breaks)
    st.markdown(_("**Friction points it causes** ({n})").format(n=fmt.number(len(detail.friction))))
    if not detail.friction.empty:
        st.dataframe(detail.friction, hide_index=True, width="stretch", column_config=_friction_columns())
    friction_of(ws, "connection", connection_id, detail.friction, _("Change which friction points it causes"))
    decisions_taken(ws, "connection", connection_id)
    agenda_request(ws, "connection", connection_id)
    if can(ws, Task.LOG):
        with st.expander(
            _("Edit this missing connection"), icon=":material/edit:", key=f"edit_connection_open_{c.id}"
        ):
            edit_connection_form(ws, c)
    history(detail.history)


def blocker_list(ws: Workspace) -> None:
    search = url.text_in_url(
        _("Search blockers"), "q", key="bl_search", placeholder=_("Words from a title or description")
    )
    groups = shared(ws, _blocker_groups, search)
    if not groups:
        st.info(_("No blocker matches this search.") if search.strip() else _("No blockers logged yet."))
        return
    st.caption(_("Grouped by kind, the kind behind the most open friction first; within a kind, the blockers "
                 "causing the most. Click a blocker to open it."))  # fmt: skip
    count = sum(group.num_rows for _heading, group in groups)
    csv_download(ws, _("CSV ({n})").format(n=fmt.number(count)), "blockers",
                 lambda: list_exports.blockers_csv(ws, search))  # fmt: skip
    for n, (heading, group) in enumerate(groups):
        st.markdown(heading)
        open_on_click(group, f"blocker_table_{n}", {
            "id": st.column_config.NumberColumn("#", width="small"),
            "title": st.column_config.TextColumn(_("Blocker"), width="large"), "owner_department": _("Owner"),
            "status": _("Status"),
            "open_friction": st.column_config.NumberColumn(_("Open friction it causes")),
            "customers_per_month": st.column_config.NumberColumn(_("Customers a month affected")),
        })  # fmt: skip


def _blocker_groups(ws: Workspace, search: str) -> list[tuple[str, pa.Table]]:
    """The blockers per kind, the kind behind the most open friction first: each kind's heading and its
    table, made ready for the browser once for every session (an Arrow table cannot be changed)."""
    table = cached(ws, blockers.blocker_table, search)
    groups = list(table.groupby("category", sort=False))  # in the configured order, kept for ties
    groups.sort(key=lambda g: -int(g[1]["open_friction"].sum()))
    # The table's statuses are words of the reader's language, made in this same run.
    in_the_way, being_removed = BlockerStatus.ACTIVE.label, BlockerStatus.BEING_REMOVED.label
    made = []
    for category, group in groups:
        in_way = int((group["status"] == in_the_way).sum())
        going = int((group["status"] == being_removed).sum())
        friction = int(group["open_friction"].sum())
        parts = [_("{n} in the way").format(n=fmt.number(in_way))]
        removing = ngettext("{n} being removed", "{n} being removed", going)
        parts += [removing.format(n=fmt.number(going))] if going else []
        causes = ngettext("{n} open friction point", "{n} open friction points", friction)
        heading = f"#### {md(category)} · {', '.join(parts)} · {causes.format(n=fmt.number(friction))}"
        made.append((heading, pa.Table.from_pandas(group.drop(columns=["category"]), preserve_index=False)))
    return made


def blocker_detail(ws: Workspace, blocker_id: int) -> None:
    detail = cached(ws, blockers.blocker_detail, blocker_id)
    b, config = detail.blocker, ws.config
    st.subheader(f"#{b.id} {md(b.title)}")
    owner = _("owned by {department}").format(department=md(config.name_of("department", b.owner_department)))
    st.markdown(f"**{BlockerStatus(b.status).label}** · {md(config.name_of('blocker_category', b.category))} · "
                f"{owner}")  # fmt: skip
    st.text(b.description or _("(no description yet)"))
    # The table's statuses are words of the reader's language, made in this same run.
    open_count = int(detail.friction["status"].isin([s.label for s in ItemStatus if s.is_open]).sum())
    st.markdown(_("**Friction points it causes** ({n} open)").format(n=fmt.number(open_count)))
    if not detail.friction.empty:
        st.dataframe(detail.friction, hide_index=True, width="stretch", column_config=_friction_columns())
    friction_of(ws, "blocker", blocker_id, detail.friction, _("Change which friction points it causes"))
    decisions_taken(ws, "blocker", blocker_id)
    agenda_request(ws, "blocker", blocker_id)
    if can(ws, Task.LOG):
        with st.expander(_("Edit this blocker"), icon=":material/edit:", key=f"edit_blocker_open_{b.id}"):
            edit_blocker_form(ws, b)
    history(detail.history)
