"""What every chart shares: colours, the empty state, and escaping of user text."""

from __future__ import annotations

import html

import plotly.graph_objects as go

MOMENT_OF_TRUTH = "#c0392b"
CALM = "#7f8c8d"
GOOD = "#27ae60"
PALETTE = ["#1f77b4", "#e67e22", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"]
MARGIN = {"l": 10, "r": 10, "t": 30, "b": 10}


def plain(text: object) -> str:
    """User text as plotly should show it: literally, with no markup taking effect."""
    return html.escape(str(text), quote=False)


def empty_figure(message: str, height: int = 220) -> go.Figure:
    """A frame that says in words why there is nothing to draw, instead of a blank plot."""
    figure = go.Figure()
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
