"""What a meeting's minutes need in few queries: who attended, the decisions taken there and their actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from council.domain.people import Person
from council.store.database import Query
from council.store.decisions import CURRENT_DECISIONS


@dataclass(frozen=True)
class TakenDecision:
    """The current version of a decision taken (or amended) at a meeting, with its owner and status."""

    decision_id: int
    version: int
    title: str
    text: str
    rationale: str
    decided_at: datetime
    owner_department: str | None
    owner_name: str | None
    due_on: date | None
    status: str
    change_note: str
    agenda_item_id: int | None  # the item of this meeting it was decided under, if any


@dataclass(frozen=True)
class TakenAction:
    decision_id: int
    what: str
    owner_name: str | None
    owner_department: str | None
    due_on: date | None
    status: str


def attendees_of(q: Query, meeting_id: int) -> list[Person]:
    """Everyone on the meeting's attendee list, by name."""
    return q.records(
        Person,
        "SELECT * FROM person WHERE id IN (SELECT person_id FROM meeting_attendee WHERE meeting_id = ?) ORDER BY name, id",
        [meeting_id],
    )


# A decision belongs to a meeting's minutes when one of its versions was recorded there. Later
# versions count too (the minutes show where it stands now); the agenda item is the one of this
# meeting under which it was recorded.
_HERE = """
    WITH here AS (
        SELECT decision_id,
               arg_max(agenda_item_id, version) FILTER (WHERE agenda_item_id IS NOT NULL) AS agenda_item_id
        FROM decision WHERE meeting_id = $meeting GROUP BY decision_id
    )
"""


def decisions_taken_at(q: Query, meeting_id: int) -> list[TakenDecision]:
    """The decisions recorded at the meeting, each in its current version, in agenda order."""
    return q.records(
        TakenDecision,
        f"""
        {_HERE}
        SELECT c.decision_id, c.version, c.title, c.text, c.rationale, c.decided_at, c.owner_department,
               c.owner_name, c.due_on, c.status, c.change_note, here.agenda_item_id
        FROM ({CURRENT_DECISIONS}) c
        JOIN here USING (decision_id)
        LEFT JOIN agenda_item item ON item.id = here.agenda_item_id
        ORDER BY item.position NULLS LAST, c.decision_id
        """,
        {"meeting": meeting_id},
    )


def actions_of_decisions_at(q: Query, meeting_id: int) -> list[TakenAction]:
    """The action items of every decision recorded at the meeting, with their owners' names."""
    return q.records(
        TakenAction,
        f"""
        {_HERE}
        SELECT a.decision_id, a.what, owner.name AS owner_name, a.owner_department, a.due_on, a.status
        FROM action_item a
        JOIN here USING (decision_id)
        LEFT JOIN person owner ON owner.id = a.owner_id
        ORDER BY a.decision_id, a.due_on NULLS LAST, a.id
        """,
        {"meeting": meeting_id},
    )


def people_by_id(q: Query, person_ids: set[int]) -> dict[int, Person]:
    """The given people (chair, guest, presenters), by id; ids no longer on the roster are left out."""
    if not person_ids:
        return {}
    found = q.records(Person, "SELECT * FROM person WHERE list_contains(?, id)", [sorted(person_ids)])
    return {p.id: p for p in found if p.id is not None}
