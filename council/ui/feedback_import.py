"""The import of a feedback file, step by step: choose the file and its source, say which column
holds what, translate the source's words, check every row, then import."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from council.domain.errors import CouncilError
from council.domain.feedback import SCALES
from council.domain.feedback_import import (
    DATE_FORMATS,
    DELIMITERS,
    FIELDS,
    REQUIRED,
    VALUE_FIELDS,
    ImportCheck,
    ImportProfile,
    field_name,
)
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import feedback_import as service
from council.services.feedback_file import (
    FeedbackFile,
    check_upload_size,
    new_workdir,
    prepare_upload,
    remove_workdir,
)
from council.services.feedback_import import good_rows_text, rows_text
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import cached
from council.ui.session import current_person, show_error
from council.ui.text import md

_FILE = "import_file"  # (upload id, FeedbackFile, work folder) of the file being imported
_CHECK = "import_check"  # (profile, ImportCheck) of the last dry run
_ROUND = "import_round"  # a new round (after an import) starts with an empty uploader
_EMPTY = "__empty__"
_NEW = "__new__"
FORM = "feedback_import"


def choose_file(ws: Workspace) -> tuple[FeedbackFile, str] | None:
    """Step 1: the file and where it comes from; None until both are given (or the file is refused)."""
    st.subheader(_("1. Choose the file"))
    left, right = st.columns([3, 2])
    upload = left.file_uploader(
        _("CSV file, as exported from a survey tool or saved from Excel"),
        key=f"import_upload_{st.session_state.get(_ROUND, 0)}",
        help=_(
            "UTF-8 or Windows-1252 (Excel's usual CSV); comma, semicolon, tab or bar between the columns."
        ),
    )
    saved = cached(ws, service.saved_sources)
    pick: str | None = _NEW
    if saved:
        pick = right.selectbox(_("Where does it come from?"), [*saved, _NEW], index=None, key="import_source_pick",
                               format_func=lambda s: _("A new source…") if s == _NEW else s,
                               placeholder=_("Choose a source"),
                               help=_("How a source's files are read is remembered for its next file."))  # fmt: skip
    source = pick
    if pick == _NEW:
        source = right.text_input(
            _("Where does it come from? (a name for this source)"), key="import_source_new", max_chars=80,
            placeholder=_("For instance “Survey after a call”"),
            help=_("How a source's files are read is remembered for its next file."),
        ).strip()  # fmt: skip
    if upload is None:
        _forget_file()
        return None
    try:
        file = _prepared(upload)
    except CouncilError as e:
        show_error(e)
        return None
    if not source:
        st.info(_("Choose or name the source of this file to go on."), icon=":material/arrow_upward:")
        return None
    return file, source


def mapping(ws: Workspace, file: FeedbackFile, source: str) -> ImportProfile | None:
    """Steps 2 and 3: which column holds what, and what the source's own words mean here."""
    prefix = _prefix(file, source)
    delimiter = st.session_state.get(f"{prefix}delimiter")
    try:
        found = service.layout(ws, file, delimiter)
        suggested = service.suggest(ws, file, found, source)
        if delimiter is None and suggested.delimiter != found.delimiter:
            found = service.layout(ws, file, suggested.delimiter)
    except CouncilError as e:
        show_error(e)
        return None
    if file.size >= 1024 * 1024:
        size = _("{size} MB").format(size=fmt.number(round(file.size / 1024 / 1024, 1), 1))
    else:
        size = _("{size} KB").format(size=fmt.number(round(file.size / 1024, 1), 1))
    # Translators: {encoding} is how the file's letters were read: UTF-8, Windows-1252 or UTF-16.
    st.caption(_("{file}: {size}, read as {encoding}. The first rows:").format(
        file=file.name, size=size, encoding=file.encoding))  # fmt: skip
    st.dataframe(found.preview, hide_index=True, width="stretch", height=220)

    st.subheader(_("2. Which column holds what?"))
    options = ["", *found.headers]
    cols: tuple[DeltaGenerator, ...] = st.columns(4)  # then three
    columns = {}
    for i, field in enumerate(FIELDS):
        start = suggested.columns.get(field, "")
        label = (
            _("{field} (required)").format(field=field_name(field))
            if field in REQUIRED
            else field_name(field)
        )
        columns[field] = cols[i % 4].selectbox(
            label, options,
            index=options.index(start) if start in options else 0, key=f"{prefix}col_{field}",
            format_func=lambda c: c or _("— not in this file —"),
        )  # fmt: skip
    cols = st.columns(3)
    scale = cols[0].radio(_("Scale of the scores"), list(SCALES), index=list(SCALES).index(suggested.scale),
                          format_func=lambda s: SCALES[s].name, key=f"{prefix}scale", horizontal=True)  # fmt: skip
    date_format = cols[1].selectbox(
        _("Dates are written"), list(DATE_FORMATS), index=list(DATE_FORMATS).index(suggested.date_format),
        format_func=lambda k: f"{DATE_FORMATS[k].label}: {DATE_FORMATS[k].example}", key=f"{prefix}date_format",
    )  # fmt: skip
    cols[2].selectbox(_("Columns are separated by"), list(DELIMITERS),
                      index=list(DELIMITERS).index(found.delimiter), format_func=lambda d: _(DELIMITERS[d]),
                      key=f"{prefix}delimiter")  # fmt: skip
    values = _translations(ws, file, found, columns, suggested, prefix)
    return ImportProfile(
        source, scale, {f: c for f, c in columns.items() if c}, values, date_format, found.delimiter
    )


