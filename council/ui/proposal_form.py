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
from council.services import proposals as service
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import clear_reads
from council.ui.session import current_person
from council.ui.text import md

FIELDS = ("change", "why", "journey_stage", "customer_notices")
STAGE = "journey_stage"

# A proposal's status in the guest's words.
_STATUS = {
    "submitted": ":blue-badge[Sent to the council]",
    "on_agenda": ":green-badge[On the agenda]",
    "decided": ":green-badge[Decided]",
    "declined": ":gray-badge[Not taken up]",
}


def invitation_card(ws: Workspace, invitation: service.Invitation) -> None:
    """One meeting the person is the guest of: when, where, who chairs, and their proposal or the form."""
    meeting, proposal = invitation.meeting, invitation.proposal
    new = f"propose_{meeting.id}"
    with st.container(border=True):
        st.subheader(md(meeting.title))
        st.markdown(_when_where(ws, meeting, invitation.chair))
        if proposal is None and meeting.agenda_is_open:
            st.markdown("**Your proposal**")
            _form(ws, new, meeting.id, "Send my proposal", _submit_new)
            return
        # A refused save shows its message here when the form it came from is no longer drawn.
        _leftover(new)
        if proposal is None:
            st.info(_closed_note(invitation, "a proposal can no longer be added"), icon=":material/lock:")
            return
        edit = f"edit_proposal_{proposal.id}"
        proposal_view(ws, proposal)
        if not meeting.agenda_is_open:
            _leftover(edit)
            st.info(_closed_note(invitation, "your proposal can no longer change"), icon=":material/lock:")
            return
        st.caption("You can change it until the chair closes the agenda.")
        with st.expander("Edit your proposal", icon=":material/edit:"):
            forms.prefill(edit, {
                "change": proposal.change, "why": proposal.why, "customer_notices": proposal.customer_notices,
                STAGE: forms.unknown_choice("Where in the journey", proposal.journey_stage,
                                            ws.config.ids(STAGE)),
            })  # fmt: skip
            _form(ws, edit, proposal.id, "Save my changes", _submit_edit)


def proposal_view(ws: Workspace, proposal: Proposal) -> None:
    """A proposal as its guest wrote it, escaped so it shows exactly as typed."""
    st.markdown(f"**Your proposal** {_STATUS.get(proposal.status, '')}")
    st.markdown(md(proposal.change))
    st.markdown(f"**Why it matters:** {md(proposal.why)}")
    if proposal.journey_stage:
        st.markdown(f"**Where:** {md(ws.config.name_of(STAGE, proposal.journey_stage))}")
    if proposal.customer_notices:
        st.markdown(f"**What the customer would notice:** {md(proposal.customer_notices)}")


def not_invited(secretary: Person | None) -> None:
    """No coming meeting has this person as its guest: say who can change that."""
    nothing = "You are not invited as a guest to a coming council meeting, so there is nothing to propose right now."
    who = "the council's secretary"
    if secretary is not None:
        email = f" ({secretary.email})" if secretary.email else ""
        who = f"{secretary.name}, the council's secretary{email},"
    st.info(
        md(f"{nothing} Would you like to be a guest? Ask {who} to invite you."), icon=":material/event_busy:"
    )


def earlier_proposals(ws: Workspace, earlier: list[service.PastProposal]) -> None:
    if not earlier:
        return
    st.subheader("Your earlier proposals")
    for past in earlier:
        with st.expander(md(past.proposal.change)):
            st.caption(md(past.meeting.title))
            proposal_view(ws, past.proposal)


def _when_where(ws: Workspace, meeting: Meeting, chair: str | None) -> str:
    starts = meeting.starts_at.astimezone(ws.zone)
    ends = starts + timedelta(minutes=meeting.duration_minutes)
    lines = [f":material/event: {starts:%A %-d %B %Y}, {starts:%H:%M} to {ends:%H:%M}"]
    if meeting.location:
        lines.append(f":material/location_on: {md(meeting.location)}")
    if chair:
        lines.append(f":material/person: Chaired by {md(chair)}")
    return "  \n".join(lines)


def _closed_note(invitation: service.Invitation, what: str) -> str:
    chair = f", {invitation.chair}" if invitation.chair else ""
    return md(f"The agenda of this meeting is closed, so {what}. Questions? Ask the chair{chair}.")


def _form(ws: Workspace, form: str, target: int, label: str, submit: Callable[..., None]) -> None:
    config = ws.config
    with st.form(form, border=False):
        forms.form_error(form, FIELDS)
        st.text_area("What would you change?", key=f"{form}_change", height=90,
                     placeholder="For example: let customers change their address in the app.")  # fmt: skip
        forms.field_error(form, "change")
        st.text_area("Why does it matter to customers?", key=f"{form}_why", height=90)
        forms.field_error(form, "why")
        st.selectbox("Where in the customer's journey? (optional)", options=config.ids(STAGE), index=None,
                     format_func=lambda v: config.name_of(STAGE, v), key=f"{form}_{STAGE}",
                     placeholder="Not sure? Leave it empty.")  # fmt: skip
        forms.field_error(form, STAGE)
        st.text_area("What would the customer notice? (optional)", key=f"{form}_customer_notices", height=90,
                     placeholder="For example: one message instead of three phone calls.")  # fmt: skip
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
    success = "Thank you! Your proposal is saved. The council sees it when it prepares the meeting."
    forms.save(form, action, lambda _: success, FIELDS)


def _submit_edit(ws: Workspace, form: str, proposal_id: int) -> None:
    guest, draft = current_person(ws), _draft(form)
    action = _fresh_on_refusal(lambda: service.edit_proposal(ws, guest, proposal_id, draft))
    forms.save(form, action, lambda changes: (
        "Your changes are saved." if changes else "Nothing had changed, so nothing was saved."
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
