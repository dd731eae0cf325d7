"""Use cases for internal blockers: list by category, read, log and edit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import pandas as pd

from council.domain.errors import NotFound
from council.domain.friction import Blocker
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.domain.vocabulary import BlockerStatus, ItemStatus
from council.domain.words import search_words
from council.i18n import _
from council.services.acting import as_on_roster
from council.services.history import HistoryLine, history_of, record, save_edit
from council.services.links import link_new
from council.services.tables import readable
from council.services.workspace import Workspace
from council.store import blockers, links
from council.store.database import Transaction

ENTITY = "blocker"


@dataclass(frozen=True)
class BlockerDetail:
    blocker: Blocker
    friction: pd.DataFrame
    history: list[HistoryLine]


def blocker_table(ws: Workspace, search: str = "") -> pd.DataFrame:
    """Blockers with the open friction each causes, in the order of the configured categories."""
    frame = blockers.blocker_frame(ws.db, search_words(search))
    order = {c: n for n, c in enumerate(ws.config.ids("blocker_category"))}
    frame = frame.sort_values(
        "category", key=lambda s: s.map(lambda c: order.get(c, len(order))), kind="stable"
    )
    return readable(frame, ws.config, BlockerStatus)


def get(ws: Workspace, blocker_id: int) -> Blocker:
    found = blockers.get_blocker(ws.db, blocker_id)
    if found is None:
        raise NotFound(
            _("Blocker #{id} does not exist (any more). Pick one from the list.").format(id=blocker_id)
        )
    return found


def blocker_detail(ws: Workspace, blocker_id: int) -> BlockerDetail:
    return BlockerDetail(
        blocker=get(ws, blocker_id),
        friction=readable(links.friction_of(ws.db, "blocker", blocker_id), ws.config, ItemStatus),
        history=history_of(ws, ENTITY, blocker_id),
    )


@as_on_roster
def log_blocker(ws: Workspace, actor: Person | None, draft: Blocker, friction_ids: Iterable[int] = ()) -> int:
    """Save a new blocker and link it to `friction_ids`, in one transaction."""
    require(actor, Task.LOG, _("log blockers"))
    blocker = replace(draft.checked(ws.config), created_by=actor.id if actor else None)

    def write(tx: Transaction) -> int:
        blocker_id = blockers.add_blocker(tx, blocker)
        record(tx, actor, "create", ENTITY, blocker_id, {"title": blocker.title})
        link_new(tx, actor, "blocker", blocker_id, friction_ids)
        return blocker_id

    return ws.db.write(write)


@as_on_roster
def edit_blocker(
    ws: Workspace, actor: Person | None, blocker_id: int, draft: Blocker
) -> dict[str, list[object]]:
    require(actor, Task.LOG, _("edit blockers"))
    return save_edit(
        ws, actor, entity=ENTITY, label=_("Blocker"), after=replace(draft.checked(ws.config), id=blocker_id),
        load=blockers.get_blocker, update=blockers.update_blocker, fields=blockers.EDITABLE,
    )  # fmt: skip
