"""The workspace this app serves and the person using it, for every page."""

from __future__ import annotations

import os

import streamlit as st

from council.config import config_path
from council.domain.errors import CouncilError
from council.domain.people import Person
from council.domain.permissions import Task, may
from council.i18n import N_, _
from council.services.lists import everyone
from council.services.workspace import DB_ENV, Workspace, open_workspace
from council.ui.cache import cached
from council.ui.text import md

ACTING_KEY = "acting_person_id"  # demo mode: whom the user chose to be
SIGNED_IN_KEY = "signed_in_person_id"  # accounts: who signed in, for this browser session
SIGNED_OUT_KEY = "signed_out_here"  # someone signed out in this browser session


# The words a role is shown with in the demo's "Acting as" list.
_ROLE_WORDS = {"member": N_("member"), "chair": N_("chair"), "secretary": N_("secretary"),
               "executive": N_("executive"), "guest": N_("guest")}  # fmt: skip


_OPENED: set[tuple[str, str | None]] = set()  # the workspaces this process opened already


@st.cache_resource(show_spinner=False)  # the page shows its own, in the reader's language
def _open(config_file: str, db_file: str | None) -> Workspace:
    # One workspace (and one DuckDB connection) per process, shared by every session.
    return open_workspace(config_file, db_file)


def open_current() -> Workspace:
    """The workspace this process serves (opened on first use); raises a CouncilError on a problem."""
    return _open(*_where())


def _where() -> tuple[str, str | None]:
    return str(config_path()), os.environ.get(DB_ENV) or None


def workspace() -> Workspace:
    """The open workspace; on a problem, shows what is wrong and stops the page."""
    try:
        if _where() in _OPENED:
            return open_current()
        with st.spinner(_("Opening the workspace…")):  # the first time only, and only if it takes a while
            ws = open_current()
        _OPENED.add(_where())
        return ws
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
    """Forget the person and everything they had on screen: the next one to sign in here sees none of it,
    and opens on their own first page rather than on the page the last one left (see `signed_out_here`)."""
    st.session_state.clear()
    st.session_state[SIGNED_OUT_KEY] = True


def signed_out_here() -> bool:
    """Whether someone signed out in this tab: the page in its address was theirs, not the next person's."""
    return bool(st.session_state.get(SIGNED_OUT_KEY))


def acting_person(ws: Workspace) -> Person | None:
    """Demo mode: who the user chose to be (at first the secretary), known before the selector is drawn,
    so that it speaks their language."""
    people = cached(ws, everyone)
    if not people:
        return None
    by_id = {p.id: p for p in people}
    if st.session_state.get(ACTING_KEY) not in by_id:
        st.session_state[ACTING_KEY] = next((p.id for p in people if p.has_role("secretary")), people[0].id)
    return by_id[st.session_state[ACTING_KEY]]


def choose_acting_person(ws: Workspace) -> Person | None:
    """Demo mode's sidebar selector of who the user says they are."""
    if acting_person(ws) is None:
        st.sidebar.caption(_("No people on the roster yet."))
        return None
    by_id = {p.id: p for p in cached(ws, everyone)}
    chosen = st.sidebar.selectbox(
        _("Acting as"),
        options=list(by_id),
        format_func=lambda pid: _describe(ws, by_id[pid]),
        key=ACTING_KEY,
        help=_("Demo mode: choose who you are. Everyone can pick anyone."),
    )
    st.sidebar.caption(
        ":material/info: " + _("Demo mode, without sign-in: anyone can act as anyone. Not for real data.")
    )
    return by_id[chosen]


def _describe(ws: Workspace, person: Person) -> str:
    where = ws.config.name_of("department", person.department) if person.department else _("external")
    roles = ", ".join(_(_ROLE_WORDS[r]) if r in _ROLE_WORDS else r for r in person.roles) or _("no role")
    return f"{person.name} ({where} · {roles})"
