"""Settings → what the app does by itself: the daily backup and the feedback inbox, with their last results."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from council.i18n import _
from council.services.schedule import schedule_view
from council.services.workspace import Workspace
from council.store.jobs import JobRun
from council.ui.text import md, table_date


def done_by_itself(ws: Workspace) -> None:
    view = schedule_view(ws)
    if view.backup_at:
        st.markdown(
            _(
                "**Backups by themselves:** every day from {time} into {folder}; the {n} newest are kept."
            ).format(time=view.backup_at, folder=md(str(view.backup_folder)), n=view.keep)
        )
    else:
        st.markdown(
            _(
                "**Backups by themselves:** none. Add {setting} to the workspace file and restart the app to have "
                "one made every night into {folder}."
            ).format(setting='`backup: {at: "02:00", keep: 14}`', folder=md(str(view.backup_folder)))
        )
    if view.backups:
        _runs(ws, view.backups, _("backup file"))
    if view.inbox is None:
        st.markdown(
            _(
                "**Feedback inbox:** none. With {setting} in the workspace file, CSV files dropped into a folder "
                "per source ({folder}) are imported by themselves."
            ).format(setting="`inbox: {folder: inbox}`", folder=_("`inbox/<source name>/`"))
        )
        return
    st.markdown(
        _(
            "**Feedback inbox:** CSV files dropped into {folder}/*source name*/ are imported within a minute, "
            "read as that source was read the last time; each then moves to `done/`, or to `failed/` with its "
            "problems beside it."
        ).format(folder=md(str(view.inbox)))
    )
    if view.imports:
        _runs(ws, view.imports, _("file (source)"))
    else:
        st.caption(_("Nothing was imported from the inbox yet."))


def _runs(ws: Workspace, runs: list[JobRun], what: str) -> None:
    when = _("when")
    st.dataframe(
        pd.DataFrame([{
            when: r.started_at.astimezone(ws.zone).replace(tzinfo=None), _("went well"): r.ok, what: r.what,
            _("result"): r.result,
        } for r in runs]),
        hide_index=True,
        column_config={when: st.column_config.DatetimeColumn(format=table_date("moment"))},
    )  # fmt: skip
