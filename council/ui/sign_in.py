"""Signing in, two ways: a local account's e-mail address and password, or the organisation's own
sign-in (OpenID Connect through `st.login`, matched to the roster by e-mail address). Also what the
sidebar offers someone signed in: who they are, changing their password, and signing out."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import streamlit as st

from council.domain.accounts import MIN_PASSWORD, SLOW_AFTER
from council.domain.errors import CouncilError, SignInFailed
from council.domain.people import Person
from council.i18n import _
from council.i18n import formats as fmt
from council.services import accounts, sessions, signing_in, wall_keys
from council.services.workspace import Workspace
from council.ui import forms, web
from council.ui.session import (
    SIGNED_IN_KEY,
    current_person,
    show_error,
    sign_in_as,
    sign_out,
    signed_out_here,
    workspace,
)
from council.ui.text import md
from council.ui.web_forms import base_path

FORM = "sign_in"
OWN = "own_password"
_ERROR = "sign_in_error"
_CHANGED = "own_password_changed"
# What `[auth]` in .streamlit/secrets.toml needs for one identity provider (see the README).
PROVIDER_SETTINGS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")


def signed_in_person(ws: Workspace) -> Person | None:
    """Who is signed in, or None; with the organisation's sign-in, the person it names is looked up
    on the roster once per browser session (a refusal is kept for `sign_in_page` to show). With local
    accounts behind the sign-in page (`app.py`), the session cookie is checked on every run, so signing
    out in one tab signs the others out at their next click."""
    if ws.config.demo_mode:
        return current_person(ws)
    if ws.config.local_accounts:
        token = _session_token()
        if token is None or not web.GATED:  # served without the sign-in page: signed in in this tab only
            return current_person(ws)
        person = sessions.person_of(ws, token)
        if person is None:
            st.session_state.pop(SIGNED_IN_KEY, None)
            return None
        sign_in_as(person)
        return current_person(ws)
    if not st.user.get("is_logged_in", False):
        return None
    me = current_person(ws)
    if me is None:
        try:
            email, verified = st.user.get("email"), st.user.get("email_verified")
            me = signing_in.identified(ws, email if isinstance(email, str) else None,
                                       verified if isinstance(verified, bool | str) else None)  # fmt: skip
        except CouncilError as e:
            st.session_state[_ERROR] = e
            return None
        sign_in_as(me)
    return me


def wall_key_opens(ws: Workspace) -> bool:
    """Whether this browser holds a wall link's key that still opens the wall screen."""
    return wall_keys.opens_the_wall(ws, _cookie(wall_keys.COOKIE))


def _session_token() -> str | None:
    """The session cookie's token as the browser sent it when this tab connected, if any."""
    return _cookie(sessions.COOKIE)


def _cookie(name: str) -> str | None:
    value = st.context.cookies.get(name)
    return value if isinstance(value, str) else None  # (a test runner without a browser has no cookies)


def sign_in_page() -> None:
    """What anyone not signed in sees, instead of any page."""
    ws = workspace()
    middle = st.columns([1, 3, 1])[1]  # a form as wide as the screen reads poorly
    with middle:
        st.title(_("Sign in"))
        st.caption(
            _("{organisation} · customer-experience council").format(organisation=md(ws.config.organisation))
        )
        error = st.session_state.pop(_ERROR, None)
        if error is not None:
            show_error(error)
        if ws.config.local_accounts and web.GATED:
            _to_the_sign_in_page()
        elif ws.config.local_accounts:
            _password_form(ws)
        else:
            _organisation_sign_in(refused=error is not None)


