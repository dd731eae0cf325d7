"""Fixed words of the council's model: statuses, kinds and outcomes, with their plain-words labels."""

from __future__ import annotations

from enum import StrEnum


class ItemStatus(StrEnum):
    """Life of a friction point or a missing connection."""

    OPEN = "open"
    ON_AGENDA = "on_agenda"
    DECIDED = "decided"
    RESOLVED = "resolved"
    WONT_FIX = "wont_fix"

    @property
    def label(self) -> str:
        return {
            "open": "Open",
            "on_agenda": "On the agenda",
            "decided": "Decided",
            "resolved": "Resolved",
            "wont_fix": "Won't fix",
        }[self.value]

    @property
    def is_open(self) -> bool:
        return self in (ItemStatus.OPEN, ItemStatus.ON_AGENDA, ItemStatus.DECIDED)


class BlockerStatus(StrEnum):
    ACTIVE = "active"
    BEING_REMOVED = "being_removed"
    REMOVED = "removed"
    ACCEPTED = "accepted"

    @property
    def label(self) -> str:
        return {
            "active": "In the way",
            "being_removed": "Being removed",
            "removed": "Removed",
            "accepted": "Accepted for now",
        }[self.value]


# The statuses in which a friction point, missing connection or blocker is still open, by agenda kind.
OPEN_STATUSES: dict[str, tuple[str, ...]] = {
    "friction": tuple(s.value for s in ItemStatus if s.is_open),
    "connection": tuple(s.value for s in ItemStatus if s.is_open),
    "blocker": (BlockerStatus.ACTIVE.value, BlockerStatus.BEING_REMOVED.value),
}


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return {"planned": "Planned", "open": "In progress", "closed": "Closed", "cancelled": "Cancelled"}[
            self.value
        ]


class AgendaKind(StrEnum):
    FRICTION = "friction"
    CONNECTION = "connection"
    BLOCKER = "blocker"
    PROPOSAL = "proposal"
    FOLLOW_UP = "follow_up"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "friction": "Friction point",
            "connection": "Missing connection",
            "blocker": "Blocker",
            "proposal": "Guest proposal",
            "follow_up": "Follow-up",
            "other": "Other",
        }[self.value]


class Outcome(StrEnum):
    DECIDED = "decided"
    DISCUSSED = "discussed"  # talked through, nothing to decide: e.g. a follow-up that is on track
    POSTPONED = "postponed"
    NEEDS_INFORMATION = "needs_information"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return {
            "decided": "Decided",
            "discussed": "Discussed, nothing to decide",
            "postponed": "Postponed to a later meeting",
            "needs_information": "Needs more information",
            "dropped": "Dropped",
        }[self.value]


class ProposalStatus(StrEnum):
    SUBMITTED = "submitted"
    ON_AGENDA = "on_agenda"
    DECIDED = "decided"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return {"submitted": "Submitted", "on_agenda": "On the agenda", "decided": "Decided",
                "declined": "Declined"}[self.value]  # fmt: skip


class DecisionStatus(StrEnum):
    DECIDED = "decided"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return {
            "decided": "Decided",
            "in_progress": "In progress",
            "done": "Done",
            "dropped": "Dropped",
        }[self.value]


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return {"open": "Open", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"}[
            self.value
        ]

    @property
    def is_open(self) -> bool:
        """Still to be carried out: open or in progress."""
        return self in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class EvidenceKind(StrEnum):
    QUOTE = "quote"
    COMPLAINTS = "complaints"
    LINK = "link"
    FEEDBACK = "feedback"
    NOTE = "note"  # a council member's own account, e.g. a second report of the same trouble


class Role(StrEnum):
    MEMBER = "member"
    CHAIR = "chair"
    SECRETARY = "secretary"
    EXECUTIVE = "executive"
    GUEST = "guest"

    @property
    def label(self) -> str:
        return {"member": "council member", "chair": "chair", "secretary": "secretary",
                "executive": "executive", "guest": "guest"}[self.value]  # fmt: skip

    @property
    def does(self) -> str:
        """What the role lets a person do, in a few words."""
        return {
            "member": "logs friction, connections and blockers, builds agendas, decides in meetings they attend",
            "chair": "all a member does, and runs and closes the meetings they chair",
            "secretary": "keeps the roster, plans meetings and rotation, imports feedback, settings",
            "executive": "reads everything, changes nothing",
            "guest": "sees only the meeting they are invited to, and proposes one change",
        }[self.value]


def role_label(role: str) -> str:
    """A role in words; one this version does not know, as it is stored."""
    return Role(role).label if role in {r.value for r in Role} else role


SEVERITY_SCALE: dict[int, str] = {
    1: "Minor annoyance",
    2: "Costs the customer time",
    3: "Customer has to chase us",
    4: "Customer loses money or trust",
    5: "Customer is harmed or leaves",
}


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """“1 row”, “2,500 rows”: a number with its noun in the right form."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