def _translations(ws: Workspace, file: FeedbackFile, found, columns: dict[str, str], suggested: ImportProfile,
                  prefix: str) -> dict[str, dict[str, str | None]]:  # fmt: skip
    mapped = [(field, columns[field]) for field in VALUE_FIELDS if columns.get(field)]
    if not mapped:
        return {}
    st.subheader(_("3. What do the source's words mean here?"))
    translations: dict[str, dict[str, str | None]] = {}
    for field, column in mapped:
        kind = VALUE_FIELDS[field]
        try:
            values = cached(ws, service.source_values, file, found, field, column)
        except CouncilError as e:
            show_error(e)
            continue
        saved = suggested.values.get(field, {})
        understood = [v for v in values if v.known_as and v.raw not in saved]
        to_translate = [v for v in values if not v.known_as or v.raw in saved]
        st.markdown(_("**{field}** (column {column})").format(field=field_name(field), column=md(column)))
        if understood:
            st.caption(_("Understood as they are: {values}").format(values=", ".join(
                f"{v.raw} → {ws.config.name_of(kind, v.known_as)}" for v in understood)))  # fmt: skip
        ids = [_EMPTY, *ws.config.ids(kind)]
        chosen: dict[str, str | None] = {}
        cols = st.columns(3)
        for i, v in enumerate(to_translate[:60]):
            start = saved.get(v.raw, v.known_as) if v.raw in saved else None
            pick = cols[i % 3].selectbox(
                # Translators: a value a file holds and how many rows hold it: “Facturen” (1 row) means
                ngettext("“{value}” ({n} row) means", "“{value}” ({n} rows) means", int(v.count)).format(
                    value=v.raw, n=fmt.number(v.count)), ids,
                index=ids.index(start or _EMPTY) if v.raw in saved else None, placeholder=_("Choose…"),
                format_func=lambda i, kind=kind: _("— leave it empty —") if i == _EMPTY else ws.config.name_of(kind, i),
                key=f"{prefix}val_{field}_{hashlib.sha1(v.raw.encode()).hexdigest()[:12]}",
            )  # fmt: skip
            if pick is not None:
                chosen[v.raw] = None if pick == _EMPTY else pick
        if len(to_translate) > 60:
            st.caption(_("Only the {shown} most frequent of {n} values are shown here; the dry run lists the "
                         "others.").format(shown=60, n=fmt.number(len(to_translate))))  # fmt: skip
        translations[field] = chosen
    return translations


def check_and_import(ws: Workspace, file: FeedbackFile, profile: ImportProfile) -> None:
    """Step 4: the dry run's findings, then the import itself."""
    st.subheader(_("4. Check every row, then import"))
    forms.form_error(FORM, ())
    st.button(_("Check every row"), type="primary", icon=":material/fact_check:", on_click=_dry_run,
              args=(ws, file, profile))  # fmt: skip
    last = st.session_state.get(_CHECK)
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
    st.session_state.pop(_CHECK, None)
    try:
        st.session_state[_CHECK] = (profile, service.dry_run(ws, file, profile))
    except CouncilError as e:
        forms.fail(FORM, e)


def _import(ws: Workspace, file: FeedbackFile, profile: ImportProfile, skip: bool) -> None:
    def run() -> str:
        result = service.import_file(ws, current_person(ws), file, profile, skip_bad_rows=skip)
        _forget_file()
        st.session_state[_ROUND] = st.session_state.get(_ROUND, 0) + 1
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


def _prepared(upload) -> FeedbackFile:
    held = st.session_state.get(_FILE)
    if held and held[0] == upload.file_id:
        return held[1]
    _forget_file()
    check_upload_size(upload.size)
    workdir = new_workdir()
    try:
        file = prepare_upload(upload.getvalue(), upload.name, workdir)
    except BaseException:
        remove_workdir(workdir)
        raise
    st.session_state[_FILE] = (upload.file_id, file, workdir)
    return file


def _forget_file() -> None:
    held = st.session_state.pop(_FILE, None)
    st.session_state.pop(_CHECK, None)
    if held:
        remove_workdir(held[2])


def _prefix(file: FeedbackFile, source: str) -> str:
    """Widget keys per file and source: another file or source starts from its own suggestion."""
    return f"imp_{file.sha256[:10]}_{hashlib.sha1(source.encode()).hexdigest()[:8]}_"
