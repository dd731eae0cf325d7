"""One decision in full: what and why, where it came from, its follow-up, its versions and its effect."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import streamlit as st

from council.charts.decisions import before_and_after
from council.domain.decision_changes import FieldChange
from council.domain.decisions import Amendment, StatusChange
from council.domain.effect import DEFAULT_WINDOW, WINDOW_CHOICES
from council.domain.errors import StaleVersion
from council.domain.feedback import nps_text
from council.domain.people import Person
from council.domain.permissions import Task, may
from council.domain.vocabulary import DecisionStatus
from council.i18n import N_, _, ngettext
from council.i18n import formats as fmt
from council.services import actions, chain, decisions, effect, resolution
from council.services.decisions import DecisionDetail, VersionView
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.action_views import action_line, action_picker, close_decision_offer, update_panel
from council.ui.cache import cached, shared
from council.ui.chain_views import effect_words
from council.ui.decision_fields import FIELDS, decision_fields
from council.ui.decision_list import badges, facts
from council.ui.navigation import page_at
from council.ui.record_page import DETAIL_PAGES
from council.ui.text import md

SOURCE_WORDS = {"friction": N_("Friction point"), "connection": N_("Missing connection"), "blocker": N_("Blocker"),
                "proposal": N_("Guest proposal")}  # fmt: skip
STATUS = "decision_status"
AMEND = "decision_amend"


def decision_page(ws: Workspace, me: Person | None, decision_id: int) -> None:
    detail = cached(ws, decisions.decision_detail, decision_id)
    d = detail.summary
    st.subheader(f"#{d.decision_id} · {md(d.title)}", anchor=False)
    st.markdown(badges(d))
    st.caption(facts(ws, d))
    st.markdown(_("**What was decided**") + f"  \n{md(d.text)}")
    why = md(d.rationale) if d.rationale else _("_No reason was recorded._")
    st.markdown(_("**Why**") + f"  \n{why}")
    came_from(detail)
    action_section(ws, me, detail)
    headline = effect_words(cached(ws, chain.effect_headline, decision_id))
    st.markdown(_("**Effect on customers** · {effect}").format(effect=headline))
    follow_up, versions, customers = st.tabs([
        _("Follow-up ({n})").format(n=len(detail.events)), _("Versions ({n})").format(n=len(detail.versions)),
        _("Effect on customers"),
    ])  # fmt: skip
    with follow_up:
        status_history(detail)
        status_form(ws, me, detail)
        resolve_form(ws, me, detail)
    with versions:
        version_list(ws, detail)
        amend_form(ws, me, detail)
    with customers:
        effect_view(ws, decision_id)


def came_from(detail: DecisionDetail) -> None:
    if not detail.sources:
        st.caption(_("Not linked to a friction point, connection, blocker or guest proposal."))
        return
    st.markdown(_("**Came from**"))
    for source in detail.sources:
        page = DETAIL_PAGES.get(source.kind)  # a guest proposal has no page of its own
        label = md(f"{_(SOURCE_WORDS[source.kind])} #{source.id}: {source.title}")
        if page:
            st.page_link(
                page_at(page), label=label, query_params={"id": str(source.id)}, icon=":material/link:"
            )
        else:
            st.markdown(f":material/lightbulb: {label}")


def status_history(detail: DecisionDetail) -> None:
    for event in reversed(detail.events):  # the latest first: that is where it stands
        status = DecisionStatus(event.status)
        who = md(event.by) if event.by else _("someone")
        note = f"  \n{md(event.note)}" if event.note else ""
        # Translators: a status recorded for a decision: the status, when, who, and the decision's version then.
        line = _("**{status}** · {when} · {who} · on version {version}").format(
            status=status.label, when=fmt.moment(event.happened_at), who=who, version=event.version
        )
        st.markdown(line + note)
    if not detail.events:
        st.caption(_("No status recorded yet."))


def status_form(ws: Workspace, me: Person | None, detail: DecisionDetail) -> None:
    d = detail.summary
    if not decisions.may_change(me, d):
        st.info(_("Executives and guests read the decision history. The owner or a council member records "
                  "its progress."), icon=":material/visibility:")  # fmt: skip
        return
    form = f"{STATUS}_{d.decision_id}"
    forms.prefill(form, {"status": FOLLOWING.get(d.status, d.status)})
    st.session_state[f"{form}_seen"] = len(
        detail.events
    )  # what the person saw, to catch someone else's change
    with st.form(form, border=True):
        st.markdown(_("**Record progress**"))
        cols = st.columns([1, 3])
        # Labels made now, in this run's language: a format_func runs again later, outside the run.
        labels = {s.value: s.label for s in DecisionStatus}
        cols[0].selectbox(
            _("New status"), options=list(labels), format_func=labels.__getitem__, key=f"{form}_status"
        )
        cols[1].text_input(
            _("Note"), key=f"{form}_note", placeholder=_("What happened, or why it goes back or is dropped")
        )
        forms.field_error(form, "status")
        forms.field_error(form, "status_note")
        forms.form_error(form, ("status", "status_note"))
        st.form_submit_button(_("Record status"), icon=":material/update:", on_click=_record_status,
                              args=(ws, me, form, d.decision_id))  # fmt: skip


# The status a decision usually moves to next, offered first.
FOLLOWING = {"decided": "in_progress", "in_progress": "done"}


def _record_status(ws: Workspace, me: Person | None, form: str, decision_id: int) -> None:
    chosen = forms.value(form, "status")
    change = StatusChange(chosen, forms.value(form, "note") or "", forms.value(form, "seen"))
    # The form stays on screen: after saving, its note is emptied and the next status offered.
    forms.save(form, lambda: decisions.follow_up(ws, me, decision_id, change),
               lambda __: _("The new status is recorded."), reset={"status": FOLLOWING.get(chosen, chosen), "note": ""})  # fmt: skip


def action_section(ws: Workspace, me: Person | None, detail: DecisionDetail) -> None:
    """Its actions, each with its state; those who may follow them up tick and update them here."""
    d = detail.summary
    st.markdown(_("**Actions ({n})**").format(n=len(detail.actions)))
    if not detail.actions:
        st.caption(_("No actions were agreed for this decision."))
        return
    if any(actions.may_update(me, a) for a in detail.actions):
        ticked = action_picker(ws, detail.actions, f"decision_actions_{d.decision_id}", decision=False)
        update_panel(ws, me, ticked, f"decision_update_{d.decision_id}")
        if decisions.may_change(me, d):
            close_decision_offer(ws, me, detail.actions, "decision_close")
    else:
        for a in detail.actions:
            st.markdown(action_line(ws, a))
    changes = [line for line in cached(ws, actions.history_of_actions, [a.id for a in detail.actions])
               if line.change != "agreed"]  # fmt: skip
    if changes:
        whats = {a.id: a.what for a in detail.actions}
        with st.expander(
            _("What happened to its actions ({n})").format(n=len(changes)), icon=":material/history:"
        ):
            for line in reversed(changes):  # the latest first
                who = f" · {md(line.by)}" if line.by else ""
                note = f"  \n{md(line.note)}" if line.note else ""
                st.markdown(
                    f"**{md(whats[line.action_id])}**: {line.what} · {fmt.moment(line.at)}{who}{note}"
                )


def resolve_form(ws: Workspace, me: Person | None, detail: DecisionDetail) -> None:
    """Once the decision is done: mark what it came from resolved, in one step."""
    d = detail.summary
    if d.status != DecisionStatus.DONE or not may(me, Task.LOG):
        return
    still_open = cached(ws, resolution.still_open_sources, d.decision_id)
    if not still_open:
        return
    form = f"resolve_{d.decision_id}"
    options = {f"{s.kind}:{s.id}": f"{_(SOURCE_WORDS[s.kind])} #{s.id}: {s.title}" for s in still_open}
    forms.prefill(form, {"chosen": list(options)})
    with st.container(border=True):
        st.markdown(_("**This decision is done. Did it resolve what it came from?**"))
        st.multiselect(_("Mark resolved"), options=list(options), format_func=options.__getitem__,
                       key=f"{form}_chosen", placeholder=_("Choose what it resolved"),
                       help=_("Friction points and missing connections become resolved; blockers removed."))  # fmt: skip
        forms.field_error(form, "resolve_chosen")
        st.text_input(_("How it was resolved"), key=f"{form}_note", max_chars=1_000,
                      placeholder=_("What changed for customers, in a sentence or two"))  # fmt: skip
        forms.field_error(form, "resolve_note")
        forms.form_error(form, ("resolve_chosen", "resolve_note"))
        st.button(_("Mark resolved"), icon=":material/task_alt:", key=f"{form}_save",
                  on_click=forms.save, args=(form, lambda: _resolve(ws, me, d.decision_id, form),
                                             lambda n: _("{n} marked resolved.").format(n=n), ("chosen", "note")))  # fmt: skip


def _resolve(ws: Workspace, me: Person | None, decision_id: int, form: str) -> int:
    chosen = [(key.split(":")[0], int(key.split(":")[1])) for key in forms.value(form, "chosen") or []]
    return resolution.resolve_sources(ws, me, decision_id, chosen, forms.value(form, "note") or "")


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


@st.fragment
def effect_view(ws: Workspace, decision_id: int) -> None:
    """Scores before and after the decision: choosing another window reruns this part of the page alone."""
    windows = {n: ngettext("{n} day", "{n} days", n).format(n=fmt.number(n)) for n in WINDOW_CHOICES}
    days = st.segmented_control(
        _("Compare"), options=list(windows), default=DEFAULT_WINDOW, key=f"effect_days_{decision_id}",
        format_func=windows.__getitem__, help=_("How many days before and after the decision to compare"),
    ) or DEFAULT_WINDOW  # fmt: skip

    found = cached(ws, effect.decision_effect, decision_id, days)
    if found.windows is None:
        st.info(found.reason, icon=":material/info:")
        return
    w = found.windows
    if w.days < days:
        # Translators: {n} whole days have passed; {wanted} is the number of days that was asked for.
        st.caption(":material/info: " + ngettext(
            "Only {n} whole day has passed since the decision, so both windows are {n} day long instead of {wanted}.",
            "Only {n} whole days have passed since the decision, so both windows are {n} days long instead of "
            "{wanted}.", w.days).format(n=fmt.number(w.days), wanted=fmt.number(days)))  # fmt: skip
    st.caption(
        ngettext(
            "Customer feedback (NPS) on the journey stages this decision is about, in the {n} day before {day} "
            "and the {n} day after it. **This compares before with after; it does not prove the decision caused "
            "the change.** Other things happened in the same months.",
            "Customer feedback (NPS) on the journey stages this decision is about, in the {n} days before {day} "
            "and the {n} days after it. **This compares before with after; it does not prove the decision caused "
            "the change.** Other things happened in the same months.",
            w.days,
        ).format(n=fmt.number(w.days), day=fmt.long_day(w.decided_on))
    )
    names = _stage_names(ws, found)
    st.plotly_chart(shared(ws, _effect, decision_id, days), width="stretch", key=f"effect_{decision_id}",
                    config={"displayModeBar": False})  # fmt: skip
    st.dataframe(effect_table(found.rows, names), hide_index=True, width="stretch")
    if not all(r.trustworthy for r in found.rows):
        st.caption(
            ":material/warning: "
            + _("Marked rows have fewer than 30 responses in a window: too few to trust.")
        )


def _stage_names(ws: Workspace, found: effect.Effect) -> dict[str | None, str]:
    return {None: _("All these stages")} | {s: ws.config.name_of("journey_stage", s) for s in found.stages}


def _effect(ws: Workspace, decision_id: int, days: int) -> go.Figure:
    found = cached(ws, effect.decision_effect, decision_id, days)
    return before_and_after(found.rows, _stage_names(ws, found))


def effect_table(rows, names) -> list[dict]:
    """The comparison as rows of a table, its column headings in the reader's language."""
    return [
        {
            _("Journey stage"): names[r.stage],
            _("NPS before"): _nps(r.before.nps),
            _("Responses before"): r.before.responses,
            _("NPS after"): _nps(r.after.nps),
            _("Responses after"): r.after.responses,
            _("Change"): _nps(r.change),
            _("Enough responses"): _("yes") if r.trustworthy else _("⚠ too few"),
        }
        for r in rows
    ]


def _nps(value: float | None) -> str:
    return nps_text(value)
