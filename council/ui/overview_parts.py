"""Pieces of the overview page: the next meeting, the headline numbers, a chart with its takeaway,
and the priority list that opens an item's detail."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from council.charts.friction import priority_parts
from council.domain.filters import ViewFilter
from council.domain.permissions import Task
from council.services import overview as service
from council.services.overview import ChartData, Overview
from council.services.workspace import Workspace
from council.ui.cache import cached
from council.ui.navigation import page_at
from council.ui.record_page import DETAIL_PAGES
from council.ui.session import can
from council.ui.text import md

_CHART_CONFIG = {"displayModeBar": False}


def next_meeting(ws: Workspace, now: Overview) -> None:
    if now.next_meeting:
        when = now.next_meeting.starts_at.astimezone(ws.zone)
        guest = f" — guest: {md(now.next_guest)}" if now.next_guest else " — no guest invited yet"
        st.info(f"Next meeting: **{md(now.next_meeting.title)}**, {when:%A %-d %B, %H:%M}{guest}",
                icon=":material/event:")  # fmt: skip
    else:
        st.info(
            "No meeting is planned yet. Plan one on the Meetings page."
            if can(ws, Task.PLAN)
            else "No meeting is planned yet: the council's secretary plans them, and the next one shows here.",
            icon=":material/event:",
        )


def headline(ws: Workspace, view: ViewFilter) -> None:
    counts = cached(ws, service.counts, view)
    now = cached(ws, service.overview)
    cols = st.columns(5)
    cols[0].metric("Open friction points", counts["open_friction"])
    cols[1].metric("…at moments of truth", counts["at_moments_of_truth"])
    cols[2].metric("Missing connections", counts["missing_connections"])
    cols[3].metric("Blockers in the way", counts["blockers"])
    cols[4].metric("Decisions overdue", now.overdue_decisions,
                   help=f"All departments: {now.open_decisions} decisions not done yet.")  # fmt: skip
    if now.overdue_decisions:
        cols[4].page_link(page_at("app_pages/decisions.py"), label="See which", query_params={"show": "overdue"},
                          icon=":material/arrow_forward:")  # fmt: skip


def chart(data: ChartData, figure: go.Figure, key: str) -> None:
    """The takeaway in words first, then the figure; with nothing to draw, the takeaway alone says so."""
    if data.empty:
        st.info(md(data.takeaway), icon=":material/info:")
        return
    st.caption(md(data.takeaway))  # takeaways quote titles people wrote
    st.plotly_chart(figure, width="stretch", config=_CHART_CONFIG, key=key)


def priorities(ws: Workspace, data: ChartData) -> None:
    if data.empty:
        st.info(md(data.takeaway), icon=":material/info:")
        return
    st.caption(
        f"{md(data.takeaway)} The score (0-100) adds severity, reach, moment of truth and age, weighted as the "
        "workspace settings say."
    )
    st.plotly_chart(priority_parts(data.frame), width="stretch", config=_CHART_CONFIG, key="ov_top")
    # Links rather than a button: the browser's Back then returns to this view with its filters.
    st.markdown("**Open one of these**")
    columns = st.columns(2)
    for rank, row in enumerate(data.frame.itertuples(), start=1):
        columns[(rank - 1) % 2].page_link(
            page_at(DETAIL_PAGES[row.kind]), label=md(f"{rank} · {row.what} #{row.id}: {_short(row.title)}"),
            query_params={"id": str(row.id)}, icon=":material/open_in_new:",
        )  # fmt: skip


def _short(title: str, limit: int = 44) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
