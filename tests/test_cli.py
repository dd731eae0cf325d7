"""The operator command line, called in-process: init, demo, version, backup and restore."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from council.cli import main
from council.services.workspace import open_workspace
from council.store.contents import table_counts
from council.store.database import Database
from council.store.migrations import latest_version, migrate, schema_version
from tests.services.conftest import table_contents

# Slow: runs the command line, some of it in a process of its own.
pytestmark = pytest.mark.slow

CONFIG = Path(__file__).parents[1] / "data" / "workspace.yaml"


@pytest.fixture(autouse=True)
def no_environment_overrides(monkeypatch):
    monkeypatch.delenv("COUNCIL_DB", raising=False)
    monkeypatch.delenv("COUNCIL_CONFIG", raising=False)


def run(*args: str | Path) -> int:
    return main([str(a) for a in args])


def counts(db: Path) -> dict[str, int]:
    ws = open_workspace(CONFIG, db, demo=False)
    try:
        return table_counts(ws.db)
    finally:
        ws.db.close()


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    """One demo load for the whole module: (database, exit code, stdout, stderr)."""
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("COUNCIL_DB", raising=False)
        mp.delenv("COUNCIL_CONFIG", raising=False)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run("demo", "--config", CONFIG, "--db", db)
    return db, code, out.getvalue(), err.getvalue()


@pytest.fixture
def empty_db(tmp_path, capsys) -> Path:
    db = tmp_path / "empty.duckdb"
    assert run("init", "--config", CONFIG, "--db", db) == 0
    capsys.readouterr()
    return db


# init and version


def test_init_creates_an_empty_workspace_at_the_latest_schema_version(tmp_path, capsys):
    db = tmp_path / "new.duckdb"

    code = run("init", "--config", CONFIG, "--db", db)

    out = capsys.readouterr().out
    assert code == 0
    assert db.exists()
    assert "Created" in out
    assert str(db) in out
    assert f"schema version {latest_version()}" in out
    database = Database(db)
    try:
        assert schema_version(database) == latest_version()
        assert set(table_counts(database).values()) == {0}
    finally:
        database.close()


def test_version_prints_the_schema_version_of_an_initialised_workspace(empty_db, capsys):
    code = run("version", "--config", CONFIG, "--db", empty_db)

    out = capsys.readouterr().out
    assert code == 0
    assert str(empty_db) in out
    found = re.search(r"schema version (\d+)", out)
    assert found is not None, out
    assert int(found[1]) == latest_version()


def test_init_on_an_existing_workspace_says_upgraded_and_adds_nothing(empty_db, capsys):
    code = run("init", "--config", CONFIG, "--db", empty_db)

    out = capsys.readouterr().out
    assert code == 0
    assert "Upgraded" in out
    assert set(counts(empty_db).values()) == {0}


def test_version_on_a_missing_file_exits_1_and_points_at_init(tmp_path, capsys):
    db = tmp_path / "nowhere.duckdb"

    code = run("version", "--config", CONFIG, "--db", db)

    err = capsys.readouterr().err
    assert code == 1
    assert str(db) in err
    assert "does not exist" in err
    assert "init" in err
    assert not db.exists()


# demo


def test_demo_fills_a_new_file_and_reports_its_friction_points(demo_run):
    db, code, out, err = demo_run

    assert code == 0, err
    rows = counts(db)
    assert rows["friction_point"] > 0
    assert rows["person"] > 0
    assert str(db) in out
    assert f"{rows['friction_point']} friction points" in out
    assert "Helder Energie" in out


def test_demo_refuses_an_existing_file_says_what_to_do_and_leaves_it_untouched(empty_db, capsys):
    before = empty_db.read_bytes()

    code = run("demo", "--config", CONFIG, "--db", empty_db)

    err = capsys.readouterr().err
    assert code == 1
    assert str(empty_db) in err
    assert "already exists" in err
    assert "--db" in err
    assert empty_db.read_bytes() == before
    assert counts(empty_db)["friction_point"] == 0


# backup


def test_backup_writes_a_new_file_holding_the_same_rows(demo_run, tmp_path, capsys):
    db = demo_run[0]
    before = counts(db)
    target = tmp_path / "copies" / "backup.duckdb"

    code = run("backup", "--config", CONFIG, "--db", db, target)

    out = capsys.readouterr().out
    assert code == 0
    assert target.exists()
    assert str(target) in out
    assert before["friction_point"] > 0
    assert counts(target) == before


def test_backup_notes_itself_in_the_audit_log(empty_db, tmp_path, capsys):
    code = run("backup", "--config", CONFIG, "--db", empty_db, tmp_path / "b.duckdb")

    assert code == 0
    assert counts(empty_db)["audit_log"] == 1


def test_backup_to_an_existing_file_fails_and_keeps_that_file(empty_db, tmp_path, capsys):
    target = tmp_path / "taken.duckdb"
    target.write_bytes(b"someone else's file")

    code = run("backup", "--config", CONFIG, "--db", empty_db, target)

    err = capsys.readouterr().err
    assert code == 1
    assert str(target) in err
    assert "already exists" in err
    assert "new file name" in err
    assert target.read_bytes() == b"someone else's file"


def test_backup_of_a_missing_workspace_exits_1(tmp_path, capsys):
    db = tmp_path / "nowhere.duckdb"

    code = run("backup", "--config", CONFIG, "--db", db, tmp_path / "b.duckdb")

    err = capsys.readouterr().err
    assert code == 1
    assert "nothing to back up" in err
    assert not (tmp_path / "b.duckdb").exists()


# restore


def contents(db: Path) -> tuple[int, dict[str, tuple[int, int]]]:
    """The schema version and, per table, the row count and a checksum of every row."""
    ws = open_workspace(CONFIG, db, demo=False)
    try:
        return schema_version(ws.db), table_contents(ws)
    finally:
        ws.db.close()


@pytest.fixture
def backup_of_demo(demo_run, tmp_path, capsys) -> Path:
    target = tmp_path / "backups" / "demo-backup.duckdb"
    assert run("backup", "--config", CONFIG, "--db", demo_run[0], target) == 0
    capsys.readouterr()
    return target


def test_a_backup_restored_into_a_new_file_holds_every_row_and_the_schema_version(
    backup_of_demo, tmp_path, capsys
):
    restored = tmp_path / "restored" / "council.duckdb"

    code = run("restore", "--config", CONFIG, "--db", restored, backup_of_demo)

    out = capsys.readouterr().out
    assert code == 0 and f"Restored {backup_of_demo} into {restored}" in out
    version, rows = contents(restored)
    assert (version, rows) == contents(backup_of_demo)
    assert version == latest_version() and rows["friction_point"][0] > 0
    assert not list(restored.parent.glob(".*restoring*"))  # nothing left half-way


def test_a_backup_is_restored_into_a_workspace_just_created_empty(backup_of_demo, empty_db, capsys):
    assert run("restore", "--config", CONFIG, "--db", empty_db, backup_of_demo) == 0
    assert contents(empty_db) == contents(backup_of_demo)
    ws = open_workspace(CONFIG, empty_db, demo=False)  # and work goes on: new ids follow the old ones
    try:
        before = ws.db.value("SELECT max(id) FROM friction_point")
        new = ws.db.write(lambda tx: tx.insert("friction_point", {"title": "After the restore",
                                                                  "journey_stage": "billing", "severity": 2}))  # fmt: skip
        assert new > before
    finally:
        ws.db.close()


def test_a_restore_never_overwrites_a_workspace_that_holds_work(backup_of_demo, demo_run, tmp_path, capsys):
    db = tmp_path / "in-use.duckdb"
    db.write_bytes(demo_run[0].read_bytes())
    before = contents(db)

    code = run("restore", "--config", CONFIG, "--db", db, backup_of_demo)

    err = capsys.readouterr().err
    assert code == 1 and "already holds a workspace" in err and "never overwrites" in err
    assert contents(db) == before


def test_a_backup_from_an_older_version_is_brought_up_to_the_current_schema(tmp_path, capsys):
    old = tmp_path / "old-backup.duckdb"
    db = Database(old)
    migrate(db, target=latest_version() - 2)
    db.close()
    target = tmp_path / "restored.duckdb"

    assert run("restore", "--config", CONFIG, "--db", target, old) == 0

    out = capsys.readouterr().out
    assert f"schema version {latest_version() - 2}, upgraded to {latest_version()}" in out
    assert contents(target)[0] == latest_version()


@pytest.mark.parametrize("what", ["missing", "not duckdb", "another duckdb file"])
def test_restoring_something_that_is_not_a_backup_says_so_and_creates_nothing(tmp_path, capsys, what):
    source = tmp_path / "source.duckdb"
    if what == "not duckdb":
        source.write_text("Date;Score\n2026-01-01;9\n", encoding="utf-8")
    elif what == "another duckdb file":
        Database(source).close()
    target = tmp_path / "restored.duckdb"

    code = run("restore", "--config", CONFIG, "--db", target, source)

    err = capsys.readouterr().err
    assert code == 1 and err.startswith("error: ") and "Traceback" not in err
    expected = {"missing": "does not exist", "not duckdb": "cannot be read as a workspace backup",
                "another duckdb file": "not a workspace backup"}[what]  # fmt: skip
    assert expected in err
    assert not target.exists() and not list(tmp_path.glob(".*restoring*"))


# config problems


@pytest.mark.parametrize("command", ["init", "demo", "version", "backup"])
def test_missing_config_file_exits_1_saying_not_found_without_a_traceback(tmp_path, capsys, command):
    missing = tmp_path / "missing.yaml"

    code = run(command, "--config", missing)

    captured = capsys.readouterr()
    assert code == 1
    assert str(missing) in captured.err
    assert "not found" in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_missing_config_file_with_db_given_creates_no_database(tmp_path, capsys):
    db = tmp_path / "w.duckdb"

    code = run("init", "--config", tmp_path / "missing.yaml", "--db", db)

    assert code == 1
    assert "not found" in capsys.readouterr().err
    assert not db.exists()


# import-feedback


@pytest.fixture
def demo_db(demo_copy: Path) -> Path:
    return demo_copy


def feedback_rows(db: Path) -> int:
    return counts(db)["feedback"]


def test_import_feedback_dry_run_reports_problems_and_writes_nothing(demo_db, tmp_path, capsys):
    before = feedback_rows(demo_db)
    path = tmp_path / "survey.csv"
    path.write_text("Datum;Score;Kanaal\n01-03-2026;9;Telefoon\n02-03-2026;x;Chat\n", encoding="utf-8")
    report = tmp_path / "problems.csv"

    code = run("import-feedback", path, "--source", "Call survey", "--config", CONFIG, "--db", demo_db,
               "--dry-run", "--report", report)  # fmt: skip

    out = capsys.readouterr().out
    assert code == 1
    assert "2 rows: 0 good, 2 with a problem." in out
    assert "row 3, Score (score): 'x' is not a whole number" in out
    assert "'Telefoon' is not a channel this workspace knows" in out
    assert "Telefoon" in report.read_text(encoding="utf-8-sig")
    assert feedback_rows(demo_db) == before


def test_import_feedback_imports_with_translations_and_remembers_them(demo_db, tmp_path, capsys):
    before = feedback_rows(demo_db)
    path = tmp_path / "survey.csv"
    path.write_text("Datum;Score;Kanaal\n01-03-2026;9;Telefoon\n02-03-2026;4;Chat\n", encoding="utf-8")

    code = run("import-feedback", path, "--source", "Call survey", "--config", CONFIG, "--db", demo_db,
               "--value", "channel:Telefoon=phone")  # fmt: skip

    assert code == 0
    assert "Imported 2 responses from 'Call survey'." in capsys.readouterr().out
    assert feedback_rows(demo_db) == before + 2
    second = tmp_path / "next.csv"
    second.write_text("Datum;Score;Kanaal\n03-03-2026;10;Telefoon\n", encoding="utf-8")
    assert run("import-feedback", second, "--source", "Call survey", "--config", CONFIG, "--db", demo_db) == 0
    assert feedback_rows(demo_db) == before + 3


def test_import_feedback_of_a_file_that_is_not_csv_says_what_to_do(demo_db, tmp_path, capsys):
    path = tmp_path / "survey.xlsx"
    path.write_bytes(b"PK\x03\x04 a workbook")
    code = run("import-feedback", path, "--source", "Call survey", "--config", CONFIG, "--db", demo_db)
    err = capsys.readouterr().err
    assert code == 1
    assert "looks like an Excel workbook" in err and "CSV UTF-8" in err


def test_demo_in_dutch_writes_the_dutch_demo_and_its_people_read_dutch(tmp_path, capsys):
    from council.demo.content import content_for
    from council.services.languages import language_of
    from council.services.workspace import open_workspace

    db = tmp_path / "nl.duckdb"
    code = run("demo", "--language", "nl", "--config", CONFIG, "--db", db)

    assert code == 0, capsys.readouterr().err
    ws = open_workspace(CONFIG, db, demo=False)
    titles = {t for (t,) in ws.db.rows("SELECT title FROM friction_point")}
    assert titles == {f["title"] for f in content_for("nl").friction_points}
    people = [p for (p,) in ws.db.rows("SELECT id FROM person")]
    assert people and {language_of(ws, p) for p in people} == {"nl"}
    ws.db.close()


def test_demo_in_a_language_it_does_not_come_in_is_refused_naming_the_choices(tmp_path, capsys):
    with pytest.raises(SystemExit):
        run("demo", "--language", "fr", "--config", CONFIG, "--db", tmp_path / "fr.duckdb")

    assert "--language: invalid choice: 'fr'" in capsys.readouterr().err
    assert not (tmp_path / "fr.duckdb").exists()
