"""Charts of missing connections: departments as a network, and the from × to matrix."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from council.charts.common import MARGIN, MOMENT_OF_TRUTH, empty_figure, new_figure, plain
from council.i18n import _, ngettext, pgettext
from council.i18n import formats as fmt


def hand_off_network(
    edges: pd.DataFrame, departments: list[str], empty_message: str | None = None
) -> go.Figure:
    """Departments on a circle; an arrow per broken hand-off, thicker the worse it is.

    Columns of `edges`: from_department, to_department, connections, total_impact,
    customers_per_month (department names, not ids).
    """
    if edges.empty:
        return empty_figure(empty_message or _("No open missing connections in this view."))
    shown = [d for d in departments if d in set(edges["from_department"]) | set(edges["to_department"])]
    shown += sorted((set(edges["from_department"]) | set(edges["to_department"])) - set(shown))
    place = {
        name: (
            math.cos(math.pi / 2 - 2 * math.pi * n / len(shown)),
            math.sin(math.pi / 2 - 2 * math.pi * n / len(shown)),
        )
        for n, name in enumerate(shown)
    }
    heaviest = max(float(edges["total_impact"].max()), 1.0)
    pairs = set(zip(edges["from_department"], edges["to_department"], strict=True))
    figure = new_figure()
    arrows, mid_x, mid_y, mid_text = [], [], [], []
    columns = ["from_department", "to_department", "connections", "total_impact", "customers_per_month"]
    for source, target, connections, impact, customers in edges[columns].itertuples(index=False, name=None):
        (x0, y0), (x1, y1) = place[source], place[target]
        # Two-way trouble: shift each direction sideways so both arrows stay visible.
        shift = 0.06 if (target, source) in pairs else 0.0
        length = math.hypot(x1 - x0, y1 - y0) or 1.0
        nx, ny = -(y1 - y0) / length * shift, (x1 - x0) / length * shift
        start, end = (x0 + nx, y0 + ny), (x1 + nx, y1 + ny)
        # Stop short of the node so the arrow head is not hidden under the marker.
        end = (end[0] - (x1 - x0) / length * 0.12, end[1] - (y1 - y0) / length * 0.12)
        # Collected and set at once below: adding annotations one by one costs plotly time
        # that grows with the square of their number (56 arrows took two seconds).
        arrows.append(dict(
            x=end[0], y=end[1], ax=start[0], ay=start[1], xref="x", yref="y", axref="x", ayref="y",
            showarrow=True, arrowhead=2, arrowsize=1, arrowcolor=MOMENT_OF_TRUTH,
            arrowwidth=1 + 5 * float(impact) / heaviest, opacity=0.75,
        ))  # fmt: skip
        mid_x.append((start[0] + end[0]) / 2)
        mid_y.append((start[1] + end[1]) / 2)
        mid_text.append(
            plain(
                _("{source} → {target}: {n} broken, impact {impact}, {customers} customers a month").format(
                    source=source, target=target, n=fmt.number(connections),
                    impact=fmt.number(impact), customers=fmt.number(int(customers)),
                )
            )
        )  # fmt: skip
    figure.add_scatter(x=mid_x, y=mid_y, mode="markers", marker={"size": 14, "opacity": 0},
                       hovertext=mid_text, hoverinfo="text", showlegend=False)  # fmt: skip
    involvement = {
        name: int(
            edges.loc[
                (edges["from_department"] == name) | (edges["to_department"] == name), "connections"
            ].sum()
        )
        for name in shown
    }
    figure.add_scatter(
        x=[place[n][0] for n in shown],
        y=[place[n][1] for n in shown],
        mode="markers+text",
        text=[plain(n) for n in shown],
        textposition=["top center" if place[n][1] >= 0 else "bottom center" for n in shown],
        marker={"size": [18 + 4 * involvement[n] for n in shown], "color": "#34495e", "line": {"width": 2, "color": "white"}},
        hovertext=[plain(ngettext("{department}: involved in {n} broken hand-off",
                                  "{department}: involved in {n} broken hand-offs", involvement[n]).format(
            department=n, n=fmt.number(involvement[n]))) for n in shown],
        hoverinfo="text",
        showlegend=False,
    )  # fmt: skip
    figure.update_layout(
        annotations=arrows,
        height=420,
        margin=MARGIN,
        xaxis={"visible": False, "range": [-1.45, 1.45]},
        yaxis={"visible": False, "range": [-1.35, 1.35], "scaleanchor": "x"},
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return figure


def hand_off_matrix(
    edges: pd.DataFrame, departments: list[str], empty_message: str | None = None
) -> go.Figure:
    """From (rows) × to (columns): colour by total impact, the number of broken hand-offs in the cell,
    and on hover the journey stages where they break. Columns of `edges` as for the network, plus
    journey_stages (names, comma-separated)."""
    if edges.empty:
        return empty_figure(empty_message or _("No open missing connections."))
    impact = edges.pivot_table(
        index="from_department", columns="to_department", values="total_impact", aggfunc="sum"
    )
    count = edges.pivot_table(
        index="from_department", columns="to_department", values="connections", aggfunc="sum"
    )
    impact = impact.reindex(index=departments, columns=departments).fillna(0)
    count = count.reindex(index=departments, columns=departments).fillna(0).astype(int)
    stages = dict(zip(zip(edges["from_department"], edges["to_department"], strict=True), edges["journey_stages"],
                      strict=True))  # fmt: skip
    counts = count.to_numpy()  # rows and columns both in the order of `departments`
    figure = new_figure(
        go.Heatmap(
            z=impact.to_numpy(),
            x=[plain(d) for d in departments],
            y=[plain(d) for d in departments],
            text=[[str(v) if v else "" for v in row] for row in count.to_numpy()],
            texttemplate="%{text}",
            customdata=[
                [
                    [int(counts[i, j]), plain(stages.get((source, target), ""))]
                    for j, target in enumerate(departments)
                ]
                for i, source in enumerate(departments)
            ],
            colorscale="Reds",
            zmin=0,
            xgap=2,
            ygap=2,
            colorbar={"title": _("impact")},
            # Translators: %{y} and %{x} are departments, %{customdata[0]} a number of broken hand-offs, %{z}
            # their impact added up and %{customdata[1]} the journey stages where they break.
            hovertemplate=_("%{y} → %{x}: %{customdata[0]} broken, total impact %{z}<br>at %{customdata[1]}")
            + "<extra></extra>",
        )
    )
    figure.update_layout(
        height=90 + 36 * len(departments),
        margin=MARGIN,
        yaxis={"autorange": "reversed", "title": _("hands off from")},
        # Translators: the axis of the departments a hand-off goes to ("hands off from" … "to").
        xaxis={"side": "top", "title": pgettext("hand-off", "to")},
    )
    return figure
