"""Closing the loop: when a decision is done, the friction points, connections and blockers it came
from are marked resolved (a blocker: removed) in one step, with a note that says how."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Generic, TypeVar

from council.domain.checks import clean_text
from council.domain.errors import NotAllowed, NotFound, ValidationError
from council.domain.friction import Blocker, FrictionPoint, MissingConnection
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.domain.vocabulary import OPEN_STATUSES, AgendaKind, BlockerStatus, DecisionStatus, ItemStatus
from council.i18n import _
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.workspace import Workspace
from council.store import blockers, connections, decisions, friction
from council.store.database import Query, Transaction
from council.store.decisions import DecisionSource

S = TypeVar("S", FrictionPoint, MissingConnection, Blocker)


@dataclass(frozen=True)
class _Closing(Generic[S]):
    """The status that closes one kind of source, how to read and save it, and the audit trail's name
    for it."""

    status: StrEnum
    load: Callable[[Query, int], S | None]
    save: Callable[[Transaction, S, datetime], None]
    entity: str

    def close(self, tx: Transaction, ref_id: int, still_open: tuple[str, ...], now: datetime) -> str | None:
        """Close the source if its status is one of `still_open`; returns the status it had, or None when
        it is closed (or gone) already."""
        before = self.load(tx, ref_id)
        if before is None or before.status not in still_open:
            return None
        self.save(tx, replace(before, status=self.status), now)
        return before.status


_CLOSING: dict[str, _Closing[FrictionPoint] | _Closing[MissingConnection] | _Closing[Blocker]] = {
    "friction": _Closing(ItemStatus.RESOLVED, friction.get_friction_point, friction.update_friction_point,
                         "friction_point"),
    "connection": _Closing(ItemStatus.RESOLVED, connections.get_missing_connection,
                           connections.update_missing_connection, "missing_connection"),
    "blocker": _Closing(BlockerStatus.REMOVED, blockers.get_blocker, blockers.update_blocker, "blocker"),
}  # fmt: skip


def still_open_sources(ws: Workspace, decision_id: int) -> list[DecisionSource]:
    """What the decision came from that is still open (guest proposals aside)."""
    return [
        s for s in decisions.decision_sources(ws.db, decision_id) if s.status in OPEN_STATUSES.get(s.kind, ())
    ]


@as_on_roster
def resolve_sources(ws: Workspace, actor: Person | None, decision_id: int, chosen: list[tuple[str, int]],
                    note: str) -> int:  # fmt: skip
    """Mark the chosen sources of a done decision resolved (blockers removed); returns how many."""
    # Translators: completes "Only … may …".
    require(actor, Task.LOG, _("mark friction points, connections and blockers resolved"))
    note = clean_text(note, _("The note on how it was resolved"), limit=1_000, field="resolve_note")
    if not chosen:
        raise ValidationError(_("Nothing is chosen. Tick what the decision resolved."), "resolve_chosen")

    def write(tx: Transaction) -> int:
        summary = decisions.summary_of(tx, decision_id, ws.today())
        if summary is None:
            raise NotFound(_("There is no decision #{id}.").format(id=decision_id))
        if summary.status != DecisionStatus.DONE:
            raise NotAllowed(
                # Translators: {status} is the decision's status in lower case, e.g. "in progress".
                _(
                    "Decision #{id} is {status}, not done. Mark it done first; then what it came from can be "
                    "marked resolved."
                ).format(id=decision_id, status=DecisionStatus(summary.status).label.lower())
            )
        sources = {(s.kind, s.id) for s in decisions.decision_sources(tx, decision_id)}
        for kind, ref_id in chosen:
            if (kind, ref_id) not in sources or kind not in _CLOSING:
                shown = AgendaKind(kind).label if kind in {k.value for k in AgendaKind} else kind
                raise ValidationError(
                    # Translators: {record} is a kind of record, e.g. "Friction point".
                    _("{record} #{id} is not what decision #{decision} came from.").format(
                        record=shown, id=ref_id, decision=decision_id
                    ),
                    "resolve_chosen",
                )

            closing = _CLOSING[kind]
            was = closing.close(tx, ref_id, OPEN_STATUSES[kind], ws.now())
            if was is None:
                continue  # someone closed it meanwhile
            changes = {"status": [was, closing.status.value]}
            record(tx, actor, "update", closing.entity, ref_id,
                   {"changes": changes, "note": note, "decision": decision_id})  # fmt: skip
        return len(chosen)

    return ws.db.write(write)
