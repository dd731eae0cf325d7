"""Preparing a meeting's agenda: the chair's additions (from the suggestions in `agenda_suggestions`, or a
point of their own), removals, reordering and time boxes, closing it; and what an agenda point's subject
shows while it is on an agenda."""

from __future__ import annotations

from dataclasses import dataclass

from council.domain.agenda import MINUTES, AgendaTime, agenda_time
from council.domain.checks import MAX_TITLE, check_range, clean_text
from council.domain.errors import NotFound, ValidationError
from council.domain.meetings import AgendaItem, Meeting
from council.domain.people import Person
from council.domain.permissions import Task, require, require_agenda_closer
from council.i18n import _
from council.services import meeting_mail
from council.services.acting import as_on_roster
from council.services.agenda_suggestions import suggestions
from council.services.history import record
from council.services.meeting_lookup import ENTITY, get, still_open
from council.services.workspace import Workspace
from council.store import agenda, meetings, parking
from council.store import minutes_record as minutes_store
from council.store.database import Transaction

DEFAULT_TIME_BOX = {"follow_up": 5, "other": 10, MINUTES: 5}


@dataclass(frozen=True)
class AgendaView:
    meeting: Meeting
    items: list[AgendaItem]
    time: AgendaTime


def agenda_of(ws: Workspace, meeting_id: int) -> AgendaView:
    meeting = get(ws.db, meeting_id)
    items = meetings.agenda_for(ws.db, meeting_id)
    return AgendaView(
        meeting, items, agenda_time([i.time_box_minutes for i in items], meeting.duration_minutes)
    )


@as_on_roster
def add_suggestion(ws: Workspace, actor: Person | None, meeting_id: int, kind: str, ref_id: int) -> int:
    """Put a suggested friction point, connection, blocker, proposal, follow-up or parked point on the agenda."""
    # Translators: completes "Only … may …"
    require(actor, Task.AGENDA, _("change an agenda"))
    if kind not in agenda.REFERENCE and kind not in ("other", MINUTES):
        raise ValidationError(
            _("{kind} cannot be put on an agenda this way.").format(kind=repr(kind)), "kind"
        )
    chosen = next((s for s in suggestions(ws, meeting_id, limit=1000) if s.key == (kind, ref_id)), None)
    if chosen is None:
        raise NotFound(
            _("That item is no longer open or is already on this agenda. The list has been refreshed.")
        )
    if kind in ("other", MINUTES):  # a point parked at an earlier meeting, or approving the last minutes
        item = AgendaItem(
            meeting_id, 0, "other", chosen.title[:MAX_TITLE], time_box_minutes=DEFAULT_TIME_BOX[kind]
        )
        if kind == MINUTES:
            return _append(ws, actor, item, minutes_of=ref_id)
        return _append(ws, actor, item, parked=ref_id)
    item = AgendaItem(meeting_id, 0, kind, chosen.title[:MAX_TITLE],
                      time_box_minutes=DEFAULT_TIME_BOX.get(kind, 15)).about(ref_id)  # fmt: skip
    return _append(ws, actor, item)


@as_on_roster
def add_other(ws: Workspace, actor: Person | None, meeting_id: int, title: str, minutes: int | None) -> int:
    """Put a point of the chair's own on the agenda."""
    # Translators: completes "Only … may …"
    require(actor, Task.AGENDA, _("change an agenda"))
    check_range(minutes, 1, 240, _("The time box in minutes"), required=False, field="minutes")
    title = clean_text(title, _("The agenda point"), limit=MAX_TITLE, field="title")
    return _append(ws, actor, AgendaItem(meeting_id, 0, "other", title, time_box_minutes=minutes))


def _append(
    ws: Workspace,
    actor: Person | None,
    item: AgendaItem,
    parked: int | None = None,
    minutes_of: int | None = None,
) -> int:
    """Add `item` to its meeting's agenda; `parked`: the parked point it takes up; `minutes_of`: the meeting
    whose minutes it approves."""

    def write(tx: Transaction) -> int:
        still_open(get(tx, item.meeting_id))
        if item.kind != "other" and (item.kind, subject_id(item)) in agenda.references_on(
            tx, item.meeting_id
        ):
            raise ValidationError(_("That is already on this agenda."), "kind")
        if parked is not None and parking.waiting_point(tx, parked) is None:  # another agenda was quicker
            raise NotFound(
                _("That item is no longer open or is already on this agenda. The list has been refreshed.")
            )
        if minutes_of is not None and minutes_of in minutes_store.points_of(tx, item.meeting_id).values():
            raise ValidationError(_("That is already on this agenda."), "kind")
        item_id = agenda.append_item(tx, item)
        if parked is not None:
            parking.take_up(tx, parked, item_id)
        if minutes_of is not None:  # approving the last minutes opens the meeting
            minutes_store.link_point(tx, item_id, minutes_of)
            agenda.put_first(tx, item_id, item.meeting_id)
        follow_subject(tx, ws, actor, item, ("open", "submitted"), "on_agenda")
        record(tx, actor, "agenda_add", ENTITY, item.meeting_id, {"item": item_id, "title": item.title})
        return item_id

    return ws.db.write(write)


