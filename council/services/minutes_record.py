"""Minutes after the meeting: the draft corrected by its chair or the secretary, approved at the next meeting
(an agenda point suggested by itself), then locked; an amendment with a reason is the only change after that."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from council.domain.agenda import MINUTES, MINUTES_TO_APPROVE, Suggestion
from council.domain.errors import NotAllowed, StaleVersion, ValidationError
from council.domain.meetings import Meeting
from council.domain.minutes import PRESENT, SUMMARY, MinutesContent, MinutesState, VersionKind, checked_change
from council.domain.people import Person
from council.domain.permissions import require_agenda_closer, require_decider
from council.domain.records import saved_id
from council.domain.vocabulary import MeetingStatus, Outcome
from council.i18n import _, use_language
from council.i18n import formats as fmt
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.meeting_lookup import ENTITY, get
from council.services.workspace import Workspace
from council.store import meetings
from council.store import minutes_record as store
from council.store.database import Query, Transaction
from council.store.minutes_record import MinutesVersion


@dataclass(frozen=True)
class VersionLine:
    """One version of the minutes after the meeting closed, in words."""

    number: int
    kind: VersionKind
    by: str | None
    at: datetime
    reason: str
    changed: tuple[str, ...]  # what it changed, in words


@dataclass(frozen=True)
class MinutesRecord:
    """Where a meeting's minutes stand: being written, a draft, approved, or approved and amended."""

    meeting_id: int
    state: MinutesState
    version: int  # the current version's number; 1 as the meeting closed them
    versions: tuple[VersionLine, ...] = ()
    approved_on: datetime | None = None
    approved_at: str | None = None  # the title of the meeting that approved them
    approved_by: str | None = None
    approve_at: Meeting | None = None  # a draft's next meeting, where it is to be approved

    @property
    def amendments(self) -> tuple[VersionLine, ...]:
        return tuple(v for v in self.versions if v.kind == VersionKind.AMENDMENT)

    @property
    def locked(self) -> bool:
        return self.state in (MinutesState.APPROVED, MinutesState.AMENDED)


def record_of(ws: Workspace, meeting_id: int, q: Query | None = None) -> MinutesRecord:
    """Where the minutes of `meeting_id` stand, with every version since the meeting closed."""
    q = q or ws.db
    meeting = get(q, meeting_id)
    if not meeting.is_closed:
        return MinutesRecord(meeting_id, MinutesState.OPEN, 0)
    found = store.versions(q, meeting_id)
    titles = {saved_id(item): f"{item.position}. {item.title}" for item in meetings.agenda_for(q, meeting_id)}
    lines = tuple(_line(ws, v, titles) for v in found)
    version = _current_number(found)
    approval = store.approval(q, meeting_id)
    if approval is None:
        return MinutesRecord(
            meeting_id, MinutesState.DRAFT, version, lines, approve_at=next_meeting(q, meeting)
        )
    state = (
        MinutesState.AMENDED if any(v.kind == VersionKind.AMENDMENT for v in lines) else MinutesState.APPROVED
    )
    return MinutesRecord(
        meeting_id, state, version, lines, approval.approved_on.astimezone(ws.zone),
        approval.approved_at_title, approval.approved_by_name,
    )  # fmt: skip


def _line(ws: Workspace, v: MinutesVersion, titles: dict[int, str]) -> VersionLine:
    words = {SUMMARY: _("the general minutes"), PRESENT: _("who was present")}
    changed = tuple(
        words.get(code) or _("the notes of {point}").format(point=titles.get(int(code.split(":")[1]), "?"))
        for code in v.changed
    )
    return VersionLine(v.number, VersionKind(v.kind), v.made_by_name, v.made_at.astimezone(ws.zone), v.reason,
                       changed)  # fmt: skip


def content_of(ws: Workspace, meeting_id: int) -> MinutesContent:
    """The summary, each point's notes and who was present, as they stand: what a correction starts from."""
    return store.content_now(ws.db, meeting_id)


def minutes_point(ws: Workspace, agenda_item_id: int) -> int | None:
    """The meeting whose minutes this agenda point approves, if it is such a point."""
    return store.minutes_of_point(ws.db, agenda_item_id)


def next_meeting(q: Query, meeting: Meeting) -> Meeting | None:
    """Where the minutes of `meeting` are approved: the first meeting after it that is still to be held or
    under way (one that closed without approving them leaves them to the meeting after it)."""
    return store.approving_meeting(q, meeting.starts_at)


def to_approve(q: Query, meeting: Meeting) -> list[Meeting]:
    """The meetings whose draft minutes `meeting` approves, the earliest first: those held before it, and
    after the last meeting before it that was not held yet."""
    return store.drafts_before(q, meeting.starts_at)


def keep_closed_version(tx: Transaction, meeting: Meeting, at: datetime) -> None:
    """Version 1: the minutes as the meeting closed them, kept before anything is corrected."""
    assert meeting.id is not None
    content = store.content_now(tx, meeting.id).to_json()
    store.add_version(tx, MinutesVersion(meeting.id, 1, VersionKind.CLOSED, at, content))


