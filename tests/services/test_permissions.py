"""The permission matrix: every service that writes, called by each role on the same arguments.

The allowed roles succeed; every other role gets a permission error and the workspace is left
exactly as it was. The roles are real people of the demo organisation: a member who attends the
running meeting, the chair of the meeting at hand, the guest of the coming meeting, an executive,
and a secretary who holds no other role.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from typing import Any

import pytest

from council import services
from council.domain.actions import ActionUpdate
from council.domain.decisions import ActionDraft, Amendment, StatusChange
from council.domain.errors import NotAllowed
from council.domain.feedback import VoiceFilter
from council.domain.friction import Blocker, Evidence, EvidenceDraft, FrictionPoint, MissingConnection
from council.domain.mail import MailKind, MailSettings
from council.domain.meetings import Meeting, Proposal
from council.domain.people import Person
from council.services import (
    accounts,
    actions,
    admin,
    agenda,
    anonymise,
    blockers,
    cancellation,
    connections,
    customer_voice,
    decisions,
    feedback_import,
    follow,
    friction,
    languages,
    links,
    mail_choices,
    meeting_mode,
    meeting_outcomes,
    meetings,
    minutes_record,
    outbox,
    parking,
    pins,
    proposals,
    resolution,
    roster,
    rotation,
    self_check,
    series,
    wall_keys,
)
from council.services.agenda_suggestions import suggestions
from council.services.feedback_file import prepare_path
from council.services.workspace import Workspace
from council.store import meetings as meeting_store
from council.store import outbox as outbox_store
from council.store import people
from council.store.outbox import OutboxMail
from tests.mail_inbox import with_mail
from tests.services.conftest import CHAIR, SECRETARY
from tests.services.scene import Setting, amendment

# Slow: every writing service for every role, each on its own copy of the busy scene (several hundred cases).
pytestmark = pytest.mark.slow

ROLES = ("member", "chair", "guest", "executive", "secretary")
COUNCIL = {"member", "chair"}


@dataclass(frozen=True)
class Case:
    """One writing service: who may call it, and the call (its arguments prepared beforehand)."""

    name: str
    allowed: set[str]
    call: Callable[[Workspace, Person, Setting, Any], object]
    prepare: Callable[[Workspace, Setting], Any] = lambda ws, s: None
    chair_of_coming: bool = False  # "chair" means the coming meeting's chair here


def _friction(ws: Workspace, s: Setting) -> int:
    return ws.db.value("SELECT min(id) FROM friction_point WHERE status = 'open'")


def _one_of(table: str) -> Callable[[Workspace, Setting], int]:
    return lambda ws, s: ws.db.value(f"SELECT min(id) FROM {table}")


def _unlinked(kind: str) -> Callable[[Workspace, Setting], tuple[int, int]]:
    table, link = {
        "blocker": ("blocker", "blocker_friction"),
        "connection": ("missing_connection", "connection_friction"),
    }[kind]
    column = "blocker_id" if kind == "blocker" else "missing_connection_id"

    def prepare(ws: Workspace, s: Setting) -> tuple[int, int]:
        return ws.db.rows(
            f"SELECT o.id, f.id FROM {table} o, friction_point f WHERE f.status = 'open' AND NOT EXISTS "
            f"(SELECT 1 FROM {link} l WHERE l.{column} = o.id AND l.friction_point_id = f.id) ORDER BY 1, 2 LIMIT 1"
        )[0]

    return prepare


def _linked(ws: Workspace, s: Setting) -> tuple[int, int]:
    return ws.db.rows("SELECT blocker_id, friction_point_id FROM blocker_friction ORDER BY 1, 2 LIMIT 1")[0]


def _proposal(ws: Workspace, s: Setting) -> int:
    guest = s.actors["guest"]
    return proposals.submit_proposal(
        ws,
        guest,
        s.coming.id,
        Proposal(0, 0, "Call customers back the same day", "They wait for days.", "billing"),
    )


def _import(ws: Workspace, s: Setting) -> tuple:
    work = s.csv.parent / "work"
    work.mkdir(exist_ok=True)
    file = prepare_path(s.csv, work)
    found = feedback_import.layout(ws, file)
    return file, feedback_import.suggest(ws, file, found, "Matrix survey")


def _amendment(ws: Workspace, s: Setting) -> Amendment:
    return amendment(ws, s.decision_id, "Saturdays added.")


def _vacancy(ws: Workspace, s: Setting):
    planned = next(m for m in rotation.rotation_plan(ws, 12).meetings if m.vacancies)
    return planned.vacancies[0], planned.slot.day


def _guest_slot(ws: Workspace, s: Setting):
    planned = next(m for m in rotation.rotation_plan(ws, 6).meetings if not m.slot.is_planned)
    return planned.slot, planned.guest.person.id


def _new_meeting(ws: Workspace, s: Setting) -> Meeting:
    day = s.coming.starts_at + timedelta(weeks=30)
    return Meeting("Extra meeting", day)


def _comment(ws: Workspace, s: Setting) -> tuple[int, int]:
    comment = customer_voice.comment_page(ws, VoiceFilter(band="unhappy")).items[0]
    return comment.id, _friction(ws, s)


def _running_item(ws: Workspace, s: Setting) -> int:
    return meeting_store.agenda_for(ws.db, s.running.id)[1].id


def _coming_item(ws: Workspace, s: Setting) -> int:
    chair = s.coming_chair
    agenda.add_other(ws, chair, s.coming.id, "First point", 10)
    return agenda.add_other(ws, chair, s.coming.id, "Second point", 10)


def _an_action(ws: Workspace, s: Setting) -> int:
    """An action of the running meeting's decision, owned by its owner (nobody among the actors)."""
    owner = ws.db.value("SELECT owner_id FROM decision WHERE decision_id = ?", [s.decision_id])
    assert owner not in {a.id for a in s.actors.values()}
    due = s.running.starts_at.date() + timedelta(days=14)
    return meeting_outcomes.add_action(
        ws, s.actors["chair"], s.decision_id, ActionDraft("Hire two agents", owner, due)
    )


