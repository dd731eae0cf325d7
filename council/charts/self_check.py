"""The council's self-check over time: the average score per statement at every meeting."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from council.charts.common import HOVER, MARGIN, PALETTE, empty_figure, new_figure, plain
from council.domain.self_check import HIGHEST, LOWEST, MIN_ANSWERS, SCORE_WORDS
from council.i18n import _, ngettext
from council.i18n import formats as fmt

MOST_TICKS = 8  # dates along the bottom; more would overlap


def self_check_trend(trend: pd.DataFrame, height: int = 380) -> go.Figure:
    """One line per statement across the meetings, on the 1-5 scale; hovering shows how many answered.

    Columns of `trend`: starts_at, label, average, answers, lowest, highest, still_open (one row per
    meeting and statement, oldest meeting first). A meeting still open is drawn hollow: answers are
    still coming in.
    """
    if trend.empty:
        return empty_figure(_("Nothing to show yet: a statement shows once {n} members have answered it.").format(
            n=fmt.number(MIN_ANSWERS)), height=height)  # fmt: skip
    figure = new_figure()
    for n, (label, rows) in enumerate(trend.groupby("label", sort=False)):
        colour = PALETTE[n % len(PALETTE)]
        figure.add_scatter(
            x=rows["starts_at"], y=rows["average"], name=plain(label), mode="lines+markers",
            line={"color": colour, "width": 3},
            marker={"size": 9, "color": ["white" if o else colour for o in rows["still_open"]],
                    "line": {"color": colour, "width": 2}},
            customdata=[_hover(str(label), *row) for row in rows[
                ["starts_at", "average", "answers", "lowest", "highest", "still_open"]].itertuples(index=False)],
            hovertemplate=HOVER,
        )  # fmt: skip
    days = sorted(set(trend["starts_at"]))
    days = days[
        :: -(-len(days) // MOST_TICKS)
    ]  # every meeting's day, or every second, third… when there are many
    figure.update_layout(
        height=height, margin=MARGIN | {"t": 10}, hovermode="closest",
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0},
        yaxis={"range": [LOWEST - 0.2, HIGHEST + 0.2], "tickvals": list(SCORE_WORDS),
               "ticktext": [f"{n} {_(w)}" for n, w in SCORE_WORDS.items()], "title": None},
        xaxis={"tickvals": days, "ticktext": [fmt.day(d) for d in days], "title": None},
    )  # fmt: skip
    return figure


def _hover(label: str, day, average: float, answers: int, lowest: int, highest: int, still_open: bool) -> str:
    """The statement in bold, then the meeting's day, the average, and how many answered with which scores."""
    if still_open:
        # Translators: {day} is a meeting's day, {average} the average score from 1 to 5 ("3.4").
        said = _("{day}: {average} on average (answers still coming in)")
    else:
        said = _("{day}: {average} on average")
    said = said.format(day=fmt.day(day), average=fmt.number(round(average, 1), 1))
    answered = ngettext("{n} answered, scores {lowest} to {highest}", "{n} answered, scores {lowest} to {highest}",
                        int(answers)).format(n=fmt.number(answers), lowest=lowest, highest=highest)  # fmt: skip
    return f"<b>{plain(label)}</b><br>{plain(said)}<br>{plain(answered)}"
