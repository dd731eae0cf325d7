"""A list's own download: a formula-safe CSV made only when the button is pressed."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from council.services.workspace import Workspace


def csv_download(ws: Workspace, label: str, name: str, make: Callable[[], bytes]) -> None:
    st.download_button(label, make, file_name=f"{name}-{ws.today().isoformat()}.csv", mime="text/csv",
                       icon=":material/download:", on_click="ignore", key=f"download_{name}")  # fmt: skip