def _pinned(ws: Workspace, s: Setting) -> int:
    friction_id = _friction(ws, s)
    pins.pin_for_agenda(ws, CHAIR, "friction", friction_id, "Complaints doubled.")
    return friction_id


def _done_with_open_source(ws: Workspace, s: Setting) -> tuple[int, list[tuple[str, int]]]:
    """A demo decision with a friction point it came from still open, marked done."""
    decision_id, friction_id = ws.db.rows(
        "SELECT l.decision_id, f.id FROM decision_link l JOIN friction_point f ON f.id = l.friction_point_id "
        "WHERE f.status IN ('open', 'decided') ORDER BY 1, 2 LIMIT 1"
    )[0]
    decisions.follow_up(ws, SECRETARY, decision_id, StatusChange("done", "Delivered."))
    return decision_id, [("friction", friction_id)]


def _draft_before_running(ws: Workspace, s: Setting) -> int:
    """The meeting held before the running one: its draft minutes wait for the running meeting's approval."""
    [waiting] = minutes_record.to_approve(ws.db, s.running)
    assert waiting.id is not None
    return waiting.id


def _chaired_by_the_chair(ws: Workspace, s: Setting) -> int:
    """That meeting, chaired by the chair among the actors: its chair or the secretary corrects its minutes."""
    meeting_id = _draft_before_running(ws, s)
    chair = s.actors["chair"].id
    ws.db.write(lambda tx: tx.execute("UPDATE meeting SET chair_id = ? WHERE id = ?", [chair, meeting_id]))
    return meeting_id


def _held_yesterday(ws: Workspace, s: Setting) -> None:
    """The coming meeting with an agenda, its day just passed: its chair can start it (to record it)."""
    _coming_item(ws, s)
    yesterday = ws.now() - timedelta(days=1)
    ws.db.write(
        lambda tx: tx.execute("UPDATE meeting SET starts_at = ? WHERE id = ?", [yesterday, s.coming.id])
    )


def _a_leaver(ws: Workspace, s: Setting) -> int:
    """Someone who left the roster (none of the actors)."""
    actors = {a.id for a in s.actors.values()}
    person = next(p for p in people.list_people(ws.db) if p.id not in actors and p.roles == ("member",))
    ws.db.write(lambda tx: tx.execute("UPDATE person SET active = false WHERE id = ?", [person.id]))
    return person.id


def _failed_mail(ws: Workspace, s: Setting) -> int:
    now = ws.now()
    mail = OutboxMail("agenda", "ann@example.org", "Agenda", "Text", "<p>Text</p>", "<1@example.org>", now, now,
                      status="failed", server_answer="550 No such mailbox")  # fmt: skip
    return ws.db.write(lambda tx: outbox_store.queue(tx, mail))