def _to_the_sign_in_page() -> None:
    """This tab's sign-in ended (signed out here or in another tab, a new password, too long idle)."""
    if st.session_state.pop(_CHANGED, False):
        st.success(_("Your password is changed. Sign in with the new one."), icon=":material/check:")
    elif signed_out_here():
        st.info(_("You are signed out."), icon=":material/logout:")
    else:
        st.info(
            _("You are signed out: you signed out, or nothing was clicked for a long time."),
            icon=":material/logout:",
        )
    address = f"{base_path()}{web.SIGN_IN_PATH}"
    if not signed_out_here():  # back to this page; after signing out here, the next person's own first page
        here = st.context.url or "/"
        path = urlsplit(here).path or "/"
        query = urlsplit(here).query
        address += "?next=" + quote(path + (f"?{query}" if query else ""), safe="")
    st.link_button(_("Sign in again"), address, type="primary", icon=":material/login:")


def _password_form(ws: Workspace) -> None:
    with st.form(FORM, border=True, enter_to_submit=True):
        st.text_input(_("E-mail address"), key=f"{FORM}_email", autocomplete="username")
        st.text_input(_("Password"), type="password", key=f"{FORM}_password", autocomplete="current-password")
        st.form_submit_button(_("Sign in"), type="primary", on_click=_submit, args=(ws,))
    st.caption(
        _(
            "No password yet, or forgot it? Ask the council's secretary: they set a new one for you. "
            "After {n} wrong passwords in a row, each next try has to wait a little longer."
        ).format(n=SLOW_AFTER)
    )


def _submit(ws: Workspace) -> None:
    email = st.session_state.get(f"{FORM}_email") or ""
    password = st.session_state.get(f"{FORM}_password") or ""
    st.session_state[f"{FORM}_password"] = ""  # a password never stays in the form
    try:
        person = signing_in.sign_in(ws, email, password, client=st.context.ip_address)
    except CouncilError as e:
        st.session_state[_ERROR] = e
        return
    sign_in_as(person)


def _organisation_sign_in(*, refused: bool) -> None:
    missing = _missing_provider_settings()
    if missing:
        if len(missing) == len(PROVIDER_SETTINGS):
            problem = _(
                "**The sign-in is not set up yet.** This workspace signs people in with the organisation's own "
                "account (`sign_in: oidc`), but `.streamlit/secrets.toml` has no `[auth]` section. Whoever runs "
                "the workspace fills it in as the README shows."
            )
        else:
            problem = _(
                "**The sign-in is not set up yet.** This workspace signs people in with the organisation's own "
                "account (`sign_in: oidc`), but `.streamlit/secrets.toml` has no {settings} under `[auth]`. "
                "Whoever runs the workspace fills it in as the README shows."
            ).format(settings=", ".join(missing))
        st.error(problem, icon=":material/error:")
        return
    if refused:  # the provider knows them, the roster does not: let them try another account
        st.button(_("Sign out, to sign in with another account"), on_click=st.logout)
        return
    st.write(_("Sign in with the account you use for the rest of your organisation's work."))
    st.button(_("Sign in with your organisation account"), type="primary", on_click=st.login)
    st.caption(
        _("The council's roster must know your work e-mail address; if it does not, ask the secretary.")
    )


def _missing_provider_settings() -> list[str]:
    """The settings the organisation's sign-in needs that `[auth]` in the secrets lacks."""
    section = st.secrets.get("auth", {}) if st.secrets.load_if_toml_exists() else {}
    return [name for name in PROVIDER_SETTINGS if not section.get(name)]


def signed_in_sidebar(ws: Workspace, me: Person) -> None:
    """Who is signed in, changing one's own password (local accounts), and the way out."""
    st.sidebar.markdown(_("Signed in as **{name}**").format(name=md(me.name)))
    if ws.config.local_accounts:
        with st.sidebar.popover(_("Change your password"), icon=":material/key:", width="stretch"):
            _own_password_form(ws)
    if ws.config.local_accounts and web.GATED:
        with st.sidebar.popover(_("Your sign-ins"), icon=":material/devices:", width="stretch"):
            _my_sessions(ws, me)
        leave = _end_this_session
    else:
        leave = sign_out if ws.config.local_accounts else _sign_out_of_provider
    st.sidebar.button(
        _("Sign out"), icon=":material/logout:", on_click=leave, key="sign_out", width="stretch"
    )


