"""The Customer voice page: scores at a glance, and comments that can become evidence."""

from __future__ import annotations

from council.services.workspace import open_workspace
from tests.conftest import DEMO_CONFIG
from tests.ui.conftest import button, plain


def test_scores_show_the_nps_with_the_responses_behind_it(app, demo_copy):
    at = app(demo_copy, "customer_voice")
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert labels == ["NPS", "Enthusiastic customers", "NPS, existing customers", "NPS, new customers"]
    assert any("responses" in c.value for c in at.caption)
    table = at.dataframe[0].value
    assert list(table["name"])[:2] == ["Orientation", "Signing up"]


def test_a_stage_filter_narrows_the_scores(app, demo_copy):
    at = app(demo_copy, "customer_voice")
    everyone = at.caption
    at.selectbox(key="voice_journey_stage").set_value("billing")
    at = at.run()
    assert not at.exception
    assert [c.value for c in at.caption] != [c.value for c in everyone]
    assert list(at.dataframe[0].value["name"]) == ["Bills & payments"]


def test_a_comment_found_by_its_words_is_attached_to_a_friction_point(app, demo_copy):
    at = app(demo_copy, "customer_voice")
    at.button_group(key="voice_view").set_value("comments")
    at = at.run()
    at.text_input(key="voice_search").input("bill")
    at = at.run()
    assert not at.exception
    shown = [t.value for t in at.text]
    assert shown and all("bill" in s.lower() for s in shown)
    picker = next(s for s in at.selectbox if s.key and s.key.startswith("attach_comment_"))
    friction_id = int(picker.options[0].split(" ")[0].lstrip("#"))  # options read "#12 title"
    picker.set_value(friction_id)
    at = button(at.run(), "Attach").click().run()

    assert "is now evidence on friction point" in plain(at.success[0].value)
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    try:
        assert (
            ws.db.value(
                "SELECT count(*) FROM evidence WHERE kind = 'feedback' AND friction_point_id = ?",
                [friction_id],
            )
            == 1
        )
    finally:
        ws.db.close()


def test_an_empty_workspace_points_to_the_import(app, tmp_path, no_demo_config):
    at = app(tmp_path / "empty.duckdb", "customer_voice", config=no_demo_config)
    assert not at.exception
    assert "No customer feedback" in at.info[0].value
