"""The guest's side of a meeting: the invitation, the form for their one change, and what they proposed.

Everything is one column of short labels, so it reads as well on a phone as on a desk.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import streamlit as st

from council.domain.errors import Conflict, NotAllowed, NotFound
from council.domain.meetings import Meeting, Proposal
from council.domain.people import Person
from council.domain.records import saved_id
from council.i18n import N_, _
from council.i18n import formats as fmt
from council.services import proposals as service
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import clear_reads
from council.ui.session import current_person
from council.ui.text import md

FIELDS = ("change", "why", "journey_stage", "customer_notices")
STAGE = "journey_stage"

# A proposal's status in the guest's words, and the colour of its badge.
_STATUS = {
    "submitted": ("blue", N_("Sent to the council")),
    "on_agenda": ("green", N_("On the agenda")),
    "decided": ("green", N_("Decided")),
    "declined": ("gray", N_("Not taken up")),
}


def invitation_card(ws: Workspace, invitation: service.Invitation) -> None:
    """One meeting the person is the guest of: when, where, who chairs, and their proposal or the form."""
    meeting, proposal = invitation.meeting, invitation.proposal
    new = f"propose_{meeting.id}"
    with st.container(border=True):
        st.subheader(md(meeting.title))
        st.markdown(_when_where(ws, meeting, invitation.chair))
        if proposal is None and meeting.agenda_is_open:
            st.markdown(_("**Your proposal**"))
            _form(ws, new, saved_id(meeting), _("Send my proposal"), _submit_new)
            return
        # A refused save shows its message here when the form it came from is no longer drawn.
        _leftover(new)
        if proposal is None:
            st.info(_closed_note(invitation, proposed=False), icon=":material/lock:")
            return
        edit = f"edit_proposal_{proposal.id}"
        proposal_view(ws, proposal)
        if not meeting.agenda_is_open:
            _leftover(edit)
            st.info(_closed_note(invitation, proposed=True), icon=":material/lock:")
            return
        st.caption(_("You can change it until the chair closes the agenda."))
        with st.expander(_("Edit your proposal"), icon=":material/edit:"):
            forms.prefill(edit, {
                "change": proposal.change, "why": proposal.why, "customer_notices": proposal.customer_notices,
                STAGE: forms.unknown_choice(_("Where in the journey"), proposal.journey_stage,
                                            ws.config.ids(STAGE)),
            })  # fmt: skip
            _form(ws, edit, saved_id(proposal), _("Save my changes"), _submit_edit)


def proposal_view(ws: Workspace, proposal: Proposal) -> None:
    """A proposal as its guest wrote it, escaped so it shows exactly as typed."""
    colour, words = _STATUS.get(proposal.status, ("", ""))
    badge = f":{colour}-badge[{_(words)}]" if words else ""
    heading = _("**Your proposal**")
    st.markdown(f"{heading} {badge}")
    st.markdown(md(proposal.change))
    st.markdown(_("**Why it matters:** {why}").format(why=md(proposal.why)))
    if proposal.journey_stage:
        st.markdown(
            _("**Where:** {stage}").format(stage=md(ws.config.name_of(STAGE, proposal.journey_stage)))
        )
    if proposal.customer_notices:
        st.markdown(
            _("**What the customer would notice:** {notices}").format(notices=md(proposal.customer_notices))
        )


def not_invited(secretary: Person | None) -> None:
    """No coming meeting has this person as its guest: say who can change that."""
    if secretary is None:
        text = _(
            "You are not invited as a guest to a coming council meeting, so there is nothing to propose right "
            "now. Would you like to be a guest? Ask the council's secretary to invite you."
        )
    elif secretary.email:
        text = _(
            "You are not invited as a guest to a coming council meeting, so there is nothing to propose right "
            "now. Would you like to be a guest? Ask {name}, the council's secretary ({email}), to invite you."
        )
    else:
        text = _(
            "You are not invited as a guest to a coming council meeting, so there is nothing to propose right "
            "now. Would you like to be a guest? Ask {name}, the council's secretary, to invite you."
        )
    name, email = (secretary.name, secretary.email) if secretary else ("", "")
    st.info(md(text.format(name=name, email=email)), icon=":material/event_busy:")


def earlier_proposals(ws: Workspace, earlier: list[service.PastProposal]) -> None:
    if not earlier:
        return
    st.subheader(_("Your earlier proposals"))
    for past in earlier:
        with st.expander(md(past.proposal.change)):
            st.caption(md(past.meeting.title))
            proposal_view(ws, past.proposal)


def _when_where(ws: Workspace, meeting: Meeting, chair: str | None) -> str:
    starts = meeting.starts_at.astimezone(ws.zone)
    ends = starts + timedelta(minutes=meeting.duration_minutes)
    when = _("{day}, {start} to {end}").format(
        day=fmt.long_weekday(starts), start=fmt.clock(starts), end=fmt.clock(ends)
    )
    lines = [f":material/event: {when}"]
    if meeting.location:
        lines.append(f":material/location_on: {md(meeting.location)}")
    if chair:
        chaired = _("Chaired by {chair}").format(chair=md(chair))
        lines.append(f":material/person: {chaired}")
    return "  \n".join(lines)


def _closed_note(invitation: service.Invitation, *, proposed: bool) -> str:
    """Why the guest can no longer add (or change) their proposal, and whom to ask."""
    if proposed and invitation.chair:
        text = _(
            "The agenda of this meeting is closed, so your proposal can no longer change. Questions? Ask the "
            "chair, {chair}."
        )
    elif proposed:
        text = _(
            "The agenda of this meeting is closed, so your proposal can no longer change. Questions? Ask the chair."
        )
    elif invitation.chair:
        text = _(
            "The agenda of this meeting is closed, so a proposal can no longer be added. Questions? Ask the "
            "chair, {chair}."
        )
    else:
        text = _(
            "The agenda of this meeting is closed, so a proposal can no longer be added. Questions? Ask the chair."
        )
    return md(text.format(chair=invitation.chair or ""))


def _form(ws: Workspace, form: str, target: int, label: str, submit: Callable[..., None]) -> None:
    config = ws.config
    with st.form(form, border=False):
        forms.form_error(form, FIELDS)
        st.text_area(_("What would you change?"), key=f"{form}_change", height=90,
                     placeholder=_("For example: let customers change their address in the app."))  # fmt: skip
        forms.field_error(form, "change")
        st.text_area(_("Why does it matter to customers?"), key=f"{form}_why", height=90)
        forms.field_error(form, "why")
        st.selectbox(_("Where in the customer's journey? (optional)"), options=config.ids(STAGE), index=None,
                     format_func=lambda v: config.name_of(STAGE, v), key=f"{form}_{STAGE}",
                     placeholder=_("Not sure? Leave it empty."))  # fmt: skip
        forms.field_error(form, STAGE)
        st.text_area(_("What would the customer notice? (optional)"), key=f"{form}_customer_notices", height=90,
                     placeholder=_("For example: one message instead of three phone calls."))  # fmt: skip
        forms.field_error(form, "customer_notices")
        st.form_submit_button(label, type="primary", on_click=submit, args=(ws, form, target),
                              width="stretch")  # fmt: skip


def _draft(form: str) -> Proposal:
    """What the form holds; the service fills in the meeting and the guest."""
    v = lambda field: forms.value(form, field) or ""  # noqa: E731
    return Proposal(meeting_id=0, guest_id=0, change=v("change"), why=v("why"),
                    journey_stage=forms.value(form, STAGE), customer_notices=v("customer_notices"))  # fmt: skip


def _submit_new(ws: Workspace, form: str, meeting_id: int) -> None:
    guest, draft = current_person(ws), _draft(form)
    action = _fresh_on_refusal(lambda: service.submit_proposal(ws, guest, meeting_id, draft))
    success = _("Thank you! Your proposal is saved. The council sees it when it prepares the meeting.")
    forms.save(form, action, lambda _id: success, FIELDS)


def _submit_edit(ws: Workspace, form: str, proposal_id: int) -> None:
    guest, draft = current_person(ws), _draft(form)
    action = _fresh_on_refusal(lambda: service.edit_proposal(ws, guest, proposal_id, draft))
    forms.save(form, action, lambda changes: (
        _("Your changes are saved.") if changes else _("Nothing had changed, so nothing was saved.")
    ), FIELDS)  # fmt: skip


def _fresh_on_refusal(action: Callable[[], Any]) -> Callable[[], Any]:
    """The meeting or proposal changed meanwhile (another tab, the chair closed the agenda): read it anew."""

    def run() -> Any:
        try:
            return action()
        except (Conflict, NotAllowed, NotFound):
            clear_reads()
            raise

    return run


def _leftover(form: str) -> None:
    """Show, once, a refusal kept for `form`."""
    forms.form_error(form, ())
    forms.clear_error(form)
