"""The decision history as an executive reads it: filters, the numbers, the months, and one card per decision."""

from __future__ import annotations

import streamlit as st

from council.charts.decisions import decisions_per_month
from council.domain.decisions import DecisionSummary
from council.domain.filters import DECISION_PERIODS, DecisionFilter, decision_period
from council.domain.vocabulary import DecisionStatus
from council.services import decision_export
from council.services.decisions import DecisionHistory, decision_history, filter_choices
from council.services.workspace import Workspace
from council.ui import forms, url
from council.ui.cache import cached
from council.ui.text import md

SHOW = {
    "all": "Everything",
    "open": "Still to do",
    "overdue": "Overdue",
    "decided": "Decided, not started",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}
SORT = {"newest": "Newest first", "oldest": "Oldest first", "due": "Due date, soonest first",
        "updated": "Recently updated"}  # fmt: skip
BADGE = {"decided": "blue", "in_progress": "orange", "done": "green", "dropped": "gray"}
_NARROWING = ("period", "department", "owner", "stage", "meeting")


def decision_filter(ws: Workspace) -> tuple[DecisionFilter, str]:
    """The history's filters and sort, read from and written to the address."""
    config = ws.config
    top = st.columns([3, 1, 1])
    search = url.text_in_url("Search what was decided and why", "q", key="dl_search", container=top[0],
                             placeholder="Words from a title, the decision or its reason")  # fmt: skip
    show = url.selectbox_in_url("Show", "show", SHOW, "all", key="dl_show", container=top[1])
    sort = url.selectbox_in_url("Sort by", "sort", SORT, "newest", key="dl_sort", container=top[2])
    active = sum(1 for n in _NARROWING if st.query_params.get_all(n))
    more = st.expander(f"More filters: period, department, owner, journey stage, meeting"
                       f"{f' ({active} in use)' if active else ''}", expanded=bool(active), key="dl_more",
                       icon=":material/filter_list:")  # fmt: skip
    row = more.columns(3)
    period = url.selectbox_in_url(
        "Decided", "period", DECISION_PERIODS, "all", key="dl_period", container=row[0]
    )
    custom = (None, None)
    if period == "custom":
        custom = (url.date_in_url("From", "from", key="dl_from", container=row[0], value=None, format="DD/MM/YYYY"),
                  url.date_in_url("Until", "to", key="dl_to", container=row[0], value=None, format="DD/MM/YYYY"))  # fmt: skip
        if custom[0] and custom[1] and custom[1] < custom[0]:
            row[0].caption(f"Read as {custom[1]:%-d %b %Y} until {custom[0]:%-d %b %Y}.")
    else:
        url.write_to_url({"from": None, "to": None})
    names = lambda kind: {i: config.name_of(kind, i) for i in config.ids(kind)}  # noqa: E731
    departments = url.multiselect_in_url("Owning department", "department", names("department"), key="dl_dept",
                                         placeholder="All departments", container=row[1])  # fmt: skip
    choices = cached(ws, filter_choices)
    owners = url.multiselect_in_url("Owner", "owner", {str(k): v for k, v in choices.owners.items()},
                                    key="dl_owner", placeholder="Anyone", container=row[2])  # fmt: skip
    row = more.columns(2)
    stages = url.multiselect_in_url("Journey stage", "stage", names("journey_stage"), key="dl_stage",
                                    placeholder="The whole journey", container=row[0])  # fmt: skip
    held = url.multiselect_in_url("Decided in", "meeting", {str(k): v for k, v in choices.meetings.items()},
                                  key="dl_meeting", placeholder="Any meeting", container=row[1])  # fmt: skip
    decided_from, decided_to = decision_period(period, ws.today(), custom)
    statuses = {"open": ("decided", "in_progress"), "all": (), "overdue": ()}.get(show, (show,))
    flt = DecisionFilter(search=search, decided_from=decided_from, decided_to=decided_to, departments=departments,
                         owners=tuple(int(o) for o in owners), stages=stages, statuses=statuses,
                         meetings=tuple(int(m) for m in held), overdue_only=show == "overdue",
                         zone=config.time_zone)  # fmt: skip
    return flt, sort


def history_page(ws: Workspace, flt: DecisionFilter, sort: str) -> DecisionHistory:
    """The page of decisions the address asks for; back to the first page whenever the filters change."""
    asked = (flt, sort)
    if st.session_state.get("dl_asked") != asked:
        st.session_state["dl_asked"] = asked
        if st.session_state.get("dl_seen"):  # not on the first visit: a shared link keeps its page
            url.write_to_url({"page": None})
    st.session_state["dl_seen"] = True
    return cached(ws, decision_history, flt, sort, url.int_from_url("page") or 1)


