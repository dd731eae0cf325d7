"""The friction points page's two views: the filtered list, and one friction point in full."""

from __future__ import annotations

import streamlit as st

from council.domain.filters import FrictionFilter
from council.domain.permissions import Task
from council.domain.vocabulary import SEVERITY_SCALE, ItemStatus
from council.i18n import _, ngettext, pgettext
from council.i18n import formats as fmt
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
from council.ui.text import md, table_date

OPEN = tuple(s.value for s in ItemStatus if s.is_open)


def _show() -> dict[str, str]:
    """Which friction points the list shows, in the reader's words."""
    return {"still_open": _("Still open"), "all": _("Everything")} | {
        s.value: _("Only: {status}").format(status=s.label.lower()) for s in ItemStatus
    }


def _sort() -> dict[str, str]:
    return {
        "priority": _("Priority"),
        "newest": _("Newest first"),
        "severity": _("Severity"),
        "customers": _("Customers affected"),
    }


def friction_filter(ws: Workspace) -> tuple[FrictionFilter, str]:
    """The list's filters, read from and written to the address, and the chosen sort."""
    config = ws.config
    names = lambda kind: {i: config.name_of(kind, i) for i in config.ids(kind)}  # noqa: E731
    top = st.columns([3, 1, 1])
    search = url.text_in_url(_("Search title, description and evidence"), "q", key="fl_search", container=top[0],
                             placeholder=_("Words from a title, description or evidence"))  # fmt: skip
    show = url.selectbox_in_url(_("Show"), "show", _show(), "still_open", key="fl_show", container=top[1])
    sort = url.selectbox_in_url(_("Sort by"), "sort", _sort(), "priority", key="fl_sort", container=top[2])
    narrowed = any(
        st.query_params.get_all(n) for n in ("stage", "department", "segment", "channel", "severity")
    )
    row = st.expander(_("More filters: stage, department, segment, channel, severity"), expanded=narrowed,
                      key="fl_more", icon=":material/filter_list:").columns(5)  # fmt: skip
    stages = url.multiselect_in_url(
        _("Journey stage"),
        "stage",
        names("journey_stage"),
        key="fl_stage",
        placeholder=_("All stages"),
        container=row[0],
    )
    departments = url.multiselect_in_url(
        _("Department"),
        "department",
        names("department"),
        key="fl_dept",
        placeholder=_("All departments"),
        container=row[1],
    )
    segments = url.multiselect_in_url(
        _("Segment"), "segment", names("segment"), key="fl_segment", placeholder=_("All segments"),
        container=row[2],
    )  # fmt: skip
    channels = url.multiselect_in_url(
        _("Channel"), "channel", names("channel"), key="fl_channel", placeholder=_("All channels"),
        container=row[3],
    )  # fmt: skip
    severities = {
        str(n): _("{n} or worse").format(n=n) if n > 1 else pgettext("severity", "Any")
        for n in SEVERITY_SCALE
    }
    severity = url.selectbox_in_url(
        _("Severity"), "severity", severities, "1", key="fl_severity", container=row[4]
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
                _(
                    "No friction points yet. Log the first one above: where a customer runs into trouble, in "
                    "their own words, on the stage of their journey where it happens."
                )
                if can(ws, Task.LOG)
                else _("No friction points yet: the council's members log them here."),
                icon=":material/report:",
            )
        else:
            st.info(_("No friction point matches these filters.") if total == 0 else _("Nothing to show."))
        return
    if total > len(table):
        shown = ngettext(
            "Showing the first {shown} of {n} friction point. Click one to open it.",
            "Showing the first {shown} of {n} friction points. Click one to open it.",
            total,
        ).format(shown=fmt.number(len(table)), n=fmt.number(total))
    else:
        shown = ngettext(
            "{n} friction point. Click one to open it.", "{n} friction points. Click one to open it.", total
        ).format(n=fmt.number(total))
    st.caption(shown)
    open_on_click(
        table, "friction_table", _columns(), column_order=_ORDER, height=min(38 + 35 * len(table), 600)
    )
    csv_download(ws, _("CSV ({n})").format(n=fmt.number(total)), "friction-points",
                 lambda: list_exports.friction_csv(ws, flt, sort))  # fmt: skip


