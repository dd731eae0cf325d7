"""A decision's versions: each as it was recorded, what an amendment changed, and the form that amends it."""

from __future__ import annotations

from datetime import date

import streamlit as st

from council.domain.decision_changes import FieldChange
from council.domain.decisions import Amendment
from council.domain.errors import StaleVersion
from council.domain.people import Person
from council.i18n import _
from council.i18n import formats as fmt
from council.services import decisions
from council.services.decisions import DecisionDetail, VersionView
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import cached
from council.ui.decision_fields import FIELDS, decision_fields
from council.ui.text import md

AMEND = "decision_amend"


def version_list(ws: Workspace, detail: DecisionDetail) -> None:
    st.caption(_("An amendment adds a version; earlier versions stay as they were recorded."))
    for shown in reversed(detail.versions):
        v = shown.version
        current = v.version == detail.summary.version
        day = fmt.day(v.decided_at)
        title = (
            _("Version {version} (current) · {day}") if current else _("Version {version} · {day}")
        ).format(version=v.version, day=day)
        with st.expander(title, expanded=current):
            version_text(ws, shown)


def _recorded(first: bool, by: str | None, where: str | None) -> str:
    """How a version came about, with {when} still to fill in: whole sentences, so each language words its own."""
    if first:
        if by and where:
            return _("Decided by {name} in {meeting}, {when}")
        if by:
            return _("Decided by {name}, {when}")
        if where:
            return _("Decided in {meeting}, {when}")
        return _("Decided, {when}")
    if by and where:
        return _("Amended by {name} in {meeting}, {when}")
    if by:
        return _("Amended by {name}, {when}")
    if where:
        return _("Amended in {meeting}, {when}")
    return _("Amended, {when}")


def version_text(ws: Workspace, shown: VersionView) -> None:
    v = shown.version
    by = md(shown.by) if shown.by else None
    where = md(shown.meeting_title) if shown.meeting_title else None
    when = f"{fmt.long_day(v.decided_at)} {fmt.clock(v.decided_at)}"
    st.caption(_recorded(v.version == 1, by, where).format(name=by, meeting=where, when=when))
    if v.change_note:
        st.markdown(_("**What changed and why:** {note}").format(note=md(v.change_note)))

    for change in shown.changes:
        st.markdown(change_line(change))
    if v.version == 1 or not shown.changes:
        st.markdown(f"**{md(v.title)}**  \n{md(v.text)}")


def change_line(change: FieldChange) -> str:
    """Removed words struck through in red, added words in green; other fields as before → after."""
    if change.is_prose:
        marked = "".join(_mark(w.kind, w.words) for w in change.words())
        return f"**{change.label}:** {marked}"
    before = _value(change.before)
    after = _value(change.after)
    return f"**{change.label}:** :red-background[~~{before}~~] → :green-background[{after}]"


def _mark(kind: str, words: str) -> str:
    text = md(words.strip())
    gap = " " if words != words.rstrip() else ""
    if not text:
        return gap
    return {"removed": f":red-background[~~{text}~~]", "added": f":green-background[{text}]"}.get(
        kind, text
    ) + gap


def _value(value: object) -> str:
    if value is None or value == "":
        return _("none")
    return fmt.day(value) if isinstance(value, date) else md(value)


def amend_form(ws: Workspace, me: Person | None, detail: DecisionDetail) -> None:
    d = detail.summary
    if not decisions.may_amend(me):
        return
    form = f"{AMEND}_{d.decision_id}"
    with st.expander(_("Amend this decision (adds version {version})").format(version=d.version + 1),
                     icon=":material/edit_note:"):  # fmt: skip
        forms.prefill(form, {"decision_title": d.title, "decision_text": d.text, "decision_rationale": d.rationale,
                             "decision_department": d.owner_department, "decision_owner": d.owner_id,
                             "decision_due_on": d.due_on, "based_on": d.version})  # fmt: skip
        _follow_other_change(form, detail)
        decision_fields(ws, form, _("What exactly is decided now"))
        cols = st.columns([2, 1])
        cols[0].text_area(_("What changed and why"), key=f"{form}_change_note", height=70,
                          placeholder=_("e.g. Narrowed to a pilot after the IT security review"))  # fmt: skip
        held = cached(ws, decisions.amending_meetings)
        cols[1].selectbox(_("Agreed in"), options=list(held), format_func=held.__getitem__, index=None,
                          key=f"{form}_meeting", placeholder=_("Outside a meeting"),
                          help=_("The council meeting that agreed this change, if any"))  # fmt: skip
        forms.field_error(form, "change_note")
        forms.form_error(form, (*FIELDS, "change_note"))
        st.button(_("Save as version {version}").format(version=d.version + 1), type="primary", icon=":material/save:",
                  key=f"{form}_save",
                  on_click=forms.save, args=(form, lambda: decisions.amend(ws, me, d.decision_id, _amendment(form)),
                                             lambda v: _("Version {version} is recorded and is now the current one.")
                                             .format(version=v),
                                             _AMEND_FIELDS))  # fmt: skip


_AMEND_FIELDS = (*FIELDS, "change_note", "meeting", "based_on")
# Form field -> the version's attribute it edits.
_VERSION_FIELDS = {"decision_title": "title", "decision_text": "text", "decision_rationale": "rationale",
                   "decision_department": "owner_department", "decision_owner": "owner_id",
                   "decision_due_on": "due_on"}  # fmt: skip


def _follow_other_change(form: str, detail: DecisionDetail) -> None:
    """After being told someone else recorded a newer version: the fields this person left alone take
    the newer values, those they changed keep their text, and a new save builds on the newer version."""
    based_on = st.session_state.get(f"{form}_based_on")
    if not isinstance(forms.error_of(form), StaleVersion) or based_on == detail.summary.version:
        return
    by_number = {v.version.version: v.version for v in detail.versions}
    base = by_number.get(based_on) if isinstance(based_on, int) else None
    latest = by_number[detail.summary.version]
    for field, attr in _VERSION_FIELDS.items():
        if base is not None and st.session_state.get(f"{form}_{field}") == getattr(base, attr):
            st.session_state[f"{form}_{field}"] = getattr(latest, attr)
    st.session_state[f"{form}_based_on"] = detail.summary.version


def _amendment(form: str) -> Amendment:
    v = lambda f: forms.value(form, f)  # noqa: E731
    return Amendment(v("decision_title") or "", v("decision_text") or "", v("decision_rationale") or "",
                     v("decision_department"), v("decision_owner"), v("decision_due_on"), v("change_note") or "",
                     v("meeting"), v("based_on"))  # fmt: skip
