"""Pieces of the overview page: the next meeting, the headline numbers, a chart with its takeaway,
and the priority list that opens an item's detail."""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from council.charts import blockers as blocker_charts
from council.charts import friction as friction_charts
from council.charts import hand_offs
from council.domain.filters import ViewFilter
from council.domain.permissions import Task
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import overview as service
from council.services.overview import ChartData, Overview
from council.services.workspace import Workspace
from council.ui.cache import cached, shared
from council.ui.navigation import page_at
from council.ui.record_page import DETAIL_PAGES
from council.ui.session import can
from council.ui.text import md

_CHART_CONFIG = {"displayModeBar": False}


def next_meeting(ws: Workspace, now: Overview) -> None:
    if now.next_meeting:
        when = now.next_meeting.starts_at.astimezone(ws.zone)
        if now.next_guest:
            text = _("Next meeting: **{title}**, {day}, {time} — guest: {guest}")
        else:
            text = _("Next meeting: **{title}**, {day}, {time} — no guest invited yet")
        st.info(text.format(title=md(now.next_meeting.title), day=fmt.weekday_day_month(when), time=fmt.clock(when),
                            guest=md(now.next_guest or "")), icon=":material/event:")  # fmt: skip
    else:
        st.info(
            _("No meeting is planned yet. Plan one on the Meetings page.")
            if can(ws, Task.PLAN)
            else _(
                "No meeting is planned yet: the council's secretary plans them, and the next one shows here."
            ),
            icon=":material/event:",
        )


def headline(ws: Workspace, view: ViewFilter) -> None:
    counts = cached(ws, service.counts, view)
    now = cached(ws, service.overview)
    cols = st.columns(5)
    cols[0].metric(_("Open friction points"), counts["open_friction"])
    cols[1].metric(_("…at moments of truth"), counts["at_moments_of_truth"])
    cols[2].metric(_("Missing connections"), counts["missing_connections"])
    cols[3].metric(_("Blockers in the way"), counts["blockers"])
    cols[4].metric(_("Decisions overdue"), now.overdue_decisions,
                   help=ngettext("All departments: {n} decision not done yet.",
                                 "All departments: {n} decisions not done yet.",
                                 now.open_decisions).format(n=fmt.number(now.open_decisions)))  # fmt: skip
    if now.overdue_decisions:
        cols[4].page_link(page_at("app_pages/decisions.py"), label=_("See which"), query_params={"show": "overdue"},
                          icon=":material/arrow_forward:")  # fmt: skip


def _names(ws: Workspace) -> list[str]:
    return [d.name for d in ws.config.departments]


# The overview's charts by their element key: what each reads, and how it is drawn.
_CHARTS: dict[str, tuple[Callable[[Workspace, ViewFilter], ChartData], Callable[[Workspace, ChartData], go.Figure]]] = {
    "ov_heatmap": (service.friction_heatmap, lambda ws, d: friction_charts.friction_heatmap(d.frame, d.takeaway)),
    "ov_segments": (service.friction_by_segment, lambda ws, d: friction_charts.friction_by_segment(d.frame, d.takeaway)),
    "ov_network": (service.hand_off_network, lambda ws, d: hand_offs.hand_off_network(d.frame, _names(ws), d.takeaway)),
    "ov_blockers": (service.blockers_by_category, lambda ws, d: blocker_charts.blockers_by_category(d.frame, d.takeaway)),
    "ov_trend": (service.opened_and_resolved, lambda ws, d: friction_charts.opened_and_resolved(d.frame, d.takeaway)),
    "ov_top": (service.top_priorities, lambda ws, d: friction_charts.priority_parts(d.frame)),
}  # fmt: skip


def _drawn(ws: Workspace, key: str, view: ViewFilter) -> tuple[ChartData, go.Figure]:
    read, draw = _CHARTS[key]
    data = read(ws, view)
    return data, draw(ws, data)


def chart(ws: Workspace, key: str, view: ViewFilter) -> None:
    """The takeaway in words first, then the figure; with nothing to draw, the takeaway alone says so.
    The figure is built once per data version, filter and language, for every session."""
    data, figure = shared(ws, _drawn, key, view)
    if data.empty:
        st.info(md(data.takeaway), icon=":material/info:")
        return
    st.caption(md(data.takeaway))  # takeaways quote titles people wrote
    st.plotly_chart(figure, width="stretch", config=_CHART_CONFIG, key=key)


def priorities(ws: Workspace, view: ViewFilter) -> None:
    data, figure = shared(ws, _drawn, "ov_top", view)
    if data.empty:
        st.info(md(data.takeaway), icon=":material/info:")
        return
    st.caption(
        _(
            "{takeaway} The score (0-100) adds severity, reach, moment of truth and age, weighted as the "
            "workspace settings say."
        ).format(takeaway=md(data.takeaway))
    )
    st.plotly_chart(figure, width="stretch", config=_CHART_CONFIG, key="ov_top")
    # Links rather than a button: the browser's Back then returns to this view with its filters.
    st.markdown(_("**Open one of these**"))
    columns = st.columns(2)
    rows = data.frame[["kind", "what", "id", "title"]].itertuples(index=False, name=None)
    for rank, (kind, what, item_id, title) in enumerate(rows, start=1):
        columns[(rank - 1) % 2].page_link(
            page_at(DETAIL_PAGES[kind]), label=md(f"{rank} · {what} #{item_id}: {_short(title)}"),
            query_params={"id": str(item_id)}, icon=":material/open_in_new:",
        )  # fmt: skip


def _short(title: str, limit: int = 44) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