def friction_detail(ws: Workspace, friction_id: int) -> None:
    detail = cached(ws, service.friction_detail, friction_id)
    point, config = detail.point, ws.config
    st.subheader(f"#{point.id} {md(point.title)}")
    stage = config.name_of("journey_stage", point.journey_stage)
    moment = " ★ " + _("moment of truth") if point.journey_stage in config.moments_of_truth else ""
    facts = [f"**{ItemStatus(point.status).label}**", f"{md(stage)}{moment}"]
    facts += [md(config.name_of(kind, value)) for kind, value in (("channel", point.channel), ("segment", point.segment))
              if value]  # fmt: skip
    st.markdown(" · ".join(facts))
    cols = st.columns(3)
    severity = _(SEVERITY_SCALE[point.severity])
    cols[0].metric(_("Severity"), _("{n} of 5").format(n=point.severity), help=severity)
    cols[0].caption(severity)
    cols[1].metric(
        _("Customers a month"),
        fmt.number(point.customers_per_month) if point.customers_per_month else _("unknown"),
    )
    if detail.priority:
        cols[2].metric(_("Priority"), _("{n} of 100").format(n=fmt.number(detail.priority.total)))
        cols[2].caption(detail.priority.explain())
    owner = md(config.name_of("department", point.owner_department))
    others = ", ".join(md(config.name_of("department", d)) for d in point.involved_departments) or _(
        "no one else"
    )
    st.markdown(_("**Owner:** {owner} · **also involved:** {others}").format(owner=owner, others=others))
    st.markdown(_("**What the customer experiences**"))
    st.text(point.description or _("(not described yet)"))
    st.markdown(_("**Evidence ({n})**").format(n=fmt.number(len(detail.evidence))))
    evidence_list(detail.evidence)
    editable = can(ws, Task.LOG)
    if editable:
        with st.expander(_("Add evidence"), icon=":material/add:", key=f"evidence_open_{friction_id}"):
            add_evidence_form(ws, friction_id)
    left, right = st.columns(2)
    with left:
        st.markdown(_("**Blockers that cause it**"))
        links_of_friction(ws, friction_id, "blocker", detail.blockers, _("Blockers"))
    with right:
        st.markdown(_("**Missing connections behind it**"))
        links_of_friction(ws, friction_id, "connection", detail.connections, _("Missing connections"))
    decisions_taken(ws, "friction", friction_id)
    agenda_request(ws, "friction", friction_id)
    if editable:
        with st.expander(
            _("Edit this friction point"), icon=":material/edit:", key=f"edit_friction_open_{friction_id}"
        ):
            edit_friction_form(ws, point)
    history(detail.history)


# What matters first stays in view; channel and segment come last.
_ORDER = ("id", "title", "journey_stage", "severity", "priority", "status", "customers_per_month",
          "owner_department", "evidence", "blockers", "connections", "created_at", "segment", "channel")  # fmt: skip


def _columns() -> dict:
    """The list's column headers, in the reader's language."""
    return {
        "id": st.column_config.NumberColumn("#", width="small"),
        "title": st.column_config.TextColumn(_("Friction point"), width="large"),
        "journey_stage": _("Journey stage"),
        "severity": st.column_config.NumberColumn(
            _("Severity"), help=" · ".join(f"{k} = {_(v)}" for k, v in SEVERITY_SCALE.items())
        ),
        "priority": st.column_config.ProgressColumn(_("Priority"), min_value=0, max_value=100, format="%d"),
        "customers_per_month": st.column_config.NumberColumn(_("Customers a month")),
        "segment": _("Segment"),
        "channel": _("Channel"),
        "owner_department": _("Owner"),
        "status": _("Status"),
        "created_at": st.column_config.DatetimeColumn(_("Logged"), format=table_date("day")),
        "evidence": st.column_config.NumberColumn(_("Evidence")),
        "blockers": st.column_config.NumberColumn(_("Blockers")),
        "connections": st.column_config.NumberColumn(_("Connections")),
    }
