"""Linking friction points to the blockers that cause them and the missing connections behind them.

A link can be made from either side; both records' histories note it. Saving a set of links is
one transaction: all the links and unlinks happen, or none do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from council.domain.errors import NotFound, ValidationError
from council.domain.friction import one_line
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.domain.words import search_words
from council.i18n import _
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.workspace import Workspace
from council.store import blockers, connections, friction, links
from council.store.database import Transaction

KINDS = {"blocker": "blocker", "connection": "missing connection"}  # as the audit trail stores them
PICKER_LIMIT = 200  # choices a picker lists at once; beyond, people find the rest by words
_ENTITY = {"blocker": "blocker", "connection": "missing_connection"}


@as_on_roster
def link_friction(ws: Workspace, actor: Person | None, kind: str, other_id: int, friction_id: int) -> bool:
    """Link a blocker or connection to a friction point; False when they were linked already."""
    require(actor, Task.LOG, _doing())
    _check_kind(kind)
    return ws.db.write(lambda tx: apply_link(tx, actor, "link", kind, other_id, friction_id))


@as_on_roster
def unlink_friction(ws: Workspace, actor: Person | None, kind: str, other_id: int, friction_id: int) -> bool:
    require(actor, Task.LOG, _doing())
    _check_kind(kind)
    return ws.db.write(lambda tx: apply_link(tx, actor, "unlink", kind, other_id, friction_id))


@as_on_roster
def set_links_of_friction(
    ws: Workspace, actor: Person | None, friction_id: int, kind: str, wanted: Iterable[int]
) -> tuple[int, int]:
    """Make the friction point's blockers (or connections) exactly `wanted`: (linked, unlinked)."""
    require(actor, Task.LOG, _doing())
    _check_kind(kind)
    wanted_ids = set(wanted)

    def write(tx: Transaction) -> tuple[int, int]:
        if not links.exists(tx, "friction", friction_id):
            raise _gone_friction(friction_id)
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


@as_on_roster
def set_friction_of(
    ws: Workspace, actor: Person | None, kind: str, other_id: int, wanted: Iterable[int]
) -> tuple[int, int]:
    """Make the friction a blocker causes (or behind a connection) exactly `wanted`: (linked, unlinked)."""
    require(actor, Task.LOG, _doing())
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


@dataclass(frozen=True)
class Choices:
    """What a link picker offers, as {id: label}; `total` rows match, of which only the newest are offered
    beyond PICKER_LIMIT (plus those chosen already)."""

    options: dict[int, str]
    total: int

    @property
    def cut(self) -> bool:
        return self.total > PICKER_LIMIT


def choices(ws: Workspace, kind: str, words: str = "", keep: tuple[int, ...] = ()) -> Choices:
    """What can be linked, newest first: blockers, missing connections, or open friction points whose
    title holds every word of `words` (or whose number it names), and those in `keep`."""
    rows, total = links.choosable(ws.db, kind, search_words(words), keep, PICKER_LIMIT)
    return Choices({row.id: _choice_label(ws, kind, row) for row in rows}, total)


def _choice_label(ws: Workspace, kind: str, row: links.Choosable) -> str:
    if kind != "connection":
        return f"#{row.id} {row.text}"
    name = partial(ws.config.name_of, "department")
    return f"#{row.id} {name(row.from_department)} → {name(row.to_department)}: {one_line(row.text)}"


def _doing() -> str:
    # Translators: completes "Only … may …".
    return _("link friction points")


def _gone_friction(friction_id: int) -> NotFound:
    return NotFound(
        _("Friction point #{id} no longer exists; refresh the page and choose again.").format(id=friction_id)
    )


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError(
            _("Only a blocker or a missing connection can be linked, not {kind}.").format(kind=repr(kind))
        )


def apply_link(
    tx: Transaction, actor: Person | None, action: str, kind: str, other_id: int, friction_id: int
) -> bool:
    other = _label(tx, kind, other_id)
    point = friction.get_friction_point(tx, friction_id)
    if point is None:
        raise _gone_friction(friction_id)
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
        if kind == "blocker":
            raise NotFound(
                _("The blocker #{id} no longer exists; refresh the page and choose again.").format(
                    id=other_id
                )
            )
        raise NotFound(
            _("The missing connection #{id} no longer exists; refresh the page and choose again.").format(
                id=other_id
            )
        )
    return f"{KINDS[kind]} #{other_id} “{title}”"  # as the audit trail stores it: in English
