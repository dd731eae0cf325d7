"""The fields of a decision, shared by meeting mode (a new decision) and the amend form (a new version)."""

from __future__ import annotations

import streamlit as st

from council.i18n import _
from council.services import meetings
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import cached

FIELDS = ("decision_title", "decision_text", "decision_rationale", "decision_department", "decision_owner",
          "decision_due_on")  # fmt: skip


def decision_fields(ws: Workspace, form: str, text_label: str | None = None) -> None:
    """Title, text, reason, owning department and person, due date; each with its error beside it.

    `text_label` (in the reader's language) names the text field; by default "What exactly was decided"."""
    st.text_input(_("Decision in one line"), key=f"{form}_decision_title",
                  placeholder=_("e.g. Every callback request is answered within one working day"))  # fmt: skip
    forms.field_error(form, "decision_title")
    st.text_area(text_label or _("What exactly was decided"), key=f"{form}_decision_text", height=90)
    forms.field_error(form, "decision_text")
    st.text_area(_("Why"), key=f"{form}_decision_rationale", height=70)
    forms.field_error(form, "decision_rationale")
    cols = st.columns(3)
    with cols[0]:
        forms.config_select(ws.config, form, "decision_department", _("Owning department"), "department")
    with cols[1]:
        owners = cached(ws, meetings.owner_choices)
        st.selectbox(_("Owner"), options=list(owners), format_func=lambda i: owners.get(i, f"#{i}"), index=None,
                     placeholder=_("Choose…"), key=f"{form}_decision_owner")  # fmt: skip
        forms.field_error(form, "decision_owner")
    with cols[2]:
        st.date_input(_("Due"), key=f"{form}_decision_due_on", format="DD/MM/YYYY")

        forms.field_error(form, "decision_due_on")
