"""The decision history: find decisions, read one in full, follow it up and amend it.

Versions and status events are only ever added. Executives read; the decision's owner and the
council's members follow it up; members amend it.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime
from math import ceil

import pandas as pd

from council.domain.decision_changes import FieldChange, version_changes
from council.domain.decisions import (
    Amendment,
    DecisionEvent,
    DecisionSummary,
    DecisionVersion,
    StatusChange,
)
from council.domain.errors import NotAllowed, NotFound, StaleVersion
from council.domain.filters import DecisionFilter
from council.domain.people import Person
from council.domain.permissions import Task, may, may_follow_up
from council.domain.records import saved_id
from council.domain.vocabulary import DecisionStatus
from council.i18n import _
from council.i18n import formats as fmt
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.workspace import Workspace
from council.store import decision_search, decisions, meetings, people
from council.store.actions import ActionRow, action_rows_of
from council.store.database import Transaction
from council.store.decisions import DecisionSource

PER_PAGE = 20
BESIDE_THREADS = (
    "council-read"  # the names of the threads that run a query beside a page's own (see the profiler)
)
_beside = ThreadPoolExecutor(max_workers=2, thread_name_prefix=BESIDE_THREADS)
AMENDING_MEETINGS = 24  # the latest held meetings an amendment can name: a year or two of them


@dataclass(frozen=True)
class DecisionHistory:
    """One page of the matching decisions, how many match by status, and how many per month."""

    decisions: list[DecisionSummary]
    counts: dict[str, int]
    per_month: pd.DataFrame  # month, status (a DecisionStatus value), decisions, overdue
    page: int
    pages: int


def decision_history(
    ws: Workspace, flt: DecisionFilter, sort: str = "newest", page: int = 1
) -> DecisionHistory:
    today, page = ws.today(), max(page, 1)
    # The months and the page asked for at the same time: each query is too small for the database to
    # spread over the cores, so together they take about as long as the longer one.
    asked = _beside.submit(
        decision_search.find_decisions, ws.db, flt, today, sort, PER_PAGE, (page - 1) * PER_PAGE
    )
    per_month = decision_search.decisions_per_month(ws.db, flt, today)
    counts = {str(k): int(v) for k, v in per_month.groupby("status")["decisions"].sum().items()}
    counts |= {"all": int(per_month["decisions"].sum()), "overdue": int(per_month["overdue"].sum())}
    pages = max(1, ceil(counts["all"] / PER_PAGE))
    found = asked.result()
    if page > pages:  # past the last page (an old link): the last one instead
        page = pages
        found = decision_search.find_decisions(ws.db, flt, today, sort, PER_PAGE, (page - 1) * PER_PAGE)
    return DecisionHistory(found, counts, per_month, page, pages)


@dataclass(frozen=True)
class FilterChoices:
    """What the history's filters offer: only owners and meetings that have decisions."""

    owners: dict[int, str]
    meetings: dict[int, str]


def filter_choices(ws: Workspace) -> FilterChoices:
    owners = decision_search.decision_owners(ws.db)
    return FilterChoices(dict(owners), _meeting_labels(decision_search.decision_meetings(ws.db)))


def amending_meetings(ws: Workspace) -> dict[int, str]:
    """Meetings that can have agreed an amendment: the running one first, then the latest held ones.

    Only the latest AMENDING_MEETINGS: an amendment records a recent agreement, and a list of every
    meeting in years would bury them.
    """
    return _meeting_labels([(saved_id(m), m.title) for m in meetings.held_meetings(ws.db, AMENDING_MEETINGS)])


def _meeting_labels(held: list[tuple[int, str]]) -> dict[int, str]:
    """Meetings by title; those that share a title get their number, so every choice reads differently."""
    titles = [title for __, title in held]
    return {m: f"{t} (#{m})" if titles.count(t) > 1 else t for m, t in held}


@dataclass(frozen=True)
class VersionView:
    version: DecisionVersion
    by: str | None
    meeting_title: str | None
    changes: list[FieldChange]  # from the version before; empty for the first


@dataclass(frozen=True)
class EventView:
    status: str
    happened_at: datetime
    by: str | None
    note: str
    version: int


@dataclass(frozen=True)
class DecisionDetail:
    summary: DecisionSummary
    versions: list[VersionView]  # oldest first
    events: list[EventView]  # oldest first
    actions: list[ActionRow]  # overdue first, then by due date; done and dropped last
    sources: list[DecisionSource]


def decision_detail(ws: Workspace, decision_id: int) -> DecisionDetail:
    summary = decisions.summary_of(ws.db, decision_id, ws.today())
    if summary is None:
        raise NotFound(
            _("There is no decision #{id}. It may be a mistyped link: go back to the list.").format(
                id=decision_id
            )
        )
    names = {p.id: p.name for p in people.list_people(ws.db, active_only=False)}  # those who left too
    versions = decisions.decision_versions(ws.db, decision_id)
    titles = {m.id: m.title for m in meetings.meetings_among(ws.db, {v.meeting_id for v in versions})}
    shown = [
        VersionView(replace(v, decided_at=v.decided_at.astimezone(ws.zone)), names.get(v.decided_by),
                    titles.get(v.meeting_id),
                    [_readable(ws, c, names) for c in version_changes(before, v)] if before else [])
        for before, v in zip([None, *versions], versions, strict=False)
    ]  # fmt: skip
    events = [
        EventView(e.status, e.happened_at.astimezone(ws.zone), names.get(e.by_id), e.note, e.version or 1)
        for e in decisions.decision_events(ws.db, decision_id)
    ]
    actions = action_rows_of(ws.db, [decision_id], ws.today())
    return DecisionDetail(summary, shown, events, actions, decisions.decision_sources(ws.db, decision_id))


