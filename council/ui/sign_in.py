"""Signing in, two ways: a local account's e-mail address and password, or the organisation's own
sign-in (OpenID Connect through `st.login`, matched to the roster by e-mail address). Also what the
sidebar offers someone signed in: who they are, changing their password, and signing out."""

from __future__ import annotations

import streamlit as st

from council.domain.accounts import MIN_PASSWORD, SLOW_AFTER
from council.domain.errors import CouncilError, SignInFailed
from council.domain.people import Person
from council.services import accounts
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.session import current_person, show_error, sign_in_as, sign_out, workspace
from council.ui.text import md

FORM = "sign_in"
OWN = "own_password"
_ERROR = "sign_in_error"
_CHANGED = "own_password_changed"
# What `[auth]` in .streamlit/secrets.toml needs for one identity provider (see the README).
PROVIDER_SETTINGS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")


def signed_in_person(ws: Workspace) -> Person | None:
    """Who is signed in, or None; with the organisation's sign-in, the person it names is looked up
    on the roster once per browser session (a refusal is kept for `sign_in_page` to show)."""
    if ws.config.local_accounts or ws.config.demo_mode:
        return current_person(ws)
    if not st.user.get("is_logged_in", False):
        return None
    me = current_person(ws)
    if me is None:
        try:
            me = accounts.identified(ws, st.user.get("email"), st.user.get("email_verified"))
        except CouncilError as e:
            st.session_state[_ERROR] = e
            return None
        sign_in_as(me)
    return me


def sign_in_page() -> None:
    """What anyone not signed in sees, instead of any page."""
    ws = workspace()
    _, middle, _ = st.columns([1, 3, 1])  # a form as wide as the screen reads poorly
    with middle:
        st.title("Sign in")
        st.caption(f"{md(ws.config.organisation)} · customer-experience council")
        error = st.session_state.pop(_ERROR, None)
        if error is not None:
            show_error(error)
        if ws.config.local_accounts:
            _password_form(ws)
        else:
            _organisation_sign_in(refused=error is not None)


def _password_form(ws: Workspace) -> None:
    with st.form(FORM, border=True, enter_to_submit=True):
        st.text_input("E-mail address", key=f"{FORM}_email", autocomplete="username")
        st.text_input("Password", type="password", key=f"{FORM}_password", autocomplete="current-password")
        st.form_submit_button("Sign in", type="primary", on_click=_submit, args=(ws,))
    st.caption(
        "No password yet, or forgot it? Ask the council's secretary: they set a new one for you. "
        f"After {SLOW_AFTER} wrong passwords in a row, each next try has to wait a little longer."
    )


def _submit(ws: Workspace) -> None:
    email = st.session_state.get(f"{FORM}_email") or ""
    password = st.session_state.get(f"{FORM}_password") or ""
    st.session_state[f"{FORM}_password"] = ""  # a password never stays in the form
    try:
        person = accounts.sign_in(ws, email, password, client=st.context.ip_address)
    except CouncilError as e:
        st.session_state[_ERROR] = e
        return
    sign_in_as(person)


def _organisation_sign_in(*, refused: bool) -> None:
    missing = _missing_provider_settings()
    if missing:
        st.error(
            "**The sign-in is not set up yet.** This workspace signs people in with the organisation's own "
            "account (`sign_in: oidc`), but `.streamlit/secrets.toml` has no "
            + (
                "`[auth]` section"
                if len(missing) == len(PROVIDER_SETTINGS)
                else f"{', '.join(missing)} under `[auth]`"
            )
            + ". Whoever runs the workspace fills it in as the README shows.",
            icon=":material/error:",
        )
        return
    if refused:  # the provider knows them, the roster does not: let them try another account
        st.button("Sign out, to sign in with another account", on_click=st.logout)
        return
    st.write("Sign in with the account you use for the rest of your organisation's work.")
    st.button("Sign in with your organisation account", type="primary", on_click=st.login)
    st.caption("The council's roster must know your work e-mail address; if it does not, ask the secretary.")


def _missing_provider_settings() -> list[str]:
    """The settings the organisation's sign-in needs that `[auth]` in the secrets lacks."""
    section = st.secrets.get("auth", {}) if st.secrets.load_if_toml_exists() else {}
    return [name for name in PROVIDER_SETTINGS if not section.get(name)]


def signed_in_sidebar(ws: Workspace, me: Person) -> None:
    """Who is signed in, changing one's own password (local accounts), and the way out."""
    st.sidebar.markdown(f"Signed in as **{md(me.name)}**")
    if ws.config.local_accounts:
        with st.sidebar.popover("Change your password", icon=":material/key:", width="stretch"):
            _own_password_form(ws)
    leave = sign_out if ws.config.local_accounts else _sign_out_of_provider
    st.sidebar.button("Sign out", icon=":material/logout:", on_click=leave, key="sign_out", width="stretch")


def _sign_out_of_provider() -> None:
    sign_out()
    st.logout()  # forgets the provider's sign-in in this browser (and at the provider, if it offers that)


def _own_password_form(ws: Workspace) -> None:
    if st.session_state.pop(_CHANGED, False):
        st.success(
            "Your password is changed. Use the new one next time you sign in.", icon=":material/check:"
        )
    with st.form(OWN, border=False, enter_to_submit=False):
        forms.form_error(OWN, ("current", "password", "confirm"))
        for field, label, autocomplete in (
            ("current", "Current password", "current-password"),
            ("password", "New password", "new-password"),
            ("confirm", "The new one again", "new-password"),
        ):
            st.text_input(label, type="password", key=f"{OWN}_{field}", autocomplete=autocomplete)
            forms.field_error(OWN, field)
        st.form_submit_button("Change password", type="primary", on_click=_change_own, args=(ws,))
    st.caption(f"At least {MIN_PASSWORD} characters; a few unrelated words are easy to remember.")


def _change_own(ws: Workspace) -> None:
    me = current_person(ws)
    typed = {field: forms.value(OWN, field, "") for field in ("current", "password", "confirm")}
    for field in typed:
        st.session_state[f"{OWN}_{field}"] = ""  # passwords never stay on screen
    forms.clear_error(OWN)
    try:
        if me is None:
            raise SignInFailed("You are no longer signed in. Sign in again first.")
        accounts.change_own_password(ws, me, typed["current"], typed["password"], typed["confirm"])
    except CouncilError as e:
        forms.fail(OWN, e)
        return
    st.session_state[_CHANGED] = True
