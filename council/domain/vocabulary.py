"""Fixed words of the council's model: statuses, kinds and outcomes, with their plain-words labels.

Each `label` (and `does`) is in the reader's language: the words are marked with `N_` here and
translated each time they are read. The database stores the codes, never the words.
"""

from __future__ import annotations

from enum import StrEnum

from council.i18n import N_, _, pgettext


class ItemStatus(StrEnum):
    """Life of a friction point or a missing connection."""

    OPEN = "open"
    ON_AGENDA = "on_agenda"
    DECIDED = "decided"
    RESOLVED = "resolved"
    WONT_FIX = "wont_fix"

    @property
    def label(self) -> str:
        if self is ItemStatus.OPEN:
            return pgettext("status", "Open")
        return _(_ITEM_LABELS[self.value])

    @property
    def is_open(self) -> bool:
        return self in (ItemStatus.OPEN, ItemStatus.ON_AGENDA, ItemStatus.DECIDED)


_ITEM_LABELS = {
    "on_agenda": N_("On the agenda"),
    "decided": N_("Decided"),
    "resolved": N_("Resolved"),
    "wont_fix": N_("Won't fix"),
}


class BlockerStatus(StrEnum):
    ACTIVE = "active"
    BEING_REMOVED = "being_removed"
    REMOVED = "removed"
    ACCEPTED = "accepted"

    @property
    def label(self) -> str:
        return _(_BLOCKER_LABELS[self.value])


_BLOCKER_LABELS = {
    "active": N_("In the way"),
    "being_removed": N_("Being removed"),
    "removed": N_("Removed"),
    "accepted": N_("Accepted for now"),
}


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
        if self is MeetingStatus.OPEN:
            # Translators: a meeting that has started and is not closed yet.
            return pgettext("meeting", "In progress")
        return _(_MEETING_LABELS[self.value])


_MEETING_LABELS = {
    "planned": N_("Planned"),
    "closed": N_("Closed"),
    "cancelled": N_("Cancelled"),
}


class AgendaKind(StrEnum):
    FRICTION = "friction"
    CONNECTION = "connection"
    BLOCKER = "blocker"
    PROPOSAL = "proposal"
    FOLLOW_UP = "follow_up"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _(_AGENDA_LABELS[self.value])


_AGENDA_LABELS = {
    "friction": N_("Friction point"),
    "connection": N_("Missing connection"),
    "blocker": N_("Blocker"),
    "proposal": N_("Guest proposal"),
    "follow_up": N_("Follow-up"),
    "other": N_("Other"),
}


class Outcome(StrEnum):
    DECIDED = "decided"
    DISCUSSED = "discussed"  # talked through, nothing to decide: e.g. a follow-up that is on track
    POSTPONED = "postponed"
    NEEDS_INFORMATION = "needs_information"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return _(_OUTCOME_LABELS[self.value])


_OUTCOME_LABELS = {
    "decided": N_("Decided"),
    "discussed": N_("Discussed, nothing to decide"),
    "postponed": N_("Postponed to a later meeting"),
    "needs_information": N_("Needs more information"),
    "dropped": N_("Dropped"),
}


class ProposalStatus(StrEnum):
    SUBMITTED = "submitted"
    ON_AGENDA = "on_agenda"
    DECIDED = "decided"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return _(_PROPOSAL_LABELS[self.value])


_PROPOSAL_LABELS = {
    "submitted": N_("Submitted"),
    "on_agenda": N_("On the agenda"),
    "decided": N_("Decided"),
    "declined": N_("Declined"),
}


class DecisionStatus(StrEnum):
    DECIDED = "decided"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return _(_DECISION_LABELS[self.value])


_DECISION_LABELS = {
    "decided": N_("Decided"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "dropped": N_("Dropped"),
}


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        if self is ActionStatus.OPEN:
            return pgettext("status", "Open")
        return _(_DECISION_LABELS[self.value])

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
        return _(_ROLE_LABELS[self.value])

    @property
    def does(self) -> str:
        """What the role lets a person do, in a few words."""
        return _(_ROLE_DOES[self.value])


_ROLE_LABELS = {
    "member": N_("council member"),
    "chair": N_("chair"),
    "secretary": N_("secretary"),
    "executive": N_("executive"),
    "guest": N_("guest"),
}
_ROLE_DOES = {
    "member": N_("logs friction, connections and blockers, builds agendas, decides in meetings they attend"),
    "chair": N_("all a member does, and runs and closes the meetings they chair"),
    "secretary": N_("keeps the roster, plans meetings and rotation, imports feedback, settings"),
    "executive": N_("reads everything, changes nothing"),
    "guest": N_("sees only the meeting they are invited to, and proposes one change"),
}


def role_label(role: str) -> str:
    """A role in words; one this version does not know, as it is stored."""
    return Role(role).label if role in {r.value for r in Role} else role


# How bad a friction point is for the customer, 1 to 5; translate with `_()` where shown.
SEVERITY_SCALE: dict[int, str] = {
    1: N_("Minor annoyance"),
    2: N_("Costs the customer time"),
    3: N_("Customer has to chase us"),
    4: N_("Customer loses money or trust"),
    5: N_("Customer is harmed or leaves"),
}
