"""Charts of the decision history: decisions per month by status, and customer scores before and after."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from council.charts.common import (
    CALM,
    GOOD,
    HOVER,
    MARGIN,
    MOMENT_OF_TRUTH,
    empty_figure,
    month_ticks,
    new_figure,
    plain,
)
from council.domain.effect import StageEffect
from council.domain.feedback import nps_text
from council.domain.vocabulary import DecisionStatus
from council.i18n import _, pgettext
from council.i18n import formats as fmt

# Status -> colour; the same in every chart and badge of the decision history.
STATUS_COLOURS = {
    DecisionStatus.DECIDED: "#1f77b4",
    DecisionStatus.IN_PROGRESS: "#e67e22",
    DecisionStatus.DONE: GOOD,
    DecisionStatus.DROPPED: CALM,
}


def decisions_per_month(per_month: pd.DataFrame) -> go.Figure:
    """Stacked bars: how many decisions each month produced, coloured by where they stand now.

    Columns of `per_month`: month (a date), status (a DecisionStatus value), decisions.
    """
    if per_month.empty:
        return empty_figure(_("No decisions match these filters."), height=200)
    months = pd.date_range(per_month["month"].min(), per_month["month"].max(), freq="MS")
    named = [fmt.month_year(m) for m in months]
    figure = new_figure()
    for status, colour in STATUS_COLOURS.items():
        counts = per_month[per_month["status"] == status].set_index("month")["decisions"]
        counts.index = pd.to_datetime(counts.index)
        counts = counts.reindex(months, fill_value=0)
        figure.add_bar(
            x=months, y=counts, name=status.label, marker_color=colour, hovertemplate=HOVER,
            # Translators: a month, a number of decisions and the status they have now: "March 2026: 3 done".
            customdata=[_("{month}: {n} {status}").format(month=month, n=fmt.number(n), status=status.label.lower())
                        for month, n in zip(named, counts, strict=True)],
        )  # fmt: skip
    figure.update_layout(
        barmode="stack", height=240, margin=MARGIN | {"t": 10},
        legend={"orientation": "h", "y": -0.15, "yanchor": "top", "x": 0, "traceorder": "normal"},
        xaxis=month_ticks(months, every=1 if len(months) <= 18 else 3),
        yaxis={"title": _("Decisions"), "rangemode": "tozero", "dtick": 1 if per_month["decisions"].max() < 8 else None},
    )  # fmt: skip
    return figure


def before_and_after(rows: list[StageEffect], names: dict[str | None, str]) -> go.Figure:
    """NPS per journey stage in the window before and the window after, side by side."""
    shown = [r for r in rows if r.before.nps is not None or r.after.nps is not None]
    if not shown:
        return empty_figure(_("No customer feedback in either window."), height=200)
    labels = [plain(names.get(r.stage, r.stage)) for r in shown]
    figure = new_figure()
    sides = (("before", _("NPS before"), pgettext("feedback window", "before"), CALM),
             ("after", _("NPS after"), pgettext("feedback window", "after"), "#1f77b4"))  # fmt: skip
    for side, name, window, colour in sides:
        figures = [getattr(r, side) for r in shown]
        figure.add_bar(
            x=labels, y=[f.nps for f in figures], name=name, marker_color=colour,
            text=[f"{nps_text(f.nps)} ({f.responses})" if f.nps is not None else _("no feedback") for f in figures],
            textposition="outside", hovertemplate="%{x}: %{text}<extra>" + window + "</extra>",
        )  # fmt: skip
    figure.add_hline(y=0, line_color=MOMENT_OF_TRUTH, line_width=1)
    figure.update_layout(
        barmode="group", height=260, margin=MARGIN, legend={"orientation": "h", "y": 1.15, "x": 0},
        yaxis={"title": _("NPS (responses)"), "range": [-100, 100]},
    )  # fmt: skip
    return figure
