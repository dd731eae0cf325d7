"""Friction points (where customers run into trouble), their evidence, missing connections and blockers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from council.domain.checks import MAX_TITLE, check_choice, check_range, clean_text
from council.domain.vocabulary import BlockerStatus, ItemStatus
from council.domain.workspace import WorkspaceConfig


@dataclass(frozen=True)
class FrictionPoint:
    title: str
    description: str
    journey_stage: str
    severity: int
    channel: str | None = None
    segment: str | None = None
    customers_per_month: int | None = None
    owner_department: str | None = None
    involved_departments: tuple[str, ...] = ()
    status: str = ItemStatus.OPEN
    created_by: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None

    def checked(self, config: WorkspaceConfig) -> FrictionPoint:
        """This friction point with trimmed text, or a `ValidationError` naming the first problem."""
        check_choice(self.journey_stage, config.ids("journey_stage"), "Journey stage")
        check_choice(self.channel, config.ids("channel"), "Channel", required=False)
        check_choice(self.segment, config.ids("segment"), "Customer segment", required=False)
        check_choice(self.owner_department, config.ids("department"), "Owner department", required=False)
        for dept in self.involved_departments:
            check_choice(dept, config.ids("department"), "Involved department")
        check_range(self.severity, 1, 5, "Severity")
        check_range(self.customers_per_month, 0, None, "Customers a month", required=False)
        check_choice(self.status, [s.value for s in ItemStatus], "Status")
        return replace(
            self,
            title=clean_text(self.title, "Title", limit=MAX_TITLE),
            description=clean_text(self.description, "What the customer experiences"),
        )


@dataclass(frozen=True)
class Evidence:
    friction_point_id: int
    kind: str  # an EvidenceKind value
    text: str = ""
    url: str | None = None
    count: int | None = None
    feedback_id: int | None = None
    added_by: int | None = None
    added_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class MissingConnection:
    from_department: str
    to_department: str
    journey_stage: str
    what_breaks: str
    impact: int
    customers_per_month: int | None = None
    status: str = ItemStatus.OPEN
    created_by: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class Blocker:
    title: str
    category: str
    owner_department: str | None
    description: str = ""
    status: str = BlockerStatus.ACTIVE
    created_by: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None
