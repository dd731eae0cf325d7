"""The overview's filters (departments, journey stages, period), kept in the page's address."""

from __future__ import annotations

import streamlit as st

from council.domain.filters import DEFAULT_PERIOD, PERIODS, ViewFilter, period_start
from council.i18n import _, pgettext
from council.services.workspace import Workspace
from council.ui import url


def view_filter(ws: Workspace) -> ViewFilter:
    config = ws.config
    left, middle, right = st.columns([2, 2, 1])
    departments = url.multiselect_in_url(
        _("Departments"), "department", {d.id: d.name for d in config.departments}, key="ov_department",
        container=left, placeholder=_("All departments"),
    )  # fmt: skip
    stages = url.multiselect_in_url(
        _("Journey stages"), "stage", {s.id: s.name for s in config.journey_stages}, key="ov_stage",
        container=middle, placeholder=_("The whole journey"),
    )  # fmt: skip
    period = url.selectbox_in_url(
        # Translators: the period in which friction was logged (recorded), not signing in.
        pgettext("recorded during", "Logged in"), "period",
        {p: _(label) for p, (label, _days) in PERIODS.items()}, DEFAULT_PERIOD, key="ov_period", container=right,
    )  # fmt: skip
    return ViewFilter(departments, stages, period_start(period, ws.today()), ws.config.time_zone)
