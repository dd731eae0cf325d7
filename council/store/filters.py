"""Builds parameterised WHERE clauses from the filters people choose; values never enter the SQL text."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from council.domain.filters import DecisionFilter, FrictionFilter, ViewFilter
from council.store.decisions import DECISION_STAGES

OPEN_ITEM = "('open', 'on_agenda', 'decided')"
OPEN_BLOCKER = "('active', 'being_removed')"


class Where:
    """Clauses joined by AND, with named parameters `$p0, $p1, …`."""

    def __init__(self, params: dict[str, Any] | None = None) -> None:
        self.clauses: list[str] = []
        self.params: dict[str, Any] = dict(params or {})

    def param(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        while name in self.params:
            name += "_"
        self.params[name] = list(value) if isinstance(value, tuple) else value
        return f"${name}"

    def add(self, clause: str) -> None:
        self.clauses.append(clause)

    def sql(self) -> str:
        return f"WHERE {self.conditions()}" if self.clauses else ""

    def conditions(self) -> str:
        """The clauses as one condition (TRUE when there are none), for ON or further ANDs."""
        return " AND ".join(self.clauses) if self.clauses else "TRUE"


def start_of(day: date, zone: str = "UTC") -> datetime:
    """Midnight at the start of `day` in the time zone `zone`."""
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(zone))


def friction_departments_match(where: Where, alias: str, departments: tuple[str, ...]) -> None:
    """The friction point's owner or one of its involved departments is among `departments`."""
    if departments:
        wanted = where.param(departments)
        where.add(
            f"(list_contains({wanted}, {alias}.owner_department) OR EXISTS ("
            f"SELECT 1 FROM friction_department fd WHERE fd.friction_point_id = {alias}.id"
            f" AND list_contains({wanted}, fd.department)))"
        )


def friction_view(where: Where, view: ViewFilter, alias: str = "f") -> Where:
    friction_departments_match(where, alias, view.departments)
    if view.stages:
        where.add(f"list_contains({where.param(view.stages)}, {alias}.journey_stage)")
    if view.since:
        where.add(f"{alias}.created_at >= {where.param(start_of(view.since, view.zone))}")
    return where


def connection_view(where: Where, view: ViewFilter, alias: str = "c") -> Where:
    if view.departments:
        wanted = where.param(view.departments)
        where.add(
            f"(list_contains({wanted}, {alias}.from_department) OR list_contains({wanted}, {alias}.to_department))"
        )
    if view.stages:
        where.add(f"list_contains({where.param(view.stages)}, {alias}.journey_stage)")
    if view.since:
        where.add(f"{alias}.created_at >= {where.param(start_of(view.since, view.zone))}")
    return where


def friction_list(where: Where, flt: FrictionFilter, alias: str = "f") -> Where:
    friction_view(where, ViewFilter(flt.departments, flt.stages, flt.since, flt.zone), alias)
    for column, values in (("segment", flt.segments), ("channel", flt.channels), ("status", flt.statuses)):
        if values:
            where.add(f"list_contains({where.param(values)}, {alias}.{column})")
    if flt.min_severity > 1:
        where.add(f"{alias}.severity >= {where.param(flt.min_severity)}")
    for word in flt.words:
        w = where.param(word)
        where.add(
            f"({holds(f'{alias}.title', w)} OR {holds(f'{alias}.description', w)}"
            f" OR EXISTS (SELECT 1 FROM evidence e WHERE e.friction_point_id = {alias}.id"
            f" AND ({holds('e.text', w)} OR contains(lower(coalesce(e.url, '')), {w}))))"
        )
    return where


def holds(column: str, word: str) -> str:
    """SQL: `column` holds `word` (a parameter, folded by `search_words`), whatever the case and accents.

    Text with accents is folded only where it has some (a character of more than one byte), so plain
    text costs no more than before.
    """
    return (
        f"(contains(lower({column}), {word})"
        f" OR (strlen({column}) <> length({column}) AND contains(strip_accents(lower({column})), {word})))"
    )


def matches(column: str, pattern: str) -> str:
    """SQL: `column` matches the LIKE `pattern` (a parameter made by `like_pattern` of a folded word),
    whatever the case and accents."""
    return (
        f"({column} ILIKE {pattern} ESCAPE '\\'"
        f" OR (strlen({column}) <> length({column}) AND strip_accents(lower({column})) LIKE {pattern} ESCAPE '\\'))"
    )


def like_pattern(word: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') matching text that contains `word` literally."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def decision_list(where: Where, flt: DecisionFilter, alias: str = "d") -> Where:
    """Filters over CURRENT_DECISIONS (with `overdue`): every search word in title, text or rationale."""
    for word in flt.words:
        # ILIKE on each column: twice as fast as lower() over the three joined (measured at 20,000).
        found = where.param(like_pattern(word))
        columns = (matches(f"{alias}.{c}", found) for c in ("title", "text", "rationale"))
        where.add(f"({' OR '.join(columns)})")
    if flt.decided_from:
        where.add(f"{alias}.decided_at >= {where.param(start_of(flt.decided_from, flt.zone))}")
    if flt.decided_to:
        where.add(
            f"{alias}.decided_at < {where.param(start_of(flt.decided_to + timedelta(days=1), flt.zone))}"
        )
    for column, values in (
        ("owner_department", flt.departments),
        ("owner_id", flt.owners),
        ("status", flt.statuses),
    ):
        if values:
            where.add(f"list_contains({where.param(values)}, {alias}.{column})")
    if flt.meetings:
        where.add(
            f"EXISTS (SELECT 1 FROM decision v WHERE v.decision_id = {alias}.decision_id"
            f" AND list_contains({where.param(flt.meetings)}, v.meeting_id))"
        )
    if flt.stages:
        where.add(
            f"EXISTS (SELECT 1 FROM ({DECISION_STAGES}) s WHERE s.decision_id = {alias}.decision_id"
            f" AND list_contains({where.param(flt.stages)}, s.journey_stage))"
        )
    if flt.overdue_only:
        where.add(f"{alias}.overdue")
    return where
