"""The rotation plan as the secretary works through it: one card per meeting, guest and seat changes."""

from __future__ import annotations

from datetime import date

import streamlit as st

from council.domain.people import Person
from council.domain.permissions import Task, may
from council.domain.rotation_plan import PlannedMeeting, RotationPlan, Vacancy
from council.domain.terms import term_end
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import rotation
from council.services.workspace import Workspace
from council.ui.cache import cached
from council.ui.forms import form_error, save, show_flash
from council.ui.text import md


def rotation_plan(ws: Workspace, actor: Person | None) -> None:
    """How many meetings to look ahead, then a card per meeting."""
    rules = ws.config.council
    st.subheader(_("Rotation plan"))
    show_flash()
    ahead = st.number_input(_("Meetings to plan ahead"), min_value=3, max_value=rotation.MOST_AHEAD, value=6, step=1,
                            key="rotation_ahead", width=220)  # fmt: skip
    plan = cached(ws, rotation.rotation_plan, int(ahead))
    if plan.nobody_to_suggest:
        seats = ", ".join(
            f"{ws.config.name_of('department', d)} {fmt.number(n)}" for d, n in rules.seats.items() if n
        )
        if may(actor, Task.ROSTER):
            first = _(
                "**First step: put the council's people on the roster** on the People and roles tab: for each "
                "department with a seat ({seats}), the colleagues who could take it, and people who could be a "
                "guest. The plan for the coming meetings then suggests who takes each seat and who is the guest."
            )
        else:
            first = _(
                "**First step: put the council's people on the roster** (the council's secretary does that): for "
                "each department with a seat ({seats}), the colleagues who could take it, and people who could be "
                "a guest. The plan for the coming meetings then suggests who takes each seat and who is the guest."
            )
        st.info(first.format(seats=seats), icon=":material/group_add:")
        return
    term = _("A term lasts {term}.").format(term=term_words(rules.term_length, rules.term_unit))
    st.caption(" ".join((_summary(plan), term, ngettext(
        "A guest is invited again only after {n} other meeting and never twice in a row; suggestions favour "
        "the voices the council has heard least. Accept a suggestion or choose someone else.",
        "A guest is invited again only after {n} other meetings and never twice in a row; suggestions favour "
        "the voices the council has heard least. Accept a suggestion or choose someone else.",
        rules.guest_pause_meetings).format(n=fmt.number(rules.guest_pause_meetings)))))  # fmt: skip
    warned: set[str] = set()  # seats nobody can take, said once: at the first meeting they are vacant
    for meeting in plan.meetings:
        with st.container(border=True):
            _meeting_card(ws, actor, meeting, warned)


def term_words(length: int, unit: str) -> str:
    """How long a term lasts: “6 meetings” or “6 months”."""
    if unit == "months":
        return ngettext("{n} month", "{n} months", length).format(n=fmt.number(length))
    return ngettext("{n} meeting", "{n} meetings", length).format(n=fmt.number(length))


def _summary(plan: RotationPlan) -> str:
    seats, guests = plan.open_vacancies, plan.guests_to_invite
    if not seats and not guests:
        return _("Every seat is filled and every guest is invited.")
    to_fill = ngettext("{n} seat to fill", "{n} seats to fill", seats).format(n=fmt.number(seats))
    to_invite = ngettext("{n} guest to invite", "{n} guests to invite", guests).format(n=fmt.number(guests))
    if seats and guests:
        return _("To do: {seats} and {guests}.").format(seats=to_fill, guests=to_invite)
    return _("To do: {what}.").format(what=to_fill if seats else to_invite)


def _meeting_card(ws: Workspace, actor: Person | None, meeting: PlannedMeeting, warned: set[str]) -> None:
    slot = meeting.slot
    badge = (
        ":green-badge[" + _("Planned") + "]"
        if slot.is_planned
        else ":gray-badge[" + _("Not planned yet") + "]"
    )
    st.markdown(f"**{fmt.long_weekday(slot.day)}** {badge}")
    guest, seats = st.columns(2, gap="large")
    with guest:
        _guest(ws, actor, meeting, warned)
    with seats:
        _seat_changes(ws, actor, meeting, warned)


def _guest(ws: Workspace, actor: Person | None, meeting: PlannedMeeting, warned: set[str]) -> None:
    choice, slot = meeting.guest, meeting.slot
    form = f"rotation_guest_{slot.meeting_id or slot.day.isoformat()}"  # two meetings may share a day
    if choice.person is None and choice.reason in warned:
        st.caption(":material/person_off: " + _("No guest to suggest, for the reason above."))
    elif choice.person is None:
        st.warning(md(choice.reason), icon=":material/person_off:")
        warned.add(choice.reason)
    elif choice.chosen:
        st.markdown(
            ":material/check_circle: " + _("Guest: **{name}**, invited").format(name=md(choice.person.name))
        )
        st.caption(md(choice.reason))
        if choice.candidates:
            with st.expander(_("Invite someone else instead")):
                _guest_picker(ws, actor, meeting, form, list(choice.candidates), _("Invite"))
    else:
        st.markdown(
            ":material/person_add: " + _("Suggested guest: **{name}**").format(name=md(choice.person.name))
        )
        st.caption(md(choice.reason))
        _guest_picker(
            ws, actor, meeting, form, [choice.person, *choice.candidates], _("Accept"), primary=True
        )
        if not slot.is_planned:
            st.caption(_("Accepting plans this meeting at {time}.").format(
                time=fmt.clock(ws.config.council.meeting_starts_at)))  # fmt: skip
    form_error(form, ())


