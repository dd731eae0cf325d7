"""The command line while the app runs: the app holds the database, so it carries the commands out itself,
asked on this machine with the key it leaves beside the database."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from council.services import operator_link
from council.services.workspace import open_workspace
from council.store.contents import table_counts
from tests.conftest import DEMO_CONFIG, ROOT
from tests.e2e.conftest import MailApp, _serve
from tests.services.conftest import remember_source


def _council(
    *words: str | Path, app: MailApp, cwd: Path = ROOT, stdin: str = ""
) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        "-m",
        "council",
        *map(str, words),
        "--config",
        str(app.config),
        "--db",
        str(app.db),
    ]
    return subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120)


def test_send_mail_beside_the_running_app_is_carried_out_by_the_app(mail_app: MailApp) -> None:
    done = _council("send-mail", app=mail_app)
    assert done.returncode == 0 and re.search(r"Sent \d+ mails?; 0 failed", done.stdout), done.stderr


def test_version_answers_while_the_app_runs(mail_app: MailApp) -> None:
    done = _council("version", app=mail_app)
    assert done.returncode == 0 and "schema version" in done.stdout, done.stderr


def test_a_restore_is_refused_while_the_app_runs_with_what_to_do(mail_app: MailApp) -> None:
    done = _council("restore", "nothing.duckdb", app=mail_app)
    assert done.returncode == 1 and "is in use" in done.stderr and "Traceback" not in done.stderr


@pytest.fixture
def own_app(demo_file: Path, tmp_path: Path) -> Iterator[tuple[MailApp, Iterator[str]]]:
    """An app of this test's own, which the test stops itself."""
    serving = _serve(demo_file, DEMO_CONFIG, tmp_path)
    url = next(serving)
    yield MailApp(url, None, DEMO_CONFIG, tmp_path / "council.duckdb"), serving  # type: ignore[arg-type]
    serving.close()


def test_a_backup_made_while_the_app_runs_restores_to_the_same_rows(own_app, tmp_path: Path) -> None:
    app, serving = own_app
    done = _council("backup", "copies/while-running.duckdb", app=app, cwd=tmp_path)
    backup = tmp_path / "copies" / "while-running.duckdb"
    assert done.returncode == 0 and f"Backup written to {backup}" in done.stdout, done.stderr
    serving.close()  # the app stops: its database can be read now
    restored = tmp_path / "restored.duckdb"
    assert _council("restore", backup, app=_with_db(app, restored)).returncode == 0
    counts = []
    for db in (app.db, restored):
        ws = open_workspace(DEMO_CONFIG, db, demo=False)
        counts.append({k: v for k, v in table_counts(ws.db).items() if k != "audit_log"})
        ws.db.close()
    assert counts[0] == counts[1] and counts[0]["friction_point"] > 0


def test_an_app_that_no_longer_answers_is_said_in_one_line(tmp_path: Path, demo_copy: Path) -> None:
    """The database is held by a process that left its key but answers nothing."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(demo_copy)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        operator_link.link_file(demo_copy).write_text(json.dumps({"url": "http://127.0.0.1:9", "key": "k"}))
        app = MailApp("", None, DEMO_CONFIG, demo_copy)  # type: ignore[arg-type]
        done = _council("accounts", app=app)
        assert done.returncode == 1 and "did not answer" in done.stderr and "Traceback" not in done.stderr
    finally:
        holder.kill()
        holder.wait()


def _with_db(app: MailApp, db: Path) -> MailApp:
    return MailApp(app.url, app.inbox, app.config, db)


_HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(120)
"""


def test_a_feedback_file_is_checked_by_the_running_app(mail_app: MailApp, tmp_path: Path) -> None:
    (tmp_path / "survey.csv").write_text(
        "Date,Score,Comment\n2026-11-30,9,Quick help\n2026-12-01,3,Waited long\n"
    )
    done = _council("import-feedback", "survey.csv", "--source", "Beside the app", "--map", "date=Date",
                    "--map", "score=Score", "--map", "comment=Comment", "--dry-run", app=mail_app, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0 and "2 rows" in done.stdout, (done.stdout, done.stderr)


def test_the_running_app_backs_up_and_imports_the_inbox_by_itself(demo_file: Path, tmp_path: Path) -> None:
    """With the day's backup time passed and a file waiting in a source's inbox, the app's worker does both
    while it holds the database; the command line then reads the result through the app."""
    config = tmp_path / "workspace.yaml"
    config.write_text(DEMO_CONFIG.read_text(encoding="utf-8")
                      + '\nbackup: {at: "00:00", keep: 2, folder: nightly}\ninbox: {folder: inbox}\n', encoding="utf-8")  # fmt: skip
    (tmp_path / "nightly").mkdir()
    for old in ("20200101-020000", "20200102-020000"):
        (tmp_path / "nightly" / f"council-{old}.duckdb").write_bytes(b"old")
    source = tmp_path / "inbox" / "Survey after a call"
    source.mkdir(parents=True)
    dropped = source / "week-49.csv"
    dropped.write_text("date,score,comment\n2026-12-01,9,Quick\n", encoding="utf-8")
    old = dropped.stat().st_mtime - 120
    os.utime(dropped, (old, old))
    prepared = tmp_path / "prepared.duckdb"
    shutil.copy(demo_file, prepared)
    ws = open_workspace(config, prepared, demo=False)
    remember_source(ws, tmp_path, "Survey after a call")
    ws.db.close()
    serving = _serve(prepared, config, tmp_path)
    next(serving)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (source / "done" / "week-49.csv").exists():
            time.sleep(0.3)
        assert (source / "done" / "week-49.csv").exists(), list(source.rglob("*"))
        backups = sorted(p.name for p in (tmp_path / "nightly").iterdir())
        assert len(backups) == 2 and backups[0] == "council-20200102-020000.duckdb", backups
    finally:
        serving.close()


def test_the_app_refuses_a_command_without_the_key_beside_its_database(mail_app: MailApp) -> None:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        mail_app.url + operator_link.RUN_PATH, method="POST",
        data=json.dumps({"argv": ["accounts"], "stdin": "", "cwd": "/"}).encode(),
        headers={operator_link.HEADER: "a guess", "Content-Type": "application/json"},
    )  # fmt: skip
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    assert (operator_link.link_file(mail_app.db).stat().st_mode & 0o777) == 0o600  # only whoever runs the app
