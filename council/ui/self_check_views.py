"""The self-check page's parts: a member's questionnaire, the trend over meetings, one meeting's round."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from council.charts.self_check import self_check_trend
from council.domain.errors import NotAllowed, NotFound, ValidationError
from council.domain.meetings import Meeting
from council.domain.people import Person
from council.domain.self_check import HIGHEST, LOWEST, MIN_ANSWERS, SCORE_WORDS
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import self_check as service
from council.services.workspace import Workspace
from council.ui import forms
from council.ui.cache import cached, clear_reads, shared
from council.ui.session import current_person
from council.ui.text import md

FORM = "self_check"


def questionnaire(ws: Workspace, me: Person, meeting: Meeting) -> None:
    """The statements to score for the coming meeting, with the member's earlier answers filled in."""
    st.markdown(_("For **{meeting}**").format(meeting=md(_meeting_name(ws, meeting))))
    mine = cached(ws, service.my_answers, me, meeting.id)
    form = f"{FORM}_{meeting.id}_{me.id}"  # another person acting gets a form of their own
    fields = tuple(q.id for q in ws.config.self_check)
    st.caption(
        _(
            "Score each statement from {lowest} (not at all true) to {highest} (fully true), as things are today. "
            "Skip one you cannot judge; click a chosen score again to clear it. You can change your answers "
            "until the meeting is closed."
        ).format(lowest=LOWEST, highest=HIGHEST)
    )
    # Filled in through the session, not widget defaults: a default a form never touched is not always sent.
    forms.prefill(
        form,
        {f"{q}_score": a.score for q, a in mine.items()} | {f"{q}_note": a.note for q, a in mine.items()},
    )
    with st.form(form, border=True):
        forms.form_error(form, fields)
        for n, q in enumerate(ws.config.self_check, start=1):
            st.markdown(f"**{n}. {md(q.question)}**")
            st.segmented_control(
                _("Score for “{statement}”").format(statement=md(q.label)), list(SCORE_WORDS),
                format_func=lambda s: f"{s} {_(SCORE_WORDS[s])}", key=f"{form}_{q.id}_score",
                label_visibility="collapsed",
            )  # fmt: skip
            st.text_area(_("Note on “{statement}” (optional)").format(statement=md(q.label)),
                         key=f"{form}_{q.id}_note", height=68,
                         placeholder=_("Why this score? An example helps the council."),
                         label_visibility="collapsed")  # fmt: skip
            forms.field_error(form, q.id)
        _not_saved_yet(form, fields)
        label = _("Save my changes") if mine else _("Save my answers")
        st.form_submit_button(label, type="primary", on_click=_submit, args=(ws, form, meeting.id, fields))


def _not_saved_yet(form: str, fields: tuple[str, ...]) -> None:
    """Beside the button, a pointer to a refusal shown at a statement that may be scrolled out of view."""
    error = forms.error_of(form)
    if isinstance(error, ValidationError) and error.field in fields:
        n = fields.index(error.field) + 1
        st.error(_("Not saved yet: see the message at statement {n}.").format(n=n), icon=":material/error:")


def _submit(ws: Workspace, form: str, meeting_id: int, fields: tuple[str, ...]) -> None:
    answers = {
        q: (st.session_state.get(f"{form}_{q}_score"), st.session_state.get(f"{form}_{q}_note") or "")
        for q in fields
    }

    def action() -> int:
        try:
            return service.save_answers(ws, current_person(ws), meeting_id, answers)
        except (NotAllowed, NotFound):
            clear_reads()  # the meeting may have closed meanwhile: show it as it is now
            raise

    forms.save(
        form,
        action,
        lambda n: ngettext("Thank you: {n} answer saved.", "Thank you: {n} answers saved.", n).format(
            n=fmt.number(n)
        ),
    )


