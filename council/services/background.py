"""The app's background worker: one thread per process, however many people have the app open.

Every minute, and at once when a change queued a mail, it makes the day's backup when it is due, imports
what was dropped into the feedback inbox, works out the reminders and digests that are due, and hands the
queued mails to the mail server. Nothing a page does waits for it. What it keeps in words (a run's result,
the mail server's answer) is in the workspace's language; each mail is in its recipient's.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from council.i18n import use_language
from council.services import mail_queue, outbox, reminders, schedule
from council.services.workspace import Workspace

EVERY_SECONDS = 60.0
log = logging.getLogger("council.worker")
_STARTED: list[Worker] = []
_STARTING = threading.Lock()


def one_round(ws: Workspace) -> None:
    """What the worker does each minute: the backup when it is due, the feedback inbox, the mail."""
    with use_language(ws.config.language):
        schedule.back_up_if_due(ws)
        schedule.import_inbox(ws)
        mail_round(ws)


def mail_round(ws: Workspace) -> outbox.Round:
    """The reminders and digests that are due, and the outbox delivered (also `python -m council send-mail`)."""
    reminders.queue_reminders(ws)
    reminders.queue_digests(ws)
    done = outbox.deliver(ws)
    if done.sent or done.failed or done.put_off:
        log.info("mail: %d sent, %d failed, %d waiting%s", done.sent, done.failed, done.put_off,
                 f" ({done.problem})" if done.problem else "")  # fmt: skip
    return done


class Worker:
    def __init__(self, workspace: Callable[[], Workspace], every: float = EVERY_SECONDS) -> None:
        self._workspace = workspace
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="council-worker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, wait: float = 10) -> None:
        self._stop.set()
        mail_queue.QUEUED.set()
        self._thread.join(wait)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                one_round(self._workspace())
            except Exception:  # a round that fails is logged with its trace; the next one comes anyway
                log.exception("The background worker's round failed")
            mail_queue.QUEUED.wait(self._every)
            mail_queue.QUEUED.clear()


def start_worker(workspace: Callable[[], Workspace]) -> Worker:
    """The process's worker, started on first call."""
    with _STARTING:
        if not _STARTED:
            worker = Worker(workspace)
            worker.start()
            _STARTED.append(worker)
        return _STARTED[0]


def stop_worker() -> None:
    with _STARTING:
        while _STARTED:
            _STARTED.pop().stop()
