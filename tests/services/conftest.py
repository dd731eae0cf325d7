"""What the service tests share: workspaces (fresh, shared for reading or refusing, after a config
change), the acting person, and a check that a refused write left no trace."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

import pandas as pd
import pytest

from council.config import load_config
from council.domain.decisions import DecisionEvent, DecisionLink, DecisionVersion
from council.domain.people import Person
from council.services import outbox, reminders
from council.services.workspace import Workspace, open_workspace
from council.store import decisions, people
from council.store.feedback import add_feedback_rows
from tests.conftest import DEMO_CONFIG
from tests.mail_inbox import Inbox, Received

# Who acts in tests that are not about permissions: the roles the write needs, but no row on the roster.
MEMBER = Person("A council member", "service", roles=("member",))
CHAIR = Person("A chair", "service", roles=("member", "chair"))  # runs any meeting that has no chair
SECRETARY = Person("The secretary", None, roles=("secretary",))
# The services take nobody's word for who acts: they look the person up on the roster, where these three
# are not. In the tests of what a service does (not of who may do it), these very objects, and copies of
# them with other roles are not, stand in as the roster's own. The permission tests use
# real people of the demo organisation, and forged ones, and do not rely on this (see tests/conftest.py).
STAND_INS = (MEMBER, CHAIR, SECRETARY)


@pytest.fixture(scope="module")
def empty_to_refuse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One empty workspace for a module's tests of refused writes; each checks it wrote nothing."""
    ws = open_workspace(DEMO_CONFIG, tmp_path_factory.mktemp("empty_to_refuse") / "empty.duckdb", demo=False)
    yield ws
    ws.db.close()


