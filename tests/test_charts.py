"""Charts that carry meaning in their drawing: what is hollow, what is escaped, which scale is used."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from council.charts.feedback import net_score_line
from council.charts.self_check import self_check_trend


def test_the_self_check_trend_escapes_labels_and_draws_an_open_meeting_hollow():
    trend = pd.DataFrame({
        "starts_at": [datetime(2026, 10, 1), datetime(2026, 11, 1)], "label": ["<b>Bold</b> claim"] * 2,
        "average": [2.5, 3.0], "answers": [4, 3], "lowest": [1, 2], "highest": [4, 4], "still_open": [False, True],
    })  # fmt: skip
    [line] = self_check_trend(trend).data

    assert line.name == "&lt;b&gt;Bold&lt;/b&gt; claim"
    assert list(line.marker.color) == [line.line.color, "white"]


def test_the_wall_line_uses_a_scale_that_fits_the_scores_and_draws_untrusted_months_hollow():
    months = pd.DataFrame({
        "key": [date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)], "net": [-13.0, -3.0, None],
        "responses": [250, 12, 0], "trustworthy": [True, False, False],
    })  # fmt: skip
    figure = net_score_line(months)
    low, high = figure.layout.yaxis.range

    assert -40 < low < -13 and -3 < high < 20  # not -100 to 100: a ten-point change must show
    assert list(figure.data[0].marker.color) == ["#1f77b4", "white", "white"]
    empty = net_score_line(months.assign(responses=0))
    assert empty.layout.annotations[0].text == "No responses in the last twelve months."
