"""The friction point form: log a new one (with a duplicate check first) or edit one."""

from __future__ import annotations

import streamlit as st

from council.domain.errors import CouncilError
from council.domain.friction import EvidenceDraft, FrictionPoint
from council.domain.vocabulary import SEVERITY_SCALE, ItemStatus
from council.i18n import _, pgettext
from council.services import friction as service
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.session import current_person
from council.ui.text import md

NEW = "new_friction"
FIELDS = ("title", "description", "journey_stage", "channel", "segment", "severity", "customers_per_month",
          "owner_department", "involved_departments", "status", "quote", "complaints", "link")  # fmt: skip
_CLEAR = (*FIELDS, "confirmed_new")


def new_friction_form(ws: Workspace) -> None:
    """Log a friction point; a title like an open one's first shows those, to add to instead."""
    forms.prefill(NEW, {"severity": 3, "involved_departments": []})
    with st.form(NEW, border=False):
        _fields(ws, NEW, editing=False)
        st.form_submit_button(_("Log friction point"), type="primary", on_click=_submit_new, args=(ws,))
    _duplicates(ws)


def edit_friction_form(ws: Workspace, point: FrictionPoint) -> None:
    form = f"edit_friction_{point.id}"
    config = ws.config
    forms.prefill(
        form,
        {
            "title": point.title,
            "description": point.description,
            "journey_stage": forms.unknown_choice(
                _("Journey stage"), point.journey_stage, config.ids("journey_stage")
            ),
            "channel": forms.unknown_choice(_("Channel"), point.channel, config.ids("channel")),
            "segment": forms.unknown_choice(_("Segment"), point.segment, config.ids("segment")),
            "severity": point.severity,
            "customers_per_month": point.customers_per_month,
            "owner_department": forms.unknown_choice(
                _("Owner"), point.owner_department, config.ids("department")
            ),
            "involved_departments": [d for d in point.involved_departments if d in config.ids("department")],
            "status": point.status,
        },
    )
    with st.form(form, border=False):
        _fields(ws, form, editing=True)
        st.form_submit_button(
            _("Save changes"), type="primary", on_click=_submit_edit, args=(ws, form, point.id)
        )


def _fields(ws: Workspace, form: str, *, editing: bool) -> None:
    config = ws.config
    forms.form_error(form, FIELDS)
    st.text_input(_("Title *"), key=f"{form}_title",
                  placeholder=_("In the customer's own words, as they would tell it"),
                  help=_("One line, at most 200 characters."))  # fmt: skip
    forms.field_error(form, "title")
    st.text_area(_("What the customer experiences"), key=f"{form}_description", height=110)
    forms.field_error(form, "description")
    left, middle, right = st.columns(3)
    with left:
        forms.config_select(config, form, "journey_stage", _("Journey stage *"), "journey_stage")
    with middle:
        forms.config_select(config, form, "channel", _("Channel"), "channel")
    with right:
        forms.config_select(config, form, "segment", _("Customer segment"), "segment")
    left, right = st.columns([3, 2])
    with left:
        st.select_slider(_("How bad is it for the customer? *"), options=list(SEVERITY_SCALE),
                         key=f"{form}_severity", format_func=lambda n: f"{n} · {_(SEVERITY_SCALE[n])}")  # fmt: skip
        forms.field_error(form, "severity")
    with right:
        st.number_input(_("Customers affected a month"), min_value=0, step=1, value=None,
                        key=f"{form}_customers_per_month",
                        placeholder=_("estimate; leave empty if unknown"))  # fmt: skip
        forms.field_error(form, "customers_per_month")
    left, right = st.columns(2)
    with left:
        forms.config_select(config, form, "owner_department", _("Owner department"), "department")
    with right:
        st.multiselect(_("Other departments involved"), options=config.ids("department"),
                       format_func=lambda d: config.name_of("department", d), key=f"{form}_involved_departments",
                       placeholder=pgettext("departments", "None"))  # fmt: skip
        forms.field_error(form, "involved_departments")
    if editing:
        forms.status_select(form, ItemStatus)
        return
    st.markdown(_("**Evidence** (optional; more can be added later)"))
    st.text_area(
        _("A customer's words"), key=f"{form}_quote", height=70, placeholder=_("“I called three times…”")
    )
    forms.field_error(form, "quote")
    left, right = st.columns([1, 3])
    with left:
        st.number_input(_("Complaints received"), min_value=0, step=1, value=None, key=f"{form}_complaints")
        forms.field_error(form, "complaints")
    with right:
        st.text_input(_("Link to a source"), key=f"{form}_link", placeholder="https://…")
        forms.field_error(form, "link")


