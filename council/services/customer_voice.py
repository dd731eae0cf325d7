"""What customers say: scores per month, journey stage, channel and segment, and their comments.

Counting happens in DuckDB; the NPS maths is the domain's `NpsFigure`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from council.domain.errors import NotFound, ValidationError
from council.domain.feedback import SCALES, Feedback, NpsFigure, Scale, VoiceFilter, voice_period_start
from council.domain.friction import Evidence
from council.domain.people import Person
from council.domain.vocabulary import EvidenceKind
from council.i18n import N_, _
from council.i18n import formats as fmt
from council.services import friction as friction_service
from council.services.acting import as_on_roster
from council.services.workspace import Workspace
from council.store import feedback

PER_PAGE = 25
# What the scores can be broken down by -> its name, marked with N_: show it with `_(BREAKDOWNS[by])`.
BREAKDOWNS = {"journey_stage": N_("Journey stage"), "channel": N_("Channel"), "segment": N_("Segment")}


@dataclass(frozen=True)
class Scores:
    scale: Scale
    overall: NpsFigure
    months: list[tuple[date, NpsFigure]]  # every month of the period, those without responses too
    groups: dict[str, list[tuple[str | None, NpsFigure]]]  # per breakdown, in the workspace's order


@dataclass(frozen=True)
class CommentPage:
    items: list[Feedback]
    total: int
    page: int
    pages: int


def voice_scales(ws: Workspace) -> list[str]:
    """The scales the stored feedback uses, NPS first."""
    return feedback.scales_in_use(ws.db)


def scores(ws: Workspace, flt: VoiceFilter) -> Scores:
    since = voice_period_start(flt.period, ws.today())
    found = feedback.scores(ws.db, flt, since, ws.config.time_zone)
    overall = next((b.figure for b in found if b.by == "all"), NpsFigure(0, 0, 0))
    per_month = {b.key: b.figure for b in found if b.by == "month" and isinstance(b.key, date)}
    groups: dict[str, list[tuple[str | None, NpsFigure]]] = {}
    for by in BREAKDOWNS:
        # A stage, channel or segment, or None for responses that name none.
        figures = {b.key: b.figure for b in found if b.by == by and (b.key is None or isinstance(b.key, str))}
        order = ws.config.ids(by)
        groups[by] = sorted(
            figures.items(),
            key=lambda kv: (kv[0] is None, order.index(kv[0]) if kv[0] in order else len(order), str(kv[0])),
        )
    return Scores(SCALES[flt.scale], overall, _every_month(per_month, since, ws.today()), groups)


def comment_page(ws: Workspace, flt: VoiceFilter, page: int = 1) -> CommentPage:
    since, zone = voice_period_start(flt.period, ws.today()), ws.config.time_zone
    total = feedback.comment_count(ws.db, flt, since, zone)
    pages = max(1, -(-total // PER_PAGE))
    page = min(max(page, 1), pages)
    items = feedback.comments(ws.db, flt, since, zone, PER_PAGE, (page - 1) * PER_PAGE)
    return CommentPage(items, total, page, pages)


@as_on_roster
def attach_comment(ws: Workspace, actor: Person | None, feedback_id: int, friction_id: int | None) -> int:
    """Keep a customer's comment as evidence on a friction point; the same comment is attached once."""
    if friction_id is None:
        raise ValidationError(_("Choose the friction point this comment is evidence for."), "friction_id")
    comment = feedback.get_feedback(ws.db, feedback_id)
    if comment is None:
        raise NotFound(_("Customer comment #{id} no longer exists.").format(id=feedback_id))
    if feedback.is_evidence(ws.db, feedback_id, friction_id):
        raise ValidationError(
            _("This comment is already evidence on friction point #{id}.").format(id=friction_id),
            "friction_id",
        )
    when = comment.received_at.astimezone(ws.zone)
    # Translators: the evidence a customer's comment becomes: the comment, then its score, day and survey.
    text = _("{comment} (score {score}, {day}, {source})").format(
        comment=comment.comment, score=comment.score, day=fmt.day(when), source=comment.source
    )
    evidence = Evidence(friction_id, EvidenceKind.FEEDBACK, text=text, feedback_id=feedback_id)
    return friction_service.add_evidence(ws, actor, evidence)


def trend_frame(found: Scores) -> pd.DataFrame:
    """Month, net score, enthusiastic share, responses and whether there are enough to trust."""
    return months_frame(found.months)


def months_frame(months: list[tuple[date, NpsFigure]]) -> pd.DataFrame:
    return pd.DataFrame([_row(month, figure) for month, figure in months],
                        columns=["key", "net", "enthusiastic", "responses", "trustworthy"])  # fmt: skip


def group_frame(ws: Workspace, found: Scores, by: str) -> pd.DataFrame:
    """One row per stage, channel or segment, named as the workspace names them."""
    rows = [_row(key, figure) for key, figure in found.groups[by]]
    frame = pd.DataFrame(rows, columns=["key", "net", "enthusiastic", "responses", "trustworthy"])
    frame.insert(
        0, "name", [ws.config.name_of(by, k) if k is not None else _("Not given") for k in frame["key"]]
    )
    frame["moment_of_truth"] = [
        by == "journey_stage" and k in ws.config.moments_of_truth for k in frame["key"]
    ]
    return frame


def _row(key: object, figure: NpsFigure) -> tuple[object, float | None, float | None, int, bool]:
    return key, figure.nps, figure.enthusiastic_share, figure.responses, figure.trustworthy


def _every_month(
    per_month: dict[date, NpsFigure], since: date | None, today: date
) -> list[tuple[date, NpsFigure]]:
    start = since or min(per_month, default=today.replace(day=1))
    months, month = [], start.replace(day=1)
    while month <= today:
        months.append((month, per_month.get(month, NpsFigure(0, 0, 0))))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def sources(ws: Workspace) -> list[str]:
    return feedback.sources(ws.db)


def filter_for(
    ws: Workspace, *, scale: str | None = None, period: str | None = None, journey_stage: str | None = None,
    channel: str | None = None, segment: str | None = None, source: str | None = None,
    band: str | None = None, search: str | None = None,
) -> VoiceFilter:  # fmt: skip
    """A voice filter from the page's (possibly stale) choices: a choice left empty (None or "") keeps the
    default, and unknown ids are dropped."""
    default = VoiceFilter()
    return VoiceFilter(
        scale=scale if scale in SCALES else default.scale,
        period=period or default.period,
        journey_stage=_known(journey_stage, ws.config.ids("journey_stage")),
        channel=_known(channel, ws.config.ids("channel")),
        segment=_known(segment, ws.config.ids("segment")),
        source=_known(source, sources(ws)) if source else None,
        band=band or None,
        search=search or default.search,
    )


def _known(choice: str | None, ids: Sequence[str]) -> str | None:
    return choice if choice in ids else None
