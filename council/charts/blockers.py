"""Charts of internal blockers: which kinds stand in the way, who owns them, what they cause."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from council.charts.common import HOVER, MARGIN, PALETTE, empty_figure, new_figure, plain
from council.i18n import _, ngettext
from council.i18n import formats as fmt


def blockers_by_category(frame: pd.DataFrame, empty_message: str | None = None) -> go.Figure:
    """Horizontal bars per category, stacked by owner: the open friction the blockers cause.

    Columns: category, owner_department, blockers, friction_caused (names, not ids).
    """
    if frame.empty:
        return empty_figure(empty_message or _("No blockers in the way."))
    order = frame.groupby("category")["friction_caused"].sum().sort_values(ascending=True).index
    figure = new_figure()
    for n, (owner, rows) in enumerate(frame.groupby("owner_department", sort=True)):
        figure.add_bar(
            name=plain(owner),
            y=[plain(c) for c in rows["category"]],
            x=rows["friction_caused"],
            customdata=[
                plain(
                    ngettext(
                        "{category} · {owner}: {n} blocker causing {friction} open friction",
                        "{category} · {owner}: {n} blockers causing {friction} open friction",
                        int(count),
                    ).format(
                        category=category, owner=owner, n=fmt.number(count), friction=fmt.number(friction)
                    )
                )
                for category, count, friction in zip(
                    rows["category"], rows["blockers"], rows["friction_caused"], strict=True
                )
            ],
            orientation="h",
            marker_color=PALETTE[n % len(PALETTE)],
            hovertemplate=HOVER,
        )
    figure.update_layout(
        barmode="stack",
        height=90 + 34 * len(order),
        margin=MARGIN,
        yaxis={"categoryorder": "array", "categoryarray": [plain(c) for c in order]},
        xaxis={
            "title": _("open friction points caused"),
            "rangemode": "tozero",
            "dtick": 1 if frame.groupby("category")["friction_caused"].sum().max() <= 10 else None,
        },
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "title": _("Owner")},
    )
    return figure
