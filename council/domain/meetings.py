"""Council meetings, their agenda items, and the one change a guest proposes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo

from council.domain.checks import MAX_TITLE, check_choice, check_range, clean_text
from council.domain.errors import ValidationError
from council.domain.vocabulary import AgendaKind, MeetingStatus, ProposalStatus
from council.domain.workspace import WorkspaceConfig
from council.i18n import LANGUAGES, _, use_language
from council.i18n import formats as fmt


def default_title(day: date, language: str | None = None) -> str:
    """What a meeting is called when nobody names it: in `language`, else in the current one (that of
    whoever plans it, as if they had typed it)."""
    if language is not None:
        with use_language(language):
            return default_title(day)
    return _("Council meeting {day}").format(day=fmt.long_day(day))


def follow_date(before: Meeting, after: Meeting, zone: tzinfo) -> Meeting:
    """`after`, renamed after its new day when `before` was named after its old one (in any language)."""
    old, new = (m.starts_at.astimezone(zone).date() for m in (before, after))
    if old != new:
        for language in LANGUAGES:
            if after.title == default_title(old, language):
                return replace(after, title=default_title(new, language))
    return after


@dataclass(frozen=True)
class Meeting:
    title: str
    starts_at: datetime
    duration_minutes: int = 90
    location: str = ""
    status: str = MeetingStatus.PLANNED
    chair_id: int | None = None
    guest_id: int | None = None
    minutes: str = ""
    closed_at: datetime | None = None
    agenda_closed_at: datetime | None = None
    cancelled_at: datetime | None = None
    cancel_reason: str = ""
    id: int | None = None

    def checked(self, now: datetime | None) -> Meeting:
        """A meeting as planned: a title, a sensible length and, given `now`, a start still to come."""
        if self.starts_at.tzinfo is None:
            raise ValueError("starts_at must carry a time zone")
        if now is not None and self.starts_at < now:
            when = self.starts_at.astimezone(now.tzinfo)
            raise ValidationError(
                _("{day}, {time} has already passed. Plan the meeting for a moment to come.").format(
                    day=fmt.long_day(when), time=fmt.clock(when)
                ),
                "starts_at",
            )
        check_range(self.duration_minutes, 15, 8 * 60, _("The meeting's length in minutes"), field="duration")
        return replace(
            self,
            title=clean_text(self.title, _("The meeting's title"), limit=MAX_TITLE, field="title"),
            location=clean_text(
                self.location, _("Place or link"), required=False, limit=500, field="location"
            ),
        )

    @property
    def is_closed(self) -> bool:
        """Held and closed: its agenda, outcomes and minutes are final."""
        return self.status == MeetingStatus.CLOSED

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def is_final(self) -> bool:
        """Closed or cancelled: nothing about it changes any more."""
        return self.is_closed or self.is_cancelled

    @property
    def agenda_is_open(self) -> bool:
        """The agenda can still change and the guest can still edit their proposal."""
        return self.status == MeetingStatus.PLANNED and self.agenda_closed_at is None


@dataclass(frozen=True)
class AgendaItem:
    """One point on a meeting's agenda; `kind` says which of the reference ids is set."""

    meeting_id: int
    position: int
    kind: str  # an AgendaKind value
    title: str
    friction_point_id: int | None = None
    missing_connection_id: int | None = None
    blocker_id: int | None = None
    proposal_id: int | None = None
    decision_id: int | None = None
    presenter_id: int | None = None
    time_box_minutes: int | None = None
    notes: str = ""
    outcome: str | None = None  # an Outcome value once discussed
    id: int | None = None

    def about(self, ref_id: int) -> AgendaItem:
        """This point, about the record `ref_id` of its kind: a friction point, a missing connection, a
        blocker, the guest's proposal or a decision to follow up."""
        match self.kind:
            case AgendaKind.FRICTION:
                return replace(self, friction_point_id=ref_id)
            case AgendaKind.CONNECTION:
                return replace(self, missing_connection_id=ref_id)
            case AgendaKind.BLOCKER:
                return replace(self, blocker_id=ref_id)
            case AgendaKind.PROPOSAL:
                return replace(self, proposal_id=ref_id)
            case AgendaKind.FOLLOW_UP:
                return replace(self, decision_id=ref_id)
        raise ValueError(f"An agenda point of kind {self.kind!r} is about nothing on record.")


@dataclass(frozen=True)
class Proposal:
    """The one change a guest would make in the customer journey."""

    meeting_id: int
    guest_id: int
    change: str
    why: str
    journey_stage: str | None = None
    customer_notices: str = ""
    status: str = ProposalStatus.SUBMITTED
    submitted_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None

    def checked(self, config: WorkspaceConfig) -> Proposal:
        check_choice(self.journey_stage, config.ids("journey_stage"), _("Where in the journey"), required=False,
                     field="journey_stage")  # fmt: skip
        return replace(
            self,
            change=clean_text(self.change, _("The change you propose"), limit=MAX_TITLE * 3, field="change"),
            why=clean_text(self.why, _("Why it matters"), field="why"),
            customer_notices=clean_text(
                self.customer_notices,
                _("What the customer would notice"),
                required=False,
                field="customer_notices",
            ),
        )
