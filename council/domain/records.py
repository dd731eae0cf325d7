"""What every stored record has once the store saved it: an id."""

from __future__ import annotations

from typing import Protocol


class Stored(Protocol):
    """A record the store numbers: a person, a meeting, an agenda item, a friction point…"""

    @property
    def id(self) -> int | None: ...


def saved_id(record: Stored) -> int:
    """The id of a record read from the workspace. A record not saved yet has none, and asking for it is a
    mistake in the code that asks, not something a user can put right."""
    if record.id is None:
        raise ValueError(f"This {type(record).__name__} has not been saved yet, so it has no id.")
    return record.id
