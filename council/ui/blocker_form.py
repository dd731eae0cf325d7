"""The blocker form: log an internal blocker (with the friction it causes) or edit one."""

from __future__ import annotations

import streamlit as st

from council.domain.friction import Blocker
from council.domain.vocabulary import BlockerStatus
from council.services import blockers as service
from council.services import links
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import cached
from council.ui.session import current_person

NEW = "new_blocker"
FIELDS = ("title", "category", "owner_department", "description", "status", "friction_ids")


def new_blocker_form(ws: Workspace) -> None:
    forms.prefill(NEW, {"friction_ids": []})
    with st.form(NEW, border=False):
        _fields(ws, NEW, editing=False)
        st.form_submit_button("Log blocker", type="primary", on_click=_submit_new, args=(ws,))


def edit_blocker_form(ws: Workspace, blocker: Blocker) -> None:
    form = f"edit_blocker_{blocker.id}"
    config = ws.config
    forms.prefill(form, {
        "title": blocker.title, "description": blocker.description, "status": blocker.status,
        "category": forms.unknown_choice("Category", blocker.category, config.ids("blocker_category")),
        "owner_department": forms.unknown_choice("Owner", blocker.owner_department, config.ids("department")),
    })  # fmt: skip
    with st.form(form, border=False):
        _fields(ws, form, editing=True)
        st.form_submit_button(
            "Save changes", type="primary", on_click=_submit_edit, args=(ws, form, blocker.id)
        )


def _fields(ws: Workspace, form: str, *, editing: bool) -> None:
    config = ws.config
    forms.form_error(form, FIELDS)
    st.text_input("Title *", key=f"{form}_title", placeholder="e.g. “Refunds above €50 need two signatures”")
    forms.field_error(form, "title")
    left, right = st.columns(2)
    for column, field, label, kind in ((left, "category", "Kind of blocker *", "blocker_category"),
                                       (right, "owner_department", "Owner department", "department")):  # fmt: skip
        with column:
            st.selectbox(label, options=config.ids(kind), index=None, placeholder="Choose…",
                         format_func=lambda v, k=kind: config.name_of(k, v), key=f"{form}_{field}")  # fmt: skip
            forms.field_error(form, field)
    st.text_area("How it stands in the customer's way", key=f"{form}_description", height=90)
    forms.field_error(form, "description")
    if editing:
        st.selectbox("Status", options=[s.value for s in BlockerStatus], format_func=lambda s: BlockerStatus(s).label,
                     key=f"{form}_status")  # fmt: skip
        return
    options = cached(ws, links.choices, "friction")
    st.multiselect("Friction points it causes", options=list(options), format_func=lambda i: options.get(i, f"#{i}"),
                   key=f"{form}_friction_ids", placeholder="Choose open friction points (optional)")  # fmt: skip
    forms.field_error(form, "friction_ids")


def _draft(form: str) -> Blocker:
    v = lambda field, default=None: forms.value(form, field, default)  # noqa: E731
    return Blocker(title=v("title", ""), category=v("category"), owner_department=v("owner_department"),
                   description=v("description", ""), status=v("status") or BlockerStatus.ACTIVE)  # fmt: skip


def _submit_new(ws: Workspace) -> None:
    draft, friction_ids = _draft(NEW), forms.value(NEW, "friction_ids", [])

    def opened(blocker_id: int) -> str:
        st.query_params["id"] = str(blocker_id)
        return f"Blocker #{blocker_id} is logged."

    forms.save(NEW, lambda: service.log_blocker(ws, current_person(ws), draft, friction_ids), opened, FIELDS)


def _submit_edit(ws: Workspace, form: str, blocker_id: int) -> None:
    draft = _draft(form)

    def saved(changes: dict) -> str:
        return f"Saved changes to #{blocker_id}." if changes else "Nothing had changed, so nothing was saved."

    forms.save(form, lambda: service.edit_blocker(ws, current_person(ws), blocker_id, draft), saved, FIELDS)
