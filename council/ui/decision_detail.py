"""One decision in full: what and why, where it came from, and its follow-up (its status, its actions, what
it resolved); its versions are in `decision_versions`, its effect on customers in `decision_effect`."""

from __future__ import annotations

import streamlit as st

from council.domain.decisions import StatusChange
from council.domain.people import Person
from council.domain.permissions import Task, may
from council.domain.vocabulary import DecisionStatus
from council.i18n import N_, _
from council.i18n import formats as fmt
from council.services import actions, chain, decisions, resolution
from council.services.action_history import history_of_actions
from council.services.decisions import DecisionDetail
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.action_views import action_line, action_picker, close_decision_offer, update_panel
from council.ui.cache import cached
from council.ui.chain_views import effect_words
from council.ui.decision_effect import effect_view
from council.ui.decision_list import badges, facts
from council.ui.decision_versions import amend_form, version_list
from council.ui.navigation import page_at
from council.ui.record_page import DETAIL_PAGES
from council.ui.text import md

SOURCE_WORDS = {"friction": N_("Friction point"), "connection": N_("Missing connection"), "blocker": N_("Blocker"),
                "proposal": N_("Guest proposal")}  # fmt: skip
STATUS = "decision_status"


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
    changes = [line for line in cached(ws, history_of_actions, [a.id for a in detail.actions])
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
