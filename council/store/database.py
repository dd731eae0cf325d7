"""One DuckDB connection per process, a cursor per use, and a single serialised write path.

Streamlit serves every browser session from a thread of one process. DuckDB connections are not
thread-safe, so readers get their own cursor, and `Database.write` runs each use case in one
transaction under a lock. Reading helpers are in `query`, DuckDB's errors become the council's own in
`duckdb_errors`, statements that would rewrite the record are refused by `append_only`, and restoring a
backup is in `database_files`.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb
import pandas as pd

from council.domain.errors import StoreError
from council.i18n import _
from council.store.append_only import refuse_changes_to_the_record
from council.store.duckdb_errors import first_line, translate

# Reading is in `query`; the store's modules import it from here, beside writing (`Transaction`).
from council.store.query import Params as Params
from council.store.query import Query as Query
from council.store.query import first_number, required

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T")
WRITE_RETRIES = 3
# Data versions, unique in the process: a database gets a new one when it is opened and with every
# committed write, so what was read under one version (a cached read) is known to be out of date.
_VERSIONS = itertools.count(1)


class Transaction(Query):
    """What a write function receives: reads and writes on the transaction's own cursor."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self._cur = cursor

    @contextmanager
    def _using(self) -> Iterator[Any]:
        # Inside a transaction, errors travel up to `Database.write`, which rolls back and translates.
        # A statement run to read its result (UPDATE … RETURNING, say) is checked like any other.
        yield _CheckedCursor(self)

    def execute(self, sql: str, params: Params = ()) -> None:
        """Run `sql` (one statement, or several without parameters, as a migration's), refusing any that
        would change or remove rows of an append-only table."""
        statements = duckdb.extract_statements(sql)
        if len(statements) > 1 and params:
            raise ValueError("Parameters go with a single statement; run the statements one by one.")
        for statement in statements:  # each checked after those before it ran (a migration's new tables)
            self._check(statement, params)
            self._cur.execute(statement.query, params)

    def _check(self, statement: Any, params: Params) -> None:
        """Refuse a statement (as DuckDB's parser split it out) that would change the record."""
        refuse_changes_to_the_record(self._cur, statement, params)

    def insert_record(
        self, table: str, record: DataclassInstance, *, skip: Sequence[str] = ("id",), returning: str = "id"
    ) -> int:
        """Insert a dataclass as one row; fields that are None take the column's default. Returns its
        `returning` column, a whole number (the new id by default)."""
        values = {
            k: list(v) if isinstance(v, tuple) else v
            for k, v in dataclasses.asdict(record).items()
            if v is not None and k not in skip
        }
        return self.insert(table, values, returning)

    def insert_frame(self, table: str, frame: pd.DataFrame) -> int:
        """Append every row of `frame` (columns named as in `table`) in one statement."""
        columns = ", ".join(frame.columns)
        self._cur.register("incoming_rows", frame)
        # No cleanup on failure: the cursor (and the view with it) ends with the transaction.
        self._cur.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming_rows")
        self._cur.unregister("incoming_rows")
        return len(frame)

    def insert(self, table: str, values: dict[str, Any], returning: str = "id") -> int:
        """Insert one row and return its `returning` column, a whole number (the new id by default)."""
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING {returning}"
        return first_number(self._cur.execute(sql, list(values.values())).fetchone(), sql)


