"""The import of a feedback file, step 4: check every row (a dry run), show what was found, then import."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from council.domain.errors import CouncilError
from council.domain.feedback_import import ImportCheck, ImportProfile
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import feedback_import as service
from council.services.feedback_file import FeedbackFile
from council.services.import_check import good_rows_text, rows_text
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.feedback_import import CHECK, ROUND, forget_file
from council.ui.session import current_person
from council.ui.text import md

FORM = "feedback_import"


def check_and_import(ws: Workspace, file: FeedbackFile, profile: ImportProfile) -> None:
    """Step 4: the dry run's findings, then the import itself."""
    st.subheader(_("4. Check every row, then import"))
    forms.form_error(FORM, ())
    st.button(_("Check every row"), type="primary", icon=":material/fact_check:", on_click=_dry_run,
              args=(ws, file, profile))  # fmt: skip
    last = st.session_state.get(CHECK)
    if last is None or last[0] != profile or last[1].file_name != file.name:
        st.caption(_("Nothing is written until you press Import after the check."))
        return
    found: ImportCheck = last[1]
    _findings(ws, file, profile, found)
    if not found.can_import:
        return
    skip = False
    if found.bad_rows:
        # Translators: {bad} is "3 rows", {good} "2,450 good rows".
        skip = st.checkbox(_("Leave out the {bad} with a problem and import the {good}").format(
            bad=rows_text(found.bad_rows), good=good_rows_text(found.good - found.already_imported)),
            key="import_skip")  # fmt: skip
        st.caption(_("A row left out cannot be added later by importing a corrected copy of this file: that would "
                     "import the good rows twice. Better to fix the file and import it whole."))  # fmt: skip
    new = found.good - found.already_imported
    st.button(ngettext("Import {n} response", "Import {n} responses", int(new)).format(n=fmt.number(new)),
              type="primary", icon=":material/upload:",
              disabled=bool(found.bad_rows) and not skip, on_click=_import, args=(ws, file, profile, skip))  # fmt: skip


def _findings(ws: Workspace, file: FeedbackFile, profile: ImportProfile, found: ImportCheck) -> None:
    cols = st.columns(4)
    cols[0].metric(_("Rows"), fmt.number(found.rows))
    cols[1].metric(_("Good"), fmt.number(found.good))
    cols[2].metric(_("With a problem"), fmt.number(found.bad_rows))
    if found.imported_before:  # the whole file was: every good row is a response the workspace holds
        cols[3].metric(
            _("Imported before"), fmt.number(found.good), help=_("This very file was imported before.")
        )
    else:
        cols[3].metric(_("Imported before"), fmt.number(found.already_imported), help=_(
            "Responses with a response id this source delivered before; they are left out."))  # fmt: skip
    if found.imported_before:
        st.warning(md(_("This file was imported before, on {when}. Importing it again would count those responses "
                        "twice.").format(when=found.imported_before)), icon=":material/content_copy:")  # fmt: skip
    elif found.broken_lines:
        st.error(md(ngettext(
            "{n} row does not have as many columns as the header. Often a comment holds the separator without "
            "quotes around it, or the separator is not the one chosen above. Fix the file and choose it again.",
            "{n} rows do not have as many columns as the header. Often a comment holds the separator without "
            "quotes around it, or the separator is not the one chosen above. Fix the file and choose it again.",
            int(found.bad_rows)).format(n=fmt.number(found.bad_rows))), icon=":material/error:")  # fmt: skip
    elif found.all_good:
        st.success(_("Every row can be imported."), icon=":material/check_circle:")
    if found.problems:
        shown = len(found.problems)
        if found.problem_count > shown:
            st.markdown(_("**Problems (the first {shown} of {n})**").format(
                shown=fmt.number(shown), n=fmt.number(found.problem_count)))  # fmt: skip
        else:
            st.markdown(_("**Problems**"))
        st.dataframe(pd.DataFrame([p.__dict__ for p in found.problems]).rename(columns={
            "row": _("Row"), "column": _("Column"), "value": _("Value"), "reason": _("What is wrong")}),
            hide_index=True, width="stretch", height=min(400, 38 + 35 * shown))  # fmt: skip
        # With a byte-order mark: Excel then reads the accents in the values as written.
        st.download_button(_("Download every problem (CSV)"),
                           lambda: service.problem_report(ws, file, profile).encode("utf-8-sig"),
                           file_name=f"problems in {Path(file.name).stem}.csv", mime="text/csv",
                           icon=":material/download:", on_click="ignore")  # fmt: skip
    if found.sample:
        st.markdown(_("**The first good rows, as they will be stored**"))
        st.dataframe(_sample_table(ws, found), hide_index=True, width="stretch")


def _sample_table(ws: Workspace, found: ImportCheck) -> pd.DataFrame:
    config = ws.config
    return pd.DataFrame([{
        _("Received"): fmt.moment(f.received_at.astimezone(ws.zone)), _("Score"): f.score,
        _("Journey stage"): config.name_of("journey_stage", f.journey_stage),
        _("Channel"): config.name_of("channel", f.channel), _("Segment"): config.name_of("segment", f.segment),
        _("Comment"): f.comment or "", _("Source"): f.source or "",
    } for f in found.sample])  # fmt: skip


def _dry_run(ws: Workspace, file: FeedbackFile, profile: ImportProfile) -> None:
    forms.clear_error(FORM)
    st.session_state.pop(CHECK, None)
    try:
        st.session_state[CHECK] = (profile, service.dry_run(ws, file, profile))
    except CouncilError as e:
        forms.fail(FORM, e)


def _import(ws: Workspace, file: FeedbackFile, profile: ImportProfile, skip: bool) -> None:
    def run() -> str:
        result = service.import_file(ws, current_person(ws), file, profile, skip_bad_rows=skip)
        forget_file()
        st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
        said = [
            ngettext("Imported {n} response from {source}.", "Imported {n} responses from {source}.",
                     int(result.imported)).format(n=fmt.number(result.imported), source=profile.source)
        ]  # fmt: skip
        if result.skipped:
            said.append(ngettext("{n} row with a problem left out.", "{n} rows with a problem left out.",
                                 int(result.skipped)).format(n=fmt.number(result.skipped)))  # fmt: skip
        if result.already_imported:
            said.append(ngettext("{n} response imported before left out.", "{n} responses imported before left out.",
                                 int(result.already_imported)).format(n=fmt.number(result.already_imported)))  # fmt: skip
        return " ".join(said)

    forms.save(FORM, run, lambda message: message)
