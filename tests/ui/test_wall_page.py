"""The wall screen: large figures for the corridor, no sidebar, refreshed by itself."""

from __future__ import annotations

import re

from tests.ui.conftest import plain


def test_the_wall_shows_the_score_the_voices_and_the_work_without_the_sidebar(app, demo_copy):
    at = app(demo_copy, "wall")

    assert not at.exception
    [metric] = at.metric
    assert (
        re.fullmatch(r"NPS, [A-Z][a-z]{2} to [A-Z][a-z]{2}", metric.label)
        and metric.value.lstrip("+\N{MINUS SIGN}").isdigit()
    )
    headers = [plain(h.value) for h in at.subheader]
    assert [h.split("] ", 1)[-1] for h in headers[:2]] == ["What delights customers", "What hurts customers"]
    assert headers[2].startswith("Still open where it matters most (") and headers[3].startswith(
        "Done this month ("
    )
    quotes = [m.value for m in at.markdown if m.value.startswith("“")]
    assert len(quotes) == 6
    assert any("refreshes itself every minute" in c.value for c in at.caption)
    assert [p.label for p in at.main.get("page_link")] == ["Back to the workspace"]
    # The style that hides the sidebar and enlarges the type is static text, never user text.
    style = next(h.proto.body for h in at.get("html"))
    assert '[data-testid="stSidebar"]' in style and "display: none" in style


def test_an_empty_workspace_says_there_is_no_feedback_yet(app, tmp_path, no_demo_config):
    at = app(tmp_path / "empty.duckdb", "wall", config=no_demo_config)

    assert not at.exception
    assert not at.metric
    shown = [plain(m.value) for m in at.markdown]
    assert "No customer feedback imported yet." in shown
    assert "Nothing finished yet this month." in shown
