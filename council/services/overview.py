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
from council.i18n import N_, _, ngettext
from council.i18n import formats as fmt
from council.services.connections import hand_off_matrix
from council.services.workspace import Workspace
from council.store import connections, decisions, feedback, meetings, people, priority
from council.store import overview as aggregates

# What a chart calls friction without an owner or a segment; translated where the chart is made.
NO_DEPARTMENT = N_("No department")
NO_SEGMENT = N_("Not tagged")


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
    no_department = _(NO_DEPARTMENT)
    counts = aggregates.friction_by_stage_and_department(ws.db, view)
    if view.departments:
        counts = counts[counts["department"].isin(view.departments)]
    counts["department"] = _names(ws, counts["department"], "department", no_department)
    columns = [d.name for d in config.departments if not view.departments or d.id in view.departments]
    present = set(counts["department"])
    columns += sorted(present - set(columns) - {no_department}) + (
        [no_department] if no_department in present else []
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
        return ChartData(grid.iloc[0:0], _("No open friction in this view."))
    cells = grid.to_numpy()
    row, column = divmod(int(cells.argmax()), cells.shape[1])  # the first of the largest, row by row
    stage, department = str(grid.index[row]), str(grid.columns[column])
    return ChartData(
        grid,
        _("The hottest spot is {department} at {stage} ({n} open). ★ marks a moment of truth.").format(
            department=department,
            stage=stage.removeprefix("★ "),
            n=fmt.number(int(cells[row, column])),
        ),
    )


def hand_off_network(ws: Workspace, view: ViewFilter) -> ChartData:
    """Broken hand-offs between departments: one edge per (from, to) pair, weighted by impact."""
    edges = hand_off_matrix(ws, view)
    if edges.empty:
        return ChartData(edges, _("No open missing connections in this view."))
    worst = edges.iloc[0]
    n = int(worst["connections"])
    return ChartData(
        edges,
        ngettext(
            "The worst hand-off is {source} → {target}: {n} broken connection, total impact {impact}.",
            "The worst hand-off is {source} → {target}: {n} broken connections, total impact {impact}.",
            n,
        ).format(
            source=worst["from_department"], target=worst["to_department"], n=fmt.number(n),
            impact=fmt.number(int(worst["total_impact"])),
        ),
    )  # fmt: skip


def blockers_by_category(ws: Workspace, view: ViewFilter) -> ChartData:
    """Blockers still in the way per category and owner, with the open friction they cause."""
    frame = aggregates.blockers_by_category_and_owner(ws.db, view)
    if frame.empty:
        return ChartData(frame, _("No blockers in the way in this view."))
    frame["category"] = frame["category"].map(lambda c: ws.config.name_of("blocker_category", c))
    frame["owner_department"] = _names(ws, frame["owner_department"], "department", _(NO_DEPARTMENT))
    per_category = frame.groupby("category")["friction_caused"].sum().sort_values(ascending=False)
    top = per_category.index[0]
    owner = frame[frame["category"] == top].sort_values("friction_caused", ascending=False).iloc[0]
    if per_category.iloc[0] == 0:
        n = int(frame["blockers"].sum())
        return ChartData(
            frame,
            ngettext(
                "{n} blocker in the way, none linked to open friction yet.",
                "{n} blockers in the way, none linked to open friction yet.",
                n,
            ).format(n=fmt.number(n)),
        )
    n = int(per_category.iloc[0])
    return ChartData(
        frame,
        ngettext(
            "Most open friction traces back to blockers of the kind “{kind}” ({n} friction point), "
            "chiefly owned by {owner}.",
            "Most open friction traces back to blockers of the kind “{kind}” ({n} friction points), "
            "chiefly owned by {owner}.",
            n,
        ).format(kind=top, n=fmt.number(n), owner=owner["owner_department"]),
    )


def friction_by_segment(ws: Workspace, view: ViewFilter) -> ChartData:
    """Open friction per journey stage for each customer segment (existing, new, …)."""
    frame = aggregates.friction_by_stage_and_segment(ws.db, view)
    if frame.empty:
        return ChartData(frame, _("No open friction in this view."))
    order = {s: n for n, s in enumerate(ws.config.ids("journey_stage"))}
    frame = frame.sort_values("journey_stage", key=lambda s: s.map(lambda v: order.get(v, len(order))))
    frame["stage"] = frame["journey_stage"].map(lambda s: ws.config.name_of("journey_stage", s))
    frame["segment"] = _names(ws, frame["segment"], "segment", _(NO_SEGMENT))
    totals = frame.groupby("segment")["open_friction"].sum().sort_values(ascending=False)
    parts = ", ".join(f"{name}: {fmt.number(int(n))}" for name, n in totals.items())
    lead = totals.index[0]
    where = frame[frame["segment"] == lead].sort_values("open_friction", ascending=False).iloc[0]["stage"]
    return ChartData(
        frame,
        # Translators: {parts} is e.g. "Existing customers: 12, New customers: 3"; {segment} is the first of them.
        _("Open friction by segment — {parts}. {segment} run into most at {stage}.").format(
            parts=parts, segment=lead, stage=where
        ),
    )


def opened_and_resolved(ws: Workspace, view: ViewFilter) -> ChartData:
    """Friction logged and resolved per month, over the period (at most the last two years)."""
    today = ws.today()
    first = view.since or aggregates.first_friction_day(ws.db) or today
    first = max(first, today - timedelta(days=730))
    frame = aggregates.opened_and_resolved_by_month(ws.db, view, first, today)
    opened, resolved = int(frame["opened"].sum()), int(frame["resolved"].sum())
    if opened == 0 and resolved == 0:
        return ChartData(frame.iloc[0:0], _("No friction logged or resolved in this period."))
    if resolved >= opened:
        verdict = _("{opened} logged and {resolved} resolved in this period: the council is catching up.")
    else:
        verdict = _("{opened} logged and {resolved} resolved in this period: the pile is growing.")
    return ChartData(frame, verdict.format(opened=fmt.number(opened), resolved=fmt.number(resolved)))


def top_priorities(ws: Workspace, view: ViewFilter, limit: int = 10) -> ChartData:
    """The open friction points and missing connections with the highest priority, with the score's parts.

    Blockers are left out here: each would only repeat the score of the worst friction it causes.
    """
    frame = priority.ranked_open_items(
        ws.db, priority_factors(ws.config.scoring), ws.config.moments_of_truth, ws.now(), view, limit,
        kinds=("friction", "connection"),
    )  # fmt: skip
    if frame.empty:
        return ChartData(frame, _("Nothing open in this view."))
    frame["what"] = frame["kind"].map(lambda kind: AgendaKind(kind).label)
    frame["journey_stage"] = _names(ws, frame["journey_stage"], "journey_stage", "—")
    for column in ("priority", "severity_points", "reach_points", "moment_points", "age_points"):
        frame[column] = frame[column].round().astype(int)
    first = frame.iloc[0]
    start = _START_WITH.get(first["kind"], _START_WITH["friction"])
    return ChartData(frame, _(start).format(id=first["id"], title=first["title"], score=first["priority"]))


# The top priority's takeaway, per kind of item.
_START_WITH = {
    "friction": N_("Start with friction point #{id} “{title}” (score {score})."),
    "connection": N_("Start with missing connection #{id} “{title}” (score {score})."),
}


def counts(ws: Workspace, view: ViewFilter) -> dict[str, int]:
    """The headline numbers for the view: open friction, at moments of truth, connections, blockers."""
    by_stage = aggregates.open_friction_by_stage(ws.db, view)
    return {
        "open_friction": int(sum(by_stage.values())),
        "at_moments_of_truth": int(sum(n for s, n in by_stage.items() if s in ws.config.moments_of_truth)),
        "missing_connections": int(connections.hand_off_matrix(ws.db, view)["connections"].sum()),
        "blockers": int(aggregates.blockers_by_category_and_owner(ws.db, view)["blockers"].sum()),
    }


def _names(ws: Workspace, ids: pd.Series, kind: str, missing: str) -> pd.Series:
    """Config ids as display names; an empty value (no owner, no segment…) as `missing`."""
    return ids.map(lambda i: ws.config.name_of(kind, i) if isinstance(i, str) else missing)
