"""Decisions: what the council decided, why, who carries it out, whether it is done, and whether customers noticed."""

import streamlit as st

from council.i18n import _
from council.ui import decision_list as history
from council.ui.decision_detail import decision_page
from council.ui.record_page import list_or_detail
from council.ui.session import current_person, workspace

ws = workspace()
me = current_person(ws)
st.title(_("Decisions"))


def show_list() -> None:
    st.caption(
        _(
            "What the council decided, why, who carries it out and whether it is done. Overdue ones are marked."
        )
    )
    flt, sort = history.decision_filter(ws)
    found = history.history_page(ws, flt, sort)
    history.numbers(found)
    if not found.counts["all"]:
        history.nothing_found(ws, flt)
        return
    history.timeline(ws, flt, sort)
    history.export_buttons(ws, flt, sort, found.counts["all"])
    history.cards(ws, found)
    history.pager(found)


list_or_detail(_("All decisions"), show_list, lambda decision_id: decision_page(ws, me, decision_id))
