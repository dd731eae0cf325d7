"""The lists as spreadsheets: friction points, missing connections, blockers and customers' comments, each
as the page filters them, in a CSV that Excel opens with its accents and where no text runs as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from council.domain.feedback import VoiceFilter, voice_period_start
from council.domain.filters import FrictionFilter, ViewFilter
from council.domain.priority import priority_factors
from council.domain.spreadsheet import spreadsheet_safe
from council.domain.vocabulary import ItemStatus
from council.i18n import N_, _
from council.services import blockers, connections
from council.services.tables import readable
from council.services.workspace import Workspace
from council.store import feedback, friction_search

EVERY = 1_000_000  # rows in a download at most: every one a list can hold


def rows_csv(headers: Mapping[str, str], rows: Iterable[Mapping[str, Any]]) -> bytes:
    """A CSV of `rows` with the `headers` (key -> column title, in the reader's language): UTF-8 with a byte-order
    mark, so Excel shows accents right; every text cell quoted and made safe, so none runs as a formula; numbers
    stay numbers."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow(headers.values())
    for row in rows:
        writer.writerow(spreadsheet_safe(_cell(row.get(key))) for key in headers)
    return out.getvalue().encode("utf-8-sig")


def frame_csv(frame: pd.DataFrame, headers: Mapping[str, str]) -> bytes:
    """`headers` as marked with N_: translated here, for whoever downloads the file."""
    rows = ({str(column): value for column, value in row.items()} for row in frame.to_dict("records"))
    return rows_csv({k: _(v) for k, v in headers.items() if k in frame.columns}, rows)


FRICTION_COLUMNS = {
    "id": "#", "title": N_("Friction point"), "journey_stage": N_("Journey stage"), "channel": N_("Channel"),
    "segment": N_("Segment"), "severity": N_("Severity (1-5)"), "customers_per_month": N_("Customers a month"),
    "owner_department": N_("Owner"), "status": N_("Status"), "priority": N_("Priority (0-100)"), "created_at": N_("Logged"),
}  # fmt: skip


def friction_csv(ws: Workspace, flt: FrictionFilter, sort: str = "priority") -> bytes:
    frame, __ = friction_search.find_friction(
        ws.db,
        flt,
        priority_factors(ws.config.scoring),
        ws.config.moments_of_truth,
        ws.now(),
        sort,
        limit=EVERY,
    )
    return frame_csv(readable(frame, ws.config, ItemStatus), FRICTION_COLUMNS)


CONNECTION_COLUMNS = {
    "id": "#", "from_department": N_("From"), "to_department": N_("To"), "journey_stage": N_("Journey stage"),
    "what_breaks": N_("What breaks for the customer"), "impact": N_("Impact (1-5)"),
    "customers_per_month": N_("Customers a month"), "friction_points": N_("Linked friction"), "status": N_("Status"),
    "created_at": N_("Logged"),
}  # fmt: skip


def connections_csv(ws: Workspace, open_only: bool) -> bytes:
    return frame_csv(connections.connection_table(ws, ViewFilter(), open_only), CONNECTION_COLUMNS)


BLOCKER_COLUMNS = {
    "id": "#", "category": N_("Kind"), "title": N_("Blocker"), "owner_department": N_("Owner"), "status": N_("Status"),
    "open_friction": N_("Open friction it causes"), "customers_per_month": N_("Customers a month affected"),
}  # fmt: skip


def blockers_csv(ws: Workspace, search: str) -> bytes:
    return frame_csv(blockers.blocker_table(ws, search), BLOCKER_COLUMNS)


COMMENT_COLUMNS = {
    "received_at": N_("Received"), "score": N_("Score"), "scale": N_("Scale"), "journey_stage": N_("Journey stage"),
    "channel": N_("Channel"), "segment": N_("Segment"), "comment": N_("Comment"), "source": N_("Source"),
}  # fmt: skip


def comments_csv(ws: Workspace, flt: VoiceFilter) -> bytes:
    since, zone, config = voice_period_start(flt.period, ws.today()), ws.config.time_zone, ws.config
    rows = [
        {
            "received_at": c.received_at.astimezone(ws.zone).strftime("%Y-%m-%d %H:%M"), "score": c.score,
            "scale": c.scale, "journey_stage": config.name_of("journey_stage", c.journey_stage) if c.journey_stage else "",
            "channel": config.name_of("channel", c.channel) if c.channel else "",
            "segment": config.name_of("segment", c.segment) if c.segment else "", "comment": c.comment or "",
            "source": c.source or "",
        }
        for c in feedback.comments(ws.db, flt, since, zone, EVERY, 0)
    ]  # fmt: skip
    return rows_csv({key: _(heading) for key, heading in COMMENT_COLUMNS.items()}, rows)


def _cell(value: Any) -> Any:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):  # a numpy number: a plain int or float, so it is written unquoted
        return value.item()
    return value
