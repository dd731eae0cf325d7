"""The import of a feedback file, step 1: the file and the source it comes from. The file is kept for the
browser session, with the last dry run of it, until it is imported or another is chosen; steps 2 and 3
are in `feedback_columns`, step 4 in `feedback_check`."""

from __future__ import annotations

import streamlit as st

from council.domain.errors import CouncilError
from council.i18n import _
from council.services import feedback_import as service
from council.services.feedback_file import (
    FeedbackFile,
    check_upload_size,
    new_workdir,
    prepare_upload,
    remove_workdir,
)
from council.services.workspace import Workspace
from council.ui.cache import cached
from council.ui.session import show_error

_FILE = "import_file"  # (upload id, FeedbackFile, work folder) of the file being imported
CHECK = "import_check"  # (profile, ImportCheck) of the last dry run
ROUND = "import_round"  # a new round (after an import) starts with an empty uploader
_NEW = "__new__"


def choose_file(ws: Workspace) -> tuple[FeedbackFile, str] | None:
    """Step 1: the file and where it comes from; None until both are given (or the file is refused)."""
    st.subheader(_("1. Choose the file"))
    left, right = st.columns([3, 2])
    upload = left.file_uploader(
        _("CSV file, as exported from a survey tool or saved from Excel"),
        key=f"import_upload_{st.session_state.get(ROUND, 0)}",
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
        forget_file()
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


def _prepared(upload) -> FeedbackFile:
    held = st.session_state.get(_FILE)
    if held and held[0] == upload.file_id:
        return held[1]
    forget_file()
    check_upload_size(upload.size)
    workdir = new_workdir()
    try:
        file = prepare_upload(upload.getvalue(), upload.name, workdir)
    except BaseException:
        remove_workdir(workdir)
        raise
    st.session_state[_FILE] = (upload.file_id, file, workdir)
    return file


def forget_file() -> None:
    held = st.session_state.pop(_FILE, None)
    st.session_state.pop(CHECK, None)
    if held:
        remove_workdir(held[2])
