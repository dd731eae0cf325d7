"""Evidence on a friction point: shown as written, and added through a small form."""

from __future__ import annotations

from urllib.parse import quote

import streamlit as st

from council.domain.friction import Evidence
from council.domain.vocabulary import EvidenceKind
from council.i18n import N_, _
from council.i18n import formats as fmt
from council.services import friction as service
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.session import current_person
from council.ui.text import md

_KINDS = {"quote": N_("A customer's words"), "complaints": N_("A number of complaints"),
          "link": N_("A link to a source")}  # fmt: skip
_FIELDS = ("kind", "text", "count", "url")


def evidence_list(items: list[Evidence]) -> None:
    if not items:
        st.caption(_("No evidence yet: add a customer's words, a complaint count or a link."))
    for item in items:
        when = fmt.day(item.added_at) if item.added_at else ""
        if item.kind == EvidenceKind.COMPLAINTS:
            line = _("Complaints: {n} — {text} ({day})") if item.text else _("Complaints: {n} ({day})")
            st.text(line.format(n=fmt.number(item.count or 0), text=item.text, day=when))
        elif item.kind == EvidenceKind.LINK and item.url:
            # Only http(s) addresses are ever stored; brackets are encoded so the link cannot break out.
            target = quote(item.url, safe=":/?#@!$&'*+,;=%~")
            st.markdown(
                _("Source: [{source}]({address}) ({day})").format(
                    source=md(item.text or item.url), address=target, day=md(when)
                )
            )
        elif item.kind == EvidenceKind.NOTE:
            st.text(_("Reported again: {text} ({day})").format(text=item.text, day=when))
        else:
            st.text(_("Customer: “{text}” ({day})").format(text=item.text, day=when))


def add_evidence_form(ws: Workspace, friction_id: int) -> None:
    form = f"evidence_{friction_id}"
    with st.form(form, border=False):
        forms.form_error(form, _FIELDS)
        st.radio(_("What kind of evidence?"), options=list(_KINDS), format_func=lambda k: _(_KINDS[k]),
                 horizontal=True, key=f"{form}_kind")  # fmt: skip
        st.text_area(
            _("Words (the quote, or what the complaints or the link are about)"),
            key=f"{form}_text",
            height=70,
        )
        forms.field_error(form, "text")
        left, right = st.columns([1, 3])
        left.number_input(_("Number of complaints"), min_value=0, step=1, value=None, key=f"{form}_count")
        with left:
            forms.field_error(form, "count")
        right.text_input(_("Link"), key=f"{form}_url", placeholder="https://…")
        with right:
            forms.field_error(form, "url")
        st.form_submit_button(_("Add evidence"), on_click=_add, args=(ws, form, friction_id))


def _add(ws: Workspace, form: str, friction_id: int) -> None:
    item = Evidence(
        friction_point_id=friction_id,
        kind=forms.value(form, "kind", "quote"),
        text=forms.value(form, "text", ""),
        count=forms.value(form, "count"),
        url=forms.value(form, "url", ""),
    )
    forms.save(form, lambda: service.add_evidence(ws, current_person(ws), item), lambda _id: _("Evidence added."),
               reset={"text": "", "count": None, "url": ""})  # fmt: skip
