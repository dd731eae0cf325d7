"""Propose a change: the guest's page for the one change they would make in the customer journey."""

import streamlit as st

from council.i18n import _
from council.services.proposals import guest_view
from council.ui import forms
from council.ui.cache import cached
from council.ui.proposal_form import earlier_proposals, invitation_card, not_invited
from council.ui.session import current_person, workspace
from council.ui.text import md

ws = workspace()
me = current_person(ws)
st.title(_("Propose a change"))
st.write(
    _(
        "Every council meeting invites one guest, who may propose one change in how we treat our customers. "
        "Tell the council what you would change and why: it takes about two minutes."
    )
)
forms.show_flash()

if me is None:
    st.info(_("First choose who you are under “Acting as” in the side menu."), icon=":material/person:")
    st.stop()

view = cached(ws, guest_view, me.id)
if not view.invitations:
    not_invited(view.secretary)
else:
    st.markdown(_("**{name}**, you are invited as the guest of:").format(name=md(me.name)))
for invitation in view.invitations:
    invitation_card(ws, invitation)
earlier_proposals(ws, view.earlier)
