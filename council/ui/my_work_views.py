"""My work, part by part: decisions the person owns, their coming meetings, their department's open items."""

from __future__ import annotations

import streamlit as st

from council.domain.vocabulary import AgendaKind, BlockerStatus, ItemStatus, MeetingStatus
from council.i18n import N_, _
from council.i18n import formats as fmt
from council.services.my_work import MyWork
from council.services.workspace import Workspace
from council.ui.decision_list import badges
from council.ui.navigation import page_at
from council.ui.record_page import DETAIL_PAGES
from council.ui.text import md

MEETINGS_PAGE = "app_pages/meetings.py"
_PART_WORDS = {
    "chair": N_("You chair it"),
    "guest": N_("You are its guest"),
    "invited": N_("You are invited"),
}


def owned_decisions(ws: Workspace, work: MyWork, person_id: int) -> None:
    st.markdown("##### " + _("Decisions you own ({n})").format(n=fmt.number(work.decisions_total)))
    if not work.decisions:
        st.caption(_("No decision of yours is still to be carried out."))
    for d in work.decisions:
        st.page_link(page_at("app_pages/decisions.py"), label=md(f"#{d.decision_id} {d.title}"), icon=":material/gavel:",
                     query_params={"id": str(d.decision_id)})  # fmt: skip
        no_due = _("no due date")
        st.caption(badges(d) if d.due_on else f"{badges(d)} · {no_due}")
    if work.decisions_total > len(work.decisions):
        st.page_link(page_at("app_pages/decisions.py"),
                     label=_("All {n} in the decision history").format(n=fmt.number(work.decisions_total)),
                     query_params={"owner": str(person_id), "show": "open"}, icon=":material/gavel:")  # fmt: skip


def coming_meetings(ws: Workspace, work: MyWork) -> None:
    st.markdown("##### " + _("Your coming meetings ({n})").format(n=len(work.meetings)))
    if not work.meetings:
        st.caption(_("You are not invited to a coming meeting."))
    for todo in work.meetings:
        m = todo.meeting
        when = m.starts_at.astimezone(ws.zone)
        st.page_link(page_at(MEETINGS_PAGE), label=md(f"{m.title} · {fmt.weekday(when)}, {fmt.clock(when)}"),
                     icon=":material/event:", query_params={"id": str(m.id)})  # fmt: skip
        part = _(_PART_WORDS[todo.part])
        st.caption(_("{part} · under way").format(part=part) if m.status == MeetingStatus.OPEN else part)
        for need in todo.needed:
            st.markdown(f":orange[:material/priority_high:] {md(need)}")
        if not todo.needed:
            st.caption(":material/check: " + _("Nothing is waiting for you here."))


def owned_items(ws: Workspace, work: MyWork, department: str | None) -> None:
    where = ws.config.name_of("department", department) if department else None
    n = fmt.number(work.items_total)
    heading = (_("Open items of {department} or logged by you ({n})").format(department=md(where), n=n) if where
               else _("Open items you logged ({n})").format(n=n))  # fmt: skip
    st.markdown(f"##### {heading}")
    if not work.items:
        st.caption(_("Nothing open."))
    for item in work.items:
        status = (BlockerStatus if item.kind == "blocker" else ItemStatus)(item.status).label
        label = md(f"{AgendaKind(item.kind).label} #{item.id}: {item.title}")
        st.page_link(page_at(DETAIL_PAGES[item.kind]), label=label,
                     query_params={"id": str(item.id)}, icon=":material/arrow_forward:")  # fmt: skip
        # Translators: {status} is the item's status, e.g. "Open".
        st.caption(_("{status} · logged by you").format(status=status) if item.logged_by_me else status)
    if work.items_total > len(work.items):
        st.caption(_("The {shown} weightiest of {n} are shown; the lists of friction points, connections and "
                     "blockers have the rest.").format(shown=len(work.items), n=n))  # fmt: skip
