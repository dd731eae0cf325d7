"""The rotation plan as the secretary works through it: one card per meeting, guest and seat changes."""

from __future__ import annotations

from datetime import date

import streamlit as st

from council.domain.people import Person
from council.domain.permissions import Task, may
from council.domain.rotation import PlannedMeeting, RotationPlan, Vacancy, term_end
from council.services import rotation
from council.services.workspace import Workspace
from council.ui.cache import cached
from council.ui.forms import form_error, save, show_flash
from council.ui.text import md


def rotation_plan(ws: Workspace, actor: Person | None) -> None:
    """How many meetings to look ahead, then a card per meeting."""
    rules = ws.config.council
    st.subheader("Rotation plan")
    show_flash()
    ahead = st.number_input("Meetings to plan ahead", min_value=3, max_value=12, value=6, step=1,
                            key="rotation_ahead", width=220)  # fmt: skip
    plan = cached(ws, rotation.rotation_plan, int(ahead))
    if plan.nobody_to_suggest:
        seats = ", ".join(f"{ws.config.name_of('department', d)} {n}" for d, n in rules.seats.items() if n)
        who = (
            "on the People and roles tab"
            if may(actor, Task.ROSTER)
            else "(the council's secretary does that)"
        )
        st.info(
            f"**First step: put the council's people on the roster** {who}: for each department with a seat "
            f"({seats}), the colleagues who could take it, and people who could be a guest. The plan for the "
            "coming meetings then suggests who takes each seat and who is the guest.",
            icon=":material/group_add:",
        )
        return
    st.caption(
        f"{_summary(plan)} A term lasts {rules.term_length} {rules.term_unit}. A guest is invited again only "
        f"after {rules.guest_pause_meetings} other meetings and never twice in a row; suggestions favour the "
        "voices the council has heard least. Accept a suggestion or choose someone else."
    )
    warned: set[str] = set()  # seats nobody can take, said once: at the first meeting they are vacant
    for meeting in plan.meetings:
        with st.container(border=True):
            _meeting_card(ws, actor, meeting, warned)


def _summary(plan: RotationPlan) -> str:
    seats, guests = plan.open_vacancies, plan.guests_to_invite
    if not seats and not guests:
        return "Every seat is filled and every guest is invited."
    parts = [f"{n} {word}{'s' * (n != 1)} to {verb}" for n, word, verb in
             ((seats, "seat", "fill"), (guests, "guest", "invite")) if n]  # fmt: skip
    return f"To do: {' and '.join(parts)}."


def _meeting_card(ws: Workspace, actor: Person | None, meeting: PlannedMeeting, warned: set[str]) -> None:
    slot = meeting.slot
    badge = ":green-badge[Planned]" if slot.is_planned else ":gray-badge[Not planned yet]"
    st.markdown(f"**{slot.day:%A %-d %B %Y}** {badge}")
    guest, seats = st.columns(2, gap="large")
    with guest:
        _guest(ws, actor, meeting, warned)
    with seats:
        _seat_changes(ws, actor, meeting, warned)


def _guest(ws: Workspace, actor: Person | None, meeting: PlannedMeeting, warned: set[str]) -> None:
    choice, slot = meeting.guest, meeting.slot
    form = f"rotation_guest_{slot.meeting_id or slot.day.isoformat()}"  # two meetings may share a day
    if choice.person is None and choice.reason in warned:
        st.caption(":material/person_off: No guest to suggest, for the reason above.")
    elif choice.person is None:
        st.warning(md(choice.reason), icon=":material/person_off:")
        warned.add(choice.reason)
    elif choice.chosen:
        st.markdown(f":material/check_circle: Guest: **{md(choice.person.name)}**, invited")
        st.caption(md(choice.reason))
        if choice.candidates:
            with st.expander("Invite someone else instead"):
                _guest_picker(ws, actor, meeting, form, list(choice.candidates), "Invite")
    else:
        st.markdown(f":material/person_add: Suggested guest: **{md(choice.person.name)}**")
        st.caption(md(choice.reason))
        _guest_picker(ws, actor, meeting, form, [choice.person, *choice.candidates], "Accept")
        if not slot.is_planned:
            st.caption(f"Accepting plans this meeting at {ws.config.council.meeting_starts_at:%H:%M}.")
    form_error(form, ())


