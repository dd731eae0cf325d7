"""Audit trail: every change in the workspace, who made it and when, with the values before and after."""

import streamlit as st

from council.domain.audit import action_label, record_label
from council.domain.errors import CouncilError
from council.i18n import _, ngettext, pgettext
from council.i18n import formats as fmt
from council.services.audit_trail import AuditFilter, audit_choices, audit_page, details_text
from council.ui.cache import cached
from council.ui.session import current_person, show_error, workspace
from council.ui.text import table_date

ws = workspace()
me = current_person(ws)
st.title(_("Audit trail"))
st.caption(
    _(
        "Every change anyone made, newest first: who, when, to which record, and the values before and after. "
        "Sign-ins and failed sign-ins are here too; passwords never are."
    )
)

if me is None:  # demo mode on an empty roster
    st.info(
        _("Nobody is on the roster yet. The trail opens to the secretary and executives."),
        icon=":material/person:",
    )
    st.stop()
try:
    choices = cached(ws, audit_choices, me)
except CouncilError as e:  # nobody chosen yet in demo mode
    show_error(e)
    st.stop()
cols = st.columns([2, 2, 2, 2, 3])
person_id = cols[0].selectbox(_("Who"), list(choices.people), index=None, format_func=choices.people.get,
                              placeholder=_("Anyone"), key="audit_who")  # fmt: skip
# The stored kinds stay English codes; they are shown in words, in the reader's language (made now: a
# format_func runs again outside the run).
records = {e: record_label(e) for e in choices.entities}
kinds = {a: action_label(a) for a in choices.actions}
entity = cols[1].selectbox(_("Record"), list(records), index=None, placeholder=_("Any kind"), key="audit_entity",
                           format_func=records.get)  # fmt: skip
action = cols[2].selectbox(pgettext("audit trail", "Action"), list(kinds), index=None, placeholder=_("Any action"),
                           key="audit_action", format_func=kinds.get)  # fmt: skip

period = cols[3].date_input(_("Between"), value=(), key="audit_period", format="DD-MM-YYYY")
words = cols[4].text_input(
    _("Words in the details"), key="audit_words", placeholder=_("e.g. a title or a name")
)
since, until = (*period, None, None)[:2]
flt = AuditFilter(person_id, entity, action, since, until or since, words)
if st.session_state.get("audit_filter") != flt:  # another filter starts at the first page
    st.session_state["audit_filter"], st.session_state["audit_page"] = flt, 1

found = cached(ws, audit_page, me, flt, st.session_state["audit_page"])
entries = ngettext("**{n} entry**", "**{n} entries**", found.total).format(n=fmt.number(found.total))
if found.pages > 1:
    entries = _("{entries} · page {page} of {pages}").format(
        entries=entries, page=found.page, pages=found.pages
    )
st.markdown(entries)
if found.rows.empty:
    st.info(_("No entry matches these filters. Clear one to see more."), icon=":material/filter_alt_off:")
else:
    event = st.dataframe(
        found.rows, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
        key=f"audit_table_{found.page}",
        column_config={
            "id": None,
            "when": st.column_config.DatetimeColumn(_("When"), format=table_date("seconds")),
            "who": _("Who"), "record": _("Record"), "action": pgettext("audit trail", "Action"),
            "details": st.column_config.TextColumn(_("Details"), width="large"),
        },
    )  # fmt: skip
    chosen = list(event.selection.rows)
    if chosen:
        entry = found.entries[int(found.rows.iloc[chosen[0]]["id"])]
        st.markdown(_("**The whole entry, as stored**"))
        st.code(details_text(entry), language="json", wrap_lines=True)
    else:
        st.caption(_("Click a row to read its entry in full."))
if found.pages > 1:
    prev, __, nxt = st.columns([1, 4, 1])
    if prev.button(_("Previous"), disabled=found.page <= 1, key="audit_prev"):
        st.session_state["audit_page"] -= 1
        st.rerun()
    if nxt.button(_("Next"), disabled=found.page >= found.pages, key="audit_next"):
        st.session_state["audit_page"] += 1
        st.rerun()