class _CheckedCursor:
    """The transaction's cursor for reads: every statement passes the append-only check first."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def execute(self, sql: str, params: Params = ()) -> duckdb.DuckDBPyConnection:
        for statement in duckdb.extract_statements(sql):
            self._tx._check(statement, params)
        return self._tx._cur.execute(sql, params)

    def __getattr__(self, name: str) -> Any:  # fetchall, fetchone, df, description: the cursor's own
        return getattr(self._tx._cur, name)


class Database(Query):
    """The workspace's DuckDB file, opened once per process."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._con = _connect(self.path)
        self.version = next(_VERSIONS)  # a new one with every committed write
        # Re-entrant: a use case may hold it across its reads and then write (`serialised`).
        self._write_lock = threading.RLock()

    @contextmanager
    def _using(self) -> Iterator[duckdb.DuckDBPyConnection]:
        # A cursor per read: each Streamlit session thread reads through its own.
        cur = self._con.cursor()
        try:
            yield cur
        except duckdb.Error as e:
            raise translate(e) from e
        finally:
            cur.close()

    @contextmanager
    def serialised(self) -> Iterator[None]:
        """Hold the write lock across several steps: no other write of this process comes in between, and
        writes made inside (with `write`) still take it."""
        with self._write_lock:
            yield

    def write(self, fn: Callable[[Transaction], T]) -> T:
        """Run `fn` in one transaction: all of it is saved, or nothing is.

        Writes in this process are serialised by a lock; a write that still meets a conflict
        (another process or connection changed the same row) is retried a few times.
        """
        with self._write_lock:
            for attempt in range(1, WRITE_RETRIES + 1):
                cur = self._con.cursor()
                try:
                    cur.execute("BEGIN TRANSACTION")
                    result = fn(Transaction(cur))
                    cur.execute("COMMIT")
                    self.version = next(_VERSIONS)
                    return result
                except duckdb.TransactionException as e:
                    _rollback(cur)
                    if "conflict" not in str(e).lower() or attempt == WRITE_RETRIES:
                        raise translate(e) from e
                    time.sleep(0.05 * attempt)
                except duckdb.Error as e:
                    _rollback(cur)
                    raise translate(e) from e
                except BaseException:
                    _rollback(cur)
                    raise
                finally:
                    cur.close()
        raise AssertionError("unreachable")  # pragma: no cover

    @contextmanager
    def scratch(self) -> Iterator[Transaction]:
        """One cursor for a read in several steps that builds temporary tables (a file's dry run).

        No transaction is opened and the write lock is not taken; the temporary tables end with the cursor.
        """
        cur = self._con.cursor()
        try:
            yield Transaction(cur)
        except duckdb.Error as e:
            raise translate(e) from e
        finally:
            cur.close()

    def checkpoint(self) -> None:
        with self._write_lock:
            self._con.execute("CHECKPOINT")

    def backup_to(self, target: Path) -> Path:
        """Copy the whole workspace into a new DuckDB file at `target`, consistently."""
        target = Path(target)
        if target.exists():
            raise StoreError(
                _("{file} already exists; choose a new file name for the backup.").format(file=target)
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        with self._write_lock:
            cur = self._con.cursor()
            try:
                current = "SELECT current_database()"
                source = required(cur.execute(current).fetchone(), current)[0]
                cur.execute("ATTACH ? AS council_backup", [str(target)])
                try:
                    cur.execute(f'COPY FROM DATABASE "{source}" TO council_backup')
                finally:
                    cur.execute("DETACH council_backup")
            except duckdb.Error as e:
                target.unlink(missing_ok=True)
                raise translate(e) from e
            finally:
                cur.close()
        return target

    def rebuild(self, edit_schema: Callable[[str], str]) -> Path:
        """Make the database file again from its own export, with `edit_schema` applied to the schema's SQL:
        for a change DuckDB cannot make in place. The file as it was is kept beside it; returns its path.

        Only while nothing else uses the connection (when the workspace is opened, before any page).
        """
        with self._write_lock:
            fresh = self.path.with_name(self.path.name + ".rebuilding")
            remove_database_file(fresh)
            try:
                self._con.execute("CHECKPOINT")
                with tempfile.TemporaryDirectory(dir=self.path.parent, prefix=".rebuild-") as folder:
                    export = Path(folder) / "export"
                    self._con.execute(f"EXPORT DATABASE {_quoted(export)} (FORMAT parquet)")
                    schema = export / "schema.sql"
                    schema.write_text(edit_schema(schema.read_text(encoding="utf-8")), encoding="utf-8")
                    con = _connect(fresh)
                    try:
                        con.execute(f"IMPORT DATABASE {_quoted(export)}")
                        con.execute("CHECKPOINT")
                    finally:
                        con.close()
            except (duckdb.Error, OSError) as e:
                remove_database_file(fresh)
                # Translators: {problem} is the database's own explanation, in English.
                failed = _("Upgrading {file} needs the database file made again, and that failed, so nothing "
                           "changed: {problem}. Free some disk space beside it, or restore a backup, and "
                           "start again.")  # fmt: skip
                raise StoreError(failed.format(file=self.path, problem=first_line(e))) from e
            self._con.close()  # a clean close leaves no write-ahead log beside the file
            stamp = time.strftime("%Y%m%d-%H%M%S")
            kept = self.path.with_name(f"{self.path.stem}.before-rebuild-{stamp}{self.path.suffix}")
            shutil.copy2(self.path, kept)
            os.replace(fresh, self.path)  # at once: the old file or the new one is there, never neither
            self._con = _connect(self.path)
            self.version = next(_VERSIONS)
            return kept

    def close(self) -> None:
        with self._write_lock:
            self._con.close()


def remove_database_file(path: Path) -> None:
    """A database file and its write-ahead log."""
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)


def _quoted(path: Path) -> str:
    """A path as an SQL string literal (EXPORT and IMPORT take no parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path))
    except duckdb.IOException as e:
        raise translate(e, path) from e
    except duckdb.Error as e:
        # Translators: {problem} is the database's own explanation, in English.
        unreadable = _("{file} cannot be opened as a workspace database: {problem}")
        raise StoreError(unreadable.format(file=path, problem=first_line(e))) from e
    # Timestamps are stored with their time zone and read back in UTC; pages show them in
    # the workspace's own time zone. ICU is built into DuckDB, so LOAD never downloads.
    con.execute("LOAD icu")
    con.execute("SET TimeZone = 'UTC'")
    return con


def _rollback(cur: duckdb.DuckDBPyConnection) -> None:
    # The error that brought us here may already have ended the transaction.
    with suppress(duckdb.Error):
        cur.execute("ROLLBACK")
