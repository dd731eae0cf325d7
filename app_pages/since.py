"""Since the last meeting: what happened in the council's work and how customers' scores moved."""

import streamlit as st

from council.i18n import _, current_language, use_language
from council.i18n import formats as fmt
from council.services import since
from council.ui import url
from council.ui.cache import cached
from council.ui.session import current_person, workspace
from council.ui.text import md

ws = workspace()
me = current_person(ws)
st.title(_("Since the last meeting"))
last = cached(ws, since.last_meeting_day)
cols = st.columns([2, 2, 3])
day = url.date_in_url(_("Since"), "since", key="since_day", container=cols[0], default=last[0] if last else None,
                      max_value=ws.today(), format="DD/MM/YYYY",
                      help=_("The day of the last closed meeting, or any day you choose"))  # fmt: skip
scope = url.selectbox_in_url(_("Show"), "scope", {"all": _("The whole council"), "mine": _("Yours and your department's")},
                             "all", key="since_scope", container=cols[1])  # fmt: skip
report = cached(ws, since.since_report, day, me if scope == "mine" and me else None)
if last and report.since == last[0]:
    st.caption(_("Since “{meeting}”. Choose another day to look further back.").format(meeting=md(last[1])))
st.markdown(_("**Customers:** {score}").format(score=md(since.score_words(report))))

counts = st.columns(len(report.sections))
for column, (heading, changes) in zip(counts, report.sections.items(), strict=True):
    column.metric(heading, len(changes))
downloads = cols[2].container(horizontal=True)
language = current_language()  # the files are made after this run, so they are told the language


def _markdown() -> str:
    with use_language(language):
        return since.since_markdown(ws, report)


def _html() -> str:
    with use_language(language):
        return since.since_html(ws, report)


downloads.download_button(_("Markdown"), _markdown, on_click="ignore",
                          file_name=f"since-{report.since.isoformat()}.md", mime="text/markdown",
                          icon=":material/description:")  # fmt: skip
downloads.download_button(_("Printable (HTML)"), _html, on_click="ignore",
                          file_name=f"since-{report.since.isoformat()}.html", mime="text/html",
                          icon=":material/print:")  # fmt: skip
for heading, changes in report.sections.items():
    if not changes:
        continue
    with st.expander(f"{heading} ({len(changes)})", expanded=len(changes) <= 10):
        st.markdown("\n".join(f"- {md(since.change_words(report, change))}" for change in changes[:100]))
        if len(changes) > 100:
            st.caption(_("The latest 100 of {n} are shown; the downloads hold them all.").format(
                n=fmt.number(len(changes))))  # fmt: skip
if not report.total:
    st.info(
        _("Nothing changed in this period. Choose an earlier day to see more."),
        icon=":material/event_available:",
    )
