"""The workspace this app serves and the person using it, for every page."""

from __future__ import annotations

import os

import streamlit as st

from council.config import config_path
from council.domain.errors import CouncilError
from council.domain.people import Person
from council.domain.permissions import Task, may
from council.services.lists import everyone
from council.services.workspace import DB_ENV, Workspace, open_workspace
from council.ui.cache import cached
from council.ui.text import md

ACTING_KEY = "acting_person_id"  # demo mode: whom the user chose to be
SIGNED_IN_KEY = "signed_in_person_id"  # accounts: who signed in, for this browser session


@st.cache_resource(show_spinner="Opening the workspace…")
def _open(config_file: str, db_file: str | None) -> Workspace:
    # One workspace (and one DuckDB connection) per process, shared by every session.
    return open_workspace(config_file, db_file)


def open_current() -> Workspace:
    """The workspace this process serves (opened on first use); raises a CouncilError on a problem."""
    return _open(str(config_path()), os.environ.get(DB_ENV) or None)


def workspace() -> Workspace:
    """The open workspace; on a problem, shows what is wrong and stops the page."""
    try:
        return open_current()
    except CouncilError as e:
        show_error(e)
        st.stop()
        raise  # st.stop() does not return; this keeps type checkers content


def show_error(error: CouncilError) -> None:
    # Messages can quote what the person typed: escaped, so it shows as written.
    st.error(f"**{error.title}.** {md(error.message)}", icon=":material/error:")


def current_person(ws: Workspace) -> Person | None:
    """Who is using the app: the person signed in, or in demo mode the one chosen in the sidebar
    (tests set `st.session_state[ACTING_KEY]`). Someone who left the roster is nobody."""
    chosen = st.session_state.get(ACTING_KEY if ws.config.demo_mode else SIGNED_IN_KEY)
    return next((p for p in cached(ws, everyone) if p.id == chosen), None)


def can(ws: Workspace, task: Task) -> bool:
    """Whether the person using the app may do `task`: pages show edit controls only then (the
    services refuse anyway)."""
    return may(current_person(ws), task)


def sign_in_as(person: Person) -> None:
    st.session_state[SIGNED_IN_KEY] = person.id


def sign_out() -> None:
    """Forget the person and everything they had on screen: the next one to sign in here sees none of it."""
    st.session_state.clear()


def choose_acting_person(ws: Workspace) -> Person | None:
    """Demo mode's sidebar selector of who the user says they are."""
    people = cached(ws, everyone)
    if not people:
        st.sidebar.caption("No people on the roster yet.")
        return None
    by_id = {p.id: p for p in people}
    if st.session_state.get(ACTING_KEY) not in by_id:
        st.session_state[ACTING_KEY] = next((p.id for p in people if p.has_role("secretary")), people[0].id)
    chosen = st.sidebar.selectbox(
        "Acting as",
        options=list(by_id),
        format_func=lambda pid: _describe(ws, by_id[pid]),
        key=ACTING_KEY,
        help="Demo mode: choose who you are. Everyone can pick anyone.",
    )
    st.sidebar.caption(
        ":material/info: Demo mode, without sign-in: anyone can act as anyone. Not for real data."
    )
    return by_id[chosen]


def _describe(ws: Workspace, person: Person) -> str:
    where = ws.config.name_of("department", person.department) if person.department else "external"
    return f"{person.name} ({where} · {', '.join(person.roles) or 'no role'})"