class _AcceptingServer:
    """A mail server that takes every mail, for the permission tests (the outbox tests use a real one)."""

    def __init__(self, settings: MailSettings) -> None:
        pass

    def __enter__(self) -> _AcceptingServer:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def send(self, message: object, recipient: str) -> str:
        return "250 accepted"


MAIL = MailSettings(enabled=True, host="mail.example.org", from_address="council@example.org",
                    public_url="https://council.example.org")  # fmt: skip


# fmt: off
PASSWORD = "a long enough passphrase"
FRICTION = FrictionPoint("Refund letters name the wrong amount", "", "billing", 3)
CASES = [
    # Friction points, missing connections, blockers: the council's members.
    Case("friction.log_friction_point", COUNCIL, lambda ws, a, s, p: friction.log_friction_point(ws, a, FRICTION)),
    *(
        Case(f"friction.edit_friction_point.{field}", COUNCIL, prepare=_friction,
             call=lambda ws, a, s, p, field=field, value=value: friction.edit_friction_point(
                 ws, a, p, replace(friction.get(ws, p), **{field: value})))
        for field, value in (
            ("title", "Renamed by the council"), ("description", "A longer story."), ("journey_stage", "renewal"),
            ("severity", 1), ("channel", "letter"), ("segment", "new"), ("customers_per_month", 1234),
            ("owner_department", "finance"), ("involved_departments", ("sales", "finance")), ("status", "on_agenda"),
        )
    ),
    Case("friction.add_evidence", COUNCIL, prepare=_friction,
         call=lambda ws, a, s, p: friction.add_evidence(ws, a, Evidence(p, "quote", text="I gave up."))),
    Case("friction.add_to_existing", COUNCIL, prepare=_friction,
         call=lambda ws, a, s, p: friction.add_to_existing(ws, a, p, FRICTION, EvidenceDraft(complaints=3))),
    Case("connections.log_missing_connection", COUNCIL, lambda ws, a, s, p: connections.log_missing_connection(
        ws, a, MissingConnection("sales", "service", "switching", "Promises are not passed on", 3))),
    *(
        Case(f"connections.edit_missing_connection.{field}", COUNCIL, prepare=_one_of("missing_connection"),
             call=lambda ws, a, s, p, change=change: connections.edit_missing_connection(
                 ws, a, p, change(connections.get(ws, p))))
        for field, change in (
            ("from_department", lambda c: replace(c, from_department="sales" if c.to_department != "sales" else "finance")),
            ("to_department", lambda c: replace(c, to_department="sales" if c.from_department != "sales" else "finance")),
            ("journey_stage", lambda c: replace(c, journey_stage="renewal" if c.journey_stage != "renewal" else "billing")),
            ("what_breaks", lambda c: replace(c, what_breaks="The address change never reaches billing.")),
            ("impact", lambda c: replace(c, impact=1 if c.impact != 1 else 5)),
            ("customers_per_month", lambda c: replace(c, customers_per_month=4321)),
            ("status", lambda c: replace(c, status="on_agenda" if c.status != "on_agenda" else "open")),
        )
    ),
    Case("blockers.log_blocker", COUNCIL, lambda ws, a, s, p: blockers.log_blocker(
        ws, a, Blocker("Two signatures for refunds", "policy", "finance"))),
    *(
        Case(f"blockers.edit_blocker.{field}", COUNCIL, prepare=_one_of("blocker"),
             call=lambda ws, a, s, p, change=change: blockers.edit_blocker(ws, a, p, change(blockers.get(ws, p))))
        for field, change in (
            ("title", lambda b: replace(b, title="Renamed by the council")),
            ("category", lambda b: replace(b, category="budget" if b.category != "budget" else "policy")),
            ("owner_department", lambda b: replace(b, owner_department="sales" if b.owner_department != "sales" else "finance")),
            ("description", lambda b: replace(b, description="Why it is in the way.")),
            ("status", lambda b: replace(b, status="being_removed" if b.status != "being_removed" else "active")),
        )
    ),
    Case("links.link_friction", COUNCIL, prepare=_unlinked("blocker"),
         call=lambda ws, a, s, p: links.link_friction(ws, a, "blocker", *p)),
    Case("links.unlink_friction", COUNCIL, prepare=_linked,
         call=lambda ws, a, s, p: links.unlink_friction(ws, a, "blocker", *p)),
    Case("links.set_links_of_friction", COUNCIL, prepare=_unlinked("connection"),
         call=lambda ws, a, s, p: links.set_links_of_friction(ws, a, p[1], "connection", [p[0]])),
    Case("links.set_friction_of", COUNCIL, prepare=_unlinked("blocker"),
         call=lambda ws, a, s, p: links.set_friction_of(ws, a, "blocker", p[0], [p[1]])),
    Case("customer_voice.attach_comment", COUNCIL, prepare=_comment,
         call=lambda ws, a, s, p: customer_voice.attach_comment(ws, a, *p)),
    # Agendas of coming meetings: the council's members.
    Case("agenda.add_suggestion", COUNCIL,
         prepare=lambda ws, s: suggestions(ws, s.coming.id)[0],
         call=lambda ws, a, s, p: agenda.add_suggestion(ws, a, s.coming.id, p.kind, p.ref_id)),
    Case("agenda.add_other", COUNCIL, lambda ws, a, s, p: agenda.add_other(ws, a, s.coming.id, "Our point", 10)),
    Case("agenda.remove", COUNCIL, prepare=_coming_item,
         call=lambda ws, a, s, p: agenda.remove(ws, a, p)),
    Case("agenda.move", COUNCIL, prepare=_coming_item, call=lambda ws, a, s, p: agenda.move(ws, a, p, -1)),
    Case("agenda.set_time_box", COUNCIL, prepare=_coming_item,
         call=lambda ws, a, s, p: agenda.set_time_box(ws, a, p, 25)),
    # Closing the agenda ends the guest's say over their proposal: the meeting's chair or the secretary.
    Case("agenda.close_agenda", {"secretary", "chair"}, chair_of_coming=True,
         call=lambda ws, a, s, p: agenda.close_agenda(ws, a, s.coming.id)),
    # Planning and rotation: the secretary (a meeting's own chair may correct its details).
    Case("meetings.plan_meeting", {"secretary"}, prepare=_new_meeting,
         call=lambda ws, a, s, p: meetings.plan_meeting(ws, a, p)),
    *(
        Case(f"meetings.edit_meeting.{field}", {"secretary", "chair"}, chair_of_coming=True,
             call=lambda ws, a, s, p, change=change: meetings.edit_meeting(ws, a, s.coming.id, change(s.coming)))
        for field, change in (
            ("title", lambda m: replace(m, title="Council meeting, moved room")),
            ("starts_at", lambda m: replace(m, starts_at=m.starts_at + timedelta(hours=1))),
            ("duration_minutes", lambda m: replace(m, duration_minutes=m.duration_minutes + 15)),
            ("location", lambda m: replace(m, location="Room 9")),
        )
    ),
    # Who chairs and who is the guest are planning: a chair may not change either, not even their own seat.
    *(
        Case(f"meetings.edit_meeting.{field}", {"secretary"}, chair_of_coming=True,
             call=lambda ws, a, s, p, field=field: meetings.edit_meeting(ws, a, s.coming.id, replace(s.coming, **{field: None})))
        for field in ("chair_id", "guest_id")
    ),
    Case("series.plan_series", {"secretary"}, lambda ws, a, s, p: series.plan_series(
        ws, a, series.Series(ws.today() + timedelta(weeks=40), time(14), every_weeks=4, count=2))),
    Case("meetings.set_guest", {"secretary"}, lambda ws, a, s, p: meetings.set_guest(ws, a, s.coming.id, None)),
    Case("rotation.accept_successor", {"secretary"}, prepare=_vacancy,
         call=lambda ws, a, s, p: rotation.accept_successor(ws, a, p[0].department, p[0].successor.id, p[1])),
    Case("rotation.accept_guest", {"secretary"}, prepare=_guest_slot,
         call=lambda ws, a, s, p: rotation.accept_guest(ws, a, *p)),
    # Meeting mode: the meeting's chair runs it; members who attend record its decisions.
    Case("meeting_mode.start_meeting", {"chair"}, prepare=_held_yesterday, chair_of_coming=True,
         call=lambda ws, a, s, p: meeting_mode.start_meeting(ws, a, s.coming.id)),
    Case("meeting_mode.set_attendance", {"chair"},
         lambda ws, a, s, p: meeting_mode.set_attendance(ws, a, s.running.id, [s.actors["chair"].id])),
    Case("meeting_mode.save_minutes", {"chair"}, lambda ws, a, s, p: meeting_mode.save_minutes(ws, a, s.running.id, "Notes")),
    Case("meeting_mode.close_meeting", {"chair"}, lambda ws, a, s, p: meeting_mode.close_meeting(ws, a, s.running.id)),
    Case("meeting_outcomes.record_outcome", COUNCIL, prepare=_running_item,
         call=lambda ws, a, s, p: meeting_outcomes.record_outcome(ws, a, p, "Talked it over", "discussed")),
    Case("minutes_record.approve_minutes", COUNCIL, prepare=_draft_before_running,
         call=lambda ws, a, s, p: minutes_record.approve_minutes(ws, a, p, s.running.id)),
    Case("minutes_record.correct_minutes", {"secretary", "chair"}, prepare=_chaired_by_the_chair,
         call=lambda ws, a, s, p: minutes_record.correct_minutes(
             ws, a, p, replace(minutes_record.content_of(ws, p), summary="Corrected."), "A typo", seen=1)),
    Case("parking.park_point", COUNCIL, lambda ws, a, s, p: parking.park_point(ws, a, s.running.id, "For later")),
    # Following the meeting: the chair shows the point; whoever is present remarks on it; anyone says they are.
    Case("follow.show_point", {"chair"}, prepare=_running_item,
         call=lambda ws, a, s, p: follow.show_point(ws, a, s.running.id, p)),
    Case("follow.add_remark", COUNCIL, prepare=_running_item,
         call=lambda ws, a, s, p: follow.add_remark(ws, a, p, "Which region is the north?")),
    Case("follow.mark_present", set(ROLES), lambda ws, a, s, p: follow.mark_present(ws, a, s.running.id)),
    Case("meeting_outcomes.add_action", COUNCIL, lambda ws, a, s, p: meeting_outcomes.add_action(
        ws, a, s.decision_id, ActionDraft("Hire two agents", s.actors["member"].id,
                                         s.running.starts_at.date() + timedelta(days=14)))),
    # Decisions afterwards: the council's people and the secretary; executives and guests read.
    Case("decisions.follow_up", {"member", "chair", "secretary"},
         lambda ws, a, s, p: decisions.follow_up(ws, a, s.decision_id, StatusChange("in_progress", "Started."))),
    *(
        Case(f"decisions.amend.{field}", {"member", "chair", "secretary"}, prepare=_amendment,
             call=lambda ws, a, s, p, field=field, value=value: decisions.amend(
                 ws, a, s.decision_id, replace(p, **({field: value} if field != "text" else {}))))
        for field, value in (
            ("title", "Callbacks within a day, Saturdays too"), ("text", None), ("rationale", "Customers wait less."),
            ("owner_department", "finance"), ("due_on", date(2027, 6, 30)),
        )
    ),
    Case("actions.update_action", {"member", "chair", "secretary"}, prepare=_an_action,
         call=lambda ws, a, s, p: actions.update_action(ws, a, p, 1, ActionUpdate(status="in_progress"))),
    Case("actions.update_actions", {"member", "chair", "secretary"}, prepare=_an_action,
         call=lambda ws, a, s, p: actions.update_actions(ws, a, {p: 1}, ActionUpdate(status="done"))),
    Case("actions.hand_over", {"secretary"}, prepare=_an_action,
         call=lambda ws, a, s, p: actions.hand_over(ws, a, {p: 1}, s.actors["member"].id, "Moved to another team.")),
    Case("cancellation.cancel_meeting", {"secretary", "chair"}, chair_of_coming=True,
         call=lambda ws, a, s, p: cancellation.cancel_meeting(ws, a, s.coming.id, "No quorum.")),
    Case("pins.pin_for_agenda", COUNCIL, prepare=_friction,
         call=lambda ws, a, s, p: pins.pin_for_agenda(ws, a, "friction", p, "Complaints doubled.")),
    Case("pins.unpin", COUNCIL, prepare=_pinned, call=lambda ws, a, s, p: pins.unpin(ws, a, "friction", p)),
    Case("resolution.resolve_sources", COUNCIL, prepare=_done_with_open_source,
         call=lambda ws, a, s, p: resolution.resolve_sources(ws, a, p[0], p[1], "The new script is live.")),
    # The guest's one change.
    Case("proposals.submit_proposal", {"guest"}, lambda ws, a, s, p: proposals.submit_proposal(
        ws, a, s.coming.id, Proposal(0, 0, "Call back the same day", "They wait.", "billing"))),
    *(
        Case(f"proposals.edit_proposal.{field}", {"guest"}, prepare=_proposal,
             call=lambda ws, a, s, p, changed=changed: proposals.edit_proposal(ws, a, p, Proposal(0, 0, *changed)))
        for field, changed in (
            ("change", ("Call back within the hour", "They wait for days.", "billing")),
            ("why", ("Call customers back the same day", "Nobody knows who calls back.", "billing")),
            ("journey_stage", ("Call customers back the same day", "They wait for days.", "support")),
        )
    ),
    Case("self_check.save_answers", COUNCIL,
         lambda ws, a, s, p: self_check.save_answers(ws, a, s.running.id, {"know_customers": (3, "")})),
    # Roster, accounts, imports, backups: the secretary.
    Case("roster.add_person", {"secretary"},
         lambda ws, a, s, p: roster.add_person(ws, a, Person("Noor", "sales", email="noor@example.org"))),
    *(
        Case(f"roster.edit_person.{field}", {"secretary"}, lambda ws, a, s, p, field=field, value=value: roster.edit_person(
            ws, a, s.actors["member"].id, replace(s.actors["member"], **{field: value})))
        for field, value in (
            ("name", "Marieke de Vries"), ("department", "finance"), ("role_title", "Team lead"),
            ("roles", ("member", "chair")), ("active", False),
        )
    ),
    Case("accounts.set_password", {"secretary"}, lambda ws, a, s, p: accounts.set_password(
        ws, a, s.actors["member"].id, PASSWORD, PASSWORD)),
    Case("accounts.set_password_by_email", {"secretary"}, lambda ws, a, s, p: accounts.set_password_by_email(
        ws, a, s.actors["member"].email, PASSWORD, PASSWORD)),
    Case("accounts.unlock", {"secretary"},
         prepare=lambda ws, s: accounts.set_password(ws, SECRETARY, s.actors["member"].id, PASSWORD, PASSWORD),
         call=lambda ws, a, s, p: accounts.unlock(ws, a, s.actors["member"].id)),
    Case("feedback_import.import_file", {"secretary"}, prepare=_import,
         call=lambda ws, a, s, p: feedback_import.import_file(ws, a, *p)),
    Case("admin.back_up", {"secretary"}, lambda ws, a, s, p: admin.back_up(ws, a, s.csv.parent / "backup.duckdb")),
    Case("wall_keys.make_wall_key", {"secretary"}, lambda ws, a, s, p: wall_keys.make_wall_key(ws, a, "Corridor")),
    Case("wall_keys.revoke_wall_key", {"secretary"},
         prepare=lambda ws, s: (wall_keys.make_wall_key(ws, SECRETARY, "Hall"), ws.db.value("SELECT max(id) FROM wall_key"))[1],
         call=lambda ws, a, s, p: wall_keys.revoke_wall_key(ws, a, p)),
    Case("outbox.send_again", {"secretary"}, prepare=_failed_mail, call=lambda ws, a, s, p: outbox.send_again(ws, a, p)),
    Case("outbox.send_test", {"secretary"}, lambda ws, a, s, p: outbox.send_test(
        with_mail(ws, MAIL), a, "secretary@example.org", server=_AcceptingServer)),
    Case("anonymise.anonymise", {"secretary"}, prepare=_a_leaver,
         call=lambda ws, a, s, p: anonymise.anonymise(ws, a, p)),
    Case("mail_choices.choose", set(ROLES), lambda ws, a, s, p: mail_choices.choose(ws, a, MailKind.DIGEST, True)),
    Case("languages.choose_language", set(ROLES), lambda ws, a, s, p: languages.choose_language(ws, a, "nl")),
]
# fmt: on


