"""Charts about friction points: where they are, for whom, how the pile moves, what comes first."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from council.charts.common import (
    GOOD,
    HOVER,
    MARGIN,
    MOMENT_OF_TRUTH,
    PALETTE,
    empty_figure,
    month_ticks,
    new_figure,
    plain,
)
from council.i18n import N_, _, ngettext
from council.i18n import formats as fmt

PART_COLOURS = {
    "severity_points": (N_("Severity"), "#c0392b"),
    "reach_points": (N_("Reach"), "#e67e22"),
    "moment_points": (N_("Moment of truth"), "#8e44ad"),
    "age_points": (N_("Age"), "#7f8c8d"),
}


def friction_heatmap(grid: pd.DataFrame, empty_message: str | None = None) -> go.Figure:
    """Stages (rows, journey order; ★ = moment of truth, outlined in red) × departments (columns)."""
    if grid.empty:
        return empty_figure(empty_message or _("No open friction in this view."))
    rows, columns = [plain(r) for r in grid.index], [plain(c) for c in grid.columns]
    values = grid.to_numpy()
    figure = new_figure(
        go.Heatmap(
            z=values,
            x=columns,
            y=rows,
            text=[[str(v) if v else "" for v in row] for row in values],
            texttemplate="%{text}",
            colorscale="Reds",
            zmin=0,
            showscale=False,
            xgap=2,
            ygap=2,
            # Translators: %{y} is a journey stage, %{x} a department, %{z} how many friction points are open.
            hovertemplate=_("%{y} · %{x}: %{z} open") + "<extra></extra>",
        )
    )
    for n, label in enumerate(grid.index):
        if str(label).startswith("★"):
            figure.add_shape(
                type="rect", xref="paper", x0=0, x1=1, y0=n - 0.5, y1=n + 0.5,
                line={"color": MOMENT_OF_TRUTH, "width": 2}, fillcolor="rgba(0,0,0,0)",
            )  # fmt: skip
    figure.update_layout(
        height=max(260, 110 + 34 * len(rows)),  # room for the slanted department names on top
        margin=MARGIN,
        yaxis={"autorange": "reversed"},
        xaxis={"side": "top"},
    )
    return figure


def friction_by_segment(frame: pd.DataFrame, empty_message: str | None = None) -> go.Figure:
    """Horizontal bars per journey stage (journey order), one colour per segment.

    Columns: stage, segment, open_friction.
    """
    if frame.empty:
        return empty_figure(empty_message or _("No open friction in this view."))
    figure = new_figure()
    stages = list(dict.fromkeys(plain(s) for s in frame["stage"]))
    for n, (segment, rows) in enumerate(frame.groupby("segment", sort=True)):
        figure.add_bar(
            name=plain(segment),
            y=[plain(s) for s in rows["stage"]],
            x=rows["open_friction"],
            orientation="h",
            marker_color=PALETTE[n % len(PALETTE)],
            customdata=[
                plain(
                    _("{segment} · {stage}: {n} open").format(segment=segment, stage=stage, n=fmt.number(n))
                )
                for stage, n in zip(rows["stage"], rows["open_friction"], strict=True)
            ],
            hovertemplate=HOVER,
        )
    figure.update_layout(
        barmode="group",
        height=120 + 42 * len(stages),
        margin=MARGIN,
        yaxis={"categoryorder": "array", "categoryarray": stages, "autorange": "reversed"},
        xaxis={"title": _("open friction points"), "dtick": 1},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0},
    )
    return figure


def opened_and_resolved(frame: pd.DataFrame, empty_message: str | None = None) -> go.Figure:
    """Bars per month: friction logged (red) and resolved (green). Columns: month, opened, resolved."""
    if frame.empty:
        return empty_figure(empty_message or _("Nothing logged in this period."))
    named = [fmt.month_year(m) for m in frame["month"]]
    figure = new_figure()
    figure.add_bar(name=_("Logged"), x=frame["month"], y=frame["opened"], marker_color=MOMENT_OF_TRUTH,
                   customdata=[_("{month}: {n} logged").format(month=month, n=fmt.number(n))
                               for month, n in zip(named, frame["opened"], strict=True)],
                   hovertemplate=HOVER)  # fmt: skip
    figure.add_bar(name=_("Resolved"), x=frame["month"], y=frame["resolved"], marker_color=GOOD,
                   customdata=[_("{month}: {n} resolved").format(month=month, n=fmt.number(n))
                               for month, n in zip(named, frame["resolved"], strict=True)],
                   hovertemplate=HOVER)  # fmt: skip
    figure.update_layout(
        barmode="group",
        height=300,
        margin=MARGIN,
        xaxis=month_ticks(frame["month"], every=1 if len(frame) <= 12 else 3),
        yaxis_title=_("friction points"),
        legend={"orientation": "h", "y": 1.12},
    )
    return figure


def priority_parts(frame: pd.DataFrame, empty_message: str | None = None) -> go.Figure:
    """One stacked bar per item, highest first, split into the parts of its score."""
    if frame.empty:
        return empty_figure(empty_message or _("Nothing open in this view."))
    labels = [
        plain(f"{what} #{i}: {title[:48]}{'…' if len(title) > 48 else ''}")
        for what, i, title in zip(frame["what"], frame["id"], frame["title"], strict=True)
    ]
    figure = new_figure()
    for column, (name, colour) in PART_COLOURS.items():
        figure.add_bar(
            name=_(name), y=labels, x=frame[column], orientation="h", marker_color=colour, hovertemplate=HOVER,
            customdata=[ngettext("{part}: {n} point", "{part}: {n} points", int(n)).format(part=_(name), n=fmt.number(n))
                        for n in frame[column]],
        )  # fmt: skip
    figure.update_layout(
        barmode="stack",
        height=90 + 30 * len(labels),
        margin=MARGIN,
        yaxis={"autorange": "reversed"},
        xaxis={"range": [0, 100], "title": _("priority score (0-100)")},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "traceorder": "normal"},
    )
    return figure
