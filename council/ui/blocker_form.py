"""The blocker form: log an internal blocker (with the friction it causes) or edit one."""

from __future__ import annotations

import streamlit as st

from council.domain.friction import Blocker
from council.domain.vocabulary import BlockerStatus
from council.i18n import _
from council.services import blockers as service
from council.services.workspace import Workspace
from council.ui import forms, links
from council.ui.session import current_person

NEW = "new_blocker"
FIELDS = ("title", "category", "owner_department", "description", "status", "friction_ids")


def new_blocker_form(ws: Workspace) -> None:
    forms.prefill(NEW, {"friction_ids": []})
    # At scale the picker lists only the newest open friction points; the box that finds the others
    # must sit outside the form, where typing reruns the page.
    options = links.link_options(ws, NEW, "friction", forms.value(NEW, "friction_ids", []))
    with st.form(NEW, border=False):
        _fields(ws, NEW, editing=False, friction=options)
        st.form_submit_button(_("Log blocker"), type="primary", on_click=_submit_new, args=(ws,))


def edit_blocker_form(ws: Workspace, blocker: Blocker) -> None:
    form = f"edit_blocker_{blocker.id}"
    config = ws.config
    forms.prefill(form, {
        "title": blocker.title, "description": blocker.description, "status": blocker.status,
        "category": forms.unknown_choice(_("Category"), blocker.category, config.ids("blocker_category")),
        "owner_department": forms.unknown_choice(_("Owner"), blocker.owner_department, config.ids("department")),
    })  # fmt: skip
    with st.form(form, border=False):
        _fields(ws, form, editing=True)
        st.form_submit_button(
            _("Save changes"), type="primary", on_click=_submit_edit, args=(ws, form, blocker.id)
        )


def _fields(ws: Workspace, form: str, *, editing: bool, friction: dict[int, str] | None = None) -> None:
    config = ws.config
    forms.form_error(form, FIELDS)
    st.text_input(_("Title *"), key=f"{form}_title",
                  placeholder=_("e.g. “Refunds above €50 need two signatures”"))  # fmt: skip
    forms.field_error(form, "title")
    left, right = st.columns(2)
    with left:
        forms.config_select(config, form, "category", _("Kind of blocker *"), "blocker_category")
    with right:
        forms.config_select(config, form, "owner_department", _("Owner department"), "department")
    st.text_area(_("How it stands in the customer's way"), key=f"{form}_description", height=90)
    forms.field_error(form, "description")
    if editing:
        forms.status_select(form, BlockerStatus)
        return
    links.friction_picker(form, friction or {})


def _draft(form: str) -> Blocker:
    v = lambda field, default=None: forms.value(form, field, default)  # noqa: E731
    return Blocker(title=v("title", ""), category=v("category"), owner_department=v("owner_department"),
                   description=v("description", ""), status=v("status") or BlockerStatus.ACTIVE)  # fmt: skip


def _submit_new(ws: Workspace) -> None:
    draft, friction_ids = _draft(NEW), forms.value(NEW, "friction_ids", [])
    action = lambda: service.log_blocker(ws, current_person(ws), draft, friction_ids)  # noqa: E731
    forms.save(NEW, action, forms.opened(_("Blocker")), FIELDS)


def _submit_edit(ws: Workspace, form: str, blocker_id: int) -> None:
    draft = _draft(form)
    action = lambda: service.edit_blocker(ws, current_person(ws), blocker_id, draft)  # noqa: E731
    forms.save(form, action, forms.saved(blocker_id), FIELDS)
