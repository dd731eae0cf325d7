"""A decision's effect on customers: their scores before and after it, in a chosen window."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from council.charts.decisions import before_and_after
from council.domain.effect import DEFAULT_WINDOW, WINDOW_CHOICES
from council.domain.feedback import nps_text
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import effect
from council.services.workspace import Workspace
from council.ui.cache import cached, shared


@st.fragment
def effect_view(ws: Workspace, decision_id: int) -> None:
    """Scores before and after the decision: choosing another window reruns this part of the page alone."""
    windows = {n: ngettext("{n} day", "{n} days", n).format(n=fmt.number(n)) for n in WINDOW_CHOICES}
    days = st.segmented_control(
        _("Compare"), options=list(windows), default=DEFAULT_WINDOW, key=f"effect_days_{decision_id}",
        format_func=windows.__getitem__, help=_("How many days before and after the decision to compare"),
    ) or DEFAULT_WINDOW  # fmt: skip

    found = cached(ws, effect.decision_effect, decision_id, days)
    if found.windows is None:
        st.info(found.reason, icon=":material/info:")
        return
    w = found.windows
    if w.days < days:
        # Translators: {n} whole days have passed; {wanted} is the number of days that was asked for.
        st.caption(":material/info: " + ngettext(
            "Only {n} whole day has passed since the decision, so both windows are {n} day long instead of {wanted}.",
            "Only {n} whole days have passed since the decision, so both windows are {n} days long instead of "
            "{wanted}.", w.days).format(n=fmt.number(w.days), wanted=fmt.number(days)))  # fmt: skip
    st.caption(
        ngettext(
            "Customer feedback (NPS) on the journey stages this decision is about, in the {n} day before {day} "
            "and the {n} day after it. **This compares before with after; it does not prove the decision caused "
            "the change.** Other things happened in the same months.",
            "Customer feedback (NPS) on the journey stages this decision is about, in the {n} days before {day} "
            "and the {n} days after it. **This compares before with after; it does not prove the decision caused "
            "the change.** Other things happened in the same months.",
            w.days,
        ).format(n=fmt.number(w.days), day=fmt.long_day(w.decided_on))
    )
    names = _stage_names(ws, found)
    st.plotly_chart(shared(ws, _effect, decision_id, days), width="stretch", key=f"effect_{decision_id}",
                    config={"displayModeBar": False})  # fmt: skip
    st.dataframe(effect_table(found.rows, names), hide_index=True, width="stretch")
    if not all(r.trustworthy for r in found.rows):
        st.caption(
            ":material/warning: "
            + _("Marked rows have fewer than 30 responses in a window: too few to trust.")
        )


def _stage_names(ws: Workspace, found: effect.Effect) -> dict[str | None, str]:
    return {None: _("All these stages")} | {s: ws.config.name_of("journey_stage", s) for s in found.stages}


def _effect(ws: Workspace, decision_id: int, days: int) -> go.Figure:
    found = cached(ws, effect.decision_effect, decision_id, days)
    return before_and_after(found.rows, _stage_names(ws, found))


def effect_table(rows, names) -> list[dict]:
    """The comparison as rows of a table, its column headings in the reader's language."""
    return [
        {
            _("Journey stage"): names[r.stage],
            _("NPS before"): _nps(r.before.nps),
            _("Responses before"): r.before.responses,
            _("NPS after"): _nps(r.after.nps),
            _("Responses after"): r.after.responses,
            _("Change"): _nps(r.change),
            _("Enough responses"): _("yes") if r.trustworthy else _("⚠ too few"),
        }
        for r in rows
    ]


def _nps(value: float | None) -> str:
    return nps_text(value)
