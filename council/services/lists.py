"""The council's records as readable tables, for the list pages."""

from __future__ import annotations

import pandas as pd

from council.domain.people import Person
from council.domain.vocabulary import AgendaKind, MeetingStatus, Outcome
from council.services.tables import readable
from council.services.workspace import Workspace
from council.store import meetings, people


def meeting_table(ws: Workspace) -> pd.DataFrame:
    return readable(meetings.meeting_table(ws.db), ws.config, MeetingStatus)


def agenda_table(ws: Workspace, meeting_id: int) -> pd.DataFrame:
    """A meeting's agenda, its kinds and outcomes in words of the reader's language."""
    items = meetings.agenda_for(ws.db, meeting_id)
    return pd.DataFrame(
        [
            {
                "position": i.position,
                "kind": _words(AgendaKind, i.kind),
                "title": i.title,
                "minutes": i.time_box_minutes,
                "outcome": _words(Outcome, i.outcome) if i.outcome else "",
            }
            for i in items
        ],
        columns=["position", "kind", "title", "minutes", "outcome"],
    )


def _words(kind: type[AgendaKind] | type[Outcome], code: str) -> str:
    """A stored code as its label; a code this version does not know, as it is stored."""
    return kind(code).label if code in {k.value for k in kind} else code.replace("_", " ")


def roster_table(ws: Workspace) -> pd.DataFrame:
    return readable(people.roster(ws.db, ws.today()), ws.config)


def everyone(ws: Workspace) -> list[Person]:
    return people.list_people(ws.db)