def _guest_picker(
    ws: Workspace, actor: Person | None, meeting: PlannedMeeting, form: str, options: list[Person], label: str
) -> None:
    if not may(actor, Task.PLAN):
        return
    by_id = {p.id: p for p in options}
    key = f"{form}_pick_{meeting.guest.person.id if meeting.guest.person else 'none'}"
    day = meeting.slot.day

    def accept() -> int:
        return rotation.accept_guest(ws, actor, meeting.slot, st.session_state[key])

    def done(_: int) -> str:
        return f"{by_id[st.session_state[key]].name} is invited as the guest of {_day(day)}."

    pick, go = st.columns([3, 1], vertical_alignment="bottom")
    pick.selectbox(f"Guest of {_day(day)}", options=list(by_id), key=key, label_visibility="collapsed",
                   format_func=lambda i: f"{by_id[i].name} ({ws.config.voice_name(by_id[i].voice)})")  # fmt: skip
    go.button(label, key=f"{form}_accept", on_click=save, args=(form, accept, done),
              type="primary" if label == "Accept" else "secondary")  # fmt: skip


def _seat_changes(ws: Workspace, actor: Person | None, meeting: PlannedMeeting, warned: set[str]) -> None:
    if meeting.rotating_out:
        _rotating_out(ws, meeting)
    still = sorted(
        {v.department for v in meeting.vacancies if v.successor is None and v.department in warned}
    )
    if still:
        names = ", ".join(ws.config.name_of("department", d) for d in still)
        st.caption(f":material/person_off: Still vacant, with nobody free to take it: {md(names)}.")
    for n, vacancy in enumerate(meeting.vacancies):
        if vacancy.successor is None and vacancy.department in still:
            continue
        _vacancy(ws, actor, meeting.slot.day, vacancy, n)
    warned.update(v.department for v in meeting.vacancies if v.successor is None)
    if not meeting.rotating_out and not meeting.vacancies:
        st.caption(":material/event_seat: No seat changes: every seat is held, nobody's term ends.")


def _rotating_out(ws: Workspace, meeting: PlannedMeeting) -> None:
    """Everyone whose term ends before the next meeting, in one line: the seats they leave follow below."""
    leaving = [
        f"**{md(h.person.name)}** ({md(ws.config.name_of('department', s.department))}"
        f"{', if suggested earlier' if h.suggested else ''})"
        for s in meeting.seats
        for h in s.rotating_out
    ]
    ends = sorted({h.ends_on for h in meeting.rotating_out if h.ends_on})
    until = f" Their terms end {' and '.join(_day(d) for d in ends)}." if ends else ""
    st.markdown(f":material/logout: Last meeting for {', '.join(leaving)}.{until}")


def _vacancy(ws: Workspace, actor: Person | None, day: date, vacancy: Vacancy, n: int) -> None:
    seat = ws.config.name_of("department", vacancy.department)
    if vacancy.successor is None:
        st.warning(f"**{md(seat)}** seat is vacant. {md(vacancy.reason)}", icon=":material/person_off:")
        return
    st.markdown(
        f":material/event_seat: **{md(seat)}** seat is vacant. Suggested: **{md(vacancy.successor.name)}**, "
        f"{md(vacancy.reason[0].lower() + vacancy.reason[1:])}."
    )
    if not may(actor, Task.PLAN):
        return
    form = f"rotation_seat_{day.isoformat()}_{vacancy.department}_{n}"
    by_id = {p.id: p for p in vacancy.candidates}
    key = f"{form}_pick_{vacancy.successor.id}"

    def accept() -> int:
        return rotation.accept_successor(ws, actor, vacancy.department, st.session_state[key], day)

    def done(_: int) -> str:
        name = by_id[st.session_state[key]].name
        return (
            f"{name} takes the {seat} seat from {_day(day)} until {_day(term_end(day, ws.config.council))}."
        )

    pick, go = st.columns([3, 1], vertical_alignment="bottom")
    pick.selectbox(f"Successor for {seat}", options=list(by_id), key=key, label_visibility="collapsed",
                   format_func=lambda i: ", ".join(filter(None, (by_id[i].name, by_id[i].role_title))))  # fmt: skip
    go.button("Accept", key=f"{form}_accept", on_click=save, args=(form, accept, done), type="primary")
    form_error(form, ())


def _day(day: date) -> str:
    return f"{day:%-d %B %Y}"
