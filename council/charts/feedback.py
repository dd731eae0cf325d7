"""Charts of what customers say: the net score month by month, and per stage, channel or segment.

A figure backed by too few responses to trust is drawn pale and says so when hovered.
"""

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
from council.domain.feedback import nps_text
from council.i18n import _, ngettext
from council.i18n import formats as fmt

PALE = "#d5d8dc"


def net_score_trend(months: pd.DataFrame, net_name: str, height: int = 300, font_size: int = 12) -> go.Figure:
    """The net score per month as a line over the number of responses as bars.

    Columns of `months`: key (first day of the month), net, responses, trustworthy.
    """
    if not months["responses"].sum():
        return empty_figure(_("No responses in this period."), height=height)
    trusted = months["trustworthy"]
    named = [fmt.month_year(m) for m in months["key"]]
    figure = new_figure()
    # The responses sit on the first axis and the score on the second, so the line is drawn over the bars.
    figure.add_bar(
        x=months["key"], y=months["responses"], name=_("Responses"), marker_color="#eaecee", hovertemplate=HOVER,
        customdata=[ngettext("{month}: {n} response", "{month}: {n} responses", int(n)).format(
            month=month, n=fmt.number(n)) for month, n in zip(named, months["responses"], strict=True)],
    )  # fmt: skip
    figure.add_scatter(
        x=months["key"], y=months["net"], name=plain(net_name), mode="lines+markers",
        line={"color": "#1f77b4", "width": 3},
        marker={"size": 10, "color": ["#1f77b4" if t else "white" for t in trusted],
                "line": {"color": "#1f77b4", "width": 2}},
        customdata=[
            plain((_("{month}: {measure} {score}") if t else
                   _("{month}: {measure} {score} (too few responses to trust)")).format(
                month=month, measure=net_name, score=nps_text(net, 0)))
            for month, net, t in zip(named, months["net"], trusted, strict=True)
        ],
        hovertemplate=HOVER, yaxis="y2",
    )  # fmt: skip
    figure.add_hline(y=0, line={"color": CALM, "width": 1, "dash": "dot"}, yref="y2")
    figure.update_layout(
        height=height, margin=MARGIN | {"t": 10}, font={"size": font_size}, showlegend=False,
        yaxis={"side": "right", "showgrid": False, "title": _("Responses"), "rangemode": "tozero", "tickformat": ",d"},
        yaxis2={"overlaying": "y", "side": "left", "title": plain(net_name), "range": [-100, 100], "zeroline": False,
                "tickvals": [-100, -50, 0, 50, 100], "tickformat": "+d"},
        xaxis=month_ticks(months["key"], every=1 if len(months) <= 13 else 3),
    )  # fmt: skip
    return figure


def net_score_by_group(groups: pd.DataFrame, net_name: str, height: int | None = None) -> go.Figure:
    """One horizontal bar per group: its net score, green above zero and red below, pale when too few.

    Columns of `groups`: name, net, responses, trustworthy, moment_of_truth.
    """
    groups = groups[groups["responses"] > 0]
    if groups.empty:
        return empty_figure(_("No responses match these filters."))
    colours = [
        PALE if not trusted else (GOOD if net >= 0 else MOMENT_OF_TRUTH)
        for net, trusted in zip(groups["net"], groups["trustworthy"], strict=True)
    ]
    labels = [
        plain(n) + (" ★" if m else "") for n, m in zip(groups["name"], groups["moment_of_truth"], strict=True)
    ]
    notes = [
        (ngettext("{score} · {n} response", "{score} · {n} responses", int(n)) if t else
         ngettext("{score} · {n} response · too few to trust", "{score} · {n} responses · too few to trust", int(n))
         ).format(score=nps_text(net, 0), n=fmt.number(n))
        for net, n, t in zip(groups["net"], groups["responses"], groups["trustworthy"], strict=True)
    ]  # fmt: skip
    figure = new_figure(go.Bar(
        x=groups["net"], y=labels, orientation="h", marker_color=colours, text=notes, textposition="outside",
        hovertemplate="%{y}: %{text}<extra></extra>", cliponaxis=False,
    ))  # fmt: skip
    figure.update_layout(
        height=height or 60 + 34 * len(groups), margin=MARGIN | {"t": 10, "r": 160},
        xaxis={"range": [-100, 100], "title": plain(net_name), "zeroline": True, "zerolinecolor": CALM},
        yaxis={"autorange": "reversed"},
    )  # fmt: skip
    return figure


def net_score_line(months: pd.DataFrame, height: int = 260, font_size: int = 22) -> go.Figure:
    """The net score month by month as one bold, labelled line, for a screen read from a distance.

    The scale fits the scores (a change of five points should show), each month carries its score as
    text, and a month with too few responses to trust is hollow. Columns of `months`: key, net,
    responses, trustworthy.
    """
    scored = months[months["responses"] > 0]
    if scored.empty:
        return empty_figure(_("No responses in the last twelve months."), height=height)
    low, high = scored["net"].min(), scored["net"].max()
    pad = max(12.0, (high - low) * 0.35)
    colours = ["#1f77b4" if t else "white" for t in months["trustworthy"]]
    figure = new_figure(go.Scatter(
        x=months["key"], y=months["net"], mode="lines+markers+text", line={"color": "#1f77b4", "width": 5},
        marker={"size": 16, "color": colours, "line": {"color": "#1f77b4", "width": 3}},
        texttemplate="%{y:+.0f}", textposition="top center", textfont={"size": font_size}, cliponaxis=False,
        hoverinfo="skip",
    ))  # fmt: skip
    if low - pad < 0 < high + pad:
        figure.add_hline(y=0, line={"color": CALM, "width": 2, "dash": "dot"})
    figure.update_layout(
        height=height, margin={"l": 10, "r": 10, "t": 40, "b": 40}, font={"size": font_size}, showlegend=False,
        yaxis={"visible": False, "range": [max(-100, low - pad), min(100, high + pad)]},
        xaxis={**month_ticks(months["key"], name=fmt.month), "showgrid": False}, plot_bgcolor="white",
    )  # fmt: skip
    return figure
