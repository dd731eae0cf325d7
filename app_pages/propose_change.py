"""Propose a change: the guest's page for the one change they would make."""

import streamlit as st

from council.services.proposals import invitations, past_proposals
from council.ui.cache import cached
from council.ui.session import current_person, workspace
from council.ui.text import md

ws = workspace()
me = current_person(ws)
st.title("Propose a change")
st.write(
    "Every council meeting invites one guest, who may propose **one** change in the way we "
    "treat customers: what you would change, why, and what the customer would notice."
)

if me is None:
    st.stop()
invited = cached(ws, invitations, me.id)
if not invited:
    st.info(f"{md(me.name)} is not invited as a guest to a coming meeting.", icon=":material/event_busy:")
for invitation in invited:
    when = invitation.meeting.starts_at.astimezone(ws.zone)
    with st.container(border=True):
        st.subheader(invitation.meeting.title)
        st.caption(f"{when:%A %-d %B %Y, %H:%M} · {invitation.meeting.location}")
        if invitation.proposal:
            st.markdown("**Your proposal**")
            st.text(invitation.proposal.change)
        else:
            st.write("You have not proposed a change for this meeting yet.")

earlier = cached(ws, past_proposals, me.id)
if earlier:
    st.subheader("Changes you proposed before")
    for proposal in earlier:
        with st.expander(proposal.change):
            st.text(f"Why: {proposal.why}")
            st.text(f"What the customer would notice: {proposal.customer_notices or '—'}")
            st.caption(f"Status: {proposal.status.replace('_', ' ')}")
