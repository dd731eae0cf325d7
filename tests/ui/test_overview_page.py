"""The overview: every chart with its takeaway, filters kept in the address, items that open."""

from __future__ import annotations

from pathlib import Path

from council.domain.friction import FrictionPoint
from council.services import friction
from council.services.workspace import open_workspace
from council.store import people
from council.ui.session import open_current
from tests.conftest import DEMO_CONFIG
from tests.ui.conftest import button, plain

CHARTS = 6  # heatmap, segments, priorities, network, blockers, trend


def test_the_overview_draws_every_chart_with_a_takeaway(app, demo_copy: Path) -> None:
    at = app(demo_copy, "overview")
    assert not at.exception
    assert len(at.get("plotly_chart")) == CHARTS
    captions = " ".join(plain(c.value) for c in at.caption)
    for words in (
        "The hottest spot is",
        "The worst hand-off is",
        "Most open friction traces back",
        "Start with",
    ):
        assert words in captions


def test_an_empty_workspace_says_in_words_that_there_is_nothing_yet(
    app, no_demo_config: Path, tmp_path: Path
) -> None:
    at = app(tmp_path / "empty.duckdb", "overview", config=no_demo_config)
    assert not at.exception
    said = [plain(i.value) for i in at.info] + [plain(c.value) for c in at.caption]
    drawn = " ".join(str(chart.proto) for chart in at.get("plotly_chart"))
    for empty in ("No open friction in this view.", "No open missing connections in this view.",
                  "No blockers in the way in this view.", "No friction logged or resolved in this period."):  # fmt: skip
        assert empty in said and empty not in drawn  # said in words, not again inside an empty chart


def test_filters_come_from_the_address_and_narrow_every_figure(app, demo_copy: Path) -> None:
    at = app(demo_copy, "overview", department="finance", stage="billing", period="12m")
    assert at.multiselect(key="ov_department").value == ["finance"]
    metrics = {m.label: m.value for m in at.metric}
    db = open_workspace(DEMO_CONFIG, demo_copy, demo=False).db
    expected = db.value(
        """SELECT count(*) FROM friction_point f
           WHERE status IN ('open', 'on_agenda', 'decided') AND journey_stage = 'billing'
             AND created_at >= current_date - INTERVAL 365 DAY
             AND (owner_department = 'finance' OR EXISTS (SELECT 1 FROM friction_department d
                  WHERE d.friction_point_id = f.id AND d.department = 'finance'))"""
    )
    assert metrics["Open friction points"] == str(expected)
    assert "Using energy" not in " ".join(plain(c.value) for c in at.caption)


def test_changing_a_filter_writes_it_into_the_address(app, demo_copy: Path) -> None:
    at = app(demo_copy, "overview")
    at.multiselect(key="ov_stage").set_value(["support", "renewal"]).run()
    at.selectbox(key="ov_period").set_value("90d").run()
    assert at.query_params["stage"] == ["support", "renewal"]
    assert at.query_params["period"] == "90d"


def test_unknown_filter_values_in_the_address_are_ignored(app, demo_copy: Path) -> None:
    at = app(demo_copy, "overview", department=["finance", "nonsense"], period="forever")
    assert not at.exception
    assert at.multiselect(key="ov_department").value == ["finance"]
    assert at.selectbox(key="ov_period").value == "all"


def test_each_top_item_links_to_its_detail(app, demo_copy: Path) -> None:
    at = app(demo_copy, "overview")
    # Two columns: the page holds the left column's links first; the labels carry the rank.
    ranked = [link for link in at.page_link if " · " in link.proto.label]
    links = sorted(ranked, key=lambda link: int(plain(link.proto.label).split(" · ")[0]))
    assert len(links) == 10
    pages = {"Friction point": "friction_points", "Missing connection": "missing_connections"}
    for rank, link in enumerate(links, start=1):
        label = plain(link.proto.label)
        what, item_id = label.split(" · ", 1)[1].split(": ", 1)[0].split(" #")
        assert label.startswith(f"{rank} · ")
        assert link.proto.page == pages[what]
        assert link.proto.query_string == f"id={item_id}"
    # Following the first link opens that item.
    first = links[0].proto
    opened = app(demo_copy, first.page, id=first.query_string.removeprefix("id="))
    assert plain(opened.subheader[0].value).startswith(f"#{first.query_string.removeprefix('id=')} ")


def test_overdue_decisions_link_to_the_decision_history_showing_only_those(app, demo_copy: Path) -> None:
    at = app(demo_copy, "overview")
    [link] = [link for link in at.page_link if link.proto.label == "See which"]
    assert (link.proto.page, link.proto.query_string) == ("decisions", "show=overdue")
    overdue = int(next(m.value for m in at.metric if m.label == "Decisions overdue"))
    opened = app(demo_copy, "decisions", show="overdue")
    assert int(next(m.value for m in opened.metric if m.label == "Decisions")) == overdue


def _figures(at) -> dict[str, str]:
    return {chart.proto.id: chart.proto.spec for chart in at.get("plotly_chart")}


def test_a_save_by_one_person_shows_in_the_charts_everyone_else_has_open(app, demo_copy: Path) -> None:
    # The figures are built once and shared by every session until a write: the next run after
    # someone else's save must draw the new state, not the figure shared before it.
    watching = app(demo_copy, "overview")
    before = _figures(watching)
    assert _figures(watching.run()) == before  # nothing changed: the same figures again
    writing = app(demo_copy, "friction_points")
    writing.text_input(key="new_friction_title").input("Meter readings vanish after the app update")
    writing.text_area(key="new_friction_description").input("Customers enter a reading and it is gone.")
    writing.session_state["new_friction_journey_stage"] = "usage"
    writing.session_state["new_friction_severity"] = 5
    button(writing, "Log friction point").click().run()
    assert "is logged" in plain(writing.success[0].value)
    after = _figures(watching.run())
    changed = [key for key in before if after.get(key) != before[key]]
    assert len(changed) >= 3, changed  # the heatmap, the segments and the month-by-month trend at least


def test_a_write_from_outside_the_pages_shows_at_the_next_run(app, demo_copy: Path) -> None:
    # The background worker and the commands handed to the app write without a page that clears the
    # cached reads: the data version that every write moves on keeps the pages true all the same.
    watching = app(demo_copy, "overview")
    counted = {m.label: m.value for m in watching.metric}["Open friction points"]
    ws = open_current()  # the workspace the app serves, as the worker uses it
    member = next(p for p in people.list_people(ws.db) if p.has_role("member"))
    friction.log_friction_point(
        ws, member, FrictionPoint("Written by the worker", "No page saved this.", "usage", 3)
    )
    now = {m.label: m.value for m in watching.run().metric}["Open friction points"]
    assert int(now) == int(counted) + 1
