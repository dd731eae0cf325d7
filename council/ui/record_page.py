"""The shape shared by the friction, connections and blockers pages: a list, or one record (`?id=N`)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pyarrow as pa
import streamlit as st

from council.domain.errors import NotFound
from council.ui import forms, url
from council.ui.session import show_error

# The page that shows one record of each kind (`?id=N`), for links from other pages.
DETAIL_PAGES = {
    "friction": "app_pages/friction_points.py",
    "connection": "app_pages/missing_connections.py",
    "blocker": "app_pages/blockers.py",
}


def list_or_detail(
    back_label: str,
    show_list: Callable[[], None],
    show_detail: Callable[[int], None],
) -> None:
    """Show the record named by `?id=` with a way back to the list, or the list itself."""
    forms.show_flash()
    chosen = url.int_from_url("id")
    if chosen is None:
        show_list()
        return
    if st.button(back_label, icon=":material/arrow_back:"):
        del st.query_params["id"]
        forms.forget_errors()
        st.rerun()
    try:
        show_detail(chosen)
    except NotFound as e:
        show_error(e)


def open_on_click(table: pd.DataFrame | pa.Table, key: str, column_config: dict, **kwargs) -> None:
    """A table where clicking any cell of a row (or its tick box) opens that record (`?id=`). An Arrow
    table goes to the browser as it is, where a frame is first turned into one."""
    event = st.dataframe(table, hide_index=True, width="stretch", on_select="rerun", key=key,
                         selection_mode=["single-row", "single-cell"], column_config=column_config,
                         **kwargs)  # fmt: skip
    rows = list(event.selection.rows) + [row for row, _ in event.selection.cells]
    if rows:
        st.query_params["id"] = str(int(table["id"][rows[0]].as_py() if isinstance(table, pa.Table)
                                        else table.iloc[rows[0]]["id"]))  # fmt: skip
        st.session_state.pop(key, None)
        forms.forget_errors()
        st.rerun()