def cannot_answer(ws: Workspace, me: Person | None) -> None:
    if me is None:
        st.info(_("Choose who you are under “Acting as” to answer the self-check."), icon=":material/person:")
        return
    coming = cached(ws, service.coming_meeting)
    if coming:
        said = _(
            "The self-check is answered by the council's members at the coming meeting, “{meeting}”, and {name} "
            "is not among them. You can follow how the council scores itself below."
        ).format(meeting=md(coming.title), name=md(me.name))
    else:
        said = _(
            "The self-check is answered by the council's members at a coming meeting, and {name} is not among "
            "them. You can follow how the council scores itself below."
        ).format(name=md(me.name))
    st.info(said, icon=":material/visibility:")


def _trend(ws: Workspace) -> go.Figure:
    return self_check_trend(cached(ws, service.trend_frame))


def trend(ws: Workspace) -> None:
    frame = cached(ws, service.trend_frame)
    st.plotly_chart(shared(ws, _trend), config={"displayModeBar": False})
    if not frame.empty:
        st.caption(_("The average score per statement at every meeting. Hover a point for how many members "
                     "answered and their lowest and highest score."))  # fmt: skip


def meeting_round(ws: Workspace) -> None:
    answered = cached(ws, service.meetings_with_answers)
    if not answered:
        return
    by_id = {m.id: m for m in answered}
    chosen = st.selectbox(_("Scores at"), list(by_id), format_func=lambda i: _meeting_name(ws, by_id[i]),
                          key="self_check_round")  # fmt: skip
    found = cached(ws, service.meeting_round, chosen if chosen in by_id else answered[0].id)
    labels = {q.id: q.label for q in ws.config.self_check}
    if found.hidden:
        st.caption(ngettext(
            "Not shown yet: {n} statement answered by fewer than {least} members, so that nobody's own score can "
            "be read.",
            "Not shown yet: {n} statements answered by fewer than {least} members, so that nobody's own score can "
            "be read.", found.hidden).format(n=fmt.number(found.hidden), least=MIN_ANSWERS))  # fmt: skip
    if not found.scores:
        st.caption(md(_waiting_line(found)))
        return
    rows = [
        {_("Statement"): labels[s.question], _("Average"): fmt.number(round(s.average, 1), 1),
         _("Since the meeting before"): _change(s.average, found.previous.get(s.question)),
         _("Answers"): s.answers,
         _("Lowest to highest"): _("{lowest} to {highest}").format(lowest=s.lowest, highest=s.highest)}
        for s in found.scores
    ]  # fmt: skip
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.caption(md(_waiting_line(found)))
    written = sum(len(n) for n in found.notes.values())
    if written:
        with st.expander(ngettext("What members wrote ({n} note, without names)",
                                  "What members wrote ({n} notes, without names)", written).format(n=fmt.number(written))):  # fmt: skip
            for q in ws.config.self_check:
                if q.id in found.notes:
                    st.markdown(f"**{md(q.label)}**")
                    st.markdown("  \n".join(f"{score} · {md(note)}" for score, note in found.notes[q.id]))


def _waiting_line(found: service.MeetingRound) -> str:
    who = _("Answered by {n}: {names}.").format(
        n=fmt.number(len(found.answered)), names=", ".join(found.answered)
    )
    if found.waiting and not found.meeting.is_closed:
        waiting = ngettext("Still to answer: {names}.", "Still to answer: {names}.", len(found.waiting))
        who += " " + waiting.format(names=", ".join(found.waiting))
    return who


def _change(now: float, before: float | None) -> str:
    if before is None:
        return "—"
    delta = round(now - before, 1)
    if delta == 0:
        return _("no change")
    return f"{delta:+.1f}"[0] + fmt.number(abs(delta), 1)


def _meeting_name(ws: Workspace, meeting: Meeting) -> str:
    starts = meeting.starts_at.astimezone(ws.zone)
    day = fmt.long_day(starts)
    # A title that names its day already ("Council meeting 4 December 2026") keeps its own words.
    if day in meeting.title or f"{starts:%-d %B %Y}" in meeting.title:
        return meeting.title
    return f"{meeting.title} ({day})"
