"""My work: what is yours to do between meetings, the overdue first."""

import streamlit as st

from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services.my_work import my_work
from council.ui import forms
from council.ui.action_views import action_picker, close_decision_offer, update_panel
from council.ui.cache import cached
from council.ui.my_work_views import coming_meetings, owned_decisions, owned_items
from council.ui.navigation import page_at
from council.ui.session import current_person, workspace
from council.ui.text import md

ws = workspace()
me = current_person(ws)
st.title(_("My work"))
forms.show_flash()
if me is None or me.id is None:
    st.info(_("Choose who you are in the sidebar to see your work."), icon=":material/person:")
    st.stop()

work = cached(ws, my_work, me)
counts = work.action_counts
todo, late = counts["matching"], counts["overdue"]
open_actions = ngettext("{n} open action", "{n} open actions", todo).format(n=fmt.number(todo))
if late:
    overdue = _("{n} overdue").format(n=fmt.number(late))
    open_actions += f", :red[{overdue}]"
to_carry_out = ngettext(
    "{n} decision to carry out", "{n} decisions to carry out", work.decisions_total
).format(n=fmt.number(work.decisions_total))
st.caption(f"{md(me.name)} · {open_actions} · {to_carry_out}")

st.markdown("##### " + _("Your actions ({n})").format(n=fmt.number(todo)))
if work.actions:
    ticked = action_picker(ws, work.actions, "my_actions", owner=False)
    if todo > len(work.actions):
        st.page_link(page_at("app_pages/actions.py"),
                     label=_("The first {shown} of {n} are shown: all of them in the Actions register").format(
                         shown=len(work.actions), n=fmt.number(todo)),
                     query_params={"owner": str(me.id)}, icon=":material/checklist:")  # fmt: skip
    update_panel(ws, me, ticked, "my_update")
else:
    st.caption(_("No open actions. Actions agreed in a meeting with you as owner appear here."))

for rows in work.ready_to_close.values():
    close_decision_offer(ws, me, rows, "my_close")

left, right = st.columns(2, gap="large")
with left:
    coming_meetings(ws, work)
    owned_decisions(ws, work, me.id)
with right:
    owned_items(ws, work, me.department)
