"""Audit trail: every change in the workspace, who made it and when, with the values before and after."""

import streamlit as st

from council.domain.errors import CouncilError
from council.domain.vocabulary import counted
from council.services.audit_trail import AuditFilter, audit_choices, audit_page, details_text
from council.ui.cache import cached
from council.ui.session import current_person, show_error, workspace

ws = workspace()
me = current_person(ws)
st.title("Audit trail")
st.caption(
    "Every change anyone made, newest first: who, when, to which record, and the values before and after. "
    "Sign-ins and failed sign-ins are here too; passwords never are."
)

if me is None:  # demo mode on an empty roster
    st.info(
        "Nobody is on the roster yet. The trail opens to the secretary and executives.",
        icon=":material/person:",
    )
    st.stop()
try:
    choices = cached(ws, audit_choices, me)
except CouncilError as e:  # nobody chosen yet in demo mode
    show_error(e)
    st.stop()
cols = st.columns([2, 2, 2, 2, 3])
person_id = cols[0].selectbox("Who", list(choices.people), index=None, format_func=choices.people.get,
                              placeholder="Anyone", key="audit_who")  # fmt: skip
entity = cols[1].selectbox("Record", choices.entities, index=None, placeholder="Any kind", key="audit_entity",
                           format_func=lambda e: e.replace("_", " "))  # fmt: skip
action = cols[2].selectbox("Action", choices.actions, index=None, placeholder="Any action", key="audit_action",
                           format_func=lambda a: a.replace("_", " "))  # fmt: skip
period = cols[3].date_input("Between", value=(), key="audit_period", format="DD-MM-YYYY")
words = cols[4].text_input("Words in the details", key="audit_words", placeholder="e.g. a title or a name")
since, until = (*period, None, None)[:2]
flt = AuditFilter(person_id, entity, action, since, until or since, words)
if st.session_state.get("audit_filter") != flt:  # another filter starts at the first page
    st.session_state["audit_filter"], st.session_state["audit_page"] = flt, 1

found = cached(ws, audit_page, me, flt, st.session_state["audit_page"])
st.markdown(
    f"**{counted(found.total, 'entry', 'entries')}**"
    + (f" · page {found.page} of {found.pages}" if found.pages > 1 else "")
)
if found.rows.empty:
    st.info("No entry matches these filters. Clear one to see more.", icon=":material/filter_alt_off:")
else:
    event = st.dataframe(
        found.rows, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
        key=f"audit_table_{found.page}",
        column_config={
            "id": None,
            "when": st.column_config.DatetimeColumn("When", format="D MMM YYYY, HH:mm:ss"),
            "who": "Who", "record": "Record", "action": "Action",
            "details": st.column_config.TextColumn("Details", width="large"),
        },
    )  # fmt: skip
    chosen = list(event.selection.rows)
    if chosen:
        entry = found.entries[int(found.rows.iloc[chosen[0]]["id"])]
        st.markdown("**The whole entry, as stored**")
        st.code(details_text(entry), language="json", wrap_lines=True)
    else:
        st.caption("Click a row to read its entry in full.")
if found.pages > 1:
    prev, _, nxt = st.columns([1, 4, 1])
    if prev.button("Previous", disabled=found.page <= 1, key="audit_prev"):
        st.session_state["audit_page"] -= 1
        st.rerun()
    if nxt.button("Next", disabled=found.page >= found.pages, key="audit_next"):
        st.session_state["audit_page"] += 1
        st.rerun()
