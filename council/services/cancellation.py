"""Calling off a meeting that has not started: it stays in the history as cancelled, with the reason."""

from __future__ import annotations

from council.domain.checks import clean_text
from council.domain.errors import NotAllowed
from council.domain.people import Person
from council.domain.permissions import Task, require, runs
from council.domain.vocabulary import MeetingStatus
from council.i18n import _
from council.services import meeting_mail
from council.services.acting import as_on_roster
from council.services.agenda import release_subject
from council.services.history import record
from council.services.meeting_lookup import ENTITY, get, still_open
from council.services.workspace import Workspace
from council.store import meetings
from council.store.database import Transaction

MAX_REASON = 500


@as_on_roster
def cancel_meeting(ws: Workspace, actor: Person | None, meeting_id: int, reason: str) -> None:
    """Cancel a planned meeting. Its guest may be invited again, its day is free, and its agenda points
    return to the suggestions of the next meeting (the friction points and others are open again)."""
    reason = clean_text(reason, _("The reason for cancelling"), limit=MAX_REASON, field="cancel_reason")

    def write(tx: Transaction) -> None:
        meeting = get(tx, meeting_id)
        if not runs(actor, meeting):  # the meeting's own chair may call it off too
            # Translators: completes "Only … may …"
            require(actor, Task.PLAN, _("cancel a meeting"))
        still_open(meeting)
        if meeting.status != MeetingStatus.PLANNED:
            raise NotAllowed(
                _(
                    "“{title}” has started, so it can no longer be cancelled. Close it instead: points "
                    "without an outcome come back at the next meeting."
                ).format(title=meeting.title)
            )
        meetings.cancel(tx, meeting_id, ws.now(), reason)
        for item in meetings.agenda_for(tx, meeting_id):
            release_subject(tx, ws, actor, item)
        record(tx, actor, "cancel", ENTITY, meeting_id, {"reason": reason})
        meeting_mail.queue_cancellation(tx, ws, meeting_id)

    ws.db.write(write)
