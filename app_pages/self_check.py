"""Council self-check: how well do we treat our existing customers? Members score it every meeting."""

import streamlit as st

from council.i18n import _
from council.services.self_check import answering_meeting
from council.ui import forms
from council.ui import self_check_views as views
from council.ui.cache import cached
from council.ui.session import current_person, workspace

ws = workspace()
st.title(_("Council self-check"))
st.caption(
    _(
        "Statements about how we treat our existing customers. Every council member scores them at every "
        "meeting; the trend shows whether the council is changing more than its own minutes."
    )
)
forms.show_flash()

me = current_person(ws)
meeting = cached(ws, answering_meeting, me)
if meeting is not None:
    st.subheader(_("Your answers"))
    views.questionnaire(ws, me, meeting)
else:
    views.cannot_answer(ws, me)

st.subheader(_("How the council scores itself"))
views.trend(ws)
views.meeting_round(ws)
