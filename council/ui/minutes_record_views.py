"""Where a closed meeting's minutes stand, their versions, the form that corrects or amends them, and the
approval point of the next meeting."""

from __future__ import annotations

import streamlit as st

from council.domain.errors import StaleVersion
from council.domain.meetings import AgendaItem, Meeting
from council.domain.minutes import MinutesContent, MinutesState
from council.domain.people import Person
from council.domain.permissions import may_close_agenda
from council.domain.records import saved_id
from council.i18n import _
from council.i18n import formats as fmt
from council.services import agenda, meetings, minutes_record
from council.services.minutes_record import MinutesRecord, VersionLine
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.agenda_views import act
from council.ui.cache import cached
from council.ui.navigation import page_at
from council.ui.text import md

FORM = "correct_minutes"


def standing(ws: Workspace, meeting_id: int) -> MinutesRecord:
    """A banner with where the minutes stand, and their versions; returns the record it read."""
    record = cached(ws, minutes_record.record_of, meeting_id)
    if record.state == MinutesState.DRAFT:
        if record.approve_at is not None:
            text = _("**Draft minutes.** The council approves them at “{meeting}”, {day}.").format(
                meeting=md(record.approve_at.title),
                day=fmt.long_weekday(record.approve_at.starts_at.astimezone(ws.zone)),
            )
        else:
            text = _("**Draft minutes.** The council approves them at its next meeting.")
        st.info(text, icon=":material/edit_note:")
    elif record.locked and record.approved_on is not None:
        text = _("**Approved** on {day} at “{meeting}”. The minutes are locked: a change is an amendment, shown "
                 "with its reason.").format(day=fmt.long_day(record.approved_on), meeting=md(record.approved_at or "—"))  # fmt: skip
        st.success(text, icon=":material/verified:")
        for amendment in record.amendments:
            st.warning(_("**Amended** on {day} by {name}: {reason}").format(
                day=fmt.long_day(amendment.at), name=md(amendment.by or _("the command line")),
                reason=md(amendment.reason)), icon=":material/history_edu:")  # fmt: skip
    if len(record.versions) > 1:
        with st.expander(
            _("Versions ({n})").format(n=fmt.number(len(record.versions))), icon=":material/history:"
        ):
            for version in reversed(record.versions):
                st.markdown(_version_line(ws, version))
    return record


def _version_line(ws: Workspace, v: VersionLine) -> str:
    who = md(v.by) if v.by else _("the command line")
    when = fmt.short_moment(v.at)
    head = _("**Version {n}** · {kind} · {who} · {when}").format(n=fmt.number(v.number), kind=v.kind.label, who=who,
                                                                 when=when)  # fmt: skip
    if not v.reason:
        return head
    changed = ", ".join(v.changed)
    return head + "  \n" + _("Why: {reason} — changed {what}").format(reason=md(v.reason), what=md(changed))


def correction_form(
    ws: Workspace, me: Person | None, card: meetings.MeetingCard, record: MinutesRecord
) -> None:
    """The chair or the secretary corrects the draft, or amends approved minutes with a reason."""
    meeting = card.meeting
    if not may_close_agenda(me, meeting) or record.state == MinutesState.OPEN or meeting.id is None:
        return
    label = _("Amend the approved minutes") if record.locked else _("Correct the draft minutes")
    with st.expander(label, icon=":material/edit:", key=f"{FORM}_open_{meeting.id}"):
        if record.locked:
            st.caption(_("These minutes were approved. An amendment is kept as a new version and shown on the minutes "
                         "with its date and reason."))  # fmt: skip
        else:
            st.caption(_("Each correction is kept as a new version, with your name and your reason."))
        form = f"{FORM}_{meeting.id}"
        content = cached(ws, minutes_record.content_of, meeting.id)
        items = cached(ws, agenda.agenda_of, meeting.id).items
        everyone = cached(ws, meetings.owner_choices) | card.attendees
        notes = {f"notes_{i.id}": content.notes.get(saved_id(i), "") for i in items}
        forms.prefill(form, {"summary": content.summary, "present": sorted(content.present), "reason": "",
                             **notes})  # fmt: skip
        st.session_state.setdefault(f"{form}_seen", record.version)
        forms.form_error(form, ("summary", "present", "notes", "reason"))
        with st.form(form, border=False, enter_to_submit=False):
            st.text_area(_("General minutes"), key=f"{form}_summary", height=120)
            forms.field_error(form, "summary")
            st.multiselect(_("Present"), options=list(everyone), format_func=lambda i: everyone.get(i, f"#{i}"),
                           key=f"{form}_present")  # fmt: skip
            forms.field_error(form, "present")
            for item in items:
                st.text_area(_("Notes of {point}").format(point=f"{item.position}. {item.title}"),
                             key=f"{form}_notes_{item.id}", height=90)  # fmt: skip
            forms.field_error(form, "notes")
            st.text_input(_("Why"), key=f"{form}_reason", max_chars=500,
                          placeholder=_("e.g. a name was missing from those present"))  # fmt: skip
            forms.field_error(form, "reason")
            st.form_submit_button(
                _("Save the amendment") if record.locked else _("Save the correction"), type="primary",
                icon=":material/save:", on_click=_save, args=(ws, me, meeting.id, form, items),
            )  # fmt: skip


def _save(ws: Workspace, me: Person | None, meeting_id: int, form: str, items: list[AgendaItem]) -> None:
    after = MinutesContent(
        (forms.value(form, "summary") or "").strip(),
        {i.id: (forms.value(form, f"notes_{i.id}") or "").strip() for i in items if i.id is not None},
        frozenset(forms.value(form, "present") or ()),
    )
    seen = st.session_state.get(f"{form}_seen", 1)

    def write() -> int:
        try:
            return minutes_record.correct_minutes(
                ws, me, meeting_id, after, forms.value(form, "reason") or "", seen
            )
        except StaleVersion as e:  # their version is shown above; saving again replaces it knowingly
            st.session_state[f"{form}_seen"] = e.current_version
            raise

    fields = ("summary", "present", "reason", "seen", *(f"notes_{i.id}" for i in items))
    forms.save(form, write, lambda n: _("Saved as version {n}.").format(n=fmt.number(n)), clear=fields)


def approval_panel(ws: Workspace, me: Person | None, meeting: Meeting, item: AgendaItem) -> None:
    """On the point that approves the last minutes: where they stand, a link to them, and the approval."""
    minutes_of = cached(ws, minutes_record.minutes_point, item.id)
    if minutes_of is None:
        return
    record = cached(ws, minutes_record.record_of, minutes_of)
    if record.approved_on is not None:  # approved (and perhaps amended since): locked
        st.success(_("These minutes were approved on {day}.").format(day=fmt.long_day(record.approved_on)),
                   icon=":material/verified:")  # fmt: skip
        return
    st.info(_("The minutes of this point are a draft (version {n}). Read them, note what needs correcting, then "
              "approve them.").format(n=fmt.number(record.version)), icon=":material/edit_note:")  # fmt: skip
    cols = st.columns(2)
    cols[0].page_link(page_at("app_pages/meetings.py"), label=_("Open the minutes"), icon=":material/description:",
                      query_params={"id": str(minutes_of), "view": "minutes"})  # fmt: skip
    cols[1].button(_("Approve the minutes"), type="primary", icon=":material/verified:", key=f"approve_{item.id}",
                   on_click=act, args=("meeting", lambda: minutes_record.approve_minutes(ws, me, minutes_of, meeting.id or 0),
                                       _("The minutes are approved.")))  # fmt: skip
