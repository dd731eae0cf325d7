import shutil
from itertools import pairwise
from pathlib import Path

import pytest

from council.domain.errors import StoreError
from council.store import migrations, people
from council.store.database import Database
from council.store.migrations import latest_version, migrate, schema_version

# Slow: builds and migrates whole workspace files, the demo among them.
pytestmark = pytest.mark.slow


def test_a_new_file_gets_every_migration_in_order(tmp_path: Path) -> None:
    db = Database(tmp_path / "new.duckdb")
    assert schema_version(db) == 0
    assert migrate(db) == list(range(1, latest_version() + 1))
    assert schema_version(db) == latest_version()
    assert migrate(db) == []


def test_a_version_1_file_is_upgraded_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    old = Database(path)
    migrate(old, target=1)
    old.write(lambda tx: tx.insert("person", {"name": "Anna de Vries", "department": "sales"}))
    assert not old.value("SELECT count(*) FROM information_schema.tables WHERE table_name = 'feedback'")
    old.close()

    db = Database(path)
    assert migrate(db) == list(range(2, latest_version() + 1))
    assert db.value("SELECT name FROM person") == "Anna de Vries"
    assert db.value("SELECT count(*) FROM feedback") == 0
    db.close()


def test_a_file_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    db = Database(tmp_path / "future.duckdb")
    migrate(db)
    db.write(lambda tx: tx.insert("schema_version", {"version": 99, "name": "future"}, "version"))
    with pytest.raises(StoreError, match="newer"):
        migrate(db)


def test_a_failing_migration_leaves_the_file_at_the_version_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = latest_version()
    folder = tmp_path / "migrations"
    folder.mkdir()
    for m in migrations.available_migrations():
        (folder / m.path.name).write_text(m.sql())
    broken = f"{good + 1:04d}_broken.sql"
    (folder / broken).write_text("CREATE TABLE half_done (id INTEGER);\nTHIS IS NOT SQL;")
    monkeypatch.setattr(migrations, "MIGRATIONS_DIR", folder)

    db = Database(tmp_path / "db.duckdb")
    with pytest.raises(StoreError):
        migrate(db)
    assert schema_version(db) == good  # every good migration stayed, the broken one left no trace
    assert not db.value("SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'")


def test_existing_status_events_get_the_version_that_was_current_at_their_time(tmp_path: Path) -> None:
    path = tmp_path / "v7.duckdb"
    old = Database(path)
    migrate(old, target=7)

    def history(tx) -> None:
        for version, day in ((1, "2026-03-02"), (2, "2026-04-01")):
            note = "" if version == 1 else "Sharper wording."
            tx.execute(
                "INSERT INTO decision (decision_id, version, title, text, decided_at, change_note)"
                " VALUES (7, ?, 'Callback', 'Call back.', ?::TIMESTAMPTZ, ?)",
                [version, day, note],
            )
        for status, day in (("decided", "2026-03-02"), ("in_progress", "2026-05-01")):
            tx.execute(
                "INSERT INTO decision_event (decision_id, status, happened_at) VALUES (7, ?, ?::TIMESTAMPTZ)",
                [status, day],
            )
        tx.execute("INSERT INTO decision_link (decision_id, journey_stage) VALUES (7, 'billing')")

    old.write(history)
    old.close()

    db = Database(path)
    migrate(db)
    assert db.rows("SELECT status, version FROM decision_event ORDER BY happened_at") == [
        ("decided", 1),
        ("in_progress", 2),
    ]
    assert db.rows("SELECT journey_stage, version FROM decision_link") == [("billing", 1)]
    db.close()


def test_roles_move_to_their_own_table_and_can_then_change_for_someone_with_a_history(tmp_path: Path) -> None:
    db = Database(tmp_path / "roles.duckdb")
    migrate(db, target=10)
    person_id = db.write(
        lambda tx: tx.insert("person", {"name": "Anna", "department": "sales", "roles": ["member", "chair"]})
    )
    db.write(lambda tx: tx.insert("council_term", {"person_id": person_id, "department": "sales",
                                                   "starts_on": "2026-01-01"}))  # fmt: skip
    migrate(db)
    assert people.get_person(db, person_id).roles == ("chair", "member")
    db.write(lambda tx: people.set_roles(tx, person_id, ("secretary",)))
    assert people.get_person(db, person_id).roles == ("secretary",)
    db.close()


