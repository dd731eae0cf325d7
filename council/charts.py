"""Plotly figure builders: plain data in, `go.Figure` out, no Streamlit."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

MOMENT_OF_TRUTH = "#c0392b"
OTHER_STAGE = "#7f8c8d"


def open_friction_by_stage(frame: pd.DataFrame) -> go.Figure:
    """Bars in journey order; moments of truth in red. Columns: stage, open, moment_of_truth."""
    colours = [MOMENT_OF_TRUTH if m else OTHER_STAGE for m in frame["moment_of_truth"]]
    figure = go.Figure(
        go.Bar(
            x=frame["stage"],
            y=frame["open"],
            marker_color=colours,
            text=frame["open"],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y} open<extra></extra>",
        )
    )
    figure.update_layout(
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        height=300,
        yaxis_title="open friction points",
        showlegend=False,
    )
    return figure
