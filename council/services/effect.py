"""Did customers notice a decision? Their scores for its journey stages before and after it."""

from __future__ import annotations

from dataclasses import dataclass

from council.domain.effect import DEFAULT_WINDOW, MIN_WINDOW, StageEffect, Windows, compare_windows
from council.domain.errors import NotFound
from council.domain.feedback import NpsFigure
from council.i18n import _
from council.i18n import formats as fmt
from council.services.workspace import Workspace
from council.store import decisions, feedback
from council.store.filters import start_of


@dataclass(frozen=True)
class Effect:
    """The comparison for a decision, or the reason there is none (`windows` is None then)."""

    stages: tuple[str, ...]
    windows: Windows | None
    rows: list[StageEffect]  # all stages together first (when more than one), then each stage
    reason: str = ""


def decision_effect(ws: Workspace, decision_id: int, days: int = DEFAULT_WINDOW) -> Effect:
    summary = decisions.summary_of(ws.db, decision_id, ws.today())
    if summary is None:
        raise NotFound(_("There is no decision #{id}.").format(id=decision_id))
    stages = summary.stages
    if not stages:
        return Effect((), None, [], _("This decision is not linked to a journey stage or a friction point, so "
                                      "there is no customer feedback to compare it with."))  # fmt: skip
    decided_on = summary.decided_at.astimezone(ws.zone).date()
    windows = compare_windows(decided_on, ws.today(), days)
    if windows is None:
        return Effect(stages, None, [], _("Decided on {day}: too recent to compare. A comparison needs at least "
                                          "{days} whole days of feedback after the decision.").format(
                                              day=fmt.long_day(decided_on), days=MIN_WINDOW))  # fmt: skip

    zone = ws.config.time_zone
    figures = feedback.nps_before_and_after(
        ws.db, list(stages),
        (start_of(windows.before_from, zone), start_of(windows.decided_on, zone)),
        (start_of(windows.after_from, zone), start_of(windows.after_until, zone)),
    )  # fmt: skip
    empty = NpsFigure(0, 0, 0)

    def effect(stage: str | None) -> StageEffect:
        return StageEffect(stage, figures.get((stage, "before"), empty), figures.get((stage, "after"), empty))

    rows = ([effect(None)] if len(stages) > 1 else []) + [effect(s) for s in stages]
    return Effect(stages, windows, rows)