def _end_this_session() -> None:
    sessions.end(workspace(), _session_token())
    sign_out()


def _my_sessions(ws: Workspace, me: Person) -> None:
    """The browsers signed in as me: when they were last used, and a way to end each or all."""
    token = _session_token()
    lines = sessions.my_sessions(ws, me, token)
    for line in lines:
        cols = st.columns([4, 1], vertical_alignment="center")
        what = _("this browser") if line.current else md(_browser_words(line.browser))
        when = fmt.short_moment(line.last_used_at.astimezone(ws.zone))
        if line.keep:
            shown = _("**{browser}** · last used {when} · kept 14 days").format(browser=what, when=when)
        else:
            shown = _("**{browser}** · last used {when}").format(browser=what, when=when)
        cols[0].markdown(shown)
        if not line.current:
            cols[1].button(_("End"), key=f"end_session_{line.id}", on_click=_end_one, args=(ws, me, line.id))
    st.button(_("Sign out everywhere"), key="end_all_sessions", on_click=_end_everywhere, args=(ws, me),
              help=_("Ends every sign-in of yours, on every computer and phone, this one too."))  # fmt: skip


def _end_one(ws: Workspace, me: Person, session_id: int) -> None:
    try:
        sessions.end_mine(ws, me, session_id)
    except CouncilError as e:
        st.session_state[_ERROR] = e


def _end_everywhere(ws: Workspace, me: Person) -> None:
    sessions.end_mine(ws, me, None)
    sign_out()


def _browser_words(agent: str) -> str:
    """A browser's description in a few words: enough to recognise one's phone or laptop."""
    for name in ("Edg", "Firefox", "Chrome", "Safari"):
        if name in agent:
            browser = {"Edg": "Edge"}.get(name, name)
            system = next((s for s in ("Windows", "Mac OS", "iPhone", "Android", "Linux") if s in agent), "")
            if not system:
                return browser
            system = _("a Mac") if system == "Mac OS" else system
            return _("{browser} on {system}").format(browser=browser, system=system)
    return agent[:40] or _("a browser")


def _sign_out_of_provider() -> None:
    sign_out()
    st.logout()  # forgets the provider's sign-in in this browser (and at the provider, if it offers that)


def _own_password_form(ws: Workspace) -> None:
    if st.session_state.pop(_CHANGED, False):
        st.success(
            _("Your password is changed. Use the new one next time you sign in."), icon=":material/check:"
        )
    with st.form(OWN, border=False, enter_to_submit=False):
        forms.form_error(OWN, ("current", "password", "confirm"))
        for field, label, autocomplete in (
            ("current", _("Current password"), "current-password"),
            ("password", _("New password"), "new-password"),
            ("confirm", _("The new one again"), "new-password"),
        ):
            st.text_input(label, type="password", key=f"{OWN}_{field}", autocomplete=autocomplete)
            forms.field_error(OWN, field)
        st.form_submit_button(_("Change password"), type="primary", on_click=_change_own, args=(ws,))
    st.caption(
        _("At least {n} characters; a few unrelated words are easy to remember.").format(n=MIN_PASSWORD)
    )


def _change_own(ws: Workspace) -> None:
    me = current_person(ws)
    typed = {field: forms.value(OWN, field, "") for field in ("current", "password", "confirm")}
    for field in typed:
        st.session_state[f"{OWN}_{field}"] = ""  # passwords never stay on screen
    forms.clear_error(OWN)
    try:
        if me is None:
            raise SignInFailed(_("You are no longer signed in. Sign in again first."))
        accounts.change_own_password(ws, me, typed["current"], typed["password"], typed["confirm"])
    except CouncilError as e:
        forms.fail(OWN, e)
        return
    st.session_state[_CHANGED] = (
        True  # behind the sign-in page, this ends the sign-in: sign in with the new one
    )
