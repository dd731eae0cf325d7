"""Who is acting: a service trusts only the id of the person a page hands it. The roster says, at the
moment of the change, whether that person is on it and active and which roles they hold; anyone else
is nobody, whatever roles or flags the object handed over claims.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from council.domain.people import OPERATOR, Person
from council.services.workspace import Workspace
from council.store import people
from council.store.database import Query

P = ParamSpec("P")
T = TypeVar("T")


def on_roster_now(q: Query, actor: Person | None) -> Person | None:
    """`actor` as the roster knows them now, or None if they are not on it or no longer active. The command
    line's operator (who holds the database file itself) stays who they are."""
    if actor is None or actor is OPERATOR:
        return actor
    if actor.id is None:
        return None
    found = people.get_person(q, actor.id)
    return found if found is not None and found.active else None


def as_on_roster(
    fn: Callable[Concatenate[Workspace, Any, P], T],
) -> Callable[Concatenate[Workspace, Any, P], T]:
    """A service whose second argument is the acting person receives that person as the roster has them.

    The roster is read under the workspace's write lock, which the service keeps until it returns: no
    change to the roster can come between the check and the service's own write.
    """

    @functools.wraps(fn)
    def with_actor_from_roster(ws: Workspace, actor: Any, /, *args: P.args, **kwargs: P.kwargs) -> T:
        with ws.db.serialised():
            return fn(ws, on_roster_now(ws.db, actor), *args, **kwargs)

    with_actor_from_roster.loads_actor = True  # type: ignore[attr-defined]  # a mark that tests look for
    return with_actor_from_roster