def _draft(form: str) -> tuple[FrictionPoint, EvidenceDraft]:
    v = lambda field, default=None: forms.value(form, field, default)  # noqa: E731
    point = FrictionPoint(
        title=v("title", ""), description=v("description", ""), journey_stage=v("journey_stage"),
        severity=v("severity", 3), channel=v("channel"), segment=v("segment"),
        customers_per_month=v("customers_per_month"), owner_department=v("owner_department"),
        involved_departments=tuple(v("involved_departments", [])), status=v("status") or ItemStatus.OPEN,
    )  # fmt: skip
    return point, EvidenceDraft(quote=v("quote", ""), complaints=v("complaints"), link=v("link", ""))


def _submit_new(ws: Workspace) -> None:
    draft, evidence = _draft(NEW)
    st.session_state.pop(f"{NEW}_duplicates", None)
    try:
        draft.checked(ws.config)
        evidence.checked(0, None)
        if not forms.value(NEW, "confirmed_new"):
            similar = service.likely_duplicates(ws, draft.title)
            if similar:
                forms.clear_error(NEW)
                st.session_state[f"{NEW}_duplicates"] = similar
                return
    except CouncilError as e:
        forms.fail(NEW, e)
        return
    _save_new(ws)


def _save_new(ws: Workspace) -> None:
    draft, evidence = _draft(NEW)

    def opened(friction_id: int) -> str:
        st.query_params["id"] = str(friction_id)
        return _(
            "Friction point #{id} is logged. Link the blockers and missing connections behind it below."
        ).format(id=friction_id)

    forms.save(
        NEW, lambda: service.log_friction_point(ws, current_person(ws), draft, evidence), opened, _CLEAR
    )


def _add_to_existing(ws: Workspace, friction_id: int) -> None:
    draft, evidence = _draft(NEW)

    def added(_saved: int) -> str:
        st.query_params["id"] = str(friction_id)
        return _("Your report was added as evidence to friction point #{id}; nothing new was logged.").format(
            id=friction_id
        )

    st.session_state.pop(f"{NEW}_duplicates", None)
    forms.save(
        NEW,
        lambda: service.add_to_existing(ws, current_person(ws), friction_id, draft, evidence),
        added,
        _CLEAR,
    )


def _confirm_new(ws: Workspace) -> None:
    st.session_state.pop(f"{NEW}_duplicates", None)
    st.session_state[f"{NEW}_confirmed_new"] = True
    _save_new(ws)


def _duplicates(ws: Workspace) -> None:
    similar = st.session_state.get(f"{NEW}_duplicates")
    if not similar:
        return
    with st.container(border=True):
        st.warning(
            _("This looks like something already logged. Is it the same problem?"),
            icon=":material/content_copy:",
        )
        for item in similar:
            left, right = st.columns([4, 2], vertical_alignment="center")
            left.markdown(f"**#{item.id}** {md(item.title)}")
            right.button(_("Same problem: add mine to #{id}").format(id=item.id), key=f"dup_{item.id}",
                         on_click=_add_to_existing, args=(ws, item.id))  # fmt: skip
        st.button(_("It is a different problem: log mine as new"), on_click=_confirm_new, args=(ws,))


def _submit_edit(ws: Workspace, form: str, friction_id: int) -> None:
    draft, _evidence = _draft(form)
    action = lambda: service.edit_friction_point(ws, current_person(ws), friction_id, draft)  # noqa: E731
    # Emptying the widgets makes them show the saved values again on the next run.
    forms.save(form, action, forms.saved(friction_id), FIELDS)
