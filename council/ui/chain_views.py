"""From a friction point, connection or blocker onward: the decisions taken about it with their actions
and effect, and a member's request to put it on the next agenda."""

from __future__ import annotations

import streamlit as st

from council.domain.feedback import nps_text
from council.domain.permissions import Task
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import chain, pins
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.action_views import DECISIONS_PAGE, action_line
from council.ui.cache import cached
from council.ui.decision_list import badges
from council.ui.navigation import page_at
from council.ui.session import can, current_person
from council.ui.text import md


def effect_words(headline: chain.EffectHeadline) -> str:
    """The score around a decision in words: before → after, with how many responses, or why there is none."""
    row = headline.row
    if row is None:
        return md(headline.reason)
    if row.before.nps is None or row.after.nps is None:
        return ngettext(
            "No customer feedback on its journey stages in the {n} day before or after it.",
            "No customer feedback on its journey stages in the {n} days before or after it.",
            headline.days,
        ).format(n=fmt.number(headline.days))
    values = {"before": nps_text(row.before.nps), "after": nps_text(row.after.nps), "n": fmt.number(headline.days),
              "before_n": fmt.number(row.before.responses), "after_n": fmt.number(row.after.responses)}  # fmt: skip
    if row.trustworthy:
        # Translators: {before} and {after} are NPS scores; {before_n} and {after_n} how many responses each has.
        return ngettext(
            "NPS {before} in the {n} day before → {after} in the {n} day after ({before_n} and {after_n} "
            "responses). A before/after comparison, not proof.",
            "NPS {before} in the {n} days before → {after} in the {n} days after ({before_n} and {after_n} "
            "responses). A before/after comparison, not proof.",
            headline.days,
        ).format(**values)
    return ngettext(
        "NPS {before} in the {n} day before → {after} in the {n} day after ({before_n} and {after_n} "
        "responses) :orange[(too few responses to trust)]. A before/after comparison, not proof.",
        "NPS {before} in the {n} days before → {after} in the {n} days after ({before_n} and {after_n} "
        "responses) :orange[(too few responses to trust)]. A before/after comparison, not proof.",
        headline.days,
    ).format(**values)


def decisions_taken(ws: Workspace, kind: str, ref_id: int) -> None:
    taken = cached(ws, chain.decisions_taken_about, kind, ref_id)
    st.markdown(_("**Decisions taken about it ({n})**").format(n=len(taken)))
    if not taken:
        st.caption(_("The council has not decided anything about it yet."))
    for t in taken:
        d = t.summary
        with st.container(border=True):
            label = md(_("Decision #{id}: {title}").format(id=d.decision_id, title=d.title))
            st.page_link(page_at(DECISIONS_PAGE), label=label, icon=":material/gavel:",
                         query_params={"id": str(d.decision_id)})  # fmt: skip
            st.markdown(badges(d))
            for a in t.actions:
                st.markdown(action_line(ws, a))
            if not t.actions:
                st.caption(_("No actions were agreed for it."))
            st.caption(_("Effect on customers: {effect}").format(effect=effect_words(t.effect)))


def agenda_request(ws: Workspace, kind: str, ref_id: int) -> None:
    """Pinned for the next agenda (by whom and why), or a way for a member to ask for it."""
    me = current_person(ws)
    pin = cached(ws, pins.pin_of, kind, ref_id)
    form = f"pin_{kind}_{ref_id}"
    forms.form_error(form, ("pin_why",))
    if pin is not None:
        who = md(pin.asked_by_name) if pin.asked_by_name else _("A member")
        day = fmt.long_day(pin.pinned_at.astimezone(ws.zone))
        st.info(_("On the next agenda's suggestions: {who} asked for it on {day}: “{why}”").format(
                    who=who, day=day, why=md(pin.why)), icon=":material/push_pin:")  # fmt: skip
        if can(ws, Task.AGENDA):
            st.button(_("Take it off the suggestions"), icon=":material/cancel:", key=f"{form}_unpin",
                      on_click=forms.save, args=(form, lambda: pins.unpin(ws, me, kind, ref_id),
                                                 lambda __: _("It is no longer pinned for the agenda.")))  # fmt: skip
        return
    if not can(ws, Task.AGENDA):
        return
    coming = cached(ws, pins.next_meeting_title)
    with st.expander(_("Put it on the agenda"), icon=":material/push_pin:", key=f"{form}_open"):
        st.caption(_("It is suggested first, after the guest's proposal, for {meeting}.").format(meeting=md(coming))
                   if coming else _("No meeting is planned yet: it is suggested first for the next one planned."))  # fmt: skip
        st.text_input(_("Why the council should discuss it"), key=f"{form}_why", max_chars=pins.MAX_WHY,
                      placeholder=_("e.g. Complaints doubled since the new bill layout"))  # fmt: skip
        forms.field_error(form, "pin_why")
        st.button(_("Put it on the agenda"), type="primary", icon=":material/push_pin:", key=f"{form}_save",
                  on_click=forms.save, args=(form, lambda: pins.pin_for_agenda(ws, me, kind, ref_id,
                                                                               forms.value(form, "why") or ""),
                                             lambda __: _("It is pinned for the next agenda."), ("why",)))  # fmt: skip