def _readable(ws: Workspace, change: FieldChange, names: dict[int | None, str]) -> FieldChange:
    """Owner ids as names and department ids as department names."""
    if change.field == "owner_id":
        return replace(change, before=names.get(change.before), after=names.get(change.after))
    if change.field == "owner_department":

        def name(department: str | None) -> str | None:
            return ws.config.name_of("department", department) if department else None

        return replace(change, before=name(change.before), after=name(change.after))
    return change


def may_change(actor: Person | None, summary: DecisionSummary) -> bool:
    """Whether `actor` may follow this decision up (the page shows the form only then)."""
    return may_follow_up(actor, summary.owner_id)


def may_amend(actor: Person | None) -> bool:
    return may(actor, Task.FOLLOW_UP)


@as_on_roster
def follow_up(ws: Workspace, actor: Person | None, decision_id: int, change: StatusChange) -> int:
    """Record a new status (or a progress note) for a decision; returns the event's id."""

    def write(tx: Transaction) -> int:
        summary = decisions.summary_of(tx, decision_id, ws.today())
        if summary is None:
            raise NotFound(_("There is no decision #{id}.").format(id=decision_id))
        if actor is None or not may_change(actor, summary):
            raise NotAllowed(
                _(
                    "Only the decision's owner and the council's members update its status. "
                    "Executives and guests read the decision history."
                )
            )
        events = decisions.decision_events(tx, decision_id)
        if change.based_on is not None and change.based_on != len(events):
            raise _stale_status(ws, tx, events[-1])
        checked = change.checked(summary.status)
        event_id = decisions.add_decision_event(
            tx, DecisionEvent(decision_id, checked.status, ws.now(), actor.id, checked.note)
        )
        record(tx, actor, "follow_up", "decision", decision_id,
               {"status": [summary.status, checked.status], "note": checked.note})  # fmt: skip
        return event_id

    return ws.db.write(write)


@as_on_roster
def amend(ws: Workspace, actor: Person | None, decision_id: int, amendment: Amendment) -> int:
    """Record a new version of a decision that supersedes the current one; returns its number."""

    def write(tx: Transaction) -> int:
        current = decisions.current_version(tx, decision_id)
        if current is None:
            raise NotFound(_("There is no decision #{id}.").format(id=decision_id))
        if actor is None or not may_amend(actor):
            raise NotAllowed(
                _(
                    "Only the council's members amend a decision. Executives and guests read the decision "
                    "history; ask a council member to bring the change to the council."
                )
            )
        if amendment.based_on is not None and amendment.based_on != current.version:
            raise _stale(ws, tx, current)
        checked = amendment.checked(current, ws.config.ids("department"), ws.today())
        if checked.meeting_id is not None and meetings.get_meeting(tx, checked.meeting_id) is None:
            raise NotFound(
                _("There is no meeting #{id} to name as the one that agreed this.").format(
                    id=checked.meeting_id
                )
            )
        new = replace(current, title=checked.title, text=checked.text, rationale=checked.rationale,
                      owner_department=checked.owner_department, owner_id=checked.owner_id,
                      due_on=checked.due_on, change_note=checked.change_note, decided_at=ws.now(),
                      decided_by=actor.id, meeting_id=checked.meeting_id, agenda_item_id=None)  # fmt: skip
        version = decisions.amend_decision(tx, new)
        changed = {c.field: [_plain(c.before), _plain(c.after)] for c in version_changes(current, new)}
        record(tx, actor, "amend", "decision", decision_id,
               {"version": version, "change_note": checked.change_note, "changes": changed})  # fmt: skip
        return version

    return ws.db.write(write)


def _stale_status(ws: Workspace, tx: Transaction, latest: DecisionEvent) -> StaleVersion:
    by = people.get_person(tx, latest.by_id) if latest.by_id else None
    when = fmt.short_moment(latest.happened_at.astimezone(ws.zone))
    status = DecisionStatus(latest.status).label.lower()
    if by:
        # Translators: {status} is a decision status in lower case; {when} a day and time such as "4 Dec 14:00".
        text = _(
            "While you were looking, this decision's status was recorded as {status} ({when} by {name}). "
            "Nothing was saved. The page now shows where it stands: record your change again if it still applies."
        ).format(status=status, when=when, name=by.name)
    else:
        text = _(
            "While you were looking, this decision's status was recorded as {status} ({when}). "
            "Nothing was saved. The page now shows where it stands: record your change again if it still applies."
        ).format(status=status, when=when)
    return StaleVersion(text, latest.version or 1)


def _stale(ws: Workspace, tx: Transaction, current: DecisionVersion) -> StaleVersion:
    by = people.get_person(tx, current.decided_by) if current.decided_by else None
    when = fmt.short_moment(current.decided_at.astimezone(ws.zone))
    if by:
        text = _(
            "While you were editing, version {version} of this decision was recorded ({when} by {name}). "
            "Nothing was saved. Your text is still in the form: compare it with the decision as it now reads, "
            "then save again to record it as version {next}."
        ).format(version=current.version, when=when, name=by.name, next=current.version + 1)
    else:
        text = _(
            "While you were editing, version {version} of this decision was recorded ({when}). "
            "Nothing was saved. Your text is still in the form: compare it with the decision as it now reads, "
            "then save again to record it as version {next}."
        ).format(version=current.version, when=when, next=current.version + 1)
    return StaleVersion(text, current.version)


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value
