"""The organisation a workspace describes: departments, journey, channels, segments, rules, weights."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from pathlib import Path

from council.domain.mail import MailSettings
from council.domain.schedule import BackupSchedule, FeedbackInbox
from council.domain.self_check import DEFAULT_QUESTIONS, SelfCheckQuestion
from council.i18n import DEFAULT, _
from council.i18n.wording import Wording

# How people say who they are: "accounts" (local accounts with passwords), "oidc" (the organisation's
# own sign-in through OpenID Connect) or "demo" (anyone picks anyone, for trying the app out).
SIGN_IN_METHODS = ("accounts", "oidc", "demo")


@dataclass(frozen=True)
class Named:
    """Anything the config lists with a stable id and a display name (one, or one per language)."""

    id: str
    wording: Wording | str

    @property
    def name(self) -> str:
        """The display name in the current language."""
        return str(self.wording)


@dataclass(frozen=True)
class Department(Named):
    pass


@dataclass(frozen=True)
class JourneyStage(Named):
    moment_of_truth: bool = False


@dataclass(frozen=True)
class Channel(Named):
    pass


@dataclass(frozen=True)
class Segment(Named):
    pass


@dataclass(frozen=True)
class BlockerCategory(Named):
    pass


@dataclass(frozen=True)
class GuestKind(Named):
    """A voice beyond the departments that a guest can bring: a trainee, a customer who just left…"""


@dataclass(frozen=True)
class CouncilRules:
    seats: dict[str, int]
    term_length: int
    term_unit: str  # "meetings" or "months"
    meeting_every_weeks: int
    meeting_length_minutes: int
    meeting_starts_at: time = time(14, 0)
    guest_pause_meetings: int = 6  # a guest is invited again only after this many other meetings

    @property
    def total_seats(self) -> int:
        return sum(self.seats.values())


@dataclass(frozen=True)
class ScoringWeights:
    severity: float = 0.4
    reach: float = 0.25
    moment_of_truth: float = 0.2
    age: float = 0.15
    reach_full_at: int = 2000
    age_full_after_days: int = 180


@dataclass(frozen=True)
class WorkspaceConfig:
    organisation: str
    time_zone: str
    departments: tuple[Department, ...]
    journey_stages: tuple[JourneyStage, ...]
    channels: tuple[Channel, ...]
    segments: tuple[Segment, ...]
    blocker_categories: tuple[BlockerCategory, ...]
    council: CouncilRules
    scoring: ScoringWeights
    source: Path | None = None
    database: Path | None = None
    demo_data: bool = False
    guest_kinds: tuple[GuestKind, ...] = ()
    self_check: tuple[SelfCheckQuestion, ...] = DEFAULT_QUESTIONS
    sign_in: str = SIGN_IN_METHODS[0]
    idle_sign_out_hours: float = 8  # a sign-in ends after this long without a click (local accounts)
    email: MailSettings = MailSettings()
    backup: BackupSchedule = BackupSchedule()
    inbox: FeedbackInbox = FeedbackInbox()
    language: str = DEFAULT  # the workspace's own: its minutes, and whoever has not chosen one
    _names: dict[str, dict[str, Wording | str]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        lists = {
            "department": self.departments,
            "journey_stage": self.journey_stages,
            "channel": self.channels,
            "segment": self.segments,
            "blocker_category": self.blocker_categories,
            "guest_kind": self.guest_kinds,
        }
        for kind, items in lists.items():
            self._names[kind] = {item.id: item.wording for item in items}

    def name_of(self, kind: str, item_id: str | None) -> str:
        """Display name of a configured id; an id the config no longer lists is shown as it is."""
        if item_id is None:
            return "—"
        return str(self._names[kind].get(item_id, item_id))

    def voice_name(self, voice: str | None) -> str:
        """A guest's voice (a guest kind or a department id) in words."""
        if voice in self._names["guest_kind"]:
            return str(self._names["guest_kind"][voice])
        return self.name_of("department", voice) if voice else _("Outside the organisation")

    def ids(self, kind: str) -> tuple[str, ...]:
        return tuple(self._names[kind])

    @property
    def demo_mode(self) -> bool:
        """Anyone may say they are anyone: for trying the app out, never for real data."""
        return self.sign_in == "demo"

    @property
    def local_accounts(self) -> bool:
        """People sign in with a password the workspace keeps (rather than the organisation's sign-in)."""
        return self.sign_in == "accounts"

    @property
    def moments_of_truth(self) -> frozenset[str]:
        return frozenset(s.id for s in self.journey_stages if s.moment_of_truth)

    def stage_order(self, stage_id: str) -> int:
        """Position of a stage in the journey; unknown stages sort last."""
        ids = self.ids("journey_stage")
        return ids.index(stage_id) if stage_id in ids else len(ids)
