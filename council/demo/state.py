"""What the parts of the demo builder share: the ids the database gave the content's keys, and what a past
meeting's history needs of the builder (so `history` does not import `generator`, which uses it)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from council.demo.content import DemoContent
from council.domain.meetings import Meeting
from council.store import meetings
from council.store.database import Transaction


@dataclass
class Ids:
    """Keys of the content mapped to the ids the database gave them."""

    people: dict[str, int] = field(default_factory=dict)
    friction: dict[str, int] = field(default_factory=dict)
    connections: dict[str, int] = field(default_factory=dict)
    blockers: dict[str, int] = field(default_factory=dict)
    proposals: dict[str, int] = field(default_factory=dict)
    meetings: list[tuple[int, datetime]] = field(default_factory=list)


class Builder(Protocol):
    """The demo builder, as a past meeting's history uses it."""

    tx: Transaction
    rng: random.Random
    content: DemoContent
    ids: Ids
    proposal_at: dict[int, str]
    proposal_status: dict[str, str]
    decisions_made: list[tuple[int, str]]
    friction_titles: dict[str, str]
    still_open: list[str]

    def content_proposal(self, key: str) -> dict[str, Any]: ...

    def clip(self, moment: datetime) -> datetime: ...


def saved_meeting(tx: Transaction, meeting_id: int) -> Meeting:
    """A meeting the builder saved a moment ago."""
    found = meetings.get_meeting(tx, meeting_id)
    if found is None:
        raise LookupError(f"The demo saved no meeting #{meeting_id}.")
    return found
