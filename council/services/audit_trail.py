"""The audit trail as the secretary and executives browse it: every write, who, when, before and after."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from math import ceil
from typing import Any

import pandas as pd

from council.domain.audit import AuditEntry, action_label, record_label
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.domain.records import saved_id
from council.i18n import N_, _
from council.services.acting import as_on_roster
from council.services.workspace import Workspace
from council.store import audit, people

PAGE_SIZE = 50
OPERATOR_NAME = N_("the command line or the system")


@dataclass(frozen=True)
class AuditFilter:
    person_id: int | None = None
    entity: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None  # the last day included
    words: str = ""


@dataclass(frozen=True)
class AuditPage:
    rows: pd.DataFrame  # id, when, who, record, action, details (one line); record and action in words
    entries: dict[int, AuditEntry]  # by id: the whole entry, for reading one in full
    total: int
    page: int
    pages: int


@dataclass(frozen=True)
class AuditChoices:
    people: dict[int, str]
    entities: list[str]
    actions: list[str]


@as_on_roster
def audit_choices(ws: Workspace, actor: Person | None) -> AuditChoices:
    # Translators: completes "Only … may …".
    require(actor, Task.AUDIT, _("browse the audit trail"))
    entities, actions = audit.audit_vocabulary(ws.db)
    everyone = {saved_id(p): p.name for p in people.list_people(ws.db, active_only=False)}
    return AuditChoices(everyone, entities, actions)


@as_on_roster
def audit_page(ws: Workspace, actor: Person | None, flt: AuditFilter, page: int = 1) -> AuditPage:
    """One page of the trail, newest first; only the secretary and executives may read it."""
    require(actor, Task.AUDIT, _("browse the audit trail"))
    if flt.since and flt.until and flt.until < flt.since:
        flt = AuditFilter(flt.person_id, flt.entity, flt.action, flt.until, flt.since, flt.words)
    found, total = audit.search_entries(
        ws.db, person_id=flt.person_id, entity=flt.entity, action=flt.action,
        since=_start_of(ws, flt.since), until=_start_of(ws, flt.until + timedelta(days=1) if flt.until else None),
        words=flt.words, limit=PAGE_SIZE, offset=(max(page, 1) - 1) * PAGE_SIZE,
    )  # fmt: skip
    names = {p.id: p.name for p in people.list_people(ws.db, active_only=False)}
    rows = pd.DataFrame(
        [
            {
                "id": e.id,
                "when": e.logged_at.astimezone(ws.zone).replace(tzinfo=None) if e.logged_at else None,
                "who": names.get(e.person_id, _("person #{id}").format(id=e.person_id))
                if e.person_id
                else _(OPERATOR_NAME),
                "record": f"{record_label(e.entity)} #{e.entity_id}"
                if e.entity_id
                else record_label(e.entity),
                "action": action_label(e.action),
                "details": details_line(e.details),
            }
            for e in found
        ],
        columns=["id", "when", "who", "record", "action", "details"],
    )
    return AuditPage(
        rows, {saved_id(e): e for e in found}, total, max(page, 1), max(1, ceil(total / PAGE_SIZE))
    )


def details_line(details: dict[str, Any], limit: int = 300) -> str:
    """The details on one line: changed fields as 'field: before → after', other facts as 'key: value'."""
    parts = []
    for key, value in details.items():
        if key == "changes" and isinstance(value, dict):
            parts += [f"{field}: {_short(old)} → {_short(new)}" for field, (old, new) in value.items()]
        else:
            parts.append(f"{key}: {_short(value)}")
    line = "; ".join(parts)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def details_text(entry: AuditEntry) -> str:
    """The entry's details in full, as indented JSON (the words exactly as stored)."""
    return json.dumps(entry.details, ensure_ascii=False, indent=2, default=str)


def _short(value: Any, limit: int = 80) -> str:
    text = (
        "—"
        if value in (None, "", [])
        else ", ".join(map(str, value))
        if isinstance(value, list)
        else str(value)
    )
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _start_of(ws: Workspace, day: date | None) -> datetime | None:
    return datetime.combine(day, time(0), ws.zone) if day else None
