"""Customer scores before and after a decision, over windows of the same length."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pandas as pd

from council.domain.decisions import DecisionLink
from council.services.effect import decision_effect
from council.services.workspace import Workspace
from council.store import decisions, feedback
from tests.services.conftest import add_person, decide


def _scores(
    ws: Workspace, stage: str, days_from_decision: int, scores: list[int], decided_days_ago: int
) -> None:
    day = ws.today() - timedelta(days=decided_days_ago - days_from_decision)
    at = datetime.combine(day, time(12), ws.zone)
    rows = pd.DataFrame(
        {"received_at": [at] * len(scores), "score": scores, "journey_stage": stage, "source": "t"}
    )
    ws.db.write(lambda tx: feedback.add_feedback_rows(tx, rows))


def test_scores_before_and_after_with_the_responses_behind_them(empty: Workspace) -> None:
    ws = empty
    owner = add_person(ws, "Marieke Jansen", "member")
    d = decide(ws, "Callback within a day", "Call back.", "Waiting.", owner, days_ago=200, stage="support")
    _scores(ws, "support", -30, [10, 10, 0, 0, 5], 200)  # before: 2 promoters, 3 detractors of 5 -> -20
    _scores(ws, "support", 30, [10, 9, 9, 8], 200)  # after: 3 of 4 promoters -> +75
    _scores(ws, "support", 0, [0] * 50, 200)  # on the decision day itself: in neither window
    _scores(ws, "support", -120, [0] * 50, 200)  # too long before: outside the 90-day window
    _scores(ws, "billing", 30, [0] * 50, 200)  # another stage

    effect = decision_effect(ws, d, days=90)
    assert effect.windows.days == 90 and effect.reason == ""
    [row] = effect.rows
    assert (row.stage, row.before.responses, row.after.responses) == ("support", 5, 4)
    assert (round(row.before.nps), round(row.after.nps), round(row.change)) == (-20, 75, 95)
    assert not row.trustworthy  # far fewer than 30 responses on each side


def test_several_stages_get_a_row_together_first(empty: Workspace) -> None:
    ws = empty
    owner = add_person(ws, "Marieke Jansen", "member")
    d = decide(ws, "Readable bill", "One page.", "Calls.", owner, days_ago=100, stage="billing")
    ws.db.write(lambda tx: decisions.add_decision_link(tx, DecisionLink(d, journey_stage="support")))
    _scores(ws, "billing", -10, [10, 0], 100)
    _scores(ws, "support", 10, [10], 100)
    effect = decision_effect(ws, d)
    assert [r.stage for r in effect.rows] == [None, "billing", "support"]
    together = effect.rows[0]
    assert (together.before.responses, together.after.responses) == (2, 1)
    assert effect.rows[2].before.responses == 0 and effect.rows[2].change is None


def test_no_comparison_without_a_stage_or_too_soon_after_the_decision(empty: Workspace) -> None:
    ws = empty
    owner = add_person(ws, "Marieke Jansen", "member")
    unlinked = decide(ws, "Internal rota", "New rota.", "Fairness.", owner, days_ago=100)
    recent = decide(ws, "Callback", "Call back.", "Waiting.", owner, days_ago=5, stage="support")
    assert "not linked to a journey stage" in decision_effect(ws, unlinked).reason
    assert decision_effect(ws, unlinked).rows == []
    soon = decision_effect(ws, recent)
    assert soon.windows is None and "too recent" in soon.reason