@pytest.fixture(scope="module")
def demo_to_read(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One copy of the demo for a module's tests that only read, so each does not pay for its own."""
    path = tmp_path_factory.mktemp("demo_to_read") / "demo.duckdb"
    shutil.copy(demo_file, path)
    ws = open_workspace(DEMO_CONFIG, path, demo=False)
    yield ws
    ws.db.close()


@pytest.fixture
def without_hr_and_moving(empty: Workspace, tmp_path: Path) -> Workspace:
    """The `empty` workspace's database, opened with a config that no longer lists HR or Moving house."""
    text = DEMO_CONFIG.read_text(encoding="utf-8")
    for line in (
        "  - {id: hr, name: HR}\n",
        "  - {id: moving, name: {en: Moving house, nl: Verhuizen}, moment_of_truth: false}\n",
    ):
        assert line in text
        text = text.replace(line, "")
    path = tmp_path / "changed.yaml"
    path.write_text(text, encoding="utf-8")
    return Workspace(load_config(path), empty.db)


@pytest.fixture
def member(demo: Workspace) -> Person:
    """A council member of the demo organisation, to act as."""
    return next(p for p in people.list_people(demo.db) if p.has_role("member"))


@pytest.fixture
def secretary(demo: Workspace) -> Person:
    """The demo organisation's secretary, who keeps the roster and the rotation."""
    return next(p for p in people.list_people(demo.db) if p.has_role("secretary"))


def table_contents(ws: Workspace) -> dict[str, tuple[int, int]]:
    """Per table of the workspace: its row count and a checksum of every row, to see any change."""
    tables = ws.db.rows(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1"
    )
    return {
        t: tuple(ws.db.rows(f"SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0) FROM {t} AS t")[0])
        for (t,) in tables
    }


@pytest.fixture
def nothing_written() -> Callable[[Workspace], AbstractContextManager[None]]:
    """`with nothing_written(ws): ...` fails unless every table holds the same rows afterwards."""

    @contextmanager
    def check(ws: Workspace) -> Iterator[None]:
        before = table_contents(ws)
        yield
        assert table_contents(ws) == before

    return check


def closed_meeting(ws: Workspace) -> int:
    """A closed demo meeting with a guest proposal, an amended decision and action items."""
    return ws.db.value(
        "SELECT d.meeting_id FROM decision d JOIN meeting m ON m.id = d.meeting_id "
        "WHERE d.version = 1 AND m.status = 'closed' AND EXISTS "
        "(SELECT 1 FROM decision a WHERE a.decision_id = d.decision_id AND a.version > 1) "
        "ORDER BY d.meeting_id LIMIT 1"
    )


def add_person(
    ws: Workspace, name: str, *roles: str, department: str = "service", email: str | None = None
) -> Person:
    person = Person(name, department, email=email, roles=roles)
    return replace(person, id=ws.db.write(lambda tx: people.add_person(tx, person)))


def decide(ws: Workspace, title: str, text: str, rationale: str, owner: Person, *, days_ago: int = 30,
            department: str = "service", due_in: int = 30, stage: str | None = None) -> int:  # fmt: skip
    """A decision recorded `days_ago`, with its first status event and, if given, its journey stage."""
    decided_at = datetime.combine(ws.today() - timedelta(days=days_ago), time(14), ws.zone)
    first = DecisionVersion(0, 1, title, text, rationale, decided_at, owner_department=department,
                            owner_id=owner.id, due_on=ws.today() + timedelta(days=due_in))  # fmt: skip

    def write(tx) -> int:
        decision_id = decisions.record_decision(tx, first)
        decisions.add_decision_event(tx, DecisionEvent(decision_id, "decided", decided_at, owner.id))
        if stage:
            decisions.add_decision_link(tx, DecisionLink(decision_id, journey_stage=stage))
        return decision_id

    return ws.db.write(write)


def responses(ws: Workspace, *rows: tuple) -> None:
    """(days ago, score, stage, channel, segment, comment[, scale]) per response."""
    frame = pd.DataFrame([{
        "received_at": datetime.combine(ws.today() - timedelta(days=r[0]), time(12), ws.zone), "score": r[1],
        "journey_stage": r[2], "channel": r[3], "segment": r[4], "comment": r[5],
        "scale": r[6] if len(r) > 6 else "nps", "source": "Test survey",
    } for r in rows])  # fmt: skip
    ws.db.write(lambda tx: add_feedback_rows(tx, frame))


@pytest.fixture(scope="session")
def council_at_work_file(demo_file: Path, tmp_path_factory: pytest.TempPathFactory):
    """The busy demo scene of tests/services/scene.py, set once for the run: (its file, its Setting)."""
    from tests.services.scene import scene_file  # the scene is built with this module's helpers

    return scene_file(demo_file, tmp_path_factory.mktemp("scene"))


@pytest.fixture
def scene(council_at_work_file, tmp_path: Path):
    """A copy of the scene for one test to change, with its own copy of the feedback file: (ws, Setting)."""
    from tests.services.scene import open_copy

    path, setting = council_at_work_file
    csv = tmp_path / setting.csv.name
    shutil.copy(setting.csv, csv)
    ws = open_copy(path, tmp_path)
    yield ws, replace(setting, csv=csv)
    ws.db.close()


def remember_source(ws: Workspace, folder: Path, source: str) -> None:
    """A first file of `source` imported by hand, so the feedback inbox knows how to read the next ones."""
    from council.domain.people import OPERATOR
    from council.services import feedback_import
    from council.services.feedback_file import new_workdir, prepare_path, remove_workdir

    first = folder / "first.csv"
    first.write_text("date,score,comment\n2026-11-02,8,Fine\n", encoding="utf-8")
    workdir = new_workdir()
    try:
        file = prepare_path(first, workdir)
        profile = feedback_import.suggest(ws, file, feedback_import.layout(ws, file), source)
        feedback_import.import_file(ws, OPERATOR, file, profile)
    finally:
        remove_workdir(workdir)


def mail_round(ws: Workspace, inbox: Inbox, at: datetime) -> list[Received]:
    """One round of the mail worker at `at`: reminders and digests queued, everything due sent; what arrived."""
    inbox.messages.clear()
    reminders.queue_reminders(ws, at)
    reminders.queue_digests(ws, at)
    outbox.deliver(ws, now=at)
    return list(inbox.messages)
