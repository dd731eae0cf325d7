"""DuckDB's errors in the workspace's own words: a database in use (and by which program), a write that
met another at the same moment, a change the database refused."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from council.domain.errors import Conflict, CouncilError, DatabaseInUse, StoreError
from council.i18n import _

_LOCK = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def translate(e: duckdb.Error, path: Path | None = None) -> CouncilError:
    text = first_line(e)
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


def first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
