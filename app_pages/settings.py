"""Settings: the workspace's configuration, its database, backups, mail and wall screen links."""

import pandas as pd
import streamlit as st

from council.domain.errors import CouncilError
from council.domain.permissions import Task, may
from council.services.admin import back_up, workspace_facts
from council.ui import forms
from council.ui.cache import clear_reads
from council.ui.mail_views import mail_settings
from council.ui.schedule_views import done_by_itself
from council.ui.session import current_person, show_error, workspace
from council.ui.text import md
from council.ui.wall_links import wall_links

ws = workspace()
me = current_person(ws)
config = ws.config
st.title("Settings")
forms.show_flash()

facts = workspace_facts(ws)
st.subheader("Database")
st.text(f"File: {facts.database}")
st.text(f"Schema version: {facts.schema_version} (this app knows up to {facts.latest_schema_version})")
with st.expander("What the workspace holds"):
    st.dataframe(pd.DataFrame(facts.rows.items(), columns=["table", "rows"]), hide_index=True)

if st.button("Back up now", icon=":material/backup:"):
    try:
        written = back_up(ws, me)
    except CouncilError as e:
        show_error(e)
    else:
        clear_reads()
        st.success(f"Backup written to {md(str(written))}")
done_by_itself(ws)

if may(me, Task.SETTINGS):
    mail_settings(ws, me)
    wall_links(ws, me)

st.subheader("Configuration")
st.caption(f"Read from {config.source}. Edit that file and restart the app to change it.")
st.text(f"Organisation: {config.organisation} · time zone {config.time_zone}")
stages = pd.DataFrame(
    [{"stage": s.name, "id": s.id, "moment of truth": s.moment_of_truth} for s in config.journey_stages]
)
st.markdown("**Customer journey**")
st.dataframe(stages, hide_index=True)
lists = {
    "Departments": config.departments,
    "Channels": config.channels,
    "Segments": config.segments,
    "Blocker categories": config.blocker_categories,
}
for label, items in lists.items():
    st.markdown(f"**{label}:** " + ", ".join(item.name for item in items))
rules = config.council
seats = ", ".join(f"{config.name_of('department', d)} {n}" for d, n in rules.seats.items())
st.markdown(
    f"**Council:** seats {seats}; "
    f"term {rules.term_length} {rules.term_unit}; every {rules.meeting_every_weeks} weeks; "
    f"{rules.meeting_length_minutes} minutes a meeting."
)
w = config.scoring
st.markdown(
    f"**Priority weights:** severity {w.severity:g}, reach {w.reach:g} (full at {w.reach_full_at:,} "
    f"customers a month), moment of truth {w.moment_of_truth:g}, age {w.age:g} (full after "
    f"{w.age_full_after_days} days)."
)
