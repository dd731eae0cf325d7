"""Builds the demo workspace from its content in one language (`content.py`) with a fixed seed, in one
transaction.

Dates are placed relative to `today`, so the demo always has a recent history and a meeting
coming up; with the same `today` and seed the result is the same, in every language but for its texts.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from council.demo.content import DEFAULT_LANGUAGE, DemoContent, content_for
from council.demo.feedback import demo_feedback
from council.demo.friction import add_connections_and_blockers, add_friction_points
from council.demo.history import DemoMeeting
from council.demo.self_check import demo_answers
from council.demo.state import Ids, saved_meeting
from council.domain.audit import AuditEntry
from council.domain.meetings import AgendaItem, Meeting, Proposal, default_title
from council.domain.people import CouncilTerm, Person
from council.domain.workspace import WorkspaceConfig
from council.store import audit, feedback, meetings, minutes_record
from council.store import people as people_store
from council.store import proposals as proposal_store
from council.store.database import Database, Transaction
from council.store.languages import choose_language

SEED = 20261123
PAST_MEETINGS = 8


def load_demo(
    db: Database, config: WorkspaceConfig, *, today: date, seed: int = SEED, language: str = DEFAULT_LANGUAGE
) -> None:
    """Fill an empty workspace with the demo organisation, its texts in `language`; all of it or nothing.

    Demo texts in another language than the workspace's come with people who chose that language, so
    the app speaks it to them too.
    """
    zone = ZoneInfo(config.time_zone)
    demo = content_for(language)

    def build(tx: Transaction) -> None:
        builder = _Builder(tx, config, today, zone, random.Random(seed), demo)
        builder.build()
        if language != config.language:
            for person_id in builder.ids.people.values():
                choose_language(tx, person_id, language, builder.now)

    db.write(build)


class _Builder:
    def __init__(
        self, tx: Transaction, config: WorkspaceConfig, today: date, zone: ZoneInfo, rng: random.Random,
        content: DemoContent,
    ) -> None:  # fmt: skip
        self.tx, self.config, self.today, self.zone, self.rng = tx, config, today, zone, rng
        self.content = content
        self.ids = Ids()
        self.proposal_at: dict[int, str] = {}
        self.proposal_status: dict[str, str] = {}
        self.decisions_made: list[tuple[int, str]] = []
        self.friction_titles = {f["key"]: f["title"] for f in self.content.friction_points}
        self.still_open = [f["key"] for f in self.content.friction_points if f["status"] == "open"]
        self.now = datetime.combine(today, time(9), zone)
        step = timedelta(weeks=config.council.meeting_every_weeks)
        next_meeting = today + timedelta(days=(3 - today.weekday()) % 7 or 7)  # the coming Thursday
        self.meeting_days = [next_meeting - step * n for n in range(PAST_MEETINGS, -2, -1)]

    def at(self, day: date, hour: int = 14) -> datetime:
        return datetime.combine(day, time(hour), self.zone)

    def clip(self, moment: datetime) -> datetime:
        """History never reaches into the future."""
        return min(moment, self.now - timedelta(hours=1))

    def meeting_title(self, day: date) -> str:
        """What the app calls the meeting of `day` when nobody names it, in the content's language."""
        return default_title(day, self.content.language)

    def content_proposal(self, key: str) -> dict[str, Any]:
        return next(p for p in self.content.proposals if p["key"] == key)

    def build(self) -> None:
        self.add_people()
        self.add_terms()
        self.add_meetings()
        add_friction_points(self.tx, self.content, self.ids, self.rng, self.at, today=self.today,
                            first_meeting=self.meeting_days[0])  # fmt: skip
        add_connections_and_blockers(self.tx, self.content, self.ids, self.rng, self.at, today=self.today)
        self.add_proposals_agendas_and_decisions()
        self.approve_minutes()
        rows = demo_feedback(self.config, self.today, self.zone, self.rng, self.content)
        feedback.add_feedback_rows(self.tx, rows)
        audit.append_audit(
            self.tx,
            AuditEntry(action="load_demo", entity="workspace", details={"feedback_rows": len(rows)}),
        )
        self.add_self_check()

    def add_people(self) -> None:
        for p in self.content.people:
            person = Person(
                name=p["name"], email=p["email"], department=p["department"],
                role_title=p["role_title"], roles=tuple(p["roles"]),
                is_external=p["department"] is None, guest_kind=p.get("guest_kind"),
            )  # fmt: skip
            self.ids.people[p["key"]] = people_store.add_person(self.tx, person)

    def members_of(self, department: str) -> list[str]:
        return [
            p["key"] for p in self.content.people if p["department"] == department and "member" in p["roles"]
        ]

    def add_terms(self) -> None:
        """Each seat rotates: members take turns for a term, the current term runs on."""
        rules = self.config.council
        term = timedelta(weeks=rules.meeting_every_weeks * rules.term_length)
        first = self.meeting_days[0] - timedelta(days=7)
        for department, seats in rules.seats.items():
            members = self.members_of(department)
            if not members:
                continue
            turn, start = 0, first
            while start <= self.today:
                end = start + term - timedelta(days=1)
                for _ in range(seats):
                    key = members[turn % len(members)]
                    turn += 1
                    people_store.add_council_term(
                        self.tx, CouncilTerm(self.ids.people[key], department, start, end)
                    )
                start = end + timedelta(days=1)

    def chairs(self) -> list[int]:
        return [self.ids.people[p["key"]] for p in self.content.people if "chair" in p["roles"]]

    def chair_on(self, day: date, preferred: int) -> int:
        """The preferred chair if they hold a seat that day, else another chair or member who does."""
        serving = people_store.serving_on(self.tx, day)
        if preferred in serving:
            return preferred
        return next((c for c in self.chairs() if c in serving), min(serving, default=preferred))

    def add_meetings(self) -> None:
        chairs = self.chairs()
        guests = self.guest_schedule()
        for n, day in enumerate(self.meeting_days):
            past = day < self.today
            meeting = Meeting(
                title=self.meeting_title(day),
                starts_at=self.at(day),
                duration_minutes=self.config.council.meeting_length_minutes,
                location=self.content.texts["meeting"]["location"],
                status="closed" if past else "planned",
                chair_id=self.chair_on(day, chairs[n % len(chairs)]),
                guest_id=guests[n],
                closed_at=self.at(day, 16) if past else None,
                agenda_closed_at=self.at(day - timedelta(days=2), 12) if past else None,
            )
            meeting_id = meetings.add_meeting(self.tx, meeting)
            self.ids.meetings.append((meeting_id, meeting.starts_at))
            # A closed meeting's attendees were there; a planned one's are invited.
            present = people_store.serving_on(self.tx, day) | {meeting.chair_id, guests[n]}
            meetings.add_attendees(self.tx, meeting_id, sorted(i for i in present if i))

    def approve_minutes(self) -> None:
        """Each meeting approved the minutes of the one before; the last meeting's wait for the next."""
        held = [(m, at) for m, at in self.ids.meetings if at.date() < self.today]
        for (meeting_id, _), (next_id, next_at) in pairwise(held):
            chair = saved_meeting(self.tx, next_id).chair_id
            minutes_record.approve(self.tx, meeting_id, next_id, next_at + timedelta(minutes=10), chair, 1)

    def add_self_check(self) -> None:
        past = []
        for meeting_id, starts_at in self.ids.meetings:
            if starts_at.date() < self.today:
                guest = saved_meeting(self.tx, meeting_id).guest_id
                past.append((meeting_id, [p for p in meetings.attendees(self.tx, meeting_id) if p != guest]))
        rows = demo_answers(self.config.self_check, past, self.rng, self.content.self_check_notes)
        if rows:
            self.tx.insert_frame("self_check_answer", pd.DataFrame(rows))

    def guest_schedule(self) -> list[int | None]:
        """Proposing guests first, in order, then the others; nobody is guest twice in a row."""
        proposers = [p["guest"] for p in self.content.proposals]
        others = [
            p["key"] for p in self.content.people if "guest" in p["roles"] and p["key"] not in proposers
        ]
        order = (proposers + others)[: len(self.meeting_days)]
        return [self.ids.people[k] for k in order] + [None] * (len(self.meeting_days) - len(order))

    def add_proposals_agendas_and_decisions(self) -> None:
        past = self.ids.meetings[:PAST_MEETINGS]
        for n, ((meeting_id, starts_at), p) in enumerate(zip(past, self.content.proposals, strict=False)):
            # Proposals not decided were either declined or wait for more information.
            status = "decided" if self.decided(p["key"]) else ("declined" if n % 2 else "on_agenda")
            self.proposal_status[p["key"]] = status
            proposal = Proposal(
                meeting_id=meeting_id, guest_id=self.ids.people[p["guest"]], change=p["change"],
                why=p["why"], journey_stage=p["stage"], customer_notices=p["customer_notices"],
                status=status,
                submitted_at=starts_at - timedelta(days=5), updated_at=starts_at - timedelta(days=5),
            )  # fmt: skip
            self.ids.proposals[p["key"]] = proposal_store.add_proposal(self.tx, proposal)
            self.proposal_at[meeting_id] = p["key"]
        # Decisions are spread over the past meetings, oldest first.
        per_meeting: dict[int, list[dict]] = {}
        for n, d in enumerate(self.content.decisions):
            meeting_index = self.meeting_for(d, n)
            per_meeting.setdefault(meeting_index, []).append(d)
        for index, (meeting_id, starts_at) in enumerate(past):
            DemoMeeting(self, meeting_id, starts_at, per_meeting.get(index, [])).build()
        self.prepare_next_meeting()

    def prepare_next_meeting(self) -> None:
        """The coming meeting already has the friction points marked 'on the agenda'."""
        meeting_id = self.ids.meetings[PAST_MEETINGS][0]
        queued = [f for f in self.content.friction_points if f["status"] == "on_agenda"]
        for position, f in enumerate(queued, start=1):
            meetings.add_agenda_item(
                self.tx,
                AgendaItem(
                    meeting_id=meeting_id, position=position, kind="friction", title=f["title"],
                    friction_point_id=self.ids.friction[f["key"]], time_box_minutes=15,
                ),
            )  # fmt: skip

    def meeting_for(self, decision: dict, n: int) -> int:
        if decision["proposal"]:
            keys = [p["key"] for p in self.content.proposals]
            return keys.index(decision["proposal"]) % PAST_MEETINGS
        return n % PAST_MEETINGS

    def decided(self, proposal_key: str) -> bool:
        return any(d["proposal"] == proposal_key for d in self.content.decisions)
