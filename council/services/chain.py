"""The whole chain, from either end: what a decision came from, the decision, its actions and whether
customers noticed; and, from a friction point, connection or blocker, the decisions taken about it."""

from __future__ import annotations

from dataclasses import dataclass

from council.domain.decisions import DecisionSummary
from council.domain.effect import StageEffect
from council.services.effect import decision_effect
from council.services.workspace import Workspace
from council.store import decisions
from council.store.actions import ActionRow, action_rows_of


@dataclass(frozen=True)
class EffectHeadline:
    """The customers' score around a decision in one line: all its stages together, or why there is none."""

    row: StageEffect | None
    days: int
    reason: str = ""


@dataclass(frozen=True)
class DecisionTaken:
    summary: DecisionSummary
    actions: list[ActionRow]
    effect: EffectHeadline


def effect_headline(ws: Workspace, decision_id: int) -> EffectHeadline:
    found = decision_effect(ws, decision_id)
    if found.windows is None:
        return EffectHeadline(None, 0, found.reason)
    return EffectHeadline(found.rows[0], found.windows.days)


def decisions_taken_about(ws: Workspace, kind: str, ref_id: int) -> list[DecisionTaken]:
    """The decisions that came from this record, newest first, each with its actions and effect."""
    ids = decisions.decisions_about(ws.db, kind, ref_id)
    by_decision: dict[int, list[ActionRow]] = {}
    for row in action_rows_of(ws.db, ids, ws.today()):
        by_decision.setdefault(row.decision_id, []).append(row)
    taken = []
    for decision_id in reversed(ids):
        summary = decisions.summary_of(ws.db, decision_id, ws.today())
        if summary is not None:
            taken.append(
                DecisionTaken(summary, by_decision.get(decision_id, []), effect_headline(ws, decision_id))
            )
    return taken
