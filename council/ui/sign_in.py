"""The sign-in form shown to anyone not signed in, when the workspace uses local accounts."""

from __future__ import annotations

import streamlit as st

from council.domain.errors import CouncilError
from council.services import accounts
from council.services.workspace import Workspace
from council.ui.session import show_error, sign_in_as, workspace
from council.ui.text import md

FORM = "sign_in"
_ERROR = "sign_in_error"


def sign_in_page() -> None:
    ws = workspace()
    st.title("Sign in")
    st.caption(f"{md(ws.config.organisation)} · customer-experience council")
    error = st.session_state.pop(_ERROR, None)
    if error is not None:
        show_error(error)
    with st.form(FORM, border=True, enter_to_submit=True):
        st.text_input("E-mail address", key=f"{FORM}_email", autocomplete="username")
        st.text_input("Password", type="password", key=f"{FORM}_password", autocomplete="current-password")
        st.form_submit_button("Sign in", type="primary", on_click=_submit, args=(ws,))
    st.caption(
        "No password yet, or forgot it? Ask the council's secretary: they set a new one for you. "
        f"After {accounts.LOCK_AFTER} wrong passwords in a row the account is locked for a quarter of an hour."
    )


def _submit(ws: Workspace) -> None:
    email = st.session_state.get(f"{FORM}_email") or ""
    password = st.session_state.get(f"{FORM}_password") or ""
    st.session_state[f"{FORM}_password"] = ""  # a password never stays in the form
    try:
        person = accounts.sign_in(ws, email, password)
    except CouncilError as e:
        st.session_state[_ERROR] = e
        return
    sign_in_as(person)
