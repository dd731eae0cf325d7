"""The friction points page's two views: the filtered list, and one friction point in full."""

from __future__ import annotations

import streamlit as st

from council.domain.filters import FrictionFilter
from council.domain.permissions import Task
from council.domain.vocabulary import SEVERITY_SCALE, ItemStatus
from council.services import friction as service
from council.services import list_exports
from council.services.workspace import Workspace
from council.ui import url
from council.ui.cache import cached
from council.ui.chain_views import agenda_request, decisions_taken
from council.ui.downloads import csv_download
from council.ui.evidence import add_evidence_form, evidence_list
from council.ui.friction_form import edit_friction_form
from council.ui.history import history
from council.ui.links import links_of_friction
from council.ui.record_page import open_on_click
from council.ui.session import can
from council.ui.text import md

SHOW = {"still_open": "Still open", "all": "Everything"} | {
    s.value: f"Only: {s.label.lower()}" for s in ItemStatus
}
SORT = {
    "priority": "Priority",
    "newest": "Newest first",
    "severity": "Severity",
    "customers": "Customers affected",
}
OPEN = tuple(s.value for s in ItemStatus if s.is_open)


def friction_filter(ws: Workspace) -> tuple[FrictionFilter, str]:
    """The list's filters, read from and written to the address, and the chosen sort."""
    config = ws.config
    names = lambda kind: {i: config.name_of(kind, i) for i in config.ids(kind)}  # noqa: E731
    top = st.columns([3, 1, 1])
    search = url.text_in_url("Search title, description and evidence", "q", key="fl_search", container=top[0],
                             placeholder="Words from a title, description or evidence")  # fmt: skip
    show = url.selectbox_in_url("Show", "show", SHOW, "still_open", key="fl_show", container=top[1])
    sort = url.selectbox_in_url("Sort by", "sort", SORT, "priority", key="fl_sort", container=top[2])
    narrowed = any(
        st.query_params.get_all(n) for n in ("stage", "department", "segment", "channel", "severity")
    )
    row = st.expander("More filters: stage, department, segment, channel, severity", expanded=narrowed, key="fl_more",
                      icon=":material/filter_list:").columns(5)  # fmt: skip
    stages = url.multiselect_in_url(
        "Journey stage",
        "stage",
        names("journey_stage"),
        key="fl_stage",
        placeholder="All stages",
        container=row[0],
    )
    departments = url.multiselect_in_url(
        "Department",
        "department",
        names("department"),
        key="fl_dept",
        placeholder="All departments",
        container=row[1],
    )
    segments = url.multiselect_in_url(
        "Segment", "segment", names("segment"), key="fl_segment", placeholder="All segments", container=row[2]
    )
    channels = url.multiselect_in_url(
        "Channel", "channel", names("channel"), key="fl_channel", placeholder="All channels", container=row[3]
    )
    severities = {str(n): f"{n} or worse" if n > 1 else "Any" for n in SEVERITY_SCALE}
    severity = url.selectbox_in_url(
        "Severity", "severity", severities, "1", key="fl_severity", container=row[4]
    )
    statuses = () if show == "all" else OPEN if show == "still_open" else (show,)
    flt = FrictionFilter(search=search, stages=stages, departments=departments, segments=segments,
                         channels=channels, statuses=statuses, min_severity=int(severity),
                         zone=ws.config.time_zone)  # fmt: skip
    return flt, sort


def friction_list(ws: Workspace) -> None:
    flt, sort = friction_filter(ws)
    table, total = cached(ws, service.find_friction, flt, sort)
    if table.empty:
        if not cached(ws, service.any_logged):
            st.info(
                "No friction points yet. Log the first one above: where a customer runs into trouble, in their "
                "own words, on the stage of their journey where it happens."
                if can(ws, Task.LOG)
                else "No friction points yet: the council's members log them here.",
                icon=":material/report:",
            )
        else:
            st.info("No friction point matches these filters." if total == 0 else "Nothing to show.")
        return
    many = f"{total:,} friction point{'s' * (total != 1)}"
    shown = f"Showing the first {len(table):,} of {many}" if total > len(table) else many.capitalize()
    st.caption(f"{shown}. Click one to open it.")
    open_on_click(
        table, "friction_table", _COLUMNS, column_order=_ORDER, height=min(38 + 35 * len(table), 600)
    )
    csv_download(ws, f"CSV ({total:,})", "friction-points", lambda: list_exports.friction_csv(ws, flt, sort))


