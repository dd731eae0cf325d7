"""Use cases for missing connections: list, matrix, read, log and edit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import pandas as pd

from council.domain.errors import NotFound
from council.domain.filters import ViewFilter
from council.domain.friction import MissingConnection
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.domain.vocabulary import ItemStatus
from council.i18n import _
from council.services.acting import as_on_roster
from council.services.history import HistoryLine, history_of, record, save_edit
from council.services.links import link_new
from council.services.tables import readable
from council.services.workspace import Workspace
from council.store import connections, links
from council.store.database import Transaction

ENTITY = "missing_connection"


@dataclass(frozen=True)
class ConnectionDetail:
    connection: MissingConnection
    friction: pd.DataFrame
    history: list[HistoryLine]


def connection_table(ws: Workspace, view: ViewFilter = ViewFilter(), open_only: bool = False) -> pd.DataFrame:
    return readable(connections.connection_frame(ws.db, view, open_only), ws.config, ItemStatus)


def hand_off_matrix(ws: Workspace, view: ViewFilter = ViewFilter()) -> pd.DataFrame:
    """Open broken hand-offs per (from, to) department pair, with department and stage names."""
    edges = connections.hand_off_matrix(ws.db, view)
    for column in ("from_department", "to_department"):
        edges[column] = edges[column].map(lambda d: ws.config.name_of("department", d))
    edges["journey_stages"] = edges["journey_stages"].map(
        lambda stages: ", ".join(ws.config.name_of("journey_stage", s) for s in stages)
    )
    return edges


def get(ws: Workspace, connection_id: int) -> MissingConnection:
    found = connections.get_missing_connection(ws.db, connection_id)
    if found is None:
        raise NotFound(
            _("Missing connection #{id} does not exist (any more). Pick one from the list.").format(
                id=connection_id
            )
        )
    return found


def connection_detail(ws: Workspace, connection_id: int) -> ConnectionDetail:
    return ConnectionDetail(
        connection=get(ws, connection_id),
        friction=readable(links.friction_of(ws.db, "connection", connection_id), ws.config, ItemStatus),
        history=history_of(ws, ENTITY, connection_id),
    )


@as_on_roster
def log_missing_connection(
    ws: Workspace, actor: Person | None, draft: MissingConnection, friction_ids: Iterable[int] = ()
) -> int:
    """Save a new missing connection and link it to `friction_ids`, in one transaction."""
    require(actor, Task.LOG, _("log missing connections"))
    connection = replace(draft.checked(ws.config), created_by=actor.id if actor else None)

    def write(tx: Transaction) -> int:
        connection_id = connections.add_missing_connection(tx, connection)
        record(tx, actor, "create", ENTITY, connection_id, {"what_breaks": connection.title})
        link_new(tx, actor, "connection", connection_id, friction_ids)
        return connection_id

    return ws.db.write(write)


@as_on_roster
def edit_missing_connection(
    ws: Workspace, actor: Person | None, connection_id: int, draft: MissingConnection
) -> dict[str, list[object]]:
    require(actor, Task.LOG, _("edit missing connections"))
    return save_edit(
        ws, actor, entity=ENTITY, label=_("Missing connection"), after=replace(draft.checked(ws.config), id=connection_id),
        load=connections.get_missing_connection, update=connections.update_missing_connection,
        fields=connections.EDITABLE,
    )  # fmt: skip
