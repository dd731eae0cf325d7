"""Turns store frames into tables people read: config ids become names, statuses become words,
times are shown in the workspace's time zone."""

from __future__ import annotations

import pandas as pd

from council.domain.vocabulary import BlockerStatus, DecisionStatus, ItemStatus, MeetingStatus
from council.domain.workspace import WorkspaceConfig

StatusWords = type[ItemStatus] | type[BlockerStatus] | type[MeetingStatus] | type[DecisionStatus]
# Column name -> the config list its values come from.
_CONFIG_COLUMNS = {
    "journey_stage": "journey_stage",
    "channel": "channel",
    "segment": "segment",
    "owner_department": "department",
    "from_department": "department",
    "to_department": "department",
    "department": "department",
    "seat": "department",
    "category": "blocker_category",
}


def readable(
    frame: pd.DataFrame, config: WorkspaceConfig, statuses: StatusWords | None = None
) -> pd.DataFrame:
    """A copy of `frame` with names instead of ids, words instead of status codes, local times."""
    out = frame.copy()
    for column, kind in _CONFIG_COLUMNS.items():
        if column in out:
            out[column] = out[column].map(lambda v, k=kind: config.name_of(k, v) if v else "—")
    if statuses is not None and "status" in out:
        words = {s.value: s.label for s in statuses}
        out["status"] = out["status"].map(lambda v: words.get(v, v))
    for column in out.columns:
        if isinstance(out[column].dtype, pd.DatetimeTZDtype):
            out[column] = out[column].dt.tz_convert(config.time_zone).dt.tz_localize(None)
    return out
