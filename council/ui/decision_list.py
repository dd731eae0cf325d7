"""The decision history as an executive reads it: filters, the numbers, the months, and one card per decision."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from council.charts.decisions import decisions_per_month
from council.domain.decisions import DecisionSummary
from council.domain.filters import DECISION_PERIODS, DecisionFilter, decision_period
from council.domain.vocabulary import DecisionStatus
from council.i18n import N_, _, current_language, use_language
from council.i18n import formats as fmt
from council.services import decision_export
from council.services.decisions import DecisionHistory, decision_history, filter_choices
from council.services.workspace import Workspace
from council.ui import forms, url
from council.ui.cache import cached, shared
from council.ui.text import md

SHOW = {
    "all": N_("Everything"),
    "open": N_("Still to do"),
    "overdue": N_("Overdue"),
    "decided": N_("Decided, not started"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "dropped": N_("Dropped"),
}
SORT = {"newest": N_("Newest first"), "oldest": N_("Oldest first"), "due": N_("Due date, soonest first"),
        "updated": N_("Recently updated")}  # fmt: skip
BADGE = {"decided": "blue", "in_progress": "orange", "done": "green", "dropped": "gray"}
_NARROWING = ("period", "department", "owner", "stage", "meeting")


def _shown(options: dict[str, str]) -> dict[str, str]:
    """Choices marked with N_, in the reader's language."""
    return {value: _(label) for value, label in options.items()}


def decision_filter(ws: Workspace) -> tuple[DecisionFilter, str]:
    """The history's filters and sort, read from and written to the address."""
    config = ws.config
    top = st.columns([3, 1, 1])
    search = url.text_in_url(_("Search what was decided and why"), "q", key="dl_search", container=top[0],
                             placeholder=_("Words from a title, the decision or its reason"))  # fmt: skip
    show = url.selectbox_in_url(_("Show"), "show", _shown(SHOW), "all", key="dl_show", container=top[1])
    sort = url.selectbox_in_url(_("Sort by"), "sort", _shown(SORT), "newest", key="dl_sort", container=top[2])
    active = sum(1 for n in _NARROWING if st.query_params.get_all(n))
    more_label = (_("More filters: period, department, owner, journey stage, meeting ({n} in use)").format(n=active)
                  if active else _("More filters: period, department, owner, journey stage, meeting"))  # fmt: skip
    more = st.expander(more_label, expanded=bool(active), key="dl_more", icon=":material/filter_list:")
    row: tuple[DeltaGenerator, ...] = more.columns(3)  # then two
    period = url.selectbox_in_url(
        _("Decided"), "period", _shown(DECISION_PERIODS), "all", key="dl_period", container=row[0]
    )
    custom: tuple[date | None, date | None] = (None, None)
    if period == "custom":
        custom = (url.date_in_url(_("From"), "from", key="dl_from", container=row[0], value=None, format="DD/MM/YYYY"),
                  url.date_in_url(_("Until"), "to", key="dl_to", container=row[0], value=None, format="DD/MM/YYYY"))  # fmt: skip
        if custom[0] and custom[1] and custom[1] < custom[0]:
            row[0].caption(
                _("Read as {start} until {end}.").format(start=fmt.day(custom[1]), end=fmt.day(custom[0]))
            )
    else:
        url.write_to_url({"from": None, "to": None})
    names = lambda kind: {i: config.name_of(kind, i) for i in config.ids(kind)}  # noqa: E731
    departments = url.multiselect_in_url(_("Owning department"), "department", names("department"), key="dl_dept",
                                         placeholder=_("All departments"), container=row[1])  # fmt: skip
    choices = cached(ws, filter_choices)
    owners = url.multiselect_in_url(_("Owner"), "owner", {str(k): v for k, v in choices.owners.items()},
                                    key="dl_owner", placeholder=_("Anyone"), container=row[2])  # fmt: skip
    row = more.columns(2)
    stages = url.multiselect_in_url(_("Journey stage"), "stage", names("journey_stage"), key="dl_stage",
                                    placeholder=_("The whole journey"), container=row[0])  # fmt: skip
    held = url.multiselect_in_url(_("Decided in"), "meeting", {str(k): v for k, v in choices.meetings.items()},
                                  key="dl_meeting", placeholder=_("Any meeting"), container=row[1])  # fmt: skip
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
    return cached(ws, decision_history, flt, sort, _asked_page())


def _asked_page() -> int:
    return url.int_from_url("page") or 1


def numbers(history: DecisionHistory) -> None:
    counts = history.counts
    cols = st.columns(4)
    cols[0].metric(_("Decisions"), counts["all"], help=_("Decisions that match the search and filters"))
    cols[1].metric(_("Still to do"), counts.get("decided", 0) + counts.get("in_progress", 0),
                   help=_("Decided or in progress"))  # fmt: skip
    cols[2].metric(_("Done"), counts.get("done", 0))
    cols[3].metric(_("Overdue"), counts["overdue"], help=_("Still to do and past the due date"))


