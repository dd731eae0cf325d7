"""One decision in full: what and why, where it came from, its follow-up, its versions and its effect."""

from __future__ import annotations

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
from council.services import actions, chain, decisions, effect, resolution
from council.services.decisions import DecisionDetail, VersionView
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.action_views import action_line, action_picker, close_decision_offer, update_panel
from council.ui.cache import cached
from council.ui.chain_views import effect_words
from council.ui.decision_fields import FIELDS, decision_fields
from council.ui.decision_list import badges, facts
from council.ui.navigation import page_at
from council.ui.record_page import DETAIL_PAGES
from council.ui.text import md

SOURCE_WORDS = {"friction": "Friction point", "connection": "Missing connection", "blocker": "Blocker",
                "proposal": "Guest proposal"}  # fmt: skip
STATUS = "decision_status"
AMEND = "decision_amend"


def decision_page(ws: Workspace, me: Person | None, decision_id: int) -> None:
    detail = cached(ws, decisions.decision_detail, decision_id)
    d = detail.summary
    st.subheader(f"#{d.decision_id} · {md(d.title)}", anchor=False)
    st.markdown(badges(d))
    st.caption(facts(ws, d))
    st.markdown(f"**What was decided**  \n{md(d.text)}")
    st.markdown(f"**Why**  \n{md(d.rationale) if d.rationale else '_No reason was recorded._'}")
    came_from(detail)
    action_section(ws, me, detail)
    st.markdown(f"**Effect on customers** · {effect_words(cached(ws, chain.effect_headline, decision_id))}")
    follow_up, versions, customers = st.tabs([
        f"Follow-up ({len(detail.events)})", f"Versions ({len(detail.versions)})", "Effect on customers",
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
        st.caption("Not linked to a friction point, connection, blocker or guest proposal.")
        return
    st.markdown("**Came from**")
    for source in detail.sources:
        page = DETAIL_PAGES.get(source.kind)  # a guest proposal has no page of its own
        label = md(f"{SOURCE_WORDS[source.kind]} #{source.id}: {source.title}")
        if page:
            st.page_link(
                page_at(page), label=label, query_params={"id": str(source.id)}, icon=":material/link:"
            )
        else:
            st.markdown(f":material/lightbulb: {label}")


def status_history(detail: DecisionDetail) -> None:
    for event in reversed(detail.events):  # the latest first: that is where it stands
        status = DecisionStatus(event.status)
        who = md(event.by) if event.by else "someone"
        note = f"  \n{md(event.note)}" if event.note else ""
        st.markdown(f"**{status.label}** · {event.happened_at:%-d %b %Y %H:%M} · {who} "
                    f"· on version {event.version}{note}")  # fmt: skip
    if not detail.events:
        st.caption("No status recorded yet.")


def status_form(ws: Workspace, me: Person | None, detail: DecisionDetail) -> None:
    d = detail.summary
    if not decisions.may_change(me, d):
        st.info("Executives and guests read the decision history. The owner or a council member records "
                "its progress.", icon=":material/visibility:")  # fmt: skip
        return
    form = f"{STATUS}_{d.decision_id}"
    forms.prefill(form, {"status": FOLLOWING.get(d.status, d.status)})
    st.session_state[f"{form}_seen"] = len(
        detail.events
    )  # what the person saw, to catch someone else's change
    with st.form(form, border=True):
        st.markdown("**Record progress**")
        cols = st.columns([1, 3])
        cols[0].selectbox("New status", options=[s.value for s in DecisionStatus],
                          format_func=lambda s: DecisionStatus(s).label, key=f"{form}_status")  # fmt: skip
        cols[1].text_input(
            "Note", key=f"{form}_note", placeholder="What happened, or why it goes back or is dropped"
        )
        forms.field_error(form, "status")
        forms.field_error(form, "status_note")
        forms.form_error(form, ("status", "status_note"))
        st.form_submit_button("Record status", icon=":material/update:", on_click=_record_status,
                              args=(ws, me, form, d.decision_id))  # fmt: skip


# The status a decision usually moves to next, offered first.
FOLLOWING = {"decided": "in_progress", "in_progress": "done"}


def _record_status(ws: Workspace, me: Person | None, form: str, decision_id: int) -> None:
    chosen = forms.value(form, "status")
    change = StatusChange(chosen, forms.value(form, "note") or "", forms.value(form, "seen"))
    # The form stays on screen: after saving, its note is emptied and the next status offered.
    forms.save(form, lambda: decisions.follow_up(ws, me, decision_id, change),
               lambda _: "The new status is recorded.", reset={"status": FOLLOWING.get(chosen, chosen), "note": ""})  # fmt: skip


def action_section(ws: Workspace, me: Person | None, detail: DecisionDetail) -> None:
    """Its actions, each with its state; those who may follow them up tick and update them here."""
    d = detail.summary
    st.markdown(f"**Actions ({len(detail.actions)})**")
    if not detail.actions:
        st.caption("No actions were agreed for this decision.")
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
               if line.what != "Agreed"]  # fmt: skip
    if changes:
        whats = {a.id: a.what for a in detail.actions}
        with st.expander(f"What happened to its actions ({len(changes)})", icon=":material/history:"):
            for line in reversed(changes):  # the latest first
                who = f" · {md(line.by)}" if line.by else ""
                note = f"  \n{md(line.note)}" if line.note else ""
                st.markdown(
                    f"**{md(whats[line.action_id])}**: {line.what} · {line.at:%-d %b %Y %H:%M}{who}{note}"
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
    options = {f"{s.kind}:{s.id}": f"{SOURCE_WORDS[s.kind]} #{s.id}: {s.title}" for s in still_open}
    forms.prefill(form, {"chosen": list(options)})
    with st.container(border=True):
        st.markdown("**This decision is done. Did it resolve what it came from?**")
        st.multiselect("Mark resolved", options=list(options), format_func=options.get, key=f"{form}_chosen",
                       help="Friction points and missing connections become resolved; blockers removed.")  # fmt: skip
        forms.field_error(form, "resolve_chosen")
        st.text_input("How it was resolved", key=f"{form}_note", max_chars=1_000,
                      placeholder="What changed for customers, in a sentence or two")  # fmt: skip
        forms.field_error(form, "resolve_note")
        forms.form_error(form, ("resolve_chosen", "resolve_note"))
        st.button("Mark resolved", icon=":material/task_alt:", key=f"{form}_save",
                  on_click=forms.save, args=(form, lambda: _resolve(ws, me, d.decision_id, form),
                                             lambda n: f"{n} marked resolved.", ("chosen", "note")))  # fmt: skip


def _resolve(ws: Workspace, me: Person | None, decision_id: int, form: str) -> int:
    chosen = [(key.split(":")[0], int(key.split(":")[1])) for key in forms.value(form, "chosen") or []]
    return resolution.resolve_sources(ws, me, decision_id, chosen, forms.value(form, "note") or "")


def version_list(ws: Workspace, detail: DecisionDetail) -> None:
    st.caption("An amendment adds a version; earlier versions stay as they were recorded.")
    for shown in reversed(detail.versions):
        v = shown.version
        current = v.version == detail.summary.version
        title = f"Version {v.version}{' (current)' if current else ''} · {v.decided_at:%-d %b %Y}"
        with st.expander(title, expanded=current):
            version_text(ws, shown)


def version_text(ws: Workspace, shown: VersionView) -> None:
    v = shown.version
    by = f" by {md(shown.by)}" if shown.by else ""
    where = f" in {md(shown.meeting_title)}" if shown.meeting_title else ""
    st.caption(f"{'Decided' if v.version == 1 else 'Amended'}{by}{where}, {v.decided_at:%-d %B %Y %H:%M}")
    if v.change_note:
        st.markdown(f"**What changed and why:** {md(v.change_note)}")
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
        return "none"
    return f"{value:%-d %b %Y}" if hasattr(value, "strftime") else md(value)


def amend_form(ws: Workspace, me: Person | None, detail: DecisionDetail) -> None:
    d = detail.summary
    if not decisions.may_amend(me):
        return
    form = f"{AMEND}_{d.decision_id}"
    with st.expander(f"Amend this decision (adds version {d.version + 1})", icon=":material/edit_note:"):
        forms.prefill(form, {"decision_title": d.title, "decision_text": d.text, "decision_rationale": d.rationale,
                             "decision_department": d.owner_department, "decision_owner": d.owner_id,
                             "decision_due_on": d.due_on, "based_on": d.version})  # fmt: skip
        _follow_other_change(form, detail)
        decision_fields(ws, form, "What exactly is decided now")
        cols = st.columns([2, 1])
        cols[0].text_area("What changed and why", key=f"{form}_change_note", height=70,
                          placeholder="e.g. Narrowed to a pilot after the IT security review")  # fmt: skip
        held = cached(ws, decisions.amending_meetings)
        cols[1].selectbox("Agreed in", options=list(held), format_func=held.get, index=None, key=f"{form}_meeting",
                          placeholder="Outside a meeting", help="The council meeting that agreed this change, if any")  # fmt: skip
        forms.field_error(form, "change_note")
        forms.form_error(form, (*FIELDS, "change_note"))
        st.button(f"Save as version {d.version + 1}", type="primary", icon=":material/save:", key=f"{form}_save",
                  on_click=forms.save, args=(form, lambda: decisions.amend(ws, me, d.decision_id, _amendment(form)),
                                             lambda v: f"Version {v} is recorded and is now the current one.",
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
    base, latest = by_number.get(based_on), by_number[detail.summary.version]
    for field, attr in _VERSION_FIELDS.items():
        if base is not None and st.session_state.get(f"{form}_{field}") == getattr(base, attr):
            st.session_state[f"{form}_{field}"] = getattr(latest, attr)
    st.session_state[f"{form}_based_on"] = detail.summary.version


def _amendment(form: str) -> Amendment:
    v = lambda f: forms.value(form, f)  # noqa: E731
    return Amendment(v("decision_title") or "", v("decision_text") or "", v("decision_rationale") or "",
                     v("decision_department"), v("decision_owner"), v("decision_due_on"), v("change_note") or "",
                     v("meeting"), v("based_on"))  # fmt: skip


def effect_view(ws: Workspace, decision_id: int) -> None:
    days = st.segmented_control(
        "Compare", options=list(WINDOW_CHOICES), default=DEFAULT_WINDOW, key=f"effect_days_{decision_id}",
        format_func=lambda n: f"{n} days", help="How many days before and after the decision to compare",
    ) or DEFAULT_WINDOW  # fmt: skip
    found = cached(ws, effect.decision_effect, decision_id, days)
    if found.windows is None:
        st.info(found.reason, icon=":material/info:")
        return
    w = found.windows
    if w.days < days:
        st.caption(f":material/info: Only {w.days} whole days have passed since the decision, so both windows are "
                   f"{w.days} days long instead of {days}.")  # fmt: skip
    st.caption(
        f"Customer feedback (NPS) on the journey stages this decision is about, in the {w.days} days before "
        f"{w.decided_on:%-d %B %Y} and the {w.days} days after it. **This compares before with after; it does not "
        "prove the decision caused the change.** Other things happened in the same months."
    )
    names = {None: "All these stages"} | {s: ws.config.name_of("journey_stage", s) for s in found.stages}
    st.plotly_chart(before_and_after(found.rows, names), width="stretch", key=f"effect_{decision_id}",
                    config={"displayModeBar": False})  # fmt: skip
    st.dataframe(effect_table(found.rows, names), hide_index=True, width="stretch")
    if not all(r.trustworthy for r in found.rows):
        st.caption(
            ":material/warning: Marked rows have fewer than 30 responses in a window: too few to trust."
        )


def effect_table(rows, names) -> list[dict]:
    return [
        {
            "Journey stage": names[r.stage],
            "NPS before": _nps(r.before.nps),
            "Responses before": r.before.responses,
            "NPS after": _nps(r.after.nps),
            "Responses after": r.after.responses,
            "Change": _nps(r.change),
            "Enough responses": "yes" if r.trustworthy else "⚠ too few",
        }
        for r in rows
    ]


def _nps(value: float | None) -> str:
    return nps_text(value)
