"""The language each page run speaks: the person's own choice, the workspace's, or before sign-in the browser's."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from council.domain.errors import CouncilError
from council.domain.people import Person
from council.i18n import (
    DEFAULT,
    LANGUAGE_NAMES,
    LANGUAGES,
    _,
    preferred_language,
    set_language,
    when_no_language_is_set,
)
from council.services.languages import choose_language, chosen_languages, language_of
from council.services.workspace import Workspace
from council.ui.cache import cached, clear_reads

LANGUAGE_KEY = "language"  # the language of this browser session's last run, for fragments and sign-in


def _session_language() -> str | None:
    # A fragment's rerun does not pass through the page's start, so it asks the session.
    return st.session_state.get(LANGUAGE_KEY) if get_script_run_ctx() is not None else None


when_no_language_is_set(_session_language)


def browser_language(default: str) -> str:
    """The first language the browser prefers that the workspace speaks, else `default`."""
    header = st.context.headers.get("Accept-Language") or ""
    return preferred_language([st.context.locale or "", *header.split(",")], default)


def speak(language: str) -> None:
    """The rest of this run, and the session's fragments, in `language`."""
    st.session_state[LANGUAGE_KEY] = language
    set_language(language)


def speak_before_sign_in(default: str) -> None:
    """Before anyone is known: the language this session last spoke, else the browser's first that we know."""
    speak(st.session_state.get(LANGUAGE_KEY) or browser_language(default))


def speak_to(ws: Workspace, me: Person | None) -> None:
    """The person's own language, else the workspace's."""
    if me is None or me.id is None:
        speak_before_sign_in(ws.config.language)
        return
    speak(language_of(ws, me.id, cached(ws, chosen_languages)))


def language_picker(ws: Workspace, me: Person | None) -> None:
    """The sidebar's choice of language, kept with the person (and so in every session of theirs)."""
    if me is None or me.id is None:
        return
    key = f"language_of_{me.id}"
    mine = language_of(ws, me.id, cached(ws, chosen_languages))
    st.session_state[key] = mine if mine in LANGUAGES else DEFAULT  # chosen in another session, too
    st.sidebar.selectbox(
        _("Language"), LANGUAGES, format_func=LANGUAGE_NAMES.__getitem__, key=key, on_change=_choose,
        args=(ws, me, key), help=_("The language of the workspace, and of the mails and invitations you get."),
    )  # fmt: skip


def _choose(ws: Workspace, me: Person, key: str) -> None:
    try:
        choose_language(ws, me, st.session_state[key])
    except CouncilError as e:
        st.toast(e.message, icon=":material/error:")
        return
    clear_reads()