def _guest_picker(
    ws: Workspace,
    actor: Person | None,
    meeting: PlannedMeeting,
    form: str,
    options: list[Person],
    label: str,
    primary: bool = False,
) -> None:
    if not may(actor, Task.PLAN):
        return
    by_id = {p.id: p for p in options}
    key = f"{form}_pick_{meeting.guest.person.id if meeting.guest.person else 'none'}"
    day = meeting.slot.day

    def accept() -> int:
        return rotation.accept_guest(ws, actor, meeting.slot, st.session_state[key])

    def done(_term_or_meeting: int) -> str:
        return _("{name} is invited as the guest of {day}.").format(
            name=by_id[st.session_state[key]].name, day=_day(day)
        )

    pick, go = st.columns([3, 1], vertical_alignment="bottom")
    pick.selectbox(_("Guest of {day}").format(day=_day(day)), options=list(by_id), key=key, label_visibility="collapsed",
                   format_func=lambda i: f"{by_id[i].name} ({ws.config.voice_name(by_id[i].voice)})")  # fmt: skip
    go.button(label, key=f"{form}_accept", on_click=save, args=(form, accept, done),
              type="primary" if primary else "secondary")  # fmt: skip


def _seat_changes(ws: Workspace, actor: Person | None, meeting: PlannedMeeting, warned: set[str]) -> None:
    if meeting.rotating_out:
        _rotating_out(ws, meeting)
    still = sorted(
        {v.department for v in meeting.vacancies if v.successor is None and v.department in warned}
    )
    if still:
        names = ", ".join(ws.config.name_of("department", d) for d in still)
        st.caption(
            ":material/person_off: "
            + _("Still vacant, with nobody free to take it: {seats}.").format(seats=md(names))
        )
    for n, vacancy in enumerate(meeting.vacancies):
        if vacancy.successor is None and vacancy.department in still:
            continue
        _vacancy(ws, actor, meeting.slot.day, vacancy, n)
    warned.update(v.department for v in meeting.vacancies if v.successor is None)
    if not meeting.rotating_out and not meeting.vacancies:
        st.caption(":material/event_seat: " + _("No seat changes: every seat is held, nobody's term ends."))


def _rotating_out(ws: Workspace, meeting: PlannedMeeting) -> None:
    """Everyone whose term ends before the next meeting, in one line: the seats they leave follow below."""
    leaving = [
        (_("**{name}** ({seat}, if suggested earlier)") if h.suggested else _("**{name}** ({seat})")).format(
            name=md(h.person.name), seat=md(ws.config.name_of("department", s.department))
        )
        for s in meeting.seats
        for h in s.rotating_out
    ]
    ends = sorted({h.ends_on for h in meeting.rotating_out if h.ends_on})
    text = _("Last meeting for {people}.").format(people=", ".join(leaving))
    if len(ends) == 1:
        text += " " + _("Their terms end {day}.").format(day=_day(ends[0]))
    elif ends:
        text += " " + _("Their terms end {days} and {day}.").format(
            days=", ".join(_day(d) for d in ends[:-1]), day=_day(ends[-1])
        )
    st.markdown(f":material/logout: {text}")


def _vacancy(ws: Workspace, actor: Person | None, day: date, vacancy: Vacancy, n: int) -> None:
    seat = ws.config.name_of("department", vacancy.department)
    if vacancy.successor is None:
        st.warning(_("**{seat}** seat is vacant. {reason}").format(seat=md(seat), reason=md(vacancy.reason)),
                   icon=":material/person_off:")  # fmt: skip
        return
    st.markdown(":material/event_seat: " + _("**{seat}** seat is vacant. Suggested: **{name}**, {reason}.").format(
        seat=md(seat), name=md(vacancy.successor.name), reason=md(vacancy.reason[0].lower() + vacancy.reason[1:])))  # fmt: skip
    if not may(actor, Task.PLAN):
        return
    form = f"rotation_seat_{day.isoformat()}_{vacancy.department}_{n}"
    by_id = {p.id: p for p in vacancy.candidates}
    key = f"{form}_pick_{vacancy.successor.id}"

    def accept() -> int:
        return rotation.accept_successor(ws, actor, vacancy.department, st.session_state[key], day)

    def done(_term_or_meeting: int) -> str:
        name = by_id[st.session_state[key]].name
        return _("{name} takes the {seat} seat from {start} until {end}.").format(
            name=name, seat=seat, start=_day(day), end=_day(term_end(day, ws.config.council))
        )

    pick, go = st.columns([3, 1], vertical_alignment="bottom")
    pick.selectbox(_("Successor for {seat}").format(seat=seat), options=list(by_id), key=key, label_visibility="collapsed",
                   format_func=lambda i: ", ".join(filter(None, (by_id[i].name, by_id[i].role_title))))  # fmt: skip
    go.button(_("Accept"), key=f"{form}_accept", on_click=save, args=(form, accept, done), type="primary")
    form_error(form, ())


def _day(day: date) -> str:
    return fmt.long_day(day)
