"""One past demo meeting: its agenda with outcomes, and the decisions taken with their follow-up."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from council.demo.state import Builder, saved_meeting
from council.domain.decisions import ActionItem, DecisionEvent, DecisionLink, DecisionVersion
from council.domain.meetings import AgendaItem
from council.store import decisions, meetings


class DemoMeeting:
    """Agenda, outcomes and decisions of one closed meeting."""

    def __init__(
        self, builder: Builder, meeting_id: int, starts_at: datetime, decided: list[dict[str, Any]]
    ) -> None:
        self.b, self.meeting_id, self.starts_at, self.decided = builder, meeting_id, starts_at, decided
        self.position = 0
        self.chair_id = saved_meeting(builder.tx, meeting_id).chair_id
        self.words = builder.content.texts  # the sentences of the agenda and the follow-up, in its language

    def item(self, kind: str, title: str, outcome: str | None, notes: str = "", **ref: int) -> int:
        self.position += 1
        return meetings.add_agenda_item(
            self.b.tx,
            AgendaItem(
                meeting_id=self.meeting_id, position=self.position, kind=kind, title=title,
                time_box_minutes=self.b.rng.choice((10, 15, 15, 20)), notes=notes, outcome=outcome, **ref,
            ),
        )  # fmt: skip

    def build(self) -> None:
        agenda = self.words["agenda"]
        for decision_id, title in self.b.decisions_made[-2:]:
            self.item("follow_up", agenda["follow_up"].format(title=title), "discussed",
                      self.b.rng.choice(agenda["follow_up_notes"]), decision_id=decision_id)  # fmt: skip
        proposal_key = self.b.proposal_at.get(self.meeting_id)
        if proposal_key and not any(d["proposal"] == proposal_key for d in self.decided):
            proposal = self.b.content_proposal(proposal_key)
            declined = self.b.proposal_status[proposal_key] == "declined"
            self.item(
                "proposal", agenda["guest_proposal"].format(change=proposal["change"]),
                "dropped" if declined else "needs_information",
                agenda["declined"] if declined else agenda["needs_information"],
                proposal_id=self.b.ids.proposals[proposal_key],
            )  # fmt: skip
        for decision in self.decided:
            self.decide(decision)
        for key in self.b.rng.sample(self.b.still_open, k=2):
            self.item(
                "friction", self.b.friction_titles[key], self.b.rng.choice(("postponed", "needs_information")),
                friction_point_id=self.b.ids.friction[key],
            )  # fmt: skip

    def agenda_item_for(self, d: dict[str, Any]) -> int:
        ids = self.b.ids
        if d["proposal"]:
            change = self.b.content_proposal(d["proposal"])["change"]
            title = self.words["agenda"]["guest_proposal"].format(change=change)
            return self.item("proposal", title, "decided", proposal_id=ids.proposals[d["proposal"]])
        if d["friction"]:
            key = d["friction"][0]
            return self.item(
                "friction", self.b.friction_titles[key], "decided", friction_point_id=ids.friction[key]
            )
        if d["blockers"]:
            key = d["blockers"][0]
            return self.item("blocker", d["title"], "decided", blocker_id=ids.blockers[key])
        return self.item("other", d["title"], "decided")

    def decide(self, d: dict[str, Any]) -> None:
        b, rng = self.b, self.b.rng
        decided_at = self.starts_at + timedelta(minutes=30 * self.position)
        owner_id = b.ids.people[d["owner"]]
        due_on = (self.starts_at + timedelta(weeks=rng.randint(4, 16))).date()
        decision_id = decisions.record_decision(
            b.tx,
            DecisionVersion(
                decision_id=0, version=1, title=d["title"], text=d["text"], rationale=d["rationale"],
                decided_at=decided_at, meeting_id=self.meeting_id,
                agenda_item_id=self.agenda_item_for(d), owner_department=d["owner_department"],
                owner_id=owner_id, due_on=due_on, decided_by=self.chair_id,
            ),
        )  # fmt: skip
        self.link(decision_id, d)
        if d["amendment"]:
            amendment = d["amendment"]
            decisions.amend_decision(
                b.tx,
                DecisionVersion(
                    decision_id=decision_id, version=2, title=d["title"], text=amendment["text"],
                    rationale=amendment["rationale"], change_note=amendment["change_note"],
                    decided_at=b.clip(decided_at + timedelta(weeks=3)), meeting_id=None,
                    owner_department=d["owner_department"], owner_id=owner_id,
                    due_on=due_on + timedelta(weeks=4), decided_by=self.chair_id,
                ),
            )  # fmt: skip
        self.follow_up(decision_id, d, decided_at, owner_id, due_on)
        b.decisions_made.append((decision_id, d["title"]))

    def link(self, decision_id: int, d: dict[str, Any]) -> None:
        ids, tx = self.b.ids, self.b.tx
        links = [DecisionLink(decision_id, journey_stage=d["stage"])]
        links += [DecisionLink(decision_id, friction_point_id=ids.friction[k]) for k in d["friction"]]
        links += [DecisionLink(decision_id, blocker_id=ids.blockers[k]) for k in d["blockers"]]
        if d["proposal"]:
            links.append(DecisionLink(decision_id, proposal_id=ids.proposals[d["proposal"]]))
        for link in links:
            decisions.add_decision_link(tx, link)

    def follow_up(
        self, decision_id: int, d: dict[str, Any], decided_at: datetime, owner_id: int, due_on: Any
    ) -> None:
        b, rng = self.b, self.b.rng
        notes = self.words["decision_events"]
        events = [("decided", decided_at, notes["decided"])]
        started = b.clip(decided_at + timedelta(days=rng.randint(7, 21)))
        if d["status"] in ("in_progress", "done"):
            events.append(("in_progress", started, notes["in_progress"]))
        if d["status"] == "done":
            events.append(("done", b.clip(started + timedelta(days=rng.randint(14, 40))), notes["done"]))
        if d["status"] == "dropped":
            events.append(("dropped", started, notes["dropped"]))
        for status, at, note in events:
            decisions.add_decision_event(
                b.tx,
                DecisionEvent(decision_id, status, happened_at=at, by_id=owner_id, note=note),
            )
        for n, what in enumerate(d["actions"]):
            done = d["status"] == "done" or (d["status"] == "in_progress" and n == 0)
            decisions.add_action_item(
                b.tx,
                ActionItem(
                    decision_id=decision_id, what=what, owner_id=owner_id,
                    owner_department=d["owner_department"],
                    due_on=due_on - timedelta(days=7 * (len(d["actions"]) - n - 1)),
                    status="done" if done else ("dropped" if d["status"] == "dropped" else "open"),
                    done_at=started if done else None,
                ),
            )  # fmt: skip
