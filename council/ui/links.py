"""Pickers that link friction points with blockers and missing connections, from either side."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from council.domain.permissions import Task
from council.domain.words import search_words
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import links as service
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import cached
from council.ui.session import can, current_person
from council.ui.text import md

# Each kind's texts, whole sentences so each language can say them its own way.
_ADD = {"blocker": lambda: _("Add blockers…"), "connection": lambda: _("Add missing connections…")}
_FIND = {
    "blocker": lambda: _("Find blockers"),
    "connection": lambda: _("Find missing connections"),
    "friction": lambda: _("Find open friction points"),
}
_NEWEST = {
    "blocker": lambda: _("The newest {shown} of {n} blockers are listed; type words to find others."),
    "connection": lambda: _(
        "The newest {shown} of {n} missing connections are listed; type words to find others."
    ),
    "friction": lambda: _(
        "The newest {shown} of {n} open friction points are listed; type words to find others."
    ),
}
_NONE = {
    "blocker": lambda: _("No blockers match “{words}”."),
    "connection": lambda: _("No missing connections match “{words}”."),
    "friction": lambda: _("No open friction points match “{words}”."),
}


def links_of_friction(ws: Workspace, friction_id: int, kind: str, linked: pd.DataFrame, label: str) -> None:
    """Choose the blockers (or connections) behind a friction point; each change is saved at once."""
    form = f"links_{kind}_{friction_id}"
    forms.prefill(form, {"chosen": [int(i) for i in linked["id"]] if not linked.empty else []})
    options = link_options(ws, form, kind, forms.value(form, "chosen", []))
    forms.form_error(form, ())
    _picker(
        form,
        label,
        options,
        _ADD[kind](),
        _save_from_friction,
        (ws, form, friction_id, kind),
        not can(ws, Task.LOG),
    )


def friction_of(ws: Workspace, kind: str, other_id: int, linked: pd.DataFrame, label: str) -> None:
    """Choose the friction points a blocker causes (or behind a connection); each change is saved at once."""
    form = f"friction_of_{kind}_{other_id}"
    forms.prefill(form, {"chosen": [int(i) for i in linked["id"]] if not linked.empty else []})
    # Closed friction points stay choosable while they are linked.
    options = link_options(ws, form, "friction", forms.value(form, "chosen", []))
    forms.form_error(form, ())
    _picker(
        form,
        label,
        options,
        _("Add friction points…"),
        _save_from_other,
        (ws, form, kind, other_id),
        not can(ws, Task.LOG),
    )


def link_options(ws: Workspace, form: str, kind: str, chosen: list[int]) -> dict[int, str]:
    """What a picker of `kind` lists, as {id: label}: everything while it fits; beyond that, the newest
    and a box above the picker to find the others by words or number. What is chosen stays listed."""
    every = cached(ws, service.choices, kind, "", tuple(chosen))
    if not every.cut:
        return every.options
    words = st.text_input(
        _FIND[kind](), key=f"{form}_find", placeholder=_("Words of the title, or a #number")
    )
    searched = bool(search_words(words))
    found = cached(ws, service.choices, kind, words, tuple(chosen)) if searched else every
    if not searched:
        said = _NEWEST[kind]().format(shown=fmt.number(service.PICKER_LIMIT), n=fmt.number(every.total))
    elif not found.total:
        said = _NONE[kind]().format(words=words.strip())
    elif found.cut:
        said = _("{n} match; the newest {shown} are listed. Add words to narrow them.").format(
            n=fmt.number(found.total), shown=fmt.number(service.PICKER_LIMIT)
        )
    else:
        said = ngettext("{n} matches.", "{n} match.", found.total).format(n=fmt.number(found.total))
    st.caption(md(said))
    return found.options


def friction_picker(form: str, options: dict[int, str]) -> None:
    """Inside a new blocker's or connection's form: the open friction points it causes. `options` come
    from `link_options`, called before the form opens so that its box finds as one types."""
    st.multiselect(_("Friction points it causes"), options=list(options), format_func=lambda i: options.get(i, f"#{i}"),
                   key=f"{form}_friction_ids", placeholder=_("Choose open friction points (optional)"),
                   filter_mode="contains", select_all=False)  # fmt: skip
    forms.field_error(form, "friction_ids")


def _picker(form: str, label: str, options: dict[int, str], placeholder: str, on_change, args: tuple,
            disabled: bool) -> None:  # fmt: skip
    # Typing filters by plain substring, and there is no "select all": one stray Enter must not
    # link a whole list at once, now that every change is saved straight away.
    st.multiselect(label, options=list(options), format_func=lambda i: options.get(i, f"#{i}"),
                   key=f"{form}_chosen", placeholder=placeholder, filter_mode="contains", select_all=False, wrap=True,
                   on_change=on_change, args=args, disabled=disabled,
                   help=_("Add or remove an item and it is saved at once; the history notes every change."))  # fmt: skip


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
        return _("The links were already as chosen; nothing changed.")
    if linked and unlinked:
        return _("Links saved: {linked} linked and {unlinked} unlinked.").format(
            linked=linked, unlinked=unlinked
        )
    if linked:
        return _("Links saved: {n} linked.").format(n=linked)
    return _("Links saved: {n} unlinked.").format(n=unlinked)
