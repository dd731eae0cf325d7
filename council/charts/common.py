"""What every chart shares: colours, the empty state, escaping of user text, and the reader's language
in numbers and month names."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from datetime import date

import plotly.graph_objects as go

from council.i18n import formats as fmt

MOMENT_OF_TRUTH = "#c0392b"
CALM = "#7f8c8d"
GOOD = "#27ae60"
PALETTE = ["#1f77b4", "#e67e22", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"]
MARGIN = {"l": 10, "r": 10, "t": 30, "b": 10}
HOVER = "%{customdata}<extra></extra>"  # a hover text written in full beforehand, in the reader's language


def plain(text: object) -> str:
    """User text as plotly should show it: literally, with no markup taking effect."""
    return html.escape(str(text), quote=False)


def new_figure(data: object = None) -> go.Figure:
    """An empty figure that writes numbers as the reader's language does (1,234.5 or 1.234,5)."""
    figure = go.Figure(data)
    figure.update_layout(separators=fmt.separators())
    return figure


def empty_figure(message: str, height: int = 220) -> go.Figure:
    """A frame that says in words why there is nothing to draw, instead of a blank plot."""
    figure = new_figure()
    figure.add_annotation(
        text=plain(message), x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False, font={"size": 16}
    )
    figure.update_layout(
        height=height,
        margin=MARGIN,
        xaxis={"visible": False},
        yaxis={"visible": False},
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return figure


def month_ticks(
    months: Iterable[date], every: int = 1, name: Callable[[date], str] = fmt.short_month_year
) -> dict[str, list]:
    """An axis's ticks at the first of the months (every month, or only January, April… for every=3), named
    in the reader's language: plotly's own date formats know only English month names."""
    shown = sorted({m for m in months if (m.month - 1) % every == 0})
    return {"tickvals": shown, "ticktext": [name(m) for m in shown]}