@as_on_roster
def remove(ws: Workspace, actor: Person | None, item_id: int) -> None:
    # Translators: completes "Only … may …"
    require(actor, Task.AGENDA, _("change an agenda"))

    def write(tx: Transaction) -> None:
        item = agenda_item(tx, item_id)
        meeting = get(tx, item.meeting_id)
        still_open(meeting)
        if item.outcome or agenda.decisions_of_item(tx, item_id):
            raise ValidationError(
                _("This point was discussed already; its outcome stays in the minutes."), "item"
            )
        agenda.remove_item(tx, item)
        release_subject(tx, ws, actor, item)
        record(tx, actor, "agenda_remove", ENTITY, item.meeting_id, {"title": item.title})

    ws.db.write(write)


@as_on_roster
def move(ws: Workspace, actor: Person | None, item_id: int, step: int) -> None:
    """Move an item one place up (`step` -1) or down (+1); at either end nothing changes."""
    # Translators: completes "Only … may …"
    require(actor, Task.AGENDA, _("change an agenda"))

    def write(tx: Transaction) -> None:
        item = agenda_item(tx, item_id)
        still_open(get(tx, item.meeting_id))
        items = meetings.agenda_for(tx, item.meeting_id)
        index = next(n for n, i in enumerate(items) if i.id == item_id)
        if 0 <= index + step < len(items):
            agenda.swap_positions(tx, item, items[index + step])
            record(tx, actor, "agenda_move", ENTITY, item.meeting_id, {"title": item.title, "step": step})

    ws.db.write(write)


@as_on_roster
def set_time_box(ws: Workspace, actor: Person | None, item_id: int, minutes: int | None) -> None:
    # Translators: completes "Only … may …"
    require(actor, Task.AGENDA, _("change an agenda"))
    check_range(minutes, 1, 240, _("The time box in minutes"), required=False, field="minutes")

    def write(tx: Transaction) -> None:
        item = agenda_item(tx, item_id)
        still_open(get(tx, item.meeting_id))
        if item.time_box_minutes != minutes:
            agenda.set_time_box(tx, item_id, minutes)
            record(
                tx, actor, "agenda_time", ENTITY, item.meeting_id, {"title": item.title, "minutes": minutes}
            )

    ws.db.write(write)


@as_on_roster
def close_agenda(ws: Workspace, actor: Person | None, meeting_id: int, closed: bool = True) -> None:
    """Close (or reopen) the agenda: once closed, the guest's proposal can no longer change. The meeting's
    chair or the secretary only."""

    def write(tx: Transaction) -> None:
        meeting = get(tx, meeting_id)
        # Translators: completes "Only the chair of “…” or the council's secretary may …"
        require_agenda_closer(actor, meeting, _("close or reopen its agenda"))
        still_open(meeting)
        if not closed and meeting.status != "planned":
            raise ValidationError(_("The meeting has started, so its agenda stays closed."), "agenda")
        meetings.set_agenda_closed(tx, meeting_id, ws.now() if closed else None)
        record(tx, actor, "agenda_closed" if closed else "agenda_reopened", ENTITY, meeting_id, {})
        if closed and meeting.agenda_closed_at is None:
            meeting_mail.queue_agenda(tx, ws, meeting_id)

    ws.db.write(write)


def agenda_item(tx: Transaction, item_id: int) -> AgendaItem:
    item = agenda.get_item(tx, item_id)
    if item is None:
        raise NotFound(
            _("That agenda point is gone; someone else may have removed it. The agenda has been refreshed.")
        )
    return item


def subject_id(item: AgendaItem) -> int | None:
    """The id of what the item is about; None for a point of the chair's own."""
    column = agenda.REFERENCE.get(item.kind)
    return getattr(item, column) if column else None


def release_subject(tx: Transaction, ws: Workspace, actor: Person | None, item: AgendaItem) -> None:
    """The point's subject is off this agenda: unless another coming meeting has it, it is open again."""
    subject = subject_id(item)  # None for a point of the chair's own
    if subject is not None and not agenda.on_other_agenda(tx, item.kind, subject, item.meeting_id):
        follow_subject(
            tx, ws, actor, item, ("on_agenda",), "submitted" if item.kind == "proposal" else "open"
        )


def follow_subject(tx: Transaction, ws: Workspace, actor: Person | None, item: AgendaItem, statuses: tuple[str, ...],
            to: str) -> None:  # fmt: skip
    """Let the friction point, connection or proposal an item is about show where it stands."""
    ref = subject_id(item)  # follow_status leaves blockers, follow-ups and other points alone
    if ref is None:
        return
    before = agenda.follow_status(tx, item.kind, ref, statuses, to, ws.now())
    if before is not None:
        entity = agenda.STATUS_TABLE[item.kind]
        record(tx, actor, "update", entity, ref, {"changes": {"status": [before, to]}})
