"""The council's self-check over time: the average score per statement at every meeting."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from council.charts.common import MARGIN, PALETTE, empty_figure, plain
from council.domain.self_check import HIGHEST, LOWEST, MIN_ANSWERS, SCORE_WORDS


def self_check_trend(trend: pd.DataFrame, height: int = 380) -> go.Figure:
    """One line per statement across the meetings, on the 1-5 scale; hovering shows how many answered.

    Columns of `trend`: starts_at, label, average, answers, lowest, highest, still_open (one row per
    meeting and statement, oldest meeting first). A meeting still open is drawn hollow: answers are
    still coming in.
    """
    if trend.empty:
        return empty_figure(f"Nothing to show yet: a statement shows once {MIN_ANSWERS} members have answered it.",
                            height=height)  # fmt: skip
    figure = go.Figure()
    for n, (label, rows) in enumerate(trend.groupby("label", sort=False)):
        colour = PALETTE[n % len(PALETTE)]
        figure.add_scatter(
            x=rows["starts_at"], y=rows["average"], name=plain(label), mode="lines+markers",
            line={"color": colour, "width": 3},
            marker={"size": 9, "color": ["white" if o else colour for o in rows["still_open"]],
                    "line": {"color": colour, "width": 2}},
            customdata=[[a, lo, hi, " (answers still coming in)" if o else ""] for a, lo, hi, o in
                        rows[["answers", "lowest", "highest", "still_open"]].itertuples(index=False)],
            hovertemplate=(
                f"<b>{plain(label)}</b><br>%{{x|%-d %b %Y}}: %{{y:.1f}} on average%{{customdata[3]}}<br>"
                "%{customdata[0]} answered, scores %{customdata[1]} to %{customdata[2]}<extra></extra>"
            ),
        )  # fmt: skip
    figure.update_layout(
        height=height, margin=MARGIN | {"t": 10}, hovermode="closest",
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0},
        yaxis={"range": [LOWEST - 0.2, HIGHEST + 0.2], "tickvals": list(SCORE_WORDS),
               "ticktext": [f"{n} {w}" for n, w in SCORE_WORDS.items()], "title": None},
        xaxis={"tickformat": "%-d %b %Y", "title": None},
    )  # fmt: skip
    return figure