def nothing_found(ws: Workspace, flt: DecisionFilter) -> None:
    if flt == DecisionFilter(zone=ws.config.time_zone):
        st.info(_("No decisions recorded yet. The council records them in meeting mode, on the Meetings page; "
                  "each then appears here with its owner, due date and follow-up."), icon=":material/gavel:")  # fmt: skip
        return
    st.info(_("No decisions match. Clear the search or widen the filters."), icon=":material/search_off:")


def timeline(ws: Workspace, flt: DecisionFilter, sort: str) -> None:
    """Decisions per month; the figure is built once per data version, filter and language."""
    st.plotly_chart(shared(ws, _timeline, flt, sort, _asked_page()), width="stretch", key="dl_months",
                    config={"displayModeBar": False})  # fmt: skip
    st.caption(_("Decisions per month they were taken in, coloured by where they stand today."))


def _timeline(ws: Workspace, flt: DecisionFilter, sort: str, page: int) -> go.Figure:
    return decisions_per_month(cached(ws, decision_history, flt, sort, page).per_month)


def export_buttons(ws: Workspace, flt: DecisionFilter, sort: str, matching: int) -> None:
    """Every matching decision as a file; made when clicked, so the page does not wait for it.

    The CSV is for people, in the reader's language; the JSON for programs, in English."""
    language = current_language()  # the file is made after this run, so it is told the language

    def csv_file() -> bytes:
        with use_language(language):
            return decision_export.history_csv(decision_export.export_rows(ws, flt, sort))

    filtered = flt != DecisionFilter(zone=ws.config.time_zone)
    cols = st.columns([1, 1, 3])
    # Translators: a download button; {n} is how many decisions the file holds.
    cols[0].download_button(_("CSV ({n})").format(n=fmt.number(matching)), csv_file,
                            file_name=decision_export.export_name(ws, "csv", filtered), mime="text/csv",
                            icon=":material/download:", help=_("Every matching decision, for a spreadsheet"),
                            on_click="ignore", disabled=not matching)  # fmt: skip
    cols[1].download_button(_("JSON ({n})").format(n=fmt.number(matching)),
                            lambda: decision_export.history_json(decision_export.json_rows(ws, flt, sort)),
                            file_name=decision_export.export_name(ws, "json", filtered), mime="application/json",
                            icon=":material/download:", help=_("Every matching decision, for other programs"),
                            on_click="ignore", disabled=not matching)  # fmt: skip


def cards(ws: Workspace, history: DecisionHistory) -> None:
    for d in history.decisions:
        card(ws, d)


def card(ws: Workspace, d: DecisionSummary) -> None:
    with st.container(border=True):
        st.markdown(f"**#{d.decision_id} · {md(d.title)}**  \n{badges(d)}")
        st.markdown(f"{md(d.text)}")
        if d.rationale:
            st.markdown(_("**Why:** {reason}").format(reason=md(_short(d.rationale))))
        st.caption(facts(ws, d))
        st.button(_("Open the full decision"), key=f"dl_open_{d.decision_id}", icon=":material/arrow_forward:",
                  on_click=open_decision, args=(d.decision_id,))  # fmt: skip


def open_decision(decision_id: int) -> None:
    st.query_params["id"] = str(decision_id)
    forms.forget_errors()


def badges(d: DecisionSummary) -> str:
    status = DecisionStatus(d.status)
    shown = [f":{BADGE[status]}-badge[{status.label}]"]
    if d.overdue and d.due_on is not None:  # overdue: past its due date
        overdue = _("Overdue · was due {day}").format(day=fmt.day(d.due_on))
        shown.append(f":red-badge[:material/schedule: {overdue}]")
    if d.version > 1:
        amended = _("Amended · version {version}").format(version=d.version)
        shown.append(f":gray-badge[{amended}]")
    return " ".join(shown)


def facts(ws: Workspace, d: DecisionSummary) -> str:
    """Where, who and by when, in one line; empty facts are said, not left out."""
    config = ws.config
    day = fmt.day(d.decided_at.astimezone(ws.zone))
    if d.meeting_title:
        decided = _("Decided {day} in {meeting}").format(day=day, meeting=md(d.meeting_title))
    else:
        decided = _("Decided {day}").format(day=day)
    owner = md(d.owner_name) if d.owner_name else _("no owner")
    if d.owner_department:
        owner += f" ({md(config.name_of('department', d.owner_department))})"
    due = _("due {day}").format(day=fmt.day(d.due_on)) if d.due_on else _("no due date")
    stages = ", ".join(md(config.name_of("journey_stage", s)) for s in d.stages)
    return " · ".join(
        part for part in (decided, _("Owner: {owner}").format(owner=owner), due, stages) if part
    )


def pager(history: DecisionHistory) -> None:
    url.pager(history.page, history.pages, "dl")


def _short(text: str, limit: int = 280) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
