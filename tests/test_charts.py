"""Charts that carry meaning in their drawing: what is hollow, what is escaped, which scale is used."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from council.charts.decisions import decisions_per_month
from council.charts.feedback import net_score_by_group, net_score_line, net_score_trend
from council.charts.self_check import self_check_trend
from council.i18n import use_language


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


def _months_and_decisions() -> tuple[pd.DataFrame, pd.DataFrame]:
    months = pd.DataFrame({
        "key": [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)], "net": [-12.5, 4.0, 20.0],
        "responses": [1500, 12, 40], "trustworthy": [True, False, True],
    })  # fmt: skip
    decided = pd.DataFrame({"month": [date(2026, 1, 1), date(2026, 3, 1)], "status": ["done", "decided"],
                            "decisions": [2, 1]})  # fmt: skip
    return months, decided


def test_a_chart_in_dutch_has_dutch_month_names_separators_and_titles():
    months, decided = _months_and_decisions()
    with use_language("nl"):
        trend = net_score_trend(months, "NPS")
        history = decisions_per_month(decided)
        empty = net_score_trend(months.assign(responses=0), "NPS")

    assert trend.layout.separators == ",." and history.layout.separators == ",."
    assert list(trend.layout.xaxis.ticktext) == ["jan 2026", "feb 2026", "mrt 2026"]
    assert trend.data[0].customdata[0] == "januari 2026: 1.500 reacties"
    assert trend.data[1].customdata[1] == "februari 2026: NPS +4 (te weinig reacties om op te vertrouwen)"
    assert trend.layout.yaxis.title.text == "Reacties"
    assert history.layout.yaxis.title.text == "Besluiten" and history.layout.xaxis.ticktext[2] == "mrt 2026"
    assert empty.layout.annotations[0].text == "Geen reacties in deze periode."


def test_a_chart_in_english_reads_as_before():
    months, decided = _months_and_decisions()
    with use_language("en"):
        trend = net_score_trend(months, "NPS")
        history = decisions_per_month(decided)
        ranked = net_score_by_group(months.assign(name=["A", "B", "C"], moment_of_truth=False), "NPS")

    assert trend.layout.separators == ".," and history.layout.separators == ".,"
    assert list(trend.layout.xaxis.ticktext) == ["Jan 2026", "Feb 2026", "Mar 2026"]
    assert trend.data[0].customdata[0] == "January 2026: 1,500 responses"
    assert trend.data[1].customdata[1] == "February 2026: NPS +4 (too few responses to trust)"
    assert trend.layout.yaxis.title.text == "Responses" and history.layout.yaxis.title.text == "Decisions"
    assert list(ranked.data[0].text) == ["-12 · 1,500 responses", "+4 · 12 responses · too few to trust",
                                         "+20 · 40 responses"]  # fmt: skip


def test_the_self_check_trend_names_its_days_and_scores_in_the_language():
    trend = pd.DataFrame({
        "starts_at": [datetime(2026, 10, 1), datetime(2026, 11, 5)], "label": ["We know, not guess"] * 2,
        "average": [2.5, 3.0], "answers": [4, 3], "lowest": [1, 2], "highest": [4, 4], "still_open": [False, True],
    })  # fmt: skip
    with use_language("nl"):
        dutch = self_check_trend(trend)
    english = self_check_trend(trend)

    assert list(dutch.layout.xaxis.ticktext) == ["1 okt 2026", "5 nov 2026"]
    assert dutch.layout.yaxis.ticktext[0] == "1 Helemaal niet"
    assert "1 okt 2026: gemiddeld 2,5" in dutch.data[0].customdata[0]
    assert list(english.layout.xaxis.ticktext) == ["1 Oct 2026", "5 Nov 2026"]
    assert "1 Oct 2026: 2.5 on average" in english.data[0].customdata[0]
