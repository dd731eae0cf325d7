"""Scores and comments of the customer voice, against hand-counted feedback."""

from __future__ import annotations

import pytest

from council.domain.errors import ValidationError
from council.domain.feedback import NpsFigure, VoiceFilter
from council.services import customer_voice as service
from tests.services.conftest import responses


def test_nps_is_promoters_minus_detractors_in_points():
    assert NpsFigure(10, 5, 2).nps == pytest.approx(30.0)
    assert NpsFigure(10, 5, 2).enthusiastic_share == pytest.approx(50.0)
    assert NpsFigure(3, 0, 3).nps == pytest.approx(-100.0)


def test_an_empty_group_has_no_score_and_a_single_response_is_not_trusted():
    assert NpsFigure(0, 0, 0).nps is None and NpsFigure(0, 0, 0).enthusiastic_share is None
    assert NpsFigure(1, 1, 0).nps == pytest.approx(100.0)
    assert not NpsFigure(1, 1, 0).trustworthy and NpsFigure(30, 1, 0).trustworthy


def test_scores_per_stage_channel_segment_and_in_all(empty):
    responses(
        empty,
        (3, 10, "billing", "phone", "existing", ""), (3, 9, "billing", "chat", "existing", ""),
        (3, 7, "billing", "phone", "new", ""), (3, 2, "billing", "phone", "existing", ""),
        (3, 6, "support", "chat", "new", ""), (3, 0, "support", "phone", "existing", ""),
        (3, 9, None, "chat", None, ""),
    )  # fmt: skip
    found = service.scores(empty, VoiceFilter(period="3m"))
    groups = {by: dict(items) for by, items in found.groups.items()}

    assert found.overall == NpsFigure(7, 3, 3)  # 3 promoters (10, 9, 9), 3 detractors (2, 6, 0)
    assert (
        groups["journey_stage"]["billing"] == NpsFigure(4, 2, 1)
        and groups["journey_stage"]["billing"].nps == 25
    )
    assert groups["journey_stage"]["support"].nps == -100
    assert groups["journey_stage"][None] == NpsFigure(1, 1, 0)
    assert groups["channel"]["phone"] == NpsFigure(4, 1, 2)
    assert groups["segment"]["existing"] == NpsFigure(4, 2, 2) and groups["segment"]["new"] == NpsFigure(
        2, 0, 1
    )
    # Stages come in the journey's order, the responses without a stage last.
    assert [k for k, _ in found.groups["journey_stage"]] == ["billing", "support", None]


def test_every_month_of_the_period_is_shown_empty_ones_too(empty):
    responses(empty, (0, 9, "billing", "phone", "existing", ""))
    found = service.scores(empty, VoiceFilter(period="6m"))
    assert len(found.months) == 6
    assert [f.responses for _, f in found.months] == [0, 0, 0, 0, 0, 1]
    assert found.months[-1][0] == empty.today().replace(day=1)


def test_the_period_and_filters_narrow_the_responses(empty):
    responses(empty, (10, 9, "billing", "phone", "existing", ""), (400, 0, "billing", "phone", "existing", ""),
              (10, 0, "support", "phone", "existing", ""))  # fmt: skip
    assert service.scores(empty, VoiceFilter(period="12m")).overall.responses == 2
    assert service.scores(empty, VoiceFilter(period="all")).overall.responses == 3
    assert service.scores(empty, VoiceFilter(period="all", journey_stage="billing")).overall == NpsFigure(
        2, 1, 1
    )


def test_satisfaction_scores_count_on_their_own_scale(empty):
    responses(empty, (1, 5, "billing", "phone", "existing", "", "csat"), (1, 4, "billing", "phone", "existing", "", "csat"),
              (1, 2, "billing", "phone", "existing", "", "csat"), (1, 9, "billing", "phone", "existing", ""))  # fmt: skip
    assert service.voice_scales(empty) == ["nps", "csat"]
    found = service.scores(empty, VoiceFilter(scale="csat"))
    assert found.overall == NpsFigure(3, 1, 1)  # enthusiastic: 5; unhappy: 1-2
    assert found.scale.net_name == "Net satisfaction"


def test_comments_filter_by_band_and_words_newest_first(empty):
    responses(
        empty,
        (5, 2, "billing", "phone", "existing", "The invoice came late again"),
        (1, 10, "billing", "phone", "existing", "Invoice was clear"),
        (2, 3, "support", "chat", "existing", "Nobody knew about my late invoice"),
        (2, 3, "support", "chat", "existing", ""),
    )  # fmt: skip
    unhappy = service.comment_page(empty, VoiceFilter(band="unhappy", search="late INVOICE"))
    assert [c.comment for c in unhappy.items] == [
        "Nobody knew about my late invoice",
        "The invoice came late again",
    ]
    assert service.comment_page(empty, VoiceFilter(band="enthusiastic")).total == 1
    assert service.comment_page(empty, VoiceFilter()).total == 3  # responses without words are not comments


def test_a_comment_becomes_evidence_on_a_friction_point_once(demo, member, nothing_written):
    comment = service.comment_page(demo, VoiceFilter(band="unhappy")).items[0]
    friction_id = demo.db.value("SELECT min(id) FROM friction_point")

    service.attach_comment(demo, member, comment.id, friction_id)

    kind, text, feedback_id = demo.db.row(
        "SELECT kind, text, feedback_id FROM evidence WHERE friction_point_id = ? ORDER BY id DESC LIMIT 1",
        [friction_id],
    )
    assert (kind, feedback_id) == ("feedback", comment.id) and text.startswith(comment.comment)
    with nothing_written(demo), pytest.raises(ValidationError, match="already evidence"):
        service.attach_comment(demo, member, comment.id, friction_id)
    with nothing_written(demo), pytest.raises(ValidationError, match="Choose the friction point"):
        service.attach_comment(demo, member, comment.id, None)


def test_one_sources_own_score_can_be_seen(demo):
    everything = service.scores(demo, VoiceFilter(period="all")).overall.responses
    app = service.filter_for(demo, period="all", source="App rating")
    own = service.scores(demo, app).overall
    counted = demo.db.value("SELECT count(*) FROM feedback WHERE source = 'App rating' AND scale = 'nps'")
    assert own.responses == counted and 0 < counted < everything
    assert service.filter_for(demo, source="No such survey").source is None
