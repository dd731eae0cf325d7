"""A meeting's exports on its page: the minutes as Markdown or printable HTML, and a calendar invite.

The minutes are the workspace's record: in its language, whoever reads or downloads them; the page
around them speaks the reader's."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from council.domain.errors import CouncilError
from council.i18n import _
from council.services import exports, invites
from council.services.markdown_minutes import minutes_markdown
from council.services.minutes import workspace_minutes
from council.services.printable_minutes import minutes_html
from council.services.workspace import Workspace
from council.ui.cache import cached
from council.ui.session import show_error
from council.ui.text import md


def minutes_downloads(ws: Workspace, meeting_id: int) -> None:
    """Download buttons for the meeting's minutes and invite, and a preview of the minutes."""
    try:
        m = cached(ws, workspace_minutes, meeting_id)
    except CouncilError as e:
        show_error(e)
        return
    if m.cancelled is not None:
        st.info(
            _("This meeting was cancelled: {reason}").format(reason=md(m.cancelled)),
            icon=":material/event_busy:",
        )
        st.download_button(_("Cancellation for calendars (.ics)"), data=lambda: invites.meeting_invite(m),
                           file_name=exports.export_name(m, "ics"), mime=exports.MIME_TYPES["ics"],
                           icon=":material/event_busy:", on_click="ignore", key=f"minutes_ics_{meeting_id}",
                           help=_("Send it to everyone invited: their calendars then remove the meeting."))  # fmt: skip
        return
    if m.is_draft:
        st.caption(":material/edit_note: " + _("Draft — the meeting has not been closed, so these minutes are a draft. "
                                               "The invite is ready."))  # fmt: skip
    # (label, extension, how to build it, icon, help)
    files: tuple[tuple[str, str, Callable[[], str | bytes], str, str | None], ...] = (
        (_("Minutes (Markdown)"), "md", lambda: minutes_markdown(m), ":material/description:", None),
        (_("Printable minutes (HTML)"), "html", lambda: minutes_html(m), ":material/print:",
         _("Open the file in a browser, then print it or save it as PDF (A4).")),
        (_("Calendar invite (.ics)"), "ics", lambda: invites.meeting_invite(m), ":material/event:",
         _("Add the meeting to Outlook, Thunderbird or any other calendar, or send it on as the invitation.")),
    )  # fmt: skip
    # Each file is built when its button is clicked, so the invite's time stamp is that moment.
    for column, (label, ext, build, icon, help_text) in zip(st.columns(3), files, strict=True):
        column.download_button(
            label, data=build, file_name=exports.export_name(m, ext), mime=exports.MIME_TYPES[ext], icon=icon,
            help=help_text, on_click="ignore", key=f"minutes_{ext}_{meeting_id}", width="stretch",
            type="primary" if m.is_draft and ext == "ics" else "secondary",
        )  # fmt: skip
    with st.expander(
        _("The minutes") if not m.is_draft else _("Preview the draft minutes"),
        icon=":material/visibility:",
        expanded=not m.is_draft,
    ):
        st.markdown(minutes_markdown(m, top=3))  # every bit of user text in it is escaped
