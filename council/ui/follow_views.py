"""Following a running meeting from another seat: the point under discussion as the chair records it,
refreshed by itself, and a remark or "I am here" from those present."""

from __future__ import annotations

import streamlit as st

from council.domain.people import Person
from council.domain.records import saved_id
from council.domain.vocabulary import MeetingStatus, Outcome
from council.i18n import _
from council.i18n import formats as fmt
from council.services import follow, meetings
from council.services.workspace import Workspace
from council.store.follow import Remark
from council.ui import forms
from council.ui.cache import cached
from council.ui.text import md

FOLLOW_EVERY = 1.5  # seconds between refreshes of the point under discussion: a save shows within 2 s
REMARK = "remark"


def follow_panel(ws: Workspace, me: Person | None, meeting_id: int) -> None:
    """What the chair records, as it is recorded; below it, what those present add."""
    st.markdown("##### " + _("Now under discussion"))
    _live_point(ws, meeting_id)
    now = cached(ws, follow.now_discussed, meeting_id)
    if me is None or now.item is None:
        return
    if me.id not in now.present:
        st.button(_("I am here: mark me present"), icon=":material/how_to_reg:", key=f"present_{meeting_id}",
                  on_click=forms.save, args=(REMARK, lambda: follow.mark_present(ws, me, meeting_id),
                                             lambda _none: _("You are marked present.")))  # fmt: skip
    form = f"{REMARK}_{meeting_id}"
    with st.form(form, border=False):
        st.text_area(_("A remark on the point under discussion"), key=f"{form}_text", height=80,
                     placeholder=_("The chair sees it with the point, and it stays with it"))  # fmt: skip
        st.form_submit_button(_("Add remark"), icon=":material/chat:", on_click=forms.save,
                              args=(form, lambda: _remark(ws, me, meeting_id, form), lambda _id: _("Remark added.")),
                              kwargs={"reset": {"text": ""}})  # fmt: skip
    forms.field_error(form, "remark")
    forms.form_error(form, ("remark",))
    forms.form_error(REMARK, ())


def _remark(ws: Workspace, me: Person | None, meeting_id: int, form: str) -> int:
    item = cached(ws, follow.now_discussed, meeting_id).item  # the point under discussion now
    return follow.add_remark(ws, me, saved_id(item) if item else 0, forms.value(form, "text") or "")


@st.fragment(run_every=FOLLOW_EVERY)
def _live_point(ws: Workspace, meeting_id: int) -> None:
    """Refreshed by itself every few seconds, this part alone: what is typed elsewhere on the page stays."""
    now = cached(ws, follow.now_discussed, meeting_id)
    item = now.item
    if now.meeting.status != MeetingStatus.OPEN:
        st.info(_("The meeting has ended. Its minutes are under “Minutes & invite”."), icon=":material/lock:")
        return
    if item is None:
        st.info(_("The agenda is empty."))
        return
    with st.container(border=True):
        st.markdown(f"#### {item.position}. {md(item.title)}")
        outcome = Outcome(item.outcome).label if item.outcome else _("No outcome yet")
        st.caption(_("Outcome: {outcome}").format(outcome=outcome))
        if item.notes.strip():
            st.text(item.notes)
        else:
            st.caption(_("No notes yet."))
        owners = cached(ws, meetings.owner_choices)
        for taken in now.decisions:
            d = taken.version
            title = _("Decision #{id}: {title}").format(id=d.decision_id, title=md(d.title))
            st.markdown(f":material/gavel: **{title}**  \n{md(d.text)}")
            for action in taken.actions:
                due = fmt.long_day(action.due_on) if action.due_on else "—"
                owner = owners.get(action.owner_id, "—") if action.owner_id is not None else "—"
                st.markdown(f"- {md(action.what)} — {md(owner)}, {due}")
        for remark in now.remarks:
            remark_line(remark)


def remark_line(remark: Remark) -> None:
    """A remark on a point, with who made it."""
    st.caption(f":material/chat: **{md(remark.person_name or '—')}**: {md(remark.text)}")