@as_on_roster
def correct_minutes(
    ws: Workspace, actor: Person | None, meeting_id: int, after: MinutesContent, reason: str, seen: int
) -> int:
    """Change a closed meeting's summary, points' notes or who was present: a correction of the draft, or an
    amendment of approved minutes; each a new version with who and why. `seen`: the version the form showed.
    Returns the new version's number."""

    def write(tx: Transaction) -> int:
        meeting = get(tx, meeting_id)
        # Translators: completes "Only the chair of “…” or the council's secretary may …"
        require_agenda_closer(actor, meeting, _("correct its minutes"))
        if meeting.status != MeetingStatus.CLOSED:
            raise NotAllowed(_("“{meeting}” has not been closed: its minutes are still written in meeting mode.")
                             .format(meeting=meeting.title))  # fmt: skip
        found = store.versions(tx, meeting_id)
        current = _current_number(found)
        if seen != current:
            raise _changed_meanwhile(ws, found)
        before = store.content_now(tx, meeting_id)
        approved = store.approval(tx, meeting_id) is not None
        why = checked_change(before, after, reason, approved=approved)
        _check_people(tx, after.present)
        if not found:
            keep_closed_version(tx, meeting, meeting.closed_at or ws.now())
        changed = after.changes_from(before)
        store.apply(tx, meeting_id, after, changed)
        kind = VersionKind.AMENDMENT if approved else VersionKind.CORRECTION
        who = actor.id if actor else None
        store.add_version(tx, MinutesVersion(meeting_id, current + 1, kind, ws.now(), after.to_json(), why,
                                             tuple(changed), who))  # fmt: skip
        record(tx, actor, "amend_minutes" if approved else "correct_minutes", ENTITY, meeting_id,
               {"version": current + 1, "changed": changed, "reason": why})  # fmt: skip
        return current + 1

    return ws.db.write(write)


def _check_people(q: Query, present: frozenset[int]) -> None:
    known = {r[0] for r in q.rows("SELECT id FROM person WHERE list_contains(?, id)", [sorted(present)])}
    if present - known:
        raise ValidationError(_("Someone in the list of those present is not on the roster."), "present")


def _current_number(found: list[MinutesVersion]) -> int:
    """The number of the minutes' current version: 1, as the meeting closed them, until a change is kept."""
    return found[-1].number if found else 1


def _changed_meanwhile(ws: Workspace, found: list[MinutesVersion]) -> StaleVersion:
    last = found[-1] if found else None
    name = (last.made_by_name if last else None) or _("Someone")
    when = fmt.short_moment(last.made_at.astimezone(ws.zone)) if last else "—"
    text = _("{name} changed these minutes at {time} while you were editing them (version {number}). Nothing of "
             "yours was saved, and your text is still in the form: look at their version, then save again.")  # fmt: skip
    current = _current_number(found)
    return StaleVersion(text.format(name=name, time=when, number=current), current)


@as_on_roster
def approve_minutes(ws: Workspace, actor: Person | None, minutes_of: int, at_meeting: int) -> None:
    """The council approves the minutes of `minutes_of` at `at_meeting`, the next meeting, while it runs."""

    def write(tx: Transaction) -> None:
        at = get(tx, at_meeting)
        if at.status != MeetingStatus.OPEN:
            raise NotAllowed(_("Minutes are approved during a meeting: start “{meeting}” first.")
                             .format(meeting=at.title))  # fmt: skip
        require_decider(actor, at, set(meetings.attendees(tx, at_meeting)))
        meeting = get(tx, minutes_of)
        if meeting.status != MeetingStatus.CLOSED:
            raise NotAllowed(_("“{meeting}” has not been closed, so its minutes are not ready to approve.")
                             .format(meeting=meeting.title))  # fmt: skip
        done = store.approval(tx, minutes_of)
        if done is not None:
            raise NotAllowed(_("The minutes of “{meeting}” were approved on {day} at “{at}” already. To change them "
                               "now, amend them with a reason.").format(
                meeting=meeting.title, day=fmt.long_day(done.approved_on.astimezone(ws.zone)), at=done.approved_at_title))  # fmt: skip
        following = next_meeting(tx, meeting)
        if following is None or following.id != at.id or meeting.starts_at >= at.starts_at:
            raise NotAllowed(_("The minutes of “{meeting}” are approved at “{next}”, the first meeting after them still to be "
                               "held, not at “{at}”.").format(meeting=meeting.title, next=following.title if following else "—",
                                                 at=at.title))  # fmt: skip
        version = _current_number(store.versions(tx, minutes_of))
        store.approve(tx, minutes_of, at_meeting, ws.now(), actor.id if actor else None, version)
        with use_language(ws.config.language):  # the agenda point's notes are the workspace's record
            note = _("The minutes of “{meeting}” were approved.").format(meeting=meeting.title)
        for item_id, of in store.points_of(tx, at_meeting).items():
            if of == minutes_of:
                store.close_point(tx, item_id, note, Outcome.DISCUSSED)
        record(tx, actor, "approve_minutes", ENTITY, minutes_of, {"at": at_meeting, "version": version})

    ws.db.write(write)


def approval_suggestions(ws: Workspace, meeting: Meeting) -> list[Suggestion]:
    """Approving the draft minutes that wait for `meeting`, those not on its agenda yet."""
    taken = set(store.points_of(ws.db, meeting.id or 0).values())
    found = []
    for waiting in to_approve(ws.db, meeting):
        if waiting.id is None or waiting.id in taken:
            continue
        with use_language(ws.config.language):  # the agenda point's title is the workspace's record
            title = _("Approve the minutes of “{meeting}”").format(meeting=waiting.title)
        day = fmt.long_day(waiting.starts_at.astimezone(ws.zone))
        reason = _("Draft minutes of the meeting of {day}: the council approves them at this meeting").format(
            day=day
        )
        found.append(Suggestion(MINUTES, waiting.id, title, MINUTES_TO_APPROVE, reason))
    return found
