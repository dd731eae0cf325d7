"""The council's records as readable tables, for the list pages."""

from __future__ import annotations

import pandas as pd

from council.domain.people import Person
from council.domain.vocabulary import MeetingStatus
from council.services.tables import readable
from council.services.workspace import Workspace
from council.store import meetings, people


def meeting_table(ws: Workspace) -> pd.DataFrame:
    return readable(meetings.meeting_table(ws.db), ws.config, MeetingStatus)


def agenda_table(ws: Workspace, meeting_id: int) -> pd.DataFrame:
    items = meetings.agenda_for(ws.db, meeting_id)
    return pd.DataFrame(
        [
            {
                "position": i.position,
                "kind": i.kind.replace("_", "-"),
                "title": i.title,
                "minutes": i.time_box_minutes,
                "outcome": (i.outcome or "").replace("_", " "),
            }
            for i in items
        ],
        columns=["position", "kind", "title", "minutes", "outcome"],
    )


def roster_table(ws: Workspace) -> pd.DataFrame:
    return readable(people.roster(ws.db, ws.today()), ws.config)


def everyone(ws: Workspace) -> list[Person]:
    return people.list_people(ws.db)
