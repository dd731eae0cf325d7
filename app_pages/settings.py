"""Settings: the workspace's configuration, its database, backups, mail and wall screen links."""

import pandas as pd
import streamlit as st

from council.domain.errors import CouncilError
from council.domain.permissions import Task, may
from council.i18n import _, ngettext, pgettext
from council.i18n import formats as fmt
from council.services.admin import back_up, workspace_facts
from council.ui import forms
from council.ui.cache import clear_reads
from council.ui.mail_views import mail_settings
from council.ui.schedule_views import done_by_itself
from council.ui.session import current_person, show_error, workspace
from council.ui.text import md
from council.ui.wall_links import wall_links


def weight(x: float) -> str:
    """A weight as the configuration gives it (0.4, 1), with as many decimals as it has."""
    return fmt.number(x, len(f"{x:g}".partition(".")[2]))


ws = workspace()
me = current_person(ws)
config = ws.config
st.title(_("Settings"))
forms.show_flash()

facts = workspace_facts(ws)
st.subheader(_("Database"))
st.text(_("File: {file}").format(file=facts.database))
st.text(
    _("Schema version: {version} (this app knows up to {latest})").format(
        version=facts.schema_version, latest=facts.latest_schema_version
    )
)
# The workspace's tables as Settings names them (in English by their own names).
TABLES = {
    "person": pgettext("database table", "person"),
    "council_term": pgettext("database table", "council_term"),
    "meeting": pgettext("database table", "meeting"),
    "friction_point": pgettext("database table", "friction_point"),
    "missing_connection": pgettext("database table", "missing_connection"),
    "blocker": pgettext("database table", "blocker"),
    "agenda_item": pgettext("database table", "agenda_item"),
    "proposal": pgettext("database table", "proposal"),
    "decision": pgettext("database table", "decision"),
    "decision_event": pgettext("database table", "decision_event"),
    "action_item": pgettext("database table", "action_item"),
    "feedback": pgettext("database table", "feedback"),
    "audit_log": pgettext("database table", "audit_log"),
}
with st.expander(_("What the workspace holds")):
    held = [(TABLES.get(table, table), n) for table, n in facts.rows.items()]
    st.dataframe(pd.DataFrame(held, columns=[_("table"), _("rows")]), hide_index=True)

if st.button(_("Back up now"), icon=":material/backup:"):
    try:
        written = back_up(ws, me)
    except CouncilError as e:
        show_error(e)
    else:
        clear_reads()
        st.success(_("Backup written to {file}").format(file=md(str(written))))
done_by_itself(ws)

if may(me, Task.SETTINGS):
    mail_settings(ws, me)
    wall_links(ws, me)

st.subheader(_("Configuration"))
st.caption(_("Read from {file}. Edit that file and restart the app to change it.").format(file=config.source))
st.text(
    _("Organisation: {organisation} · time zone {zone}").format(
        organisation=config.organisation, zone=config.time_zone
    )
)
# Each stage by its id in the workspace file (the row's key: a code, the same in every language).
stages = pd.DataFrame(
    [{_("stage"): s.name, _("moment of truth"): s.moment_of_truth} for s in config.journey_stages],
    columns=[_("stage"), _("moment of truth")],
    index=[s.id for s in config.journey_stages],
)
st.markdown(_("**Customer journey**"))
st.dataframe(stages)
lists = {
    _("Departments"): config.departments,
    _("Channels"): config.channels,
    _("Segments"): config.segments,
    _("Blocker categories"): config.blocker_categories,
}
for label, items in lists.items():
    st.markdown(_("**{list}:** {items}").format(list=label, items=", ".join(item.name for item in items)))
rules = config.council
seats = ", ".join(f"{config.name_of('department', d)} {n}" for d, n in rules.seats.items())
if rules.term_unit == "months":
    term = ngettext("{n} month", "{n} months", rules.term_length).format(n=rules.term_length)
else:
    term = ngettext("{n} meeting", "{n} meetings", rules.term_length).format(n=rules.term_length)
every = ngettext("every week", "every {n} weeks", rules.meeting_every_weeks).format(
    n=rules.meeting_every_weeks
)
st.markdown(
    _("**Council:** seats {seats}; term {term}; {every}; {minutes} minutes a meeting.").format(
        seats=seats, term=term, every=every, minutes=rules.meeting_length_minutes
    )
)
w = config.scoring
st.markdown(
    _(
        "**Priority weights:** severity {severity}, reach {reach} (full at {customers} customers a month), "
        "moment of truth {moment}, age {age} (full after {days} days)."
    ).format(
        severity=weight(w.severity), reach=weight(w.reach), customers=fmt.number(w.reach_full_at),
        moment=weight(w.moment_of_truth), age=weight(w.age), days=w.age_full_after_days,
    )
)  # fmt: skip
