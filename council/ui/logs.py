"""The app's log: the council's own events (sign-ins, writes refused, imports, backups, mails, the worker's
errors with their trace) as lines on standard output, for the service manager or container to keep.

Nothing logged names a password, a customer's comment or what someone typed into a form.
"""

from __future__ import annotations

import logging
import os
import sys

LEVEL_ENV = "COUNCIL_LOG_LEVEL"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def start_logging() -> None:
    """Send the `council.*` loggers to standard output, from the level $COUNCIL_LOG_LEVEL names (INFO)."""
    logger = logging.getLogger("council")
    if any(getattr(h, "council", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.council = True  # type: ignore[attr-defined]  # our mark; unlike a subclass, it survives a reload
    logger.addHandler(handler)
    level = os.environ.get(LEVEL_ENV, "INFO").upper()
    logger.setLevel(level if level in logging.getLevelNamesMapping() else "INFO")
    logger.propagate = False
    # The app's own threads (the worker, the web routes) open the shared workspace outside a page run, which
    # Streamlit warns about at every start; it is meant, so the log keeps to what matters.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
