"""The command line's way into the running app, which holds the database while it runs: the app writes
the address it answers on and a fresh random key to a file beside the database, readable only by whoever
runs it. The command line reads that file and asks the app, on this machine only, to carry a command out.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

HEADER = "X-Council-Operator"
RUN_PATH = "/auth/operator/run"


@dataclass(frozen=True)
class OperatorLink:
    url: str  # how this machine reaches the running app, e.g. http://127.0.0.1:8501 (or …/acme)
    key: str


def link_file(database: Path) -> Path:
    return Path(database).with_name(Path(database).name + ".operator")


def open_link(database: Path, url: str) -> OperatorLink:
    """A new key for this run of the app, answering at `url` on this machine, written where the command line
    finds it (owner only)."""
    link = OperatorLink(url, secrets.token_urlsafe(32))
    target = link_file(database)
    target.unlink(missing_ok=True)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        json.dump({"url": link.url, "key": link.key}, out)
    return link


def read_link(database: Path) -> OperatorLink | None:
    try:
        data = json.loads(link_file(database).read_text(encoding="utf-8"))
        return OperatorLink(str(data["url"]), str(data["key"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
