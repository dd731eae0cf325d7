"""`python -m council send-mail`: the outbox delivered from the command line, each mail at most once even
when the sender is killed between handing a mail over and marking it sent."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from council.cli import main
from council.domain.meetings import Meeting
from council.services import meetings, outbox
from council.services.workspace import Workspace, open_workspace
from council.store import meetings as meeting_store
from tests.conftest import DEMO_CONFIG, ROOT
from tests.mail_inbox import Inbox
from tests.services.conftest import SECRETARY

# Slow: runs the command line with a real mail server.
pytestmark = pytest.mark.slow


def _config(tmp_path: Path, inbox: Inbox) -> Path:
    data = yaml.safe_load(DEMO_CONFIG.read_text(encoding="utf-8"))
    data["email"] = {"enabled": True, "host": "127.0.0.1", "port": inbox.port, "security": "none",
                     "from": "council@example.org", "public_url": "https://council.example.org"}  # fmt: skip
    path = tmp_path / "workspace.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _with_invitations(config: Path, db: Path) -> int:
    """A meeting planned in the workspace at `db`: its invitations wait in the outbox. Returns how many."""
    ws = open_workspace(config, db, demo=False)
    try:
        coming = min(meeting_store.list_meetings(ws.db), key=lambda m: -m.starts_at.timestamp())
        meetings.plan_meeting(ws, SECRETARY, Meeting("Extra council", coming.starts_at + timedelta(weeks=5), 60,
                                                     chair_id=coming.chair_id))  # fmt: skip
        return outbox.outbox_counts(ws)["queued"]
    finally:
        ws.db.close()


def _statuses(config: Path, db: Path) -> dict[str, int]:
    ws: Workspace = open_workspace(config, db, demo=False)
    try:
        return outbox.outbox_counts(ws)
    finally:
        ws.db.close()


def test_send_mail_delivers_the_queue_and_a_dry_run_changes_nothing(
    tmp_path: Path, demo_copy: Path, inbox: Inbox, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, inbox)
    queued = _with_invitations(config, demo_copy)
    assert queued > 2
    assert main(["send-mail", "--dry-run", "--config", str(config), "--db", str(demo_copy)]) == 0
    assert f"{queued} queued mails due" in capsys.readouterr().out and inbox.messages == []
    assert _statuses(config, demo_copy) == {"queued": queued, "sent": 0, "failed": 0}
    assert main(["send-mail", "--config", str(config), "--db", str(demo_copy)]) == 0
    # Also the reminders due today in the demo (the command works them out too).
    sent = _statuses(config, demo_copy)["sent"]
    assert f"Sent {sent} mails;" in capsys.readouterr().out and len(inbox.messages) == sent
    assert sum(m.subject.startswith("Invitation: Extra council") for m in inbox.messages) == queued
    assert main(["send-mail", "--config", str(config), "--db", str(demo_copy)]) == 0
    assert len(inbox.messages) == sent


def test_send_mail_says_when_the_server_cannot_be_reached(
    tmp_path: Path, demo_copy: Path, inbox: Inbox, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, inbox)
    queued = _with_invitations(config, demo_copy)
    config.write_text(config.read_text().replace(f"port: {inbox.port}", "port: 1"), encoding="utf-8")
    assert main(["send-mail", "--config", str(config), "--db", str(demo_copy)]) == 1
    out = capsys.readouterr().out
    waiting = _statuses(config, demo_copy)["queued"]
    assert waiting >= queued and f"{waiting} wait for another try" in out and "email.host, email.port" in out
    # Run again before their next try: nothing is due, and it says what waits and why, also in a dry run.
    for words in (["send-mail"], ["send-mail", "--dry-run"]):
        assert main([*words, "--config", str(config), "--db", str(demo_copy)]) == 0
        later = capsys.readouterr().out
        assert f"{waiting} mails wait for their next try" in later and "email.host, email.port" in later


def test_a_sender_killed_after_handing_over_a_mail_repeats_that_one_mail_only(
    tmp_path: Path, demo_copy: Path, inbox: Inbox
) -> None:
    config = _config(tmp_path, inbox)
    queued = _with_invitations(config, demo_copy)
    command = [sys.executable, "-m", "council", "send-mail", "--config", str(config), "--db", str(demo_copy)]
    sender = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    inbox.kill_after = (2, sender.pid)
    assert sender.wait(timeout=60) == -9  # killed while waiting for the server's "taken" of the second mail
    after_kill = _statuses(config, demo_copy)  # with the demo's reminders due today, queued by the sender
    assert len(inbox.messages) == 2 and after_kill["sent"] == 1 and after_kill["queued"] >= queued - 1
    inbox.kill_after = None
    assert subprocess.run(command, cwd=ROOT, capture_output=True, timeout=60).returncode == 0
    received = [m.message["Message-ID"] for m in inbox.messages]
    total = after_kill["queued"] + 1
    assert len(received) == total + 1 and len(set(received)) == total  # one mail went twice: the second
    assert received[1] == received[2]
    assert _statuses(config, demo_copy) == {"queued": 0, "sent": total, "failed": 0}