def _actor(setting: Setting, case: Case, role: str) -> Person:
    if role == "chair" and case.chair_of_coming:
        return setting.coming_chair
    return setting.actors[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_allowed_roles_succeed_and_the_others_are_refused_with_nothing_written(
    scene, nothing_written, case: Case, role: str
) -> None:
    ws, setting = scene
    prepared = case.prepare(ws, setting)
    actor = _actor(setting, case, role)
    if role in case.allowed:
        case.call(ws, actor, setting, prepared)
    else:
        with nothing_written(ws), pytest.raises(NotAllowed):
            case.call(ws, actor, setting, prepared)


def _forged(setting: Setting, case: Case, forgery: str) -> Person:
    """A person object a page (or an attacker's code) could hand a service, claiming every role."""
    if forgery == "stranger":  # not on the roster at all
        return Person("Mallory", "service", email="mallory@example.org", roles=ROLES, id=987_654)
    refused = next(role for role in ROLES if role not in case.allowed)  # a real person the case refuses
    return replace(_actor(setting, case, refused), roles=ROLES)


@pytest.mark.parametrize(
    ("case", "forgery"),
    [
        pytest.param(case, forgery, id=f"{case.name}-{forgery}")
        for case in CASES
        for forgery in ("stranger", "someone_with_more_roles")
        if forgery == "stranger" or set(ROLES) - case.allowed  # a case everyone may do has no role to claim
    ],
)
def test_a_person_object_claiming_roles_the_roster_does_not_give_is_refused(
    scene, nothing_written, case: Case, forgery: str
) -> None:
    ws, setting = scene
    prepared = case.prepare(ws, setting)
    with nothing_written(ws), pytest.raises(NotAllowed):
        case.call(ws, _forged(setting, case, forgery), setting, prepared)


def test_someone_who_left_the_roster_can_no_longer_change_anything(scene, nothing_written) -> None:
    ws, setting = scene
    secretary = setting.actors["secretary"]
    ws.db.write(lambda tx: tx.execute("UPDATE person SET active = false WHERE id = ?", [secretary.id]))
    with nothing_written(ws), pytest.raises(NotAllowed):  # the object still says active and secretary
        meetings.set_guest(ws, secretary, setting.coming.id, None)
    with nothing_written(ws), pytest.raises(NotAllowed):
        roster.add_person(ws, secretary, Person("Noor", "sales", email="noor@example.org"))


def test_every_service_that_takes_the_acting_person_looks_them_up_on_the_roster() -> None:
    # Steps after the caller's own check; a read of one's own; a session for whom a password just proved;
    # the throttle's view of the person a sign-in names (not someone acting); a test mail, which looks the
    # person up without holding the write lock across its talk with the mail server.
    skipped = {"history.save_edit", "accounts.save_password", "my_work.my_work", "sessions.start",
               "signing_in.may_try", "signing_in.count_wrong_try", "outbox.send_test",
               "mail_choices.my_choices"}  # fmt: skip
    takes_a_person = {
        name: fn for name, fn, params in _public_services()
        if len(params) > 1 and params[0].name == "ws" and "Person" in str(params[1].annotation)
    }  # fmt: skip
    assert {name for name, fn in takes_a_person.items() if not getattr(fn, "loads_actor", False)} == skipped


def test_every_service_that_writes_is_in_the_matrix() -> None:
    """A new public service function that takes an actor joins the matrix, or is named here as one that
    only reads (it takes the actor to tailor what it shows or to refuse the reader), or as the shared
    step that the edit services above call after their own check."""
    reads = {
        "decisions.may_change",
        "decisions.may_amend",
        "self_check.answering_meeting",
        "self_check.my_answers",
        "audit_trail.audit_choices",
        "audit_trail.audit_page",
        "roster.roster_lines",
        "wall_keys.wall_links",
        "mail_choices.choice_lines",
    }
    shared_steps = {"history.save_edit", "accounts.save_password"}
    found = {
        name for name, _, params in _public_services() if [p.name for p in params[:2]] == ["ws", "actor"]
    }
    # A service whose check depends on what is changed has a case per field: "meetings.edit_meeting.title".
    assert found - reads - shared_steps == {".".join(c.name.split(".")[:2]) for c in CASES}


def _public_services() -> Iterator[tuple[str, Callable[..., Any], list[inspect.Parameter]]]:
    """Every public function of every service module, new ones included: "module.name", it, its parameters."""
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"{services.__name__}.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and not name.startswith("_"):
                yield f"{info.name}.{name}", fn, list(inspect.signature(fn).parameters.values())
