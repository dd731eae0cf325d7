"""A crash in the middle of writing: a process that saves friction points one after another, through
the services as the app does, is killed without warning (SIGKILL) three times over. Each time the
workspace opens again and holds every friction point whose save was acknowledged before the kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from council.services.workspace import open_workspace
from tests.conftest import DEMO_CONFIG, ROOT

# Slow: kills a process in the middle of writing, many times.
pytestmark = pytest.mark.slow

WRITER = """
import sys
from council.domain.friction import FrictionPoint
from council.services import friction
from council.services.workspace import open_workspace
from council.store import people

ws = open_workspace(sys.argv[1], sys.argv[2], demo=False)
member = next(p for p in people.list_people(ws.db) if p.has_role("member"))
run = sys.argv[3]
n = 0
while True:
    n += 1
    draft = FrictionPoint(f"Crash run {run}, save {n}", "Written while the process may die.", "billing", 3)
    fid = friction.log_friction_point(ws, member, draft)
    print(fid, flush=True)  # acknowledged: the save returned
"""


def _write_until_killed(db: Path, run: int, acknowledged: int) -> list[int]:
    """Start a writer, let it acknowledge `acknowledged` saves (and go on writing), then kill it."""
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(DEMO_CONFIG), str(db), str(run)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip
    seen = []
    try:
        while len(seen) < acknowledged:
            line = writer.stdout.readline()
            assert line, f"the writer stopped on its own after {len(seen)} saves"
            seen.append(int(line))
    finally:
        os.kill(writer.pid, signal.SIGKILL)  # no clean-up, no checkpoint: as a power cut or the OOM killer
        writer.wait(timeout=30)
    return seen + [int(line) for line in writer.stdout.read().split()]  # any printed before it died


def test_every_acknowledged_write_survives_a_kill_in_the_middle_of_writing(
    demo_file: Path, tmp_path: Path
) -> None:
    db = tmp_path / "council.duckdb"
    db.write_bytes(demo_file.read_bytes())
    acknowledged: list[int] = []
    for run, count in enumerate((40, 25, 60), start=1):
        acknowledged += _write_until_killed(db, run, count)
        ws = open_workspace(DEMO_CONFIG, db, demo=False)  # opens again after the crash
        try:
            stored = {
                i for (i,) in ws.db.rows("SELECT id FROM friction_point WHERE title LIKE 'Crash run %'")
            }
            titles = ws.db.rows("SELECT title, count(*) FROM friction_point WHERE title LIKE 'Crash run %' "
                                "GROUP BY title HAVING count(*) > 1")  # fmt: skip
        finally:
            ws.db.close()
        assert set(acknowledged) <= stored, f"lost after kill {run}: {sorted(set(acknowledged) - stored)}"
        assert titles == []  # and nothing saved twice
    assert len(acknowledged) >= 125
