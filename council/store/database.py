"""One DuckDB connection per process, a cursor per use, and a single serialised write path.

Streamlit serves every browser session from a thread of one process. DuckDB connections are not
thread-safe, so readers get their own cursor, and `Database.write` runs each use case in one
transaction under a lock. DuckDB's errors are translated here into the council's own errors.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb
import pandas as pd

from council.domain.errors import AppendOnly, Conflict, CouncilError, DatabaseInUse, StoreError
from council.i18n import _

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T")
R = TypeVar("R", bound="DataclassInstance")
V = TypeVar("V")
Params = Sequence[Any] | dict[str, Any]
WRITE_RETRIES = 3
# Data versions, unique in the process: a database gets a new one when it is opened and with every
# committed write, so what was read under one version (a cached read) is known to be out of date.
_VERSIONS = itertools.count(1)

# Decisions, their links and their status events, the history of actions and the audit trail are a
# record: corrections are new rows. DuckDB has no triggers to refuse an UPDATE, so every statement a
# transaction runs is read by DuckDB's own parser and planner: one that would change or remove rows of
# these tables is refused, however it is written (schema-qualified, quoted, commented, several at once).
APPEND_ONLY = ("decision", "decision_event", "decision_link", "action_event", "audit_log")
# Statement types that can change existing rows; an INSERT can, with ON CONFLICT DO UPDATE or OR REPLACE.
_MAY_CHANGE_ROWS = {"UPDATE", "DELETE", "MERGE_INTO", "INSERT"}
_CHANGING_OPERATORS = {"UPDATE", "DELETE"}


class Query:
    """Read helpers over one DuckDB cursor; `Database` and `Transaction` both offer them."""

    def rows(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        with self._using() as cur:
            return cur.execute(sql, params).fetchall()

    def row(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
        with self._using() as cur:
            return cur.execute(sql, params).fetchone()

    def value(self, sql: str, params: Params = ()) -> Any:
        found = self.row(sql, params)
        return None if found is None else found[0]

    def value_of(self, kind: type[V], sql: str, params: Params = ()) -> V | None:
        """The first column of the first row, checked to be a `kind`; None without a row or for NULL."""
        return _checked(kind, self.value(sql, params), sql)

    def number(self, sql: str, params: Params = ()) -> int:
        """The whole number a query always gives: a count, or a maximum with a default (coalesce)."""
        return _required(self.value_of(int, sql, params), sql)

    def numbers(self, sql: str, params: Params = ()) -> tuple[int, ...]:
        """The whole numbers of the one row an aggregate query (without GROUP BY) always gives."""
        found = _required(self.row(sql, params), sql)
        return tuple(_required(_checked(int, v, sql), sql) for v in found)

    def records(self, cls: type[R], sql: str, params: Params = ()) -> list[R]:
        """Rows as instances of the dataclass `cls`, matching columns to fields by name.

        Columns the dataclass does not have are ignored; lists become tuples so records stay frozen.
        """
        fields = {f.name for f in dataclasses.fields(cls)}
        with self._using() as cur:
            cur.execute(sql, params)
            names = [d[0] for d in cur.description]
            result = []
            for values in cur.fetchall():
                data = {
                    n: tuple(v) if isinstance(v, list) else v
                    for n, v in zip(names, values, strict=True)
                    if n in fields
                }
                result.append(cls(**data))
        return result

    def record(self, cls: type[R], sql: str, params: Params = ()) -> R | None:
        found = self.records(cls, sql, params)
        return found[0] if found else None

    def frame(self, sql: str, params: Params = ()) -> pd.DataFrame:
        """A data frame for a chart or a table, built by DuckDB."""
        with self._using() as cur:
            return cur.execute(sql, params).df()

    def _using(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        raise NotImplementedError


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
        if statement.type.name in _MAY_CHANGE_ROWS:
            self._refuse_changes_to_the_record(statement.query, params)

    def _refuse_changes_to_the_record(self, sql: str, params: Params) -> None:
        self._cur.execute("PRAGMA explain_output = 'all'")
        plans = dict(self._cur.execute(f"EXPLAIN (FORMAT JSON) {sql}", params).fetchall())
        self._cur.execute("PRAGMA explain_output = 'physical_only'")
        operators = _plan_values(json.loads(plans["physical_plan"]), "name")
        if not operators & _CHANGING_OPERATORS:
            return  # it only adds rows (an INSERT, ON CONFLICT DO NOTHING, a MERGE that only inserts)
        # The tables it reads, its target among them, as DuckDB named them: catalog.schema.table.
        tables = {tuple(t.split(".")[-2:]) for t in _plan_values(json.loads(plans["logical_plan"]), "Table")}
        touched = sorted(name for schema, name in tables if schema == "main" and name in APPEND_ONLY)
        if touched:
            raise AppendOnly(_(
                "The {table} table is append-only: a recorded decision, link, status event, action change or "
                "audit entry is never changed or deleted. Record a new version or a new event instead."
            ).format(table=touched[0]))  # fmt: skip

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
        return _first_number(self._cur.execute(sql, list(values.values())).fetchone(), sql)


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
            raise _translate(e) from e
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
                        raise _translate(e) from e
                    time.sleep(0.05 * attempt)
                except duckdb.Error as e:
                    _rollback(cur)
                    raise _translate(e) from e
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
            raise _translate(e) from e
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
                source = _required(cur.execute(current).fetchone(), current)[0]
                cur.execute("ATTACH ? AS council_backup", [str(target)])
                try:
                    cur.execute(f'COPY FROM DATABASE "{source}" TO council_backup')
                finally:
                    cur.execute("DETACH council_backup")
            except duckdb.Error as e:
                target.unlink(missing_ok=True)
                raise _translate(e) from e
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
                raise StoreError(failed.format(file=self.path, problem=_first_line(e))) from e
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


def restore_into(backup: Path, target: Path) -> int:
    """Copy the backup file `backup` into a new database file at `target`; returns its schema version.

    The backup is only read. Anything that is not a workspace backup is refused, leaving no `target`.
    """
    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise StoreError(
            _("{file} does not exist. Give the backup file's path (backups/… beside the database).").format(
                file=backup
            )
        )
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS council_backup (READ_ONLY)", [str(backup)])
        tables = (
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_catalog = 'council_backup' AND table_name = 'schema_version'"
        )
        found = _first_number(con.execute(tables).fetchone(), tables)
        if not found:
            raise StoreError(
                _("{file} is a DuckDB file but not a workspace backup: it has no schema version.").format(
                    file=backup
                )
            )
        newest = "SELECT coalesce(max(version), 0) FROM council_backup.schema_version"
        version = _first_number(con.execute(newest).fetchone(), newest)
        target.parent.mkdir(parents=True, exist_ok=True)
        con.execute("ATTACH ? AS council_restored", [str(target)])
        con.execute("COPY FROM DATABASE council_backup TO council_restored")
        con.execute("DETACH council_restored")
        return version
    except (duckdb.Error, StoreError) as e:
        con.close()  # before the half-written file goes
        remove_database_file(target)
        if isinstance(e, StoreError):
            raise
        if isinstance(e, duckdb.IOException) and "lock" not in str(e).lower():
            # Translators: {problem} is the database's own explanation, in English.
            unreadable = _("{file} cannot be read as a workspace backup: {problem}")
            raise StoreError(unreadable.format(file=backup, problem=_first_line(e))) from e
        raise _translate(e, backup) from e
    finally:
        con.close()


def _checked(kind: type[V], value: object, sql: str) -> V | None:
    """`value` as a `kind`, or None; a value of another type is a mistake in the query that asked for it."""
    if value is None or isinstance(value, kind):
        return value
    raise TypeError(f"expected {kind.__name__} or NULL, got {value!r} from: {sql}")


def _required(value: V | None, sql: str) -> V:
    """`value`, which the query always gives (an aggregate's row, an INSERT's RETURNING)."""
    if value is None:
        raise TypeError(f"expected a value, got no row or NULL from: {sql}")
    return value


def _first_number(found: tuple[Any, ...] | None, sql: str) -> int:
    """The whole number in the first column of the row a query always gives."""
    return _required(_checked(int, _required(found, sql)[0], sql), sql)


def remove_database_file(path: Path) -> None:
    """A database file and its write-ahead log."""
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path))
    except duckdb.IOException as e:
        raise _translate(e, path) from e
    except duckdb.Error as e:
        # Translators: {problem} is the database's own explanation, in English.
        unreadable = _("{file} cannot be opened as a workspace database: {problem}")
        raise StoreError(unreadable.format(file=path, problem=_first_line(e))) from e
    # Timestamps are stored with their time zone and read back in UTC; pages show them in
    # the workspace's own time zone. ICU is built into DuckDB, so LOAD never downloads.
    con.execute("LOAD icu")
    con.execute("SET TimeZone = 'UTC'")
    return con


def _quoted(path: Path) -> str:
    """A path as an SQL string literal (EXPORT and IMPORT take no parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


def _plan_values(nodes: list[dict[str, Any]], key: str) -> set[str]:
    """Every value of `key` in a JSON query plan: operator names ("name") or the tables scanned ("Table")."""
    found: set[str] = set()
    for node in nodes:
        info = node.get("extra_info")
        value = node.get(key) if key == "name" else info.get(key) if isinstance(info, dict) else None
        if isinstance(value, str) and value:
            found.add(value)
        found |= _plan_values(node.get("children", []), key)
    return found


def _rollback(cur: duckdb.DuckDBPyConnection) -> None:
    # The error that brought us here may already have ended the transaction.
    with suppress(duckdb.Error):
        cur.execute("ROLLBACK")


_LOCK = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def _translate(e: duckdb.Error, path: Path | None = None) -> CouncilError:
    text = _first_line(e)
    if isinstance(e, duckdb.IOException) and "lock" in text.lower():
        held = _LOCK.search(str(e))
        one_at_a_time = _("DuckDB lets only one program open it at a time: stop the app (or the other "
                          "command) first. While the app runs, backup, import-feedback, set-password, "
                          "add-person, accounts, send-mail, version and recovery-code are handed to it by "
                          "themselves.")  # fmt: skip
        return DatabaseInUse(f"{_in_use(path, held)} {one_at_a_time}")
    if isinstance(e, duckdb.TransactionException) and "conflict" in text.lower():
        return Conflict(_("Someone else was changing the same record at the same moment. Nothing was saved; "
                          "please try again."))  # fmt: skip
    if isinstance(e, duckdb.ConstraintException):
        # Translators: {problem} is the database's own explanation, in English.
        return Conflict(
            _("The database refused this change, so nothing was saved: {problem}").format(problem=text)
        )
    # Translators: {problem} is the database's own explanation, in English.
    return StoreError(
        _("The workspace database reported an error, so nothing was saved: {problem}").format(problem=text)
    )


def _in_use(path: Path | None, held: re.Match[str] | None) -> str:
    """Which database is in use, and by which process when DuckDB says."""
    if held is None:
        if path is None:
            return _("The workspace database is in use.")
        return _("The workspace database {file} is in use.").format(file=path)
    by = _process(int(held["pid"]), held["program"])
    if path is None:
        # Translators: {process} names the program, e.g. "process 4242 (streamlit run streamlit_app.py)".
        return _("The workspace database is in use by {process}.").format(process=by)
    # Translators: {process} names the program, e.g. "process 4242 (streamlit run streamlit_app.py)".
    return _("The workspace database {file} is in use by {process}.").format(file=path, process=by)


def _process(pid: int, program: str) -> str:
    """A process in words: its id and the command that started it, where the system tells it."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        command = " ".join([Path(args[0].decode()).name, *(a.decode() for a in args[1:] if a)])
    except (OSError, UnicodeDecodeError, IndexError):
        command = Path(program).name
    # Translators: {id} is the process number, {command} the command that started it.
    return _("process {id} ({command})").format(id=pid, command=command[:100])


def _first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
