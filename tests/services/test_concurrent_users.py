"""Many people at once: 24 threads, each a council member in their own browser session, log friction
points, link a blocker to them, add to and reorder the same agenda and amend the same decision, all
through the services of one shared workspace, as the app's sessions do. Every write that was
acknowledged is in the database afterwards, once; none is lost, none is doubled; an amendment that
meets someone else's newer version is told so (and, like a person would, tries again on top of it)."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field, replace

import pytest

from council.domain.errors import CouncilError, StaleVersion
from council.domain.friction import FrictionPoint
from council.domain.people import Person
from council.services import agenda, decisions, friction, links
from council.services.workspace import Workspace
from council.store import decisions as decision_store
from council.store import meetings as meeting_store
from council.store import people
from tests.services.scene import Setting, amendment

# Slow: many people writing at once, for real.
pytestmark = pytest.mark.slow

USERS = 24
ROUNDS = 3  # each user does every kind of write this many times


@dataclass
class Acknowledged:
    """What the services said was saved, per kind of write."""

    friction: dict[int, str] = field(default_factory=dict)  # id -> title
    links: set[int] = field(default_factory=set)  # friction ids linked to the blocker
    agenda: dict[int, str] = field(default_factory=dict)  # item id -> title
    amendments: dict[int, str] = field(default_factory=dict)  # version -> marker in its text
    told_stale: int = 0  # amendments refused because someone else's came first
    failures: list[str] = field(default_factory=list)  # anything else that went wrong
    lock: threading.Lock = field(default_factory=threading.Lock)


def _user(ws: Workspace, me: Person, n: int, s: Setting, blocker_id: int, done: Acknowledged,
          start: threading.Barrier) -> None:  # fmt: skip
    start.wait()
    for round_ in range(ROUNDS):
        tag = f"user {n} round {round_}"
        try:
            title = f"Concurrent friction, {tag}"
            fid = friction.log_friction_point(ws, me, FrictionPoint(title, "", "billing", 3))
            with done.lock:
                done.friction[fid] = title
            if links.link_friction(ws, me, "blocker", blocker_id, fid):
                with done.lock:
                    done.links.add(fid)
            item = agenda.add_other(ws, me, s.coming.id, f"Point from {tag}", 5)
            with done.lock:
                done.agenda[item] = f"Point from {tag}"
            agenda.move(ws, me, item, -1)
            _amend(ws, me, s.decision_id, tag, done)
        except CouncilError as e:  # what the user would be told: counted, never swallowed
            with done.lock:
                done.failures.append(f"{tag}: {e.message}")
        except Exception as e:  # a thread that dies must fail the test, not shrink it
            with done.lock:
                done.failures.append(f"{tag}: {e!r}")
            return


def _amend(ws: Workspace, me: Person, decision_id: int, tag: str, done: Acknowledged) -> None:
    """As a person does: start from the version on screen; told of a newer one, look again and save on
    top of it (after a moment, as people do, so that everyone gets a turn)."""
    for attempt in range(200):
        time.sleep(random.uniform(0, 0.002 * attempt))
        current = decision_store.current_version(ws.db, decision_id)
        change = replace(amendment(ws, decision_id, f"Amended by {tag}"), text=f"{current.text} [{tag}]",
                         based_on=current.version)  # fmt: skip
        try:
            version = decisions.amend(ws, me, decision_id, change)
        except StaleVersion:
            with done.lock:
                done.told_stale += 1
            continue
        with done.lock:
            done.amendments[version] = tag
        return
    raise AssertionError(f"{tag} never got an amendment through")


def test_many_people_writing_at_once_lose_nothing_and_double_nothing(scene) -> None:
    ws, s = scene
    members = [p for p in people.list_people(ws.db) if p.has_role("member")]
    blocker_id = ws.db.value("SELECT min(id) FROM blocker")
    versions_before = ws.db.value("SELECT max(version) FROM decision WHERE decision_id = ?", [s.decision_id])
    agenda_before = len(meeting_store.agenda_for(ws.db, s.coming.id))
    done, start = Acknowledged(), threading.Barrier(USERS)
    threads = [
        threading.Thread(target=_user, args=(ws, members[n % len(members)], n, s, blocker_id, done, start))
        for n in range(USERS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads)

    writes = USERS * ROUNDS
    assert done.failures == []
    assert len(done.friction) == len(done.links) == len(done.agenda) == len(done.amendments) == writes

    # Friction points: each acknowledged one is there with its title, and only once.
    stored = dict(
        ws.db.rows("SELECT id, title FROM friction_point WHERE title LIKE 'Concurrent friction, %'")
    )
    assert stored == done.friction
    # Links: exactly the acknowledged ones.
    linked = {f for (f,) in ws.db.rows("SELECT friction_point_id FROM blocker_friction WHERE blocker_id = ?",
                                       [blocker_id]) if f in done.friction}  # fmt: skip
    assert linked == done.links
    # The shared agenda: every point once, and the places still run 1, 2, 3… after all the moves.
    items = meeting_store.agenda_for(ws.db, s.coming.id)
    assert {i.id: i.title for i in items if i.id in done.agenda} == done.agenda
    assert len(items) == agenda_before + writes
    assert sorted(i.position for i in items) == list(range(1, len(items) + 1))
    # The decision: one new version per acknowledged amendment, numbered without gaps, each holding
    # every earlier amendment's words as well as its own (nobody overwrote anybody).
    versions = decision_store.decision_versions(ws.db, s.decision_id)
    assert [v.version for v in versions] == list(range(1, versions_before + writes + 1))
    latest = versions[-1].text
    assert all(f"[{tag}]" in latest for tag in done.amendments.values())
    assert Counter(done.amendments.values()) == Counter({f"user {n} round {r}": 1 for n in range(USERS)
                                                        for r in range(ROUNDS)})  # fmt: skip