# What each migration from 20 on adds, so a copy of today's demo can be made to look like a file made before it.
_ADDED_BY = {
    20: ("TABLE person_email",),
    21: ("TABLE person_language",),
    22: ("TABLE parked_point", "SEQUENCE parked_point_id_seq"),
    23: ("TABLE meeting_point", "TABLE point_remark", "SEQUENCE point_remark_id_seq"),
    24: (
        "TABLE minutes_version",
        "SEQUENCE minutes_version_id_seq",
        "TABLE minutes_approval",
        "TABLE minutes_point",
    ),
}


def _made_before(version: int, demo_file: Path, tmp_path: Path) -> Database:
    """A copy of the demo as a file made before migration `version`: its tables and theirs after it gone."""
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_file, path)
    db = Database(path)
    db.write(lambda tx: tx.execute("DELETE FROM schema_version WHERE version >= ?", [version]))
    for added in (what for v, objects in _ADDED_BY.items() if v >= version for what in objects):
        db.write(lambda tx, added=added: tx.execute(f"DROP {added}"))
    return db


def test_the_roster_rebuild_keeps_every_row_link_and_id_and_lets_an_address_change(
    demo_file: Path, tmp_path: Path
) -> None:
    from council.store.contents import table_counts

    db = _made_before(20, demo_file, tmp_path)
    before = table_counts(db)
    constraints = db.rows(
        "SELECT table_name, constraint_text FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY' ORDER BY ALL"
    )
    next_person = db.value("SELECT nextval('person_id_seq')")
    assert migrate(db) == [20, 21, 22, 23, 24]
    assert table_counts(db) == before
    assert (
        db.rows(
            "SELECT table_name, constraint_text FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY' ORDER BY ALL"
        )
        == constraints
    )
    assert db.value("SELECT nextval('person_id_seq')") == next_person + 1  # new people get new ids
    assert db.value("SELECT count(*) FROM person_email") == db.value(
        "SELECT count(*) FROM person WHERE email IS NOT NULL"
    )
    owner = db.value("SELECT owner_id FROM decision WHERE owner_id IS NOT NULL LIMIT 1")
    db.write(lambda tx: people.set_email(tx, owner, "new.address@example.org"))
    assert people.person_by_email(db, "New.Address@example.org").id == owner
    kept = [
        p for p in tmp_path.iterdir() if p.name.startswith("demo.before-rebuild-") and p.suffix == ".duckdb"
    ]
    assert len(kept) == 1  # the file as it was, beside it
    db.close()


def test_minutes_closed_before_approvals_were_kept_count_as_approved_at_the_next_meeting(
    demo_file: Path, tmp_path: Path
) -> None:
    db = _made_before(24, demo_file, tmp_path)
    assert migrate(db) == [24]
    closed = db.rows("SELECT id, starts_at FROM meeting WHERE status = 'closed' ORDER BY starts_at")
    approvals = dict(db.rows("SELECT meeting_id, approved_at FROM minutes_approval"))
    # Each approved at the meeting held after it; the last ones wait for the next meeting.
    assert approvals == {one[0]: following[0] for one, following in pairwise(closed)}
    assert closed[-1][0] not in approvals and len(closed) > 2
    db.close()


def test_a_new_file_keeps_no_copy_from_before_the_rebuild(tmp_path: Path) -> None:
    migrate(Database(tmp_path / "new.duckdb"))
    assert [p.name for p in tmp_path.iterdir()] == ["new.duckdb"]


def test_a_rebuild_that_fails_changes_nothing_and_says_so(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.duckdb")
    migrate(db)
    db.write(lambda tx: tx.insert("person", {"name": "Anna de Vries", "department": "sales"}))
    with pytest.raises(StoreError, match="that failed, so nothing changed"):
        db.rebuild(lambda schema: schema + "\nTHIS IS NOT SQL;")
    assert db.value("SELECT name FROM person") == "Anna de Vries"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".wal")) == ["x.duckdb"]
    db.close()
