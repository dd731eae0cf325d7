"""The audit log: appended in the same transaction as the write it describes."""

from __future__ import annotations

import json
from typing import Any

from council.domain.audit import AuditEntry
from council.store.database import Query, Transaction


def append_audit(tx: Transaction, entry: AuditEntry) -> int:
    return tx.insert(
        "audit_log",
        {
            "person_id": entry.person_id,
            "action": entry.action,
            "entity": entry.entity,
            "entity_id": entry.entity_id,
            "details": json.dumps(entry.details, default=str, ensure_ascii=False),
        },
    )


def audit_entries(q: Query, limit: int = 100) -> list[AuditEntry]:
    """The latest entries, newest first."""
    return _entries(q, "", [], limit)


def entries_about(q: Query, entity: str, entity_id: str, limit: int = 200) -> list[AuditEntry]:
    """What the log says about one record, newest first."""
    return _entries(q, "WHERE entity = ? AND entity_id = ?", [entity, entity_id], limit)


def count_about(q: Query, entity: str, entity_id: str, actions: tuple[str, ...]) -> int:
    """How many times the log noted one of `actions` on one record."""
    return q.number(
        "SELECT count(*) FROM audit_log WHERE entity = ? AND entity_id = ? AND list_contains(?, action)",
        [entity, entity_id, list(actions)],
    )


def _entries(q: Query, where: str, params: list[Any], limit: int, offset: int = 0) -> list[AuditEntry]:
    """The entries `where` selects, newest first: `limit` of them after skipping `offset`."""
    rows = q.rows(
        "SELECT id, logged_at, person_id, action, entity, entity_id, details FROM audit_log"
        f" {where} ORDER BY logged_at DESC, id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [
        AuditEntry(
            id=r[0],
            logged_at=r[1],
            person_id=r[2],
            action=r[3],
            entity=r[4],
            entity_id=r[5],
            details=json.loads(r[6]),
        )
        for r in rows
    ]


def search_entries(
    q: Query, *, person_id: int | None, entity: str | None, action: str | None, since: Any, until: Any,
    words: str, limit: int, offset: int,
) -> tuple[list[AuditEntry], int]:  # fmt: skip
    """One page of entries matching every filter given (None or "" means any), newest first, and
    how many match in all. `words` is looked for in the details, whatever the case."""
    where, params = ["true"], []
    for column, value in (("person_id", person_id), ("entity", entity), ("action", action)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if since is not None:
        where.append("logged_at >= ?")
        params.append(since)
    if until is not None:
        where.append("logged_at < ?")
        params.append(until)
    if words.strip():
        where.append("contains(lower(details::VARCHAR), lower(?))")
        params.append(words.strip())
    clause = "WHERE " + " AND ".join(where)
    total = q.number(f"SELECT count(*) FROM audit_log {clause}", params)
    return _entries(q, clause, params, limit, offset), total


def audit_vocabulary(q: Query) -> tuple[list[str], list[str]]:
    """The kinds of record and the actions the log holds, for filters."""
    entities = [r[0] for r in q.rows("SELECT DISTINCT entity FROM audit_log ORDER BY 1")]
    actions = [r[0] for r in q.rows("SELECT DISTINCT action FROM audit_log ORDER BY 1")]
    return entities, actions
