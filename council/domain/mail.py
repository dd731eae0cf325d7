"""Mail the workspace sends: its settings, the kinds a person may choose, and the rules for retrying.

Pure rules only; building the mails, the outbox and talking to the mail server live in the services.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from council.i18n import N_, _

SECURITY = ("starttls", "ssl", "none")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PASSWORD_ENV = "COUNCIL_SMTP_PASSWORD"
# A temporary refusal is tried again after 1, 2, 4 … minutes, at most a quarter of an hour apart (so mail
# goes soon after a server that was down is back), for two days.
FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(minutes=15)
GIVE_UP_AFTER = timedelta(days=2)
_ADDRESS = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85\x0b\x0c]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class MailSettings:
    """The `email` section of the workspace file. Off unless `enabled: true`."""

    enabled: bool = False
    host: str = ""
    port: int = 587
    security: str = "starttls"
    user: str | None = None
    password_env: str = (
        PASSWORD_ENV  # the password comes from here or .streamlit/secrets.toml, never the YAML
    )
    from_address: str = ""
    reply_to: str | None = None
    public_url: str = ""  # the workspace's address as people open it, for links in mails
    remind_days_before: int = 3
    digest_weekday: str = "monday"
    send_at: time = time(7, 0)  # reminders and the digest go out from this time of day on
    timeout_seconds: float = 30

    def link(self, page: str, **query: int | str) -> str:
        """The address of a page of the workspace, e.g. `link("meetings", id=4)`."""
        params = "&".join(f"{k}={v}" for k, v in query.items())
        return f"{self.public_url.rstrip('/')}/{page}" + (f"?{params}" if params else "")


class MailKind(StrEnum):
    """What a mail is about. Invitations always go out; a person chooses the others."""

    INVITATION = "invitation"
    AGENDA = "agenda"
    MINUTES = "minutes"
    REMINDER = "reminder"
    DIGEST = "digest"
    TEST = "test"

    @property
    def label(self) -> str:
        """What a person chooses to get, in the reader's language."""
        return _(_LABELS[self.value])

    @property
    def short(self) -> str:
        """The kind in a word or two, as the outbox lists it."""
        return _(_SHORT[self.value])


_LABELS = {
    "invitation": N_("Meeting invitations"),
    "agenda": N_("The agenda, once it is closed"),
    "minutes": N_("The minutes, once a meeting is closed"),
    "reminder": N_("Reminders of my actions and decisions that are due"),
    "digest": N_("A weekly digest of what changed since the last meeting"),
    "test": N_("Test mail"),
}
_SHORT = {
    "invitation": N_("Invitation"),
    "agenda": N_("Agenda"),
    "minutes": N_("Minutes"),
    "reminder": N_("Reminder"),
    "digest": N_("Weekly digest"),
    "test": N_("Test"),
}


# The kinds a person may turn on or off, and whether each is on for someone who never chose.
CHOOSABLE: dict[MailKind, bool] = {
    MailKind.AGENDA: True,
    MailKind.MINUTES: True,
    MailKind.REMINDER: True,
    MailKind.DIGEST: False,
}


def is_address(text: str | None) -> bool:
    """Whether `text` looks like one plain e-mail address (no name, no list, no line break)."""
    return bool(text) and _ADDRESS.match(text or "") is not None


def one_line(text: str, limit: int = 200) -> str:
    """User text made safe for a mail header: line breaks become spaces (so no header or recipient can be
    added), other control characters go, and it is cut to `limit` characters."""
    flat = _CONTROL.sub("", _LINE_BREAKS.sub(" ", text)).strip()
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def next_try(attempts: int, now: datetime) -> datetime:
    """When to try again after `attempts` temporary failures: waits double, up to a quarter of an hour."""
    wait = FIRST_RETRY * (1 << max(0, min(attempts - 1, 10)))  # doubles with every attempt
    return now + min(wait, LONGEST_WAIT)


def given_up(queued_at: datetime, now: datetime) -> bool:
    """A mail the server kept refusing for two days is marked failed instead of tried forever."""
    return now - queued_at >= GIVE_UP_AFTER