def friction_detail(ws: Workspace, friction_id: int) -> None:
    detail = cached(ws, service.friction_detail, friction_id)
    point, config = detail.point, ws.config
    st.subheader(f"#{point.id} {md(point.title)}")
    stage = config.name_of("journey_stage", point.journey_stage)
    moment = " ★ moment of truth" if point.journey_stage in config.moments_of_truth else ""
    facts = [f"**{ItemStatus(point.status).label}**", f"{md(stage)}{moment}"]
    facts += [md(config.name_of(kind, value)) for kind, value in (("channel", point.channel), ("segment", point.segment))
              if value]  # fmt: skip
    st.markdown(" · ".join(facts))
    cols = st.columns(3)
    cols[0].metric("Severity", f"{point.severity} of 5", help=SEVERITY_SCALE[point.severity])
    cols[0].caption(SEVERITY_SCALE[point.severity])
    cols[1].metric(
        "Customers a month", f"{point.customers_per_month:,}" if point.customers_per_month else "unknown"
    )
    if detail.priority:
        cols[2].metric("Priority", f"{detail.priority.total:.0f} of 100")
        cols[2].caption(detail.priority.explain())
    owner = md(config.name_of("department", point.owner_department))
    others = (
        ", ".join(md(config.name_of("department", d)) for d in point.involved_departments) or "no one else"
    )
    st.markdown(f"**Owner:** {owner} · **also involved:** {others}")
    st.markdown("**What the customer experiences**")
    st.text(point.description or "(not described yet)")
    st.markdown(f"**Evidence ({len(detail.evidence)})**")
    evidence_list(detail.evidence)
    editable = can(ws, Task.LOG)
    if editable:
        with st.expander("Add evidence", icon=":material/add:", key=f"evidence_open_{friction_id}"):
            add_evidence_form(ws, friction_id)
    left, right = st.columns(2)
    with left:
        st.markdown("**Blockers that cause it**")
        links_of_friction(ws, friction_id, "blocker", detail.blockers, "Blockers")
    with right:
        st.markdown("**Missing connections behind it**")
        links_of_friction(ws, friction_id, "connection", detail.connections, "Missing connections")
    decisions_taken(ws, "friction", friction_id)
    agenda_request(ws, "friction", friction_id)
    if editable:
        with st.expander(
            "Edit this friction point", icon=":material/edit:", key=f"edit_friction_open_{friction_id}"
        ):
            edit_friction_form(ws, point)
    history(detail.history)


# What matters first stays in view; channel and segment come last.
_ORDER = ("id", "title", "journey_stage", "severity", "priority", "status", "customers_per_month",
          "owner_department", "evidence", "blockers", "connections", "created_at", "segment", "channel")  # fmt: skip
_COLUMNS = {
    "id": st.column_config.NumberColumn("#", width="small"),
    "title": st.column_config.TextColumn("Friction point", width="large"),
    "journey_stage": "Journey stage",
    "severity": st.column_config.NumberColumn(
        "Severity", help=" · ".join(f"{k} = {v}" for k, v in SEVERITY_SCALE.items())
    ),
    "priority": st.column_config.ProgressColumn("Priority", min_value=0, max_value=100, format="%d"),
    "customers_per_month": st.column_config.NumberColumn("Customers a month"),
    "segment": "Segment",
    "channel": "Channel",
    "owner_department": "Owner",
    "status": "Status",
    "created_at": st.column_config.DatetimeColumn("Logged", format="D MMM YYYY"),
    "evidence": st.column_config.NumberColumn("Evidence"),
    "blockers": st.column_config.NumberColumn("Blockers"),
    "connections": st.column_config.NumberColumn("Connections"),
}
