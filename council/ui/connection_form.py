"""The missing connection form: log a broken hand-off (with the friction it causes) or edit one."""

from __future__ import annotations

import streamlit as st

from council.domain.friction import MissingConnection
from council.domain.vocabulary import ItemStatus
from council.i18n import N_, _
from council.services import connections as service
from council.services.workspace import Workspace
from council.ui import forms, links
from council.ui.session import current_person

NEW = "new_connection"
FIELDS = ("from_department", "to_department", "journey_stage", "what_breaks", "impact", "customers_per_month",
          "status", "friction_ids")  # fmt: skip
# How bad a broken hand-off is for the customer; translate with `_()` where shown.
IMPACT = {1: N_("Hardly noticed"), 2: N_("Costs the customer time"), 3: N_("Customer has to chase us"),
          4: N_("Customer loses money or trust"), 5: N_("Customer is harmed or leaves")}  # fmt: skip


def new_connection_form(ws: Workspace) -> None:
    forms.prefill(NEW, {"impact": 3, "friction_ids": []})
    # At scale the picker lists only the newest open friction points; the box that finds the others
    # must sit outside the form, where typing reruns the page.
    options = links.link_options(ws, NEW, "friction", forms.value(NEW, "friction_ids", []))
    with st.form(NEW, border=False):
        _fields(ws, NEW, editing=False, friction=options)
        st.form_submit_button(_("Log missing connection"), type="primary", on_click=_submit_new, args=(ws,))


def edit_connection_form(ws: Workspace, connection: MissingConnection) -> None:
    form = f"edit_connection_{connection.id}"
    departments = ws.config.ids("department")
    forms.prefill(form, {
        "from_department": forms.unknown_choice(_("From"), connection.from_department, departments),
        "to_department": forms.unknown_choice(_("To"), connection.to_department, departments),
        "journey_stage": forms.unknown_choice(_("Journey stage"), connection.journey_stage,
                                              ws.config.ids("journey_stage")),
        "what_breaks": connection.what_breaks, "impact": connection.impact,
        "customers_per_month": connection.customers_per_month, "status": connection.status,
    })  # fmt: skip
    with st.form(form, border=False):
        _fields(ws, form, editing=True)
        st.form_submit_button(
            _("Save changes"), type="primary", on_click=_submit_edit, args=(ws, form, connection.id)
        )


def _fields(ws: Workspace, form: str, *, editing: bool, friction: dict[int, str] | None = None) -> None:
    config = ws.config
    forms.form_error(form, FIELDS)
    left, middle, right = st.columns(3)
    with left:
        forms.config_select(config, form, "from_department", _("From department *"), "department")
    with middle:
        forms.config_select(config, form, "to_department", _("To department *"), "department")
    with right:
        forms.config_select(config, form, "journey_stage", _("Journey stage *"), "journey_stage")
    st.text_area(_("What breaks for the customer *"), key=f"{form}_what_breaks", height=90,
                 placeholder=_("e.g. “Service promises a call-back, but planning never hears of it.”"))  # fmt: skip
    forms.field_error(form, "what_breaks")
    left, right = st.columns([3, 2])
    with left:
        st.select_slider(_("How bad is it for the customer? *"), options=list(IMPACT), key=f"{form}_impact",
                         format_func=lambda n: f"{n} · {_(IMPACT[n])}")  # fmt: skip
        forms.field_error(form, "impact")
    with right:
        st.number_input(_("How often: customers a month"), min_value=0, step=1, value=None,
                        key=f"{form}_customers_per_month")  # fmt: skip
        forms.field_error(form, "customers_per_month")
    if editing:
        forms.status_select(form, ItemStatus)
        return
    links.friction_picker(form, friction or {})


def _draft(form: str) -> MissingConnection:
    v = lambda field, default=None: forms.value(form, field, default)  # noqa: E731
    return MissingConnection(
        from_department=v("from_department"), to_department=v("to_department"), journey_stage=v("journey_stage"),
        what_breaks=v("what_breaks", ""), impact=v("impact", 3), customers_per_month=v("customers_per_month"),
        status=v("status") or ItemStatus.OPEN,
    )  # fmt: skip


def _submit_new(ws: Workspace) -> None:
    draft, friction_ids = _draft(NEW), forms.value(NEW, "friction_ids", [])
    action = lambda: service.log_missing_connection(ws, current_person(ws), draft, friction_ids)  # noqa: E731
    forms.save(NEW, action, forms.opened(_("Missing connection")), FIELDS)


def _submit_edit(ws: Workspace, form: str, connection_id: int) -> None:
    draft = _draft(form)
    action = lambda: service.edit_missing_connection(ws, current_person(ws), connection_id, draft)  # noqa: E731
    forms.save(form, action, forms.saved(connection_id), FIELDS)
