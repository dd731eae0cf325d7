"""What a council member sees first before a meeting: the state of things and what matters most.

Every figure honours the page's filters (departments, journey stages, period); each chart's data
comes from one DuckDB query, and each comes with a one-line takeaway in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pandas as pd

from council.domain.feedback import NpsFigure
from council.domain.filters import ViewFilter
from council.domain.meetings import Meeting
from council.domain.priority import priority_factors
from council.domain.vocabulary import AgendaKind
from council.services.connections import hand_off_matrix
from council.services.workspace import Workspace
from council.store import connections, decisions, feedback, meetings, people, priority
from council.store import overview as aggregates

NO_DEPARTMENT = "No department"
NO_SEGMENT = "Not tagged"


@dataclass(frozen=True)
class Overview:
    open_decisions: int
    overdue_decisions: int
    next_meeting: Meeting | None
    next_guest: str | None
    nps_last_90_days: NpsFigure


@dataclass(frozen=True)
class ChartData:
    """A small aggregated frame for one chart, and what a person should take from it."""

    frame: pd.DataFrame
    takeaway: str

    @property
    def empty(self) -> bool:
        return self.frame.empty


def overview(ws: Workspace) -> Overview:
    """The figures that do not depend on the page's filters."""
    db = ws.db
    decision_counts = decisions.count_decisions(db, ws.today())
    upcoming = meetings.next_meeting(db, ws.now())
    guest = people.get_person(db, upcoming.guest_id) if upcoming and upcoming.guest_id else None
    return Overview(
        open_decisions=decision_counts.get("decided", 0) + decision_counts.get("in_progress", 0),
        overdue_decisions=decision_counts["overdue"],
        next_meeting=upcoming,
        next_guest=guest.name if guest else None,
        nps_last_90_days=feedback.nps_since(db, ws.now() - timedelta(days=90)),
    )


def friction_heatmap(ws: Workspace, view: ViewFilter) -> ChartData:
    """Open friction per journey stage (rows, in journey order) and department (columns).

    With a department filter only those departments are columns; without one, ids the settings no
    longer list (stages or departments) get a row or column of their own, so nothing open is hidden.
    """
    config = ws.config
    counts = aggregates.friction_by_stage_and_department(ws.db, view)
    if view.departments:
        counts = counts[counts["department"].isin(view.departments)]
    counts["department"] = _names(ws, counts["department"], "department", NO_DEPARTMENT)
    columns = [d.name for d in config.departments if not view.departments or d.id in view.departments]
    present = set(counts["department"])
    columns += sorted(present - set(columns) - {NO_DEPARTMENT}) + (
        [NO_DEPARTMENT] if NO_DEPARTMENT in present else []
    )
    stages = [(s.id, f"★ {s.name}" if s.moment_of_truth else s.name) for s in config.journey_stages
              if not view.stages or s.id in view.stages]  # fmt: skip
    stages += [(s, s) for s in sorted(set(counts["journey_stage"]) - {i for i, _ in stages})]
    grid = counts.pivot_table(
        index="journey_stage", columns="department", values="open_friction", aggfunc="sum"
    )
    grid = grid.reindex(index=[i for i, _ in stages], columns=columns).fillna(0).astype(int)
    grid.index = [label for _, label in stages]
    if grid.to_numpy().sum() == 0:
        return ChartData(grid.iloc[0:0], "No open friction in this view.")
    stage, department = grid.stack().idxmax()
    return ChartData(
        grid,
        f"The hottest spot is {department} at {stage.removeprefix('★ ')} "
        f"({int(grid.loc[stage, department])} open). ★ marks a moment of truth.",
    )


def hand_off_network(ws: Workspace, view: ViewFilter) -> ChartData:
    """Broken hand-offs between departments: one edge per (from, to) pair, weighted by impact."""
    edges = hand_off_matrix(ws, view)
    if edges.empty:
        return ChartData(edges, "No open missing connections in this view.")
    worst = edges.iloc[0]
    n = int(worst["connections"])
    return ChartData(
        edges,
        f"The worst hand-off is {worst['from_department']} → {worst['to_department']}: "
        f"{n} broken connection{'s' if n != 1 else ''}, total impact {int(worst['total_impact'])}.",
    )


