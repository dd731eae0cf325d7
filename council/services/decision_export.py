"""The filtered decision history as files: CSV for spreadsheets, JSON for other programs.

CSV cells that a spreadsheet would run as a formula start with an apostrophe; JSON keeps every
value exactly as recorded, since programs reading it run nothing. The CSV is for people, in the
language of whoever downloads it (its dates stay ISO, which spreadsheets read best); the JSON is for
programs, always in English.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from council.domain.decisions import DecisionSummary
from council.domain.filters import DecisionFilter
from council.domain.vocabulary import DecisionStatus
from council.i18n import DEFAULT, N_, _, use_language
from council.services.list_exports import rows_csv
from council.services.workspace import Workspace
from council.store import decision_search

# Column -> heading (translated when the file is made), in the order of the file.
COLUMNS = {
    "decision": N_("Decision"),
    "title": N_("Title"),
    "decided": N_("What was decided"),
    "why": N_("Why"),
    "status": N_("Status"),
    "overdue": N_("Overdue"),
    "decided_on": N_("Decided on"),
    "meeting": N_("Decided in"),
    "owner": N_("Owner"),
    "department": N_("Department"),
    "due_on": N_("Due"),
    "version": N_("Version"),
    "last_change": N_("Last change"),
    "journey_stages": N_("Journey stages"),
}


def export_rows(ws: Workspace, flt: DecisionFilter, sort: str = "newest") -> list[dict[str, Any]]:
    """Every matching decision (not only the page on screen), in the list's order."""
    found = decision_search.find_decisions(ws.db, flt, ws.today(), sort, limit=None)
    return [_row(ws, d) for d in found]


def json_rows(ws: Workspace, flt: DecisionFilter, sort: str = "newest") -> list[dict[str, Any]]:
    """`export_rows` for programs: in English, whoever downloads them."""
    with use_language(DEFAULT):
        return export_rows(ws, flt, sort)


def _row(ws: Workspace, d: DecisionSummary) -> dict[str, Any]:
    config = ws.config
    return {
        "decision": d.decision_id,
        "title": d.title,
        "decided": d.text,
        "why": d.rationale,
        "status": DecisionStatus(d.status).label,
        "overdue": _("yes") if d.overdue else _("no"),
        "decided_on": _local_day(ws, d.decided_at),
        "meeting": d.meeting_title or "",
        "owner": d.owner_name or "",
        "department": config.name_of("department", d.owner_department) if d.owner_department else "",
        "due_on": d.due_on.isoformat() if d.due_on else "",
        "version": d.version,
        "last_change": d.change_note,
        "journey_stages": "; ".join(config.name_of("journey_stage", s) for s in d.stages),
    }


def _local_day(ws: Workspace, at: datetime) -> str:
    return at.astimezone(ws.zone).date().isoformat()


def history_csv(rows: list[dict[str, Any]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows accents right; every text cell quoted and made safe."""
    return rows_csv({key: _(heading) for key, heading in COLUMNS.items()}, rows)


def history_json(rows: list[dict[str, Any]]) -> bytes:
    return json.dumps(rows, ensure_ascii=False, indent=2).encode("utf-8")


def export_name(ws: Workspace, ext: str, filtered: bool = False) -> str:
    """`decisions-2026-11-23.csv`, or `decisions-filtered-…` when only some decisions are in it."""
    return f"decisions-{'filtered-' if filtered else ''}{ws.today().isoformat()}.{ext}"
