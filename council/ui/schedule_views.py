"""Settings → what the app does by itself: the daily backup and the feedback inbox, with their last results."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from council.services.schedule import schedule_view
from council.services.workspace import Workspace
from council.store.jobs import JobRun
from council.ui.text import md


def done_by_itself(ws: Workspace) -> None:
    view = schedule_view(ws)
    if view.backup_at:
        st.markdown(
            f"**Backups by themselves:** every day from {view.backup_at} into {md(str(view.backup_folder))}; "
            f"the {view.keep} newest are kept."
        )
    else:
        st.markdown(
            f'**Backups by themselves:** none. Add `backup: {{at: "02:00", keep: 14}}` to the workspace file '
            f"and restart the app to have one made every night into {md(str(view.backup_folder))}."
        )
    if view.backups:
        _runs(ws, view.backups, "backup file")
    if view.inbox is None:
        st.markdown(
            "**Feedback inbox:** none. With `inbox: {folder: inbox}` in the workspace file, CSV files dropped "
            "into a folder per source (`inbox/<source name>/`) are imported by themselves."
        )
        return
    st.markdown(
        f"**Feedback inbox:** CSV files dropped into {md(str(view.inbox))}/*source name*/ are imported within "
        "a minute, read as that source was read the last time; each then moves to `done/`, or to `failed/` "
        "with its problems beside it."
    )
    if view.imports:
        _runs(ws, view.imports, "file (source)")
    else:
        st.caption("Nothing was imported from the inbox yet.")


def _runs(ws: Workspace, runs: list[JobRun], what: str) -> None:
    st.dataframe(
        pd.DataFrame([{
            "when": r.started_at.astimezone(ws.zone).replace(tzinfo=None), "went well": r.ok, what: r.what,
            "result": r.result,
        } for r in runs]),
        hide_index=True,
        column_config={"when": st.column_config.DatetimeColumn(format="D MMM YYYY HH:mm")},
    )  # fmt: skip