def blockers_by_category(ws: Workspace, view: ViewFilter) -> ChartData:
    """Blockers still in the way per category and owner, with the open friction they cause."""
    frame = aggregates.blockers_by_category_and_owner(ws.db, view)
    if frame.empty:
        return ChartData(frame, "No blockers in the way in this view.")
    frame["category"] = frame["category"].map(lambda c: ws.config.name_of("blocker_category", c))
    frame["owner_department"] = _names(ws, frame["owner_department"], "department", NO_DEPARTMENT)
    per_category = frame.groupby("category")["friction_caused"].sum().sort_values(ascending=False)
    top = per_category.index[0]
    owner = frame[frame["category"] == top].sort_values("friction_caused", ascending=False).iloc[0]
    if per_category.iloc[0] == 0:
        return ChartData(
            frame, f"{int(frame['blockers'].sum())} blockers in the way, none linked to open friction yet."
        )
    return ChartData(
        frame,
        f"Most open friction traces back to blockers of the kind “{top}” ({_friction_points(per_category.iloc[0])}), "
        f"chiefly owned by {owner['owner_department']}.",
    )


def friction_by_segment(ws: Workspace, view: ViewFilter) -> ChartData:
    """Open friction per journey stage for each customer segment (existing, new, …)."""
    frame = aggregates.friction_by_stage_and_segment(ws.db, view)
    if frame.empty:
        return ChartData(frame, "No open friction in this view.")
    order = {s: n for n, s in enumerate(ws.config.ids("journey_stage"))}
    frame = frame.sort_values("journey_stage", key=lambda s: s.map(lambda v: order.get(v, len(order))))
    frame["stage"] = frame["journey_stage"].map(lambda s: ws.config.name_of("journey_stage", s))
    frame["segment"] = _names(ws, frame["segment"], "segment", NO_SEGMENT)
    totals = frame.groupby("segment")["open_friction"].sum().sort_values(ascending=False)
    parts = ", ".join(f"{name}: {int(n)}" for name, n in totals.items())
    lead = totals.index[0]
    where = frame[frame["segment"] == lead].sort_values("open_friction", ascending=False).iloc[0]["stage"]
    return ChartData(frame, f"Open friction by segment — {parts}. {lead} run into most at {where}.")


def opened_and_resolved(ws: Workspace, view: ViewFilter) -> ChartData:
    """Friction logged and resolved per month, over the period (at most the last two years)."""
    today = ws.today()
    first = view.since or aggregates.first_friction_day(ws.db) or today
    first = max(first, today - timedelta(days=730))
    frame = aggregates.opened_and_resolved_by_month(ws.db, view, first, today)
    opened, resolved = int(frame["opened"].sum()), int(frame["resolved"].sum())
    if opened == 0 and resolved == 0:
        return ChartData(frame.iloc[0:0], "No friction logged or resolved in this period.")
    verdict = "the council is catching up" if resolved >= opened else "the pile is growing"
    return ChartData(frame, f"{opened} logged and {resolved} resolved in this period: {verdict}.")


def top_priorities(ws: Workspace, view: ViewFilter, limit: int = 10) -> ChartData:
    """The open friction points and missing connections with the highest priority, with the score's parts.

    Blockers are left out here: each would only repeat the score of the worst friction it causes.
    """
    frame = priority.ranked_open_items(
        ws.db, priority_factors(ws.config.scoring), ws.config.moments_of_truth, ws.now(), view, limit,
        kinds=("friction", "connection"),
    )  # fmt: skip
    if frame.empty:
        return ChartData(frame, "Nothing open in this view.")
    frame["what"] = frame["kind"].map(lambda kind: AgendaKind(kind).label)
    frame["journey_stage"] = _names(ws, frame["journey_stage"], "journey_stage", "—")
    for column in ("priority", "severity_points", "reach_points", "moment_points", "age_points"):
        frame[column] = frame[column].round().astype(int)
    first = frame.iloc[0]
    return ChartData(
        frame,
        f"Start with {first['what'].lower()} #{first['id']} “{first['title']}” (score {first['priority']}).",
    )


def counts(ws: Workspace, view: ViewFilter) -> dict[str, int]:
    """The headline numbers for the view: open friction, at moments of truth, connections, blockers."""
    by_stage = aggregates.open_friction_by_stage(ws.db, view)
    return {
        "open_friction": int(sum(by_stage.values())),
        "at_moments_of_truth": int(sum(n for s, n in by_stage.items() if s in ws.config.moments_of_truth)),
        "missing_connections": int(connections.hand_off_matrix(ws.db, view)["connections"].sum()),
        "blockers": int(aggregates.blockers_by_category_and_owner(ws.db, view)["blockers"].sum()),
    }


def _friction_points(n: int) -> str:
    return f"{int(n)} friction point{'' if int(n) == 1 else 's'}"


def _names(ws: Workspace, ids: pd.Series, kind: str, missing: str) -> pd.Series:
    """Config ids as display names; an empty value (no owner, no segment…) as `missing`."""
    return ids.map(lambda i: ws.config.name_of(kind, i) if isinstance(i, str) else missing)
