"""Pickers that link friction points with blockers and missing connections, from either side."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from council.services import links as service
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import cached
from council.ui.session import current_person

_WORDS = {"blocker": "blockers", "connection": "missing connections"}


def links_of_friction(ws: Workspace, friction_id: int, kind: str, linked: pd.DataFrame, label: str) -> None:
    """Choose the blockers (or connections) behind a friction point and save the choice at once."""
    form = f"links_{kind}_{friction_id}"
    options = cached(ws, service.choices, kind)
    current = [int(i) for i in linked["id"]] if not linked.empty else []
    forms.prefill(form, {"chosen": current})
    with st.form(form, border=False):
        forms.form_error(form, ())
        st.multiselect(label, options=list(options), format_func=lambda i: options.get(i, f"#{i}"),
                       key=f"{form}_chosen", placeholder=f"Choose {_WORDS[kind]}…")  # fmt: skip
        st.form_submit_button(f"Save linked {_WORDS[kind]}", on_click=_save_from_friction,
                              args=(ws, form, friction_id, kind))  # fmt: skip


def friction_of(ws: Workspace, kind: str, other_id: int, linked: pd.DataFrame, label: str) -> None:
    """Choose the friction points a blocker causes (or behind a connection) and save the choice."""
    form = f"friction_of_{kind}_{other_id}"
    options = dict(cached(ws, service.choices, "friction"))
    for row in linked.itertuples(index=False):  # closed ones stay choosable while linked
        options.setdefault(int(row.id), f"#{row.id} {row.title}")
    forms.prefill(form, {"chosen": [int(i) for i in linked["id"]] if not linked.empty else []})
    with st.form(form, border=False):
        forms.form_error(form, ())
        st.multiselect(label, options=list(options), format_func=lambda i: options.get(i, f"#{i}"),
                       key=f"{form}_chosen", placeholder="Choose friction points…")  # fmt: skip
        st.form_submit_button("Save linked friction points", on_click=_save_from_other,
                              args=(ws, form, kind, other_id))  # fmt: skip


def _save_from_friction(ws: Workspace, form: str, friction_id: int, kind: str) -> None:
    wanted = forms.value(form, "chosen", [])
    forms.save(
        form,
        lambda: service.set_links_of_friction(ws, current_person(ws), friction_id, kind, wanted),
        _said,
        ("chosen",),
    )


def _save_from_other(ws: Workspace, form: str, kind: str, other_id: int) -> None:
    wanted = forms.value(form, "chosen", [])
    forms.save(
        form,
        lambda: service.set_friction_of(ws, current_person(ws), kind, other_id, wanted),
        _said,
        ("chosen",),
    )


def _said(counts: tuple[int, int]) -> str:
    linked, unlinked = counts
    if not linked and not unlinked:
        return "The links were already as chosen; nothing changed."
    parts = [f"{linked} linked" if linked else "", f"{unlinked} unlinked" if unlinked else ""]
    return "Links saved: " + " and ".join(p for p in parts if p) + "."
