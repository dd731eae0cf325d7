"""The meeting's parking lot: a point that came up and belongs on a later agenda, parked in one step."""

from __future__ import annotations

import streamlit as st

from council.domain.people import Person
from council.domain.records import saved_id
from council.i18n import _
from council.services import parking
from council.services.agenda import AgendaView
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import cached
from council.ui.text import md


def parking_lot(ws: Workspace, me: Person | None, view: AgendaView) -> None:
    """The points parked during this meeting, and a field to park one more."""
    meeting_id = saved_id(view.meeting)
    form = f"park_{view.meeting.id}"
    with st.container(border=True):
        st.markdown("**" + _("Parking lot") + "**")
        st.caption(_("A point that comes up and belongs on a later agenda: park it, and it comes back first among "
                     "the next meeting's suggestions."))  # fmt: skip
        for point in cached(ws, parking.parked_at, view.meeting.id):
            st.markdown(f":material/local_parking: {md(point.title)}")
        with st.form(form, border=False):
            cols = st.columns([4, 1], vertical_alignment="bottom")
            cols[0].text_input(
                _("Point to park"), key=f"{form}_title", placeholder=_("e.g. Opening hours of the shop")
            )
            cols[1].form_submit_button(
                _("Park it"), icon=":material/local_parking:", width="stretch", on_click=forms.save,
                args=(form, lambda: parking.park_point(ws, me, meeting_id, forms.value(form, "title") or ""),
                      lambda _id: _("Parked. It comes back first among the next meeting's suggestions.")),
                kwargs={"reset": {"title": ""}},
            )  # fmt: skip
        forms.field_error(form, "title")
        forms.form_error(form, ("title",))
