"""The secretary's roster: everyone who may use the workspace, their roles and their sign-in, choosing
someone to change, and setting their password. The forms for a person's details are in `roster_forms`."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from council.domain.accounts import MIN_PASSWORD, SLOW_AFTER
from council.domain.people import Person
from council.domain.records import saved_id
from council.domain.vocabulary import Role, role_label
from council.i18n import N_, _
from council.i18n import formats as fmt
from council.services import accounts, roster
from council.services.roster import RosterLine
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import cached
from council.ui.roster_forms import CHOSEN, edit_person_form, new_person_form
from council.ui.session import current_person
from council.ui.text import md

# The roster table's columns: English names inside, translated headers on screen.
_COLUMNS = {"Name": N_("Name"), "E-mail address": N_("E-mail address"), "Department": N_("Department"),
            "Job title": N_("Job title"), "Roles": N_("Roles"), "Signing in": N_("Signing in"),
            "Last signed in": N_("Last signed in")}  # fmt: skip


def roster_manager(ws: Workspace, me: Person) -> None:
    st.caption(
        _(
            "Everyone who may use this workspace. Their roles decide which pages they see and what they may change."
        )
    )
    with st.expander(_("What each role may do"), icon=":material/help:"):
        st.markdown("\n".join(f"- **{r.label.capitalize()}**: {r.does}." for r in Role))
    forms.show_flash()
    lines = cached(ws, roster.roster_lines, me)
    show_left = st.toggle(_("Show people who left"), key="roster_show_left")
    shown = [line for line in lines if show_left or line.person.active]
    table = _table(ws, shown)
    st.dataframe(
        table.rename(columns={c: _(_COLUMNS[c]) for c in table.columns}), hide_index=True, width="stretch"
    )
    with st.expander(_("Add a person"), icon=":material/person_add:"):
        new_person_form(ws)
    _change_someone(ws, lines)


def _table(ws: Workspace, lines: list[RosterLine]) -> pd.DataFrame:
    config = ws.config
    rows = [
        {
            "Name": line.person.name,
            "E-mail address": line.person.email or "",
            "Department": config.name_of("department", line.person.department)
            if line.person.department
            else _("outside the organisation"),
            "Job title": line.person.role_title,
            "Roles": ", ".join(role_label(r) for r in line.person.roles) or _("none"),
            "Signing in": _sign_in_state(ws, line),
            "Last signed in": _when(ws, line.last_sign_in_at),
        }
        for line in lines
    ]
    table = pd.DataFrame(rows, columns=["Name", "E-mail address", "Department", "Job title", "Roles", "Signing in",
                                        "Last signed in"])  # fmt: skip
    if ws.config.demo_mode:
        return table.drop(columns=["Signing in", "Last signed in"])
    if not ws.config.local_accounts:
        return table.drop(columns=["Last signed in"])
    return table


def _sign_in_state(ws: Workspace, line: RosterLine) -> str:
    if not line.person.active:
        return _("left the roster: cannot sign in")
    if not line.person.email:
        return _("no e-mail address: cannot sign in")
    if not ws.config.local_accounts:
        return _("with the organisation's sign-in")
    if line.locked_until is not None:
        return _("slowed down until {moment}").format(moment=_when(ws, line.locked_until))
    return _("password set") if line.has_password else _("no password yet")


def _when(ws: Workspace, moment: datetime | None) -> str:
    return fmt.moment(moment.astimezone(ws.zone)) if moment else ""


def _change_someone(ws: Workspace, lines: list[RosterLine]) -> None:
    by_id = {line.person.id: line for line in lines}
    if st.session_state.get(CHOSEN) not in by_id:
        st.session_state.pop(CHOSEN, None)
    chosen = st.selectbox(
        _("Change someone"),
        options=list(by_id),
        index=None,
        format_func=lambda pid: _describe(by_id[pid].person),
        placeholder=_("Choose a person to change their roles, details or password…"),
        key=CHOSEN,
    )
    if chosen is None:
        return
    line = by_id[chosen]
    with st.container(border=True):
        edit_person_form(ws, line.person)
        if ws.config.local_accounts and line.person.active and line.person.email:
            _password_part(ws, line)


def _describe(person: Person) -> str:
    roles = ", ".join(role_label(r) for r in person.roles) or _("no role")
    if person.active:
        return f"{person.name} ({roles})"
    return _("{name} ({roles}, left)").format(name=person.name, roles=roles)


def _password_part(ws: Workspace, line: RosterLine) -> None:
    person = line.person
    form = f"password_{person.id}"
    st.markdown("**" + _("Password") + "**")
    if line.locked_until is not None:
        st.warning(
            _("After {n} or more wrong passwords in a row, the next try waits until {moment}.").format(
                n=fmt.number(SLOW_AFTER), moment=_when(ws, line.locked_until)
            ),
            icon=":material/hourglass_top:",
        )
        st.button(
            _("Let the next try through now, keeping the password"),
            key=f"unlock_{person.id}",
            on_click=_unlock,
            args=(ws, form, person),
        )
    with st.form(form, border=False, enter_to_submit=False):
        forms.form_error(form, ("password", "confirm"))
        left, right = st.columns(2)
        with left:
            st.text_input(
                _("New password"), type="password", key=f"{form}_password", autocomplete="new-password"
            )
            forms.field_error(form, "password")
        with right:
            st.text_input(
                _("The same again"), type="password", key=f"{form}_confirm", autocomplete="new-password"
            )
            forms.field_error(form, "confirm")
        label = _("Set a new password") if line.has_password else _("Set a first password")
        st.form_submit_button(label, on_click=_set_password, args=(ws, form, person))
    st.caption(
        _(
            "At least {n} characters. Tell it to {name} in person or by phone; "
            "once signed in, they can change it under “Change your password” in the sidebar. "
            "A new password also lifts a lock."
        ).format(n=fmt.number(MIN_PASSWORD), name=md(person.name))
    )


def _set_password(ws: Workspace, form: str, person: Person) -> None:
    password, confirm = forms.value(form, "password", ""), forms.value(form, "confirm", "")
    person_id = saved_id(person)
    action = lambda: accounts.set_password(ws, current_person(ws), person_id, password, confirm)  # noqa: E731
    # The typed passwords never stay in the form, whether they were taken or not.
    forms.save(form, action, lambda _id: _("{name} has a new password.").format(name=person.name))
    st.session_state[f"{form}_password"] = st.session_state[f"{form}_confirm"] = ""


def _unlock(ws: Workspace, form: str, person: Person) -> None:
    action = lambda: accounts.unlock(ws, current_person(ws), saved_id(person))  # noqa: E731
    forms.save(
        form, action, lambda _id: _("{name} can sign in again with their password.").format(name=person.name)
    )
