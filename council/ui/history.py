"""A record's history from the audit log: who changed what, and when."""

from __future__ import annotations

import streamlit as st

from council.services.history import HistoryLine


def history(lines: list[HistoryLine]) -> None:
    with st.expander(f"History ({len(lines)})", icon=":material/history:"):
        if not lines:
            st.caption("No changes recorded yet.")
        for line in lines:
            st.text(f"{line.at:%-d %b %Y %H:%M} · {line.who} · {line.what}")
