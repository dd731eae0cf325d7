"""Use cases for friction points: find, read, log (with a duplicate check), edit, add evidence."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from council.domain.errors import NotFound, ValidationError
from council.domain.filters import FrictionFilter
from council.domain.friction import Evidence, EvidenceDraft, FrictionPoint
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.domain.priority import PriorityScore, priority_factors, priority_score
from council.domain.vocabulary import BlockerStatus, EvidenceKind, ItemStatus
from council.domain.words import STOP_WORDS
from council.i18n import _
from council.services.acting import as_on_roster
from council.services.history import HistoryLine, history_of, record, save_edit
from council.services.tables import readable
from council.services.workspace import Workspace
from council.store import friction, friction_search, links
from council.store.database import Transaction

ENTITY = "friction_point"
AUDITED = (*friction.EDITABLE, "involved_departments")


@dataclass(frozen=True)
class Similar:
    id: int
    title: str
    similarity: float


@dataclass(frozen=True)
class FrictionDetail:
    point: FrictionPoint
    evidence: list[Evidence]
    blockers: pd.DataFrame
    connections: pd.DataFrame
    priority: PriorityScore | None
    history: list[HistoryLine]


def find_friction(ws: Workspace, flt: FrictionFilter, sort: str = "priority") -> tuple[pd.DataFrame, int]:
    """The matching friction points as a readable table, and how many match in all."""
    frame, total = friction_search.find_friction(
        ws.db, flt, priority_factors(ws.config.scoring), ws.config.moments_of_truth, ws.now(), sort
    )
    return readable(frame, ws.config, ItemStatus), total


def any_logged(ws: Workspace) -> bool:
    """Whether any friction point was logged yet, whatever its status."""
    return friction.any_friction(ws.db)


def get(ws: Workspace, friction_id: int) -> FrictionPoint:
    point = friction.get_friction_point(ws.db, friction_id)
    if point is None:
        raise NotFound(
            _("Friction point #{id} does not exist (any more). Pick one from the list.").format(
                id=friction_id
            )
        )
    return point


def friction_detail(ws: Workspace, friction_id: int) -> FrictionDetail:
    point = get(ws, friction_id)
    score = None
    if ItemStatus(point.status).is_open and point.created_at:
        score = priority_score(
            severity=point.severity,
            customers_per_month=point.customers_per_month,
            at_moment_of_truth=point.journey_stage in ws.config.moments_of_truth,
            opened_at=point.created_at,
            now=ws.now(),
            weights=ws.config.scoring,
        )
    return FrictionDetail(
        point=point,
        evidence=friction.evidence_for(ws.db, friction_id),
        blockers=readable(links.blockers_of(ws.db, friction_id), ws.config, BlockerStatus),
        connections=readable(links.connections_of(ws.db, friction_id), ws.config, ItemStatus),
        priority=score,
        history=history_of(ws, ENTITY, friction_id),
    )


def likely_duplicates(ws: Workspace, title: str) -> list[Similar]:
    """Open friction points that probably describe the same trouble as `title`."""
    return [Similar(*row) for row in friction.similar_open_friction(ws.db, title, STOP_WORDS)]


@as_on_roster
def log_friction_point(
    ws: Workspace, actor: Person | None, draft: FrictionPoint, evidence: EvidenceDraft = EvidenceDraft()
) -> int:
    """Save a new friction point with its first evidence, all at once or not at all."""
    require(actor, Task.LOG, _("log friction points"))
    point = replace(draft.checked(ws.config), created_by=actor.id if actor else None)
    by = actor.id if actor else None
    evidence.checked(0, by)  # refuse bad evidence before anything is written

    def write(tx: Transaction) -> int:
        friction_id = friction.add_friction_point(tx, point)
        for item in evidence.checked(friction_id, by):
            friction.add_evidence(tx, item)
        record(tx, actor, "create", ENTITY, friction_id, {"title": point.title})
        return friction_id

    return ws.db.write(write)


@as_on_roster
def edit_friction_point(
    ws: Workspace, actor: Person | None, friction_id: int, draft: FrictionPoint
) -> dict[str, list[object]]:
    """Save the edited fields; returns what changed (nothing is written when nothing changed)."""
    require(actor, Task.LOG, _("edit friction points"))
    return save_edit(
        ws, actor, entity=ENTITY, label=_("Friction point"), after=replace(draft.checked(ws.config), id=friction_id),
        load=friction.get_friction_point, update=friction.update_friction_point, fields=AUDITED,
    )  # fmt: skip


@as_on_roster
def add_evidence(ws: Workspace, actor: Person | None, evidence: Evidence) -> int:
    require(actor, Task.LOG, _("add evidence to friction points"))
    item = replace(evidence.checked(), added_by=actor.id if actor else None)

    def write(tx: Transaction) -> int:
        if not links.exists(tx, "friction", item.friction_point_id):
            raise NotFound(_("Friction point #{id} no longer exists.").format(id=item.friction_point_id))
        evidence_id = friction.add_evidence(tx, item)
        record(tx, actor, "evidence", ENTITY, item.friction_point_id, {"summary": _summary(item)})
        return evidence_id

    return ws.db.write(write)


@as_on_roster
def add_to_existing(ws: Workspace, actor: Person | None, friction_id: int, draft: FrictionPoint,
                    evidence: EvidenceDraft = EvidenceDraft()) -> int:  # fmt: skip
    """Instead of logging a duplicate: keep the new report's words as evidence on the existing point."""
    require(actor, Task.LOG, _("add evidence to friction points"))
    by = actor.id if actor else None
    # The member's own words become a note; a customer's words stay a quote.
    words = "\n\n".join(t for t in (draft.title.strip(), (draft.description or "").strip()) if t)
    items = evidence.checked(friction_id, by)
    if words:
        note = Evidence(friction_id, EvidenceKind.NOTE, text=words, added_by=by)
        items = [note.checked(), *items]
    if not items:
        raise ValidationError(
            _("There is nothing to add: write what the customer experiences first."), "title"
        )

    def write(tx: Transaction) -> int:
        if not links.exists(tx, "friction", friction_id):
            raise NotFound(
                _("Friction point #{id} no longer exists; save yours as a new one.").format(id=friction_id)
            )
        for item in items:
            friction.add_evidence(tx, item)
            record(tx, actor, "evidence", ENTITY, friction_id, {"summary": _summary(item)})
        return friction_id

    return ws.db.write(write)


def _summary(item: Evidence) -> str:
    if item.kind == "complaints":
        return f"{item.count} complaints"
    if item.kind == "link":
        return item.url or ""
    text = item.text.replace("\n", " ")
    return f"“{text[:80]}{'…' if len(text) > 80 else ''}”"
