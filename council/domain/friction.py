"""The council's three questions as records: friction points (with evidence), missing connections, blockers.

Each record's `checked(config)` returns a trimmed copy or raises a `ValidationError` naming the
field to fix; the store only ever writes checked records.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from council.domain.checks import MAX_TITLE, check_choice, check_range, check_web_link, clean_text
from council.domain.errors import ValidationError
from council.domain.vocabulary import BlockerStatus, EvidenceKind, ItemStatus
from council.domain.workspace import WorkspaceConfig
from council.i18n import _


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
    closed_at: datetime | None = None
    id: int | None = None

    def checked(self, config: WorkspaceConfig) -> FrictionPoint:
        """This friction point with trimmed text, or a `ValidationError` naming the first problem."""
        title = clean_text(self.title, _("Title"), limit=MAX_TITLE, field="title")
        description = clean_text(
            self.description, _("What the customer experiences"), required=False, field="description"
        )
        check_choice(
            self.journey_stage, config.ids("journey_stage"), _("Journey stage"), field="journey_stage"
        )
        check_choice(self.channel, config.ids("channel"), _("Channel"), required=False, field="channel")
        check_choice(
            self.segment, config.ids("segment"), _("Customer segment"), required=False, field="segment"
        )
        check_range(self.severity, 1, 5, _("Severity"), field="severity")
        check_range(
            self.customers_per_month,
            0,
            None,
            _("Customers a month"),
            required=False,
            field="customers_per_month",
        )
        departments = config.ids("department")
        check_choice(
            self.owner_department,
            departments,
            _("Owner department"),
            required=False,
            field="owner_department",
        )
        for department in self.involved_departments:
            check_choice(department, departments, _("Involved department"), field="involved_departments")
        check_choice(self.status, [s.value for s in ItemStatus], _("Status"), field="status")
        involved = tuple(sorted(set(self.involved_departments) - {self.owner_department}))
        return replace(
            self,
            title=title,
            description=description,
            channel=self.channel or None,
            segment=self.segment or None,
            owner_department=self.owner_department or None,
            involved_departments=involved,
        )

    @property
    def departments(self) -> tuple[str, ...]:
        """The owner first, then the other departments involved."""
        owner = (self.owner_department,) if self.owner_department else ()
        return owner + tuple(d for d in self.involved_departments if d != self.owner_department)


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

    def checked(self) -> Evidence:
        """A quote needs words, a complaint count a number, a link a web address."""
        check_choice(self.kind, [k.value for k in EvidenceKind], _("Kind of evidence"), field="kind")
        required = self.kind in (EvidenceKind.QUOTE, EvidenceKind.NOTE)
        text = clean_text(self.text, _("Evidence"), required=required, field="text")
        url = check_web_link(self.url, _("Link"), field="url")
        if self.kind == EvidenceKind.LINK and url is None:
            raise ValidationError(_("Link is empty. Paste the web address of the source."), "url")
        check_range(self.count, 0, None, _("Number of complaints"), required=self.kind == EvidenceKind.COMPLAINTS,
                    field="count")  # fmt: skip
        if self.kind == EvidenceKind.FEEDBACK and self.feedback_id is None:
            raise ValidationError(_("Choose the customer comment to attach."), "feedback_id")
        return replace(self, text=text, url=url)


@dataclass(frozen=True)
class EvidenceDraft:
    """The evidence a person gives while logging a friction point; every part is optional."""

    quote: str = ""
    complaints: int | None = None
    link: str = ""

    def checked(self, friction_id: int, added_by: int | None) -> list[Evidence]:
        """The evidence records to add, or a `ValidationError` naming the form field to fix."""
        found = []
        if (self.quote or "").strip():
            text = clean_text(self.quote, _("Customer's words"), field="quote")
            found.append(Evidence(friction_id, EvidenceKind.QUOTE, text=text, added_by=added_by))
        if self.complaints:
            check_range(self.complaints, 0, None, _("Number of complaints"), field="complaints")
            found.append(
                Evidence(friction_id, EvidenceKind.COMPLAINTS, count=self.complaints, added_by=added_by)
            )
        url = check_web_link(self.link, _("Link to a source"), field="link")
        if url:
            found.append(Evidence(friction_id, EvidenceKind.LINK, url=url, added_by=added_by))
        return found


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
    closed_at: datetime | None = None
    id: int | None = None

    def checked(self, config: WorkspaceConfig) -> MissingConnection:
        departments = config.ids("department")
        check_choice(self.from_department, departments, _("From department"), field="from_department")
        check_choice(self.to_department, departments, _("To department"), field="to_department")
        if self.from_department == self.to_department:
            raise ValidationError(
                _(
                    "From and to are the same department. A missing connection is a hand-off between two "
                    "different departments; for trouble inside one department, log a friction point."
                ),
                "to_department",
            )
        check_choice(
            self.journey_stage, config.ids("journey_stage"), _("Journey stage"), field="journey_stage"
        )
        what_breaks = clean_text(self.what_breaks, _("What breaks for the customer"), field="what_breaks")
        check_range(self.impact, 1, 5, _("Impact"), field="impact")
        check_range(
            self.customers_per_month,
            0,
            None,
            _("Customers a month"),
            required=False,
            field="customers_per_month",
        )
        check_choice(self.status, [s.value for s in ItemStatus], _("Status"), field="status")
        return replace(self, what_breaks=what_breaks)

    @property
    def title(self) -> str:
        """A one-line name for lists and links: the first line of what breaks."""
        return one_line(self.what_breaks)


def one_line(text: str) -> str:
    """The first line of a text, cut to 90 characters: a name for lists and links."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= 90 else first[:89] + "…"


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
    closed_at: datetime | None = None
    id: int | None = None

    def checked(self, config: WorkspaceConfig) -> Blocker:
        title = clean_text(self.title, _("Title"), limit=MAX_TITLE, field="title")
        description = clean_text(self.description, _("Description"), required=False, field="description")
        check_choice(self.category, config.ids("blocker_category"), _("Category"), field="category")
        check_choice(
            self.owner_department,
            config.ids("department"),
            _("Owner department"),
            required=False,
            field="owner_department",
        )
        check_choice(self.status, [s.value for s in BlockerStatus], _("Status"), field="status")
        return replace(
            self, title=title, description=description, owner_department=self.owner_department or None
        )


CLOSED_ITEM_STATUSES = frozenset(s.value for s in ItemStatus if not s.is_open)
CLOSED_BLOCKER_STATUSES = frozenset({BlockerStatus.REMOVED.value, BlockerStatus.ACCEPTED.value})
