"""Settings → Wall screen links: make a link for a screen in the corridor (shown once), see and revoke them."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from council.domain.people import Person
from council.i18n import _
from council.i18n import formats as fmt
from council.services import wall_keys
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.text import md

FORM = "wall_link"
_NEW = "wall_link_new"  # the link just made, shown once


def wall_links(ws: Workspace, me: Person | None) -> None:
    st.subheader(_("Wall screen links"))
    st.caption(
        _(
            "A link opens the wall screen on a screen in the corridor without anyone signed in: the wall and "
            "nothing else. Make one per screen; revoke it when the screen goes, and it stops working at once."
        )
    )
    made = st.session_state.pop(_NEW, None)
    if made:
        st.success(_("Open this address on the screen. It is shown only now: copy it."), icon=":material/tv:")
        st.code(made, language=None, wrap_lines=True)
    with st.form(FORM, border=False, enter_to_submit=True):
        cols = st.columns([3, 1], vertical_alignment="bottom")
        cols[0].text_input(_("Where is the screen?"), key=f"{FORM}_label", max_chars=wall_keys.MAX_LABEL,
                           placeholder=_("For instance “Corridor, 2nd floor”"))  # fmt: skip
        cols[1].form_submit_button(
            _("Make a link"), icon=":material/add_link:", on_click=_make, args=(ws, me)
        )
        forms.field_error(FORM, "label")
        forms.form_error(FORM, ("label",))
    for key in wall_keys.wall_links(ws, me):
        cols = st.columns([4, 1], vertical_alignment="center")
        cols[0].markdown(
            _("**{screen}** · made {day}").format(
                screen=md(key.label), day=fmt.day(key.created_at.astimezone(ws.zone))
            )
        )
        cols[1].button(_("Revoke"), key=f"revoke_wall_{key.id}", icon=":material/link_off:",
                       on_click=forms.save, args=(FORM, lambda k=key: wall_keys.revoke_wall_key(ws, me, k.id),
                                                  lambda _done, k=key: _("The link for {screen} no longer opens the wall.").format(screen=k.label)))  # fmt: skip


def _make(ws: Workspace, me: Person | None) -> None:
    label = forms.value(FORM, "label", "")

    def make() -> str:
        key = wall_keys.make_wall_key(ws, me, label)
        st.session_state[_NEW] = f"{_base()}/wall?key={key}"
        return key

    forms.save(
        FORM,
        make,
        lambda _done: _("A link for {screen} is made.").format(screen=label.strip()),
        reset={"label": ""},
    )


def _base() -> str:
    """The address the workspace is reached at, as this browser reached it."""
    here = urlsplit(st.context.url or "")
    return f"{here.scheme}://{here.netloc}" if here.scheme and here.netloc else ""
