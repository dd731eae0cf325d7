"""A real SMTP server for the tests (aiosmtpd on a free port of this machine), and what it received."""

from __future__ import annotations

import os
import signal
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from council.domain.mail import MailSettings
from council.services.workspace import Workspace

PUBLIC_URL = "https://council.example.org"


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    def body(self, subtype: str) -> str:
        part = self.message.get_body(preferencelist=(subtype,))
        assert part is not None, f"no text/{subtype} part"
        return part.get_content()

    def attachment(self, filename: str) -> bytes:
        for part in self.message.iter_attachments():
            if part.get_filename() == filename:
                return part.get_content()
        raise AssertionError(f"no attachment {filename}")


@dataclass
class Inbox:
    """The test server's handler: keeps what it accepts, and refuses as the test asks."""

    messages: list[Received] = field(default_factory=list)
    unknown: set[str] = field(default_factory=set)  # addresses refused for good (550)
    busy_for: int = 0  # this many mails are refused for now (451) before the server takes them
    port: int = 0
    arrived: threading.Event = field(default_factory=threading.Event)
    kill_after: tuple[int, int] | None = None  # (n, pid): once the n-th mail is taken, kill process pid

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.unknown:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.busy_for > 0:
            self.busy_for -= 1
            return "451 4.3.2 Busy, try again later"
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))  # type: ignore[arg-type]
        self.arrived.set()
        if self.kill_after and len(self.messages) == self.kill_after[0]:
            os.kill(self.kill_after[1], signal.SIGKILL)  # the sender dies before it hears the mail was taken
        return "250 2.0.0 Queued as test"

    def to(self, address: str) -> list[Received]:
        return [m for m in self.messages if address in m.recipients]

    def settings(self, **changes: object) -> MailSettings:
        return replace(
            MailSettings(
                enabled=True, host="127.0.0.1", port=self.port, security="none",
                from_address="CX Council <council@example.org>", reply_to="secretary@example.org",
                public_url=PUBLIC_URL, timeout_seconds=5,
            ),
            **changes,
        )  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_inbox() -> Iterator[Inbox]:
    inbox = Inbox(port=free_port())
    controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


def with_mail(ws: Workspace, settings: MailSettings) -> Workspace:
    """The same workspace, with mail on as `settings` say."""
    return Workspace(replace(ws.config, email=settings), ws.db)
