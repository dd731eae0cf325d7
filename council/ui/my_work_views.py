"""My work, part by part: decisions the person owns, their coming meetings, their department's open items."""

from __future__ import annotations

import streamlit as st

from council.domain.vocabulary import AgendaKind, BlockerStatus, ItemStatus, MeetingStatus
from council.services.my_work import MyWork
from council.services.workspace import Workspace
from council.ui.decision_list import badges
from council.ui.navigation import page_at
from council.ui.record_page import DETAIL_PAGES
from council.ui.text import md

MEETINGS_PAGE = "app_pages/meetings.py"
_PART_WORDS = {"chair": "you chair it", "guest": "you are its guest", "invited": "you are invited"}


def owned_decisions(ws: Workspace, work: MyWork, person_id: int) -> None:
    st.markdown(f"##### Decisions you own ({work.decisions_total})")
    if not work.decisions:
        st.caption("No decision of yours is still to be carried out.")
    for d in work.decisions:
        st.page_link(page_at("app_pages/decisions.py"), label=md(f"#{d.decision_id} {d.title}"), icon=":material/gavel:",
                     query_params={"id": str(d.decision_id)})  # fmt: skip
        st.caption(badges(d) if d.due_on else f"{badges(d)} · no due date")
    if work.decisions_total > len(work.decisions):
        st.page_link(page_at("app_pages/decisions.py"), label=f"All {work.decisions_total} in the decision history",
                     query_params={"owner": str(person_id), "show": "open"}, icon=":material/gavel:")  # fmt: skip


def coming_meetings(ws: Workspace, work: MyWork) -> None:
    st.markdown(f"##### Your coming meetings ({len(work.meetings)})")
    if not work.meetings:
        st.caption("You are not invited to a coming meeting.")
    for todo in work.meetings:
        m = todo.meeting
        when = m.starts_at.astimezone(ws.zone)
        state = " · under way" if m.status == MeetingStatus.OPEN else ""
        st.page_link(page_at(MEETINGS_PAGE), label=md(f"{m.title} · {when:%a %-d %b, %H:%M}"), icon=":material/event:",
                     query_params={"id": str(m.id)})  # fmt: skip
        st.caption(f"{_PART_WORDS[todo.part].capitalize()}{state}")
        for need in todo.needed:
            st.markdown(f":orange[:material/priority_high:] {md(need)}")
        if not todo.needed:
            st.caption(":material/check: Nothing is waiting for you here.")


def owned_items(ws: Workspace, work: MyWork, department: str | None) -> None:
    where = ws.config.name_of("department", department) if department else None
    heading = f"Open items of {md(where)} or logged by you" if where else "Open items you logged"
    st.markdown(f"##### {heading} ({work.items_total:,})")
    if not work.items:
        st.caption("Nothing open.")
    for item in work.items:
        status = (BlockerStatus if item.kind == "blocker" else ItemStatus)(item.status).label
        mine = " · logged by you" if item.logged_by_me else ""
        st.page_link(page_at(DETAIL_PAGES[item.kind]), label=md(f"{AgendaKind(item.kind).label} #{item.id}: {item.title}"),
                     query_params={"id": str(item.id)}, icon=":material/arrow_forward:")  # fmt: skip
        st.caption(f"{status}{mine}")
    if work.items_total > len(work.items):
        st.caption(f"The {len(work.items)} weightiest of {work.items_total:,} are shown; the lists of friction points, "
                   "connections and blockers have the rest.")  # fmt: skip
