"""Looking up a meeting for a change: it, whether it may still change, and whom it invites."""

from __future__ import annotations

from council.domain.errors import NotAllowed, NotFound
from council.domain.meetings import Meeting
from council.i18n import _
from council.services.workspace import Workspace
from council.store import meetings, people
from council.store.database import Query

ENTITY = "meeting"
PLANNING_CHANGES = ("update", "guest", "cancel")  # audit actions that change what a calendar invite says


def get(q: Query, meeting_id: int) -> Meeting:
    meeting = meetings.get_meeting(q, meeting_id)
    if meeting is None:
        raise NotFound(
            _("Meeting #{id} does not exist (any more). Pick one from the list.").format(id=meeting_id)
        )
    return meeting


def still_open(meeting: Meeting) -> None:
    """Refuse any change to a closed or cancelled meeting: its agenda and minutes are final."""
    if meeting.is_cancelled:
        raise NotAllowed(
            _(
                "“{title}” was cancelled, so it no longer changes. Its agenda points are back among the "
                "suggestions: plan or open another meeting for them."
            ).format(title=meeting.title)
        )
    if meeting.is_closed:
        raise NotAllowed(
            _(
                "“{title}” is closed: its agenda, outcomes and minutes are final and cannot be changed. "
                "Record anything new in a coming meeting."
            ).format(title=meeting.title)
        )


def invited(q: Query, ws: Workspace, meeting: Meeting) -> set[int]:
    """The council's members on the meeting's day, its chair and its guest."""
    invited = people.serving_on(q, meeting.starts_at.astimezone(ws.zone).date())
    return invited | {i for i in (meeting.chair_id, meeting.guest_id) if i is not None}
