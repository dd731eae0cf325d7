"""The roster's forms about one person: adding someone, changing their details, roles and whether they
are on the roster, and anonymising someone who left."""

from __future__ import annotations

import streamlit as st

from council.domain.people import Person
from council.domain.records import saved_id
from council.domain.vocabulary import Role, role_label
from council.i18n import _
from council.services import roster
from council.services.anonymise import anonymise, former_name
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.session import current_person
from council.ui.text import md

NEW = "new_person"
CHOSEN = "roster_person"  # whom the secretary is changing
FIELDS = ("name", "email", "department", "role_title", "roles", "active")
OUTSIDE = ""  # the department choice for people from outside the organisation
ROLES = [r.value for r in Role]


def _person_fields(ws: Workspace, form: str, *, new: bool) -> None:
    config = ws.config
    forms.form_error(form, FIELDS)
    left, right = st.columns(2)
    with left:
        st.text_input(_("Name *"), key=f"{form}_name")
        forms.field_error(form, "name")
    with right:
        st.text_input(_("E-mail address"), key=f"{form}_email", placeholder=_("name@example.org"),
                      help=_("They sign in with it, and mail goes to it. Without one, they are on the roster but "
                             "cannot sign in."))  # fmt: skip
        forms.field_error(form, "email")
    left, right = st.columns(2)
    with left:
        st.selectbox(
            _("Department"),
            options=[OUTSIDE, *config.ids("department")],
            format_func=lambda d: config.name_of("department", d) if d else _("Outside the organisation"),
            key=f"{form}_department",
        )
        forms.field_error(form, "department")
    with right:
        st.text_input(_("Job title"), key=f"{form}_role_title")
        forms.field_error(form, "role_title")
    st.multiselect(
        _("Roles"),
        options=ROLES,
        format_func=role_label,
        key=f"{form}_roles",
        placeholder=_("No role: they can sign in but see nothing"),
        help="; ".join(f"{r.label}: {r.does}" for r in Role),
    )
    forms.field_error(form, "roles")


def _draft(form: str, email: str | None = None) -> Person:
    v = lambda field, default=None: forms.value(form, field, default)  # noqa: E731
    return Person(
        name=v("name", ""),
        department=v("department") or None,
        email=v("email", email),
        role_title=v("role_title", ""),
        roles=tuple(v("roles", [])),
        active=v("active", True),
    )


def new_person_form(ws: Workspace) -> None:
    forms.prefill(NEW, {"department": OUTSIDE, "roles": [Role.MEMBER.value]})
    with st.form(NEW, border=False):
        _person_fields(ws, NEW, new=True)
        st.form_submit_button(_("Add to the roster"), type="primary", on_click=_submit_new, args=(ws,))


def _submit_new(ws: Workspace) -> None:
    draft = _draft(NEW)

    def added(person_id: int) -> str:
        st.session_state[CHOSEN] = person_id  # open them below, ready for a first password
        if ws.config.local_accounts and draft.email:
            return _("{name} is on the roster. Set a first password for them below.").format(
                name=draft.name.strip()
            )
        return _("{name} is on the roster.").format(name=draft.name.strip())

    action = lambda: roster.add_person(ws, current_person(ws), draft)  # noqa: E731
    # The form stays on screen for the next person: its fields are emptied, not merely forgotten.
    forms.save(NEW, action, added, reset={"name": "", "email": "", "department": OUTSIDE, "role_title": "",
                                          "roles": [Role.MEMBER.value]})  # fmt: skip


def edit_person_form(ws: Workspace, person: Person) -> None:
    form = f"edit_person_{person.id}"
    forms.prefill(form, {
        "name": person.name, "email": person.email or "", "department": person.department or OUTSIDE,
        "role_title": person.role_title,
        "roles": [r for r in person.roles if r in ROLES], "active": person.active,
    })  # fmt: skip
    address = md(person.email) if person.email else _("no e-mail address")
    with st.form(form, border=False):
        st.markdown(f"**{md(person.name)}** · {address}")
        _person_fields(ws, form, new=False)
        st.checkbox(
            _("On the roster"),
            key=f"{form}_active",
            help=_("Untick when someone leaves: they can no longer sign in, and everything they did stays."),
        )
        forms.field_error(form, "active")
        st.form_submit_button(
            _("Save changes"), type="primary", on_click=_submit_edit, args=(ws, form, person)
        )
    if not person.active:
        _anonymise_part(ws, person)


def _anonymise_part(ws: Workspace, person: Person) -> None:
    """For someone who left and asks for their data to go: their name and address are replaced."""
    if person.name == former_name(person.id or 0) and not person.email:
        st.caption(_("Anonymised: their name and address are gone; what they did stays, under this name."))
        return
    form = f"anonymise_{person.id}"
    with st.expander(_("Remove their name and address (anonymise)"), icon=":material/person_remove:"):
        st.markdown(_(
            "For someone who left and asks for their personal data to be removed. **{name}** becomes "
            "**{new_name}** everywhere; their e-mail address, password, sign-ins and mail "
            "settings go. What they logged, decided and did stays, so the council's history stays whole. "
            "This cannot be undone (a backup made before still holds the old name: let backups age out)."
        ).format(name=md(person.name), new_name=former_name(person.id or 0)))  # fmt: skip
        sure = st.checkbox(
            _("Yes, remove {name}'s name and address").format(name=person.name), key=f"{form}_sure"
        )
        st.button(_("Anonymise"), key=f"{form}_go", type="primary", disabled=not sure, on_click=forms.save,
                  args=(form, lambda: anonymise(ws, current_person(ws), person.id or 0),
                        lambda new: _("{name} is now {new_name}: their name and address are removed.").format(
                            name=person.name, new_name=new)),
                  kwargs={"clear": ("sure",)})  # fmt: skip
        forms.form_error(form, ())


def _submit_edit(ws: Workspace, form: str, person: Person) -> None:
    draft = _draft(form, person.email)
    action = lambda: roster.edit_person(ws, current_person(ws), saved_id(person), draft)  # noqa: E731
    forms.save(form, action, lambda changes: (
        _("Saved the changes to {name}.").format(name=draft.name.strip()) if changes
        else _("Nothing had changed, so nothing was saved.")
    ), clear=FIELDS)  # fmt: skip
