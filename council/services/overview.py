"""What a council member sees first before a meeting: the state of things and what matters most."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pandas as pd

from council.domain.feedback import NpsFigure
from council.domain.meetings import Meeting
from council.domain.priority import priority_score
from council.domain.vocabulary import BlockerStatus, ItemStatus
from council.services.workspace import Workspace
from council.store import blockers, connections, decisions, feedback, friction, meetings, people

OPEN = tuple(s.value for s in ItemStatus if s.is_open)


@dataclass(frozen=True)
class Overview:
    open_friction: int
    open_at_moments_of_truth: int
    open_connections: int
    active_blockers: int
    open_decisions: int
    overdue_decisions: int
    next_meeting: Meeting | None
    next_guest: str | None
    nps_last_90_days: NpsFigure


def overview(ws: Workspace) -> Overview:
    db, config = ws.db, ws.config
    by_stage = friction.open_friction_by_stage(db)
    connection_counts = connections.count_connections(db)
    blocker_counts = blockers.count_blockers(db)
    decision_counts = decisions.count_decisions(db, ws.today())
    upcoming = meetings.next_meeting(db, ws.now())
    guest = people.get_person(db, upcoming.guest_id) if upcoming and upcoming.guest_id else None
    return Overview(
        open_friction=sum(by_stage.values()),
        open_at_moments_of_truth=sum(n for s, n in by_stage.items() if s in config.moments_of_truth),
        open_connections=sum(connection_counts.get(s, 0) for s in OPEN),
        active_blockers=sum(
            blocker_counts.get(s, 0) for s in (BlockerStatus.ACTIVE, BlockerStatus.BEING_REMOVED)
        ),
        open_decisions=decision_counts.get("decided", 0) + decision_counts.get("in_progress", 0),
        overdue_decisions=decision_counts["overdue"],
        next_meeting=upcoming,
        next_guest=guest.name if guest else None,
        nps_last_90_days=feedback.nps_since(db, ws.now() - timedelta(days=90)),
    )


def open_friction_by_stage(ws: Workspace) -> pd.DataFrame:
    """Open friction per journey stage, in journey order, moments of truth marked."""
    counts = friction.open_friction_by_stage(ws.db)
    return pd.DataFrame(
        [
            {"stage": s.name, "open": counts.get(s.id, 0), "moment_of_truth": s.moment_of_truth}
            for s in ws.config.journey_stages
        ]
    )


def top_priorities(ws: Workspace, limit: int = 10) -> pd.DataFrame:
    """The open friction points with the highest priority score, with the parts of the score."""
    rows = friction.open_friction_frame(ws.db)
    now = ws.now()
    moments = ws.config.moments_of_truth
    scored = []
    for row in rows.itertuples(index=False):
        score = priority_score(
            severity=int(row.severity),
            customers_per_month=None if pd.isna(row.customers_per_month) else int(row.customers_per_month),
            at_moment_of_truth=row.journey_stage in moments,
            opened_at=row.created_at.to_pydatetime(),
            now=now,
            weights=ws.config.scoring,
        )
        scored.append(
            {
                "id": row.id,
                "title": row.title,
                "journey_stage": ws.config.name_of("journey_stage", row.journey_stage),
                "priority": round(score.total),
                **{part: round(points) for part, points in score.parts().items()},
            }
        )
    columns = ["id", "title", "journey_stage", "priority", "severity", "reach", "moment of truth", "age"]
    table = pd.DataFrame(scored, columns=columns)
    return table.sort_values(["priority", "id"], ascending=[False, True]).head(limit)
