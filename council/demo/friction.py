"""The demo's friction, as `council/domain/friction.py` has it: logged friction points with their evidence,
and the missing connections and blockers linked to them."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta

from council.demo.content import DemoContent
from council.demo.state import Ids
from council.domain.friction import Blocker, Evidence, FrictionPoint, MissingConnection
from council.store import blockers, connections, links
from council.store import friction as friction_store
from council.store.database import Transaction

At = Callable[[date, int], datetime]  # the moment at an hour of a day, in the workspace's time zone


def add_friction_points(
    tx: Transaction, content: DemoContent, ids: Ids, rng: random.Random, at: At, *, today: date,
    first_meeting: date,
) -> None:  # fmt: skip
    members = list(ids.people.values())
    discussed = {k for d in content.decisions for k in d["friction"]}
    history_starts = (today - first_meeting).days + 14
    for f in content.friction_points:
        # What the council discussed must have been logged before its first meeting.
        early = f["key"] in discussed or f["status"] not in ("open", "on_agenda")
        days_ago = rng.randint(history_starts, history_starts + 90) if early else rng.randint(3, 330)
        created = at(today - timedelta(days=days_ago), rng.randint(8, 17))
        closed = None
        if f["status"] in ("resolved", "wont_fix"):
            closed = created + timedelta(days=rng.randint(20, max(21, days_ago - 2)))
        point = FrictionPoint(
            title=f["title"], description=f["description"], journey_stage=f["stage"],
            severity=f["severity"], channel=f["channel"], segment=f["segment"],
            customers_per_month=f["customers_per_month"], owner_department=f["owner"],
            involved_departments=tuple(d for d in f["involved"] if d != f["owner"]),
            status=f["status"], created_by=rng.choice(members),
            created_at=created, updated_at=closed or created, closed_at=closed,
        )  # fmt: skip
        friction_id = friction_store.add_friction_point(tx, point)
        ids.friction[f["key"]] = friction_id
        for e in f["evidence"]:
            friction_store.add_evidence(
                tx,
                Evidence(
                    friction_point_id=friction_id, kind=e["kind"], text=e.get("text", ""),
                    url=e.get("url"), count=e.get("count"), added_by=point.created_by,
                    added_at=created,
                ),
            )  # fmt: skip


def add_connections_and_blockers(
    tx: Transaction, content: DemoContent, ids: Ids, rng: random.Random, at: At, *, today: date
) -> None:
    for c in content.missing_connections:
        created = at(today - timedelta(days=rng.randint(20, 300)), 10)
        connection_id = connections.add_missing_connection(
            tx,
            MissingConnection(
                from_department=c["from"], to_department=c["to"], journey_stage=c["stage"],
                what_breaks=c["what_breaks"], impact=c["impact"],
                customers_per_month=c["customers_per_month"], status=c["status"],
                created_at=created, updated_at=created,
            ),
        )  # fmt: skip
        ids.connections[c["key"]] = connection_id
        for key in c["friction"]:
            links.link(tx, "connection", connection_id, ids.friction[key])
    for b in content.blockers:
        created = at(today - timedelta(days=rng.randint(30, 360)), 11)
        blocker_id = blockers.add_blocker(
            tx,
            Blocker(
                title=b["title"], category=b["category"], owner_department=b["owner"],
                description=b["description"], status=b["status"],
                created_at=created, updated_at=created,
            ),
        )  # fmt: skip
        ids.blockers[b["key"]] = blocker_id
        for key in b["friction"]:
            links.link(tx, "blocker", blocker_id, ids.friction[key])
