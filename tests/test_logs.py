"""The app's log goes to standard output with its level, from the level asked for."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

_LOG = """
import logging
from council.ui.logs import start_logging
start_logging()
start_logging()  # twice: still one line per event
logging.getLogger("council.mail").info("mail: 2 sent")
logging.getLogger("council.mail").debug("not shown at INFO")
logging.getLogger("council.worker").error("round failed")
"""


def test_the_councils_events_go_to_standard_output_with_their_level() -> None:
    env = {k: v for k, v in os.environ.items() if k != "COUNCIL_LOG_LEVEL"}
    done = subprocess.run(
        [sys.executable, "-c", _LOG], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    lines = done.stdout.splitlines()
    assert (
        len(lines) == 2
        and "INFO council.mail: mail: 2 sent" in lines[0]
        and "ERROR council.worker: round failed" in lines[1]
    )


def test_the_level_can_be_raised() -> None:
    env = {**os.environ, "COUNCIL_LOG_LEVEL": "warning"}
    done = subprocess.run(
        [sys.executable, "-c", _LOG], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert [line.split(" ", 3)[2] for line in done.stdout.splitlines()] == ["ERROR"]
