"""Council & rotation: who holds which department's seat, the plan for the meetings ahead, and for
the secretary the roster of everyone who may use the workspace, with their roles."""

import streamlit as st

from council.domain.people import Person
from council.domain.permissions import Task
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services.lists import roster_table
from council.services.workspace import Workspace
from council.ui.cache import cached
from council.ui.roster_views import roster_manager
from council.ui.rotation_views import rotation_plan, term_words
from council.ui.session import can, current_person, workspace
from council.ui.text import table_date


def seats_and_rotation(ws: Workspace, me: Person | None) -> None:
    roster = cached(ws, roster_table)
    columns = {
        "name": _("Name"),
        "seat": _("Seat"),
        "role_title": _("Role"),
        "starts_on": st.column_config.DateColumn(_("Term from"), format=table_date("day")),
        "ends_on": st.column_config.DateColumn(_("Term until"), format=table_date("day")),
        "terms": st.column_config.NumberColumn(_("Terms served")),
    }
    serving = roster[roster["serving"]] if not roster.empty else roster
    st.subheader(_("Serving now ({n})").format(n=fmt.number(len(serving))))
    if serving.empty and not roster.empty:
        st.info(
            _("Nobody holds a council seat now. The rotation plan below suggests who could take each seat.")
        )
    elif serving.empty:
        st.caption(_("Nobody holds a council seat yet."))
    else:
        st.dataframe(serving[list(columns)], hide_index=True, width="stretch", column_config=columns)

    rotation_plan(ws, me)

    former = roster[~roster["serving"]] if not roster.empty else roster
    if not former.empty:
        with st.expander(_("Served before ({n})").format(n=fmt.number(len(former)))):
            st.dataframe(former[list(columns)], hide_index=True, width="stretch", column_config=columns)


ws = workspace()
me = current_person(ws)
rules = ws.config.council
st.title(_("Council & rotation"))
st.caption(_("{seats}; a term lasts {term}; the council meets {cadence}.").format(
    seats=ngettext("{n} seat", "{n} seats", rules.total_seats).format(n=fmt.number(rules.total_seats)),
    term=term_words(rules.term_length, rules.term_unit),
    cadence=ngettext("every week", "every {n} weeks", rules.meeting_every_weeks).format(
        n=fmt.number(rules.meeting_every_weeks)),
))  # fmt: skip
if me is not None and can(ws, Task.ROSTER):
    seats_tab, people_tab = st.tabs([_("Seats and rotation"), _("People and roles")])
    with seats_tab:
        seats_and_rotation(ws, me)
    with people_tab:
        roster_manager(ws, me)
else:
    seats_and_rotation(ws, me)
