import subprocess
import sys
from pathlib import Path

import pytest

from council.domain.errors import Conflict, StoreError
from council.store.database import Database


def test_a_write_that_fails_halfway_saves_nothing(db: Database) -> None:
    def half(tx):  # type: ignore[no-untyped-def]
        tx.insert("person", {"name": "First", "department": "sales"})
        tx.insert("person", {"name": "", "department": "sales"})  # breaks the name check

    with pytest.raises(Conflict, match="nothing was saved"):
        db.write(half)
    assert db.value("SELECT count(*) FROM person") == 0


def test_an_error_in_our_own_code_also_rolls_back(db: Database) -> None:
    def oops(tx):  # type: ignore[no-untyped-def]
        tx.insert("person", {"name": "First", "department": "sales"})
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        db.write(oops)
    assert db.value("SELECT count(*) FROM person") == 0


def test_a_second_process_is_told_the_database_is_in_use(db: Database, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from council.store.database import Database\n"
        "from council.domain.errors import StoreError\n"
        "try:\n"
        f"    Database({str(db.path)!r})\n"
        "except StoreError as e:\n"
        "    print(e.message); sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    assert "in use" in result.stdout and "stop the app" in result.stdout


def test_a_backup_is_a_complete_working_copy(db: Database, tmp_path: Path) -> None:
    db.write(lambda tx: tx.insert("person", {"name": "Anna", "department": "sales"}))
    target = db.backup_to(tmp_path / "backups" / "copy.duckdb")
    copy = Database(target)
    assert copy.value("SELECT name FROM person") == "Anna"
    new_id = copy.write(lambda tx: tx.insert("person", {"name": "Bert", "department": "it"}))
    assert new_id == 2  # sequences came along
    copy.close()
    with pytest.raises(StoreError, match="already exists"):
        db.backup_to(target)