def numbers(history: DecisionHistory) -> None:
    counts = history.counts
    cols = st.columns(4)
    cols[0].metric("Decisions", counts["all"], help="Decisions that match the search and filters")
    cols[1].metric("Still to do", counts.get("decided", 0) + counts.get("in_progress", 0),
                   help="Decided or in progress")  # fmt: skip
    cols[2].metric("Done", counts.get("done", 0))
    cols[3].metric("Overdue", counts["overdue"], help="Still to do and past the due date")


def nothing_found(ws: Workspace, flt: DecisionFilter) -> None:
    if flt == DecisionFilter(zone=ws.config.time_zone):
        st.info("No decisions recorded yet. The council records them in meeting mode, on the Meetings page; "
                "each then appears here with its owner, due date and follow-up.", icon=":material/gavel:")  # fmt: skip
        return
    st.info("No decisions match. Clear the search or widen the filters.", icon=":material/search_off:")


def timeline(history: DecisionHistory) -> None:
    st.plotly_chart(decisions_per_month(history.per_month), width="stretch", key="dl_months",
                    config={"displayModeBar": False})  # fmt: skip
    st.caption("Decisions per month they were taken in, coloured by where they stand today.")


def export_buttons(ws: Workspace, flt: DecisionFilter, sort: str, matching: int) -> None:
    """Every matching decision as a file; made when clicked, so the page does not wait for it."""
    rows = lambda: decision_export.export_rows(ws, flt, sort)  # noqa: E731
    filtered = flt != DecisionFilter(zone=ws.config.time_zone)
    cols = st.columns([1, 1, 3])
    cols[0].download_button(f"CSV ({matching})", lambda: decision_export.history_csv(rows()),
                            file_name=decision_export.export_name(ws, "csv", filtered), mime="text/csv",
                            icon=":material/download:", help="Every matching decision, for a spreadsheet",
                            on_click="ignore", disabled=not matching)  # fmt: skip
    cols[1].download_button(f"JSON ({matching})", lambda: decision_export.history_json(rows()),
                            file_name=decision_export.export_name(ws, "json", filtered), mime="application/json",
                            icon=":material/download:", help="Every matching decision, for other programs",
                            on_click="ignore", disabled=not matching)  # fmt: skip


def cards(ws: Workspace, history: DecisionHistory) -> None:
    for d in history.decisions:
        card(ws, d)


def card(ws: Workspace, d: DecisionSummary) -> None:
    with st.container(border=True):
        st.markdown(f"**#{d.decision_id} · {md(d.title)}**  \n{badges(d)}")
        st.markdown(f"{md(d.text)}")
        if d.rationale:
            st.markdown(f"**Why:** {md(_short(d.rationale))}")
        st.caption(facts(ws, d))
        st.button("Open the full decision", key=f"dl_open_{d.decision_id}", icon=":material/arrow_forward:",
                  on_click=open_decision, args=(d.decision_id,))  # fmt: skip


def open_decision(decision_id: int) -> None:
    st.query_params["id"] = str(decision_id)
    forms.forget_errors()


def badges(d: DecisionSummary) -> str:
    status = DecisionStatus(d.status)
    shown = [f":{BADGE[status]}-badge[{status.label}]"]
    if d.overdue:
        shown.append(f":red-badge[:material/schedule: Overdue · was due {d.due_on:%-d %b %Y}]")
    if d.version > 1:
        shown.append(f":gray-badge[Amended · version {d.version}]")
    return " ".join(shown)


def facts(ws: Workspace, d: DecisionSummary) -> str:
    """Where, who and by when, in one line; empty facts are said, not left out."""
    config = ws.config
    decided = f"Decided {d.decided_at.astimezone(ws.zone):%-d %b %Y}"
    if d.meeting_title:
        decided += f" in {md(d.meeting_title)}"
    owner = md(d.owner_name or "no owner")
    if d.owner_department:
        owner += f" ({md(config.name_of('department', d.owner_department))})"
    due = f"due {d.due_on:%-d %b %Y}" if d.due_on else "no due date"
    stages = ", ".join(md(config.name_of("journey_stage", s)) for s in d.stages)
    return " · ".join(part for part in (decided, f"Owner: {owner}", due, stages) if part)


def pager(history: DecisionHistory) -> None:
    url.pager(history.page, history.pages, "dl")


def _short(text: str, limit: int = 280) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
