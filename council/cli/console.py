"""The command line's input and output: the terminal, or the running app that carries a command out.

DuckDB lets one program open the workspace at a time. While the app runs, the commands that make sense
then (a backup, an import, a password …) are handed to it: the command line reads the app's address and
key from beside the database (readable only by whoever runs the app), sends the command on this machine,
and prints the app's answer. The app runs it on its own open workspace, with this request's output.
"""

from __future__ import annotations

import json
import os
import shlex
import sys
import urllib.error
import urllib.request
from contextvars import ContextVar
from pathlib import Path
from typing import TextIO

from council.domain.errors import DatabaseInUse
from council.i18n import N_, _, ngettext
from council.services import operator_link
from council.services.workspace import Workspace

# What a command that needs an existing workspace says when there is none (`{target}`: the database file,
# `{options}`: the command's --config and --db); a command may say what it cannot do then, too.
NO_WORKSPACE = N_("{target} does not exist yet; `python -m council init{options}` creates it.")
WAIT_FOR_APP_SECONDS = 900  # a large import takes a while; the app answers when it is done
_OUT: ContextVar[TextIO | None] = ContextVar("cli_out", default=None)
_ERR: ContextVar[TextIO | None] = ContextVar("cli_err", default=None)
_IN: ContextVar[TextIO | None] = ContextVar("cli_in", default=None)
_HELD: ContextVar[Workspace | None] = ContextVar("cli_held", default=None)


class HandOver(Exception):
    """Raised by a command that found the database held: have the running app carry the command out,
    with `extra` words and `stdin` (a password read here, say)."""

    def __init__(self, held: DatabaseInUse, extra: list[str] | None = None, stdin: str = "") -> None:
        super().__init__(held.message)
        self.held, self.extra, self.stdin = held, extra or [], stdin


def same_place(args: object) -> str:
    """The `--config` and `--db` a command was given, to repeat in a hint of the next command to run."""
    given = [(flag, getattr(args, flag.strip("-"), None)) for flag in ("--config", "--db")]
    return "".join(f" {flag} {shlex.quote(str(value))}" for flag, value in given if value)


def say(*parts: object) -> None:
    print(*parts, file=_OUT.get() or sys.stdout)


def warn(*parts: object) -> None:
    print(*parts, file=_ERR.get() or sys.stderr)


def read_line() -> str:
    return (_IN.get() or sys.stdin).readline()


def inside_app(ws: Workspace, out: TextIO, err: TextIO, given: TextIO) -> None:
    """From here on in this context, a command runs on the app's workspace `ws`, printing to `out` and
    `err` and reading from `given`."""
    _HELD.set(ws)
    _OUT.set(out)
    _ERR.set(err)
    _IN.set(given)


def app_workspace() -> Workspace | None:
    """The running app's workspace, when the app carries this command out."""
    return _HELD.get()


def hand_over(argv: list[str], database: Path, held: DatabaseInUse, stdin: str = "") -> int:
    """Have the app that holds `database` carry out `argv`; print its answer and return its exit code.
    Without an app to ask (the database is held by another program), `held` is raised."""
    link = operator_link.read_link(database)
    if link is None:
        raise held
    request = urllib.request.Request(
        link.url + operator_link.RUN_PATH, method="POST",
        data=json.dumps({"argv": argv, "stdin": stdin, "cwd": os.getcwd()}).encode(),
        headers={operator_link.HEADER: link.key, "Content-Type": "application/json"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=WAIT_FOR_APP_SECONDS) as answer:
            done = json.loads(answer.read().decode())
    except urllib.error.HTTPError as e:
        refused = _("{database} is in use by the running app, which refused the command: {answer}")
        raise DatabaseInUse(
            refused.format(database=database, answer=e.read().decode(errors="replace") or e.code)
        ) from e
    except TimeoutError as e:
        minutes = WAIT_FOR_APP_SECONDS // 60
        raise DatabaseInUse(ngettext(
            "The running app did not answer within {n} minute. It may still be busy with the command: look at "
            "Settings in the app before you try again.",
            "The running app did not answer within {n} minutes. It may still be busy with the command: look "
            "at Settings in the app before you try again.", minutes).format(n=minutes)) from e  # fmt: skip
    except OSError as e:
        # Translators: {address} is the app's web address, {problem} the system's explanation.
        raise DatabaseInUse(_(
            "{database} is in use, but the app that holds it did not answer at {address} ({problem}). Is it "
            "still running? Stop whatever holds the database, or start the app again, then try again."
        ).format(database=database, address=link.url, problem=e)) from e  # fmt: skip
    if done.get("out"):
        say(done["out"].rstrip("\n"))
    if done.get("err"):
        warn(done["err"].rstrip("\n"))
    return int(done.get("code", 1))
