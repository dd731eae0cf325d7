"""A record's history from the audit log: who changed what, and when."""

from __future__ import annotations

import streamlit as st

from council.i18n import _
from council.i18n import formats as fmt
from council.services.history import HistoryLine


def history(lines: list[HistoryLine]) -> None:
    with st.expander(_("History ({n})").format(n=len(lines)), icon=":material/history:"):
        if not lines:
            st.caption(_("No changes recorded yet."))
        for line in lines:
            st.text(f"{fmt.moment(line.at)} · {line.who} · {line.what}")
