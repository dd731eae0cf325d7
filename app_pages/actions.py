"""Actions: every action the council agreed, who carries it out, by when, and where it stands."""

import streamlit as st

from council.domain.permissions import Task
from council.i18n import _, current_language, ngettext, use_language
from council.i18n import formats as fmt
from council.services import actions
from council.ui import forms, url
from council.ui.action_register import numbers, pager, register_filter
from council.ui.action_views import action_picker, close_decision_offer, hand_over_panel, update_panel
from council.ui.cache import cached
from council.ui.session import can, current_person, workspace

ws = workspace()
me = current_person(ws)
st.title(_("Actions"))
st.caption(
    _("Every action agreed in a meeting: who carries it out, by when, and where it stands. Overdue first.")
)
forms.show_flash()

flt = register_filter(ws)
found = cached(ws, actions.action_register, flt, url.int_from_url("page") or 1)
numbers(found)
matching = found.counts["matching"]
cols = st.columns([3, 1], vertical_alignment="bottom")
cols[0].markdown(
    ngettext("**{n} matching action**", "**{n} matching actions**", matching).format(n=fmt.number(matching))
)
language = current_language()  # the file is made after this run, so it is told the language


def _csv() -> bytes:
    with use_language(language):
        return actions.register_csv(ws, flt)


# Translators: a download button; {n} is how many actions the file holds.
cols[1].download_button(_("CSV ({n})").format(n=fmt.number(matching)), _csv, on_click="ignore",
                        file_name=f"actions-{ws.today().isoformat()}.csv", mime="text/csv", width="stretch",
                        icon=":material/download:", disabled=not matching,
                        help=_("Every matching action, not only this page, for a spreadsheet"))  # fmt: skip
if not found.rows:
    st.info(_("No action matches these filters. Choose “Everything” or another owner to see more."),
            icon=":material/filter_alt_off:")  # fmt: skip

    st.stop()
ticked = action_picker(ws, found.rows, "register")
pager(found)
update_panel(ws, me, ticked, "register_update")
if can(ws, Task.ROSTER):
    hand_over_panel(ws, me, ticked, "register_hand_over")
if flt.decision_id is not None:
    close_decision_offer(ws, me, cached(ws, actions.actions_of, flt.decision_id), "register_close")
