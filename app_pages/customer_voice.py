"""Customer voice: what customers think of their contacts with us, in scores and in their own words."""

import streamlit as st

from council.domain.permissions import Task
from council.i18n import _
from council.services.customer_voice import voice_scales
from council.ui import customer_voice as voice
from council.ui.cache import cached
from council.ui.navigation import page_at
from council.ui.session import can, workspace

ws = workspace()
st.title(_("Customer voice"))
st.caption(_("What customers think of their contacts with us, from the survey responses imported."))

scales = cached(ws, voice_scales)
if not scales:
    st.info(
        _("No customer feedback in this workspace yet. The secretary adds it on the Import feedback page.")
    )
    if can(ws, Task.IMPORT):
        st.page_link(
            page_at("app_pages/import_feedback.py"), label=_("Import feedback"), icon=":material/upload_file:"
        )
    st.stop()

flt = voice.voice_filter(ws, scales)
VIEWS = {"scores": _("Scores"), "comments": _("Comments")}
view = st.segmented_control(_("Show"), list(VIEWS), format_func=VIEWS.get, default="scores",
                            key="voice_view") or "scores"  # fmt: skip
if view == "comments":
    voice.comments(ws, flt)
else:
    voice.scores(ws, flt)
