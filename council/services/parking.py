"""The parking lot: during a meeting, a point that came up and belongs on a later agenda is parked in one
step; it comes back first among the next meeting's suggestions until an agenda takes it up."""

from __future__ import annotations

from council.domain.checks import MAX_TITLE, clean_text
from council.domain.people import Person
from council.domain.permissions import require_decider
from council.i18n import _
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.meeting_lookup import ENTITY
from council.services.meeting_mode import running
from council.services.workspace import Workspace
from council.store import meetings, parking
from council.store.database import Transaction
from council.store.parking import ParkedPoint


@as_on_roster
def park_point(ws: Workspace, actor: Person | None, meeting_id: int, title: str) -> int:
    """Park a point for a later meeting, while this one is under way; by whoever records what it decides."""
    title = clean_text(title, _("The point to park"), limit=MAX_TITLE, field="title")

    def write(tx: Transaction) -> int:
        meeting = running(tx, meeting_id)
        require_decider(actor, meeting, set(meetings.attendees(tx, meeting_id)))
        parked = parking.park(tx, meeting_id, title, actor.id if actor else None, ws.now())
        record(tx, actor, "park", ENTITY, meeting_id, {"parked": parked, "title": title})
        return parked

    return ws.db.write(write)


def parked_at(ws: Workspace, meeting_id: int) -> list[ParkedPoint]:
    """What was parked during this meeting."""
    return parking.parked_at(ws.db, meeting_id)
