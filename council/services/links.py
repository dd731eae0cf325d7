"""Linking friction points to the blockers that cause them and the missing connections behind them.

A link can be made from either side; both records' histories note it. Saving a set of links is
one transaction: all the links and unlinks happen, or none do.
"""

from __future__ import annotations

from collections.abc import Iterable

from council.domain.errors import NotFound, ValidationError
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.services.history import record
from council.services.workspace import Workspace
from council.store import blockers, connections, friction, links
from council.store.database import Transaction

KINDS = {"blocker": "blocker", "connection": "missing connection"}
_ENTITY = {"blocker": "blocker", "connection": "missing_connection"}


def link_friction(ws: Workspace, actor: Person | None, kind: str, other_id: int, friction_id: int) -> bool:
    """Link a blocker or connection to a friction point; False when they were linked already."""
    require(actor, Task.LOG, "link friction points")
    _check_kind(kind)
    return ws.db.write(lambda tx: apply_link(tx, actor, "link", kind, other_id, friction_id))


def unlink_friction(ws: Workspace, actor: Person | None, kind: str, other_id: int, friction_id: int) -> bool:
    require(actor, Task.LOG, "link friction points")
    _check_kind(kind)
    return ws.db.write(lambda tx: apply_link(tx, actor, "unlink", kind, other_id, friction_id))


def set_links_of_friction(
    ws: Workspace, actor: Person | None, friction_id: int, kind: str, wanted: Iterable[int]
) -> tuple[int, int]:
    """Make the friction point's blockers (or connections) exactly `wanted`: (linked, unlinked)."""
    require(actor, Task.LOG, "link friction points")
    _check_kind(kind)
    wanted_ids = set(wanted)

    def write(tx: Transaction) -> tuple[int, int]:
        if not links.exists(tx, "friction", friction_id):
            raise NotFound(
                f"Friction point #{friction_id} no longer exists; refresh the page and choose again."
            )
        frame = (
            links.blockers_of(tx, friction_id) if kind == "blocker" else links.connections_of(tx, friction_id)
        )
        current = set(frame["id"].tolist())
        added = [apply_link(tx, actor, "link", kind, i, friction_id) for i in sorted(wanted_ids - current)]
        removed = [
            apply_link(tx, actor, "unlink", kind, i, friction_id) for i in sorted(current - wanted_ids)
        ]
        return sum(added), sum(removed)

    return ws.db.write(write)


def set_friction_of(
    ws: Workspace, actor: Person | None, kind: str, other_id: int, wanted: Iterable[int]
) -> tuple[int, int]:
    """Make the friction a blocker causes (or behind a connection) exactly `wanted`: (linked, unlinked)."""
    require(actor, Task.LOG, "link friction points")
    _check_kind(kind)
    wanted_ids = set(wanted)

    def write(tx: Transaction) -> tuple[int, int]:
        _label(tx, kind, other_id)  # raises NotFound when the blocker or connection is gone
        current = set(links.friction_of(tx, kind, other_id)["id"].tolist())
        added = [apply_link(tx, actor, "link", kind, other_id, i) for i in sorted(wanted_ids - current)]
        removed = [apply_link(tx, actor, "unlink", kind, other_id, i) for i in sorted(current - wanted_ids)]
        return sum(added), sum(removed)

    return ws.db.write(write)


def link_new(
    tx: Transaction, actor: Person | None, kind: str, other_id: int, friction_ids: Iterable[int]
) -> None:
    """Inside the write that creates a blocker or connection: link it to the friction it causes."""
    for friction_id in sorted(set(friction_ids)):
        apply_link(tx, actor, "link", kind, other_id, friction_id)


def choices(ws: Workspace, kind: str) -> dict[int, str]:
    """What can be linked, as {id: label}: blockers, connections, or open friction points."""
    if kind == "blocker":
        return {b.id: f"#{b.id} {b.title}" for b in blockers.list_blockers(ws.db) if b.id is not None}
    if kind == "connection":
        return {
            c.id: f"#{c.id} {ws.config.name_of('department', c.from_department)} → "
            f"{ws.config.name_of('department', c.to_department)}: {c.title}"
            for c in connections.list_missing_connections(ws.db)
            if c.id is not None
        }
    return {fid: f"#{fid} {title}" for fid, title in friction.open_friction_titles(ws.db)}


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError(f"Only a blocker or a missing connection can be linked, not {kind!r}.")


def apply_link(
    tx: Transaction, actor: Person | None, action: str, kind: str, other_id: int, friction_id: int
) -> bool:
    other = _label(tx, kind, other_id)
    point = friction.get_friction_point(tx, friction_id)
    if point is None:
        raise NotFound(f"Friction point #{friction_id} no longer exists; refresh the page and choose again.")
    changed = (links.link if action == "link" else links.unlink)(tx, kind, other_id, friction_id)
    if changed:
        record(tx, actor, action, "friction_point", friction_id, {"other": other})
        about = f"friction point #{friction_id} “{point.title}”"
        record(tx, actor, action, _ENTITY[kind], other_id, {"other": about})
    return changed


def _label(tx: Transaction, kind: str, other_id: int) -> str:
    if kind == "blocker":
        found = blockers.get_blocker(tx, other_id)
        title = found.title if found else None
    else:
        connection = connections.get_missing_connection(tx, other_id)
        title = connection.title if connection else None
    if title is None:
        raise NotFound(f"The {KINDS[kind]} #{other_id} no longer exists; refresh the page and choose again.")
    return f"{KINDS[kind]} #{other_id} “{title}”"
