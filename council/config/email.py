"""The `email` section of the workspace file: the mail server, the sender, and when reminders go out.

The password never stands in the YAML: it comes from an environment variable (COUNCIL_SMTP_PASSWORD by
default) or from `[email] password` in .streamlit/secrets.toml, read when mail is sent.
"""

from __future__ import annotations

from datetime import time
from email.utils import parseaddr
from typing import Any
from urllib.parse import urlsplit

from council.config.reader import Reader
from council.domain.mail import PASSWORD_ENV, SECURITY, WEEKDAYS, MailSettings, is_address
from council.i18n import _

_KEYS = {
    "enabled", "host", "port", "security", "user", "password_env", "from", "reply_to", "public_url",
    "remind_days_before", "digest_weekday", "send_at", "timeout_seconds",
}  # fmt: skip
_DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


def read_email(reader: Reader, raw: Any) -> MailSettings:
    """The settings, checked; without the section, or with `enabled: false`, mail is off."""
    if raw is None:
        return MailSettings()
    if isinstance(raw, dict) and "password" in raw:
        never = _("never put the password in this file: set the environment variable {variable} (or the "
                  "one `email.password_env` names), or `password` under [email] in "
                  ".streamlit/secrets.toml")  # fmt: skip
        raise reader.fail("email.password", never.format(variable=PASSWORD_ENV))
    data = reader.mapping(raw, "email", _KEYS)
    enabled = reader.boolean(data, "enabled", "email", False)
    if not enabled:
        return MailSettings()
    security = reader.one_of(data, "security", "email", SECURITY)
    port = int(reader.number(data, "port", "email", default=_DEFAULT_PORTS[security], minimum=1, whole=True))
    if port > 65535:
        raise reader.fail(
            "email.port", _("expected a port number up to 65535, got {value}").format(value=port)
        )
    sender = reader.text(data, "from", "email")
    if not is_address(parseaddr(sender)[1]):
        expected = _('expected an address like "CX Council <council@example.org>", got {value}')
        raise reader.fail("email.from", expected.format(value=repr(sender)))
    reply_to = data.get("reply_to")
    if reply_to is not None:
        reply_to = reader.text(data, "reply_to", "email")
        if not is_address(parseaddr(reply_to)[1]):
            expected = _("expected an e-mail address, got {value}")
            raise reader.fail("email.reply_to", expected.format(value=repr(reply_to)))
    weekday = reader.text(data, "digest_weekday", "email", default="monday").lower()
    if weekday not in WEEKDAYS:
        expected = _("expected a day of the week (monday … sunday), got {value}")
        raise reader.fail("email.digest_weekday", expected.format(value=repr(weekday)))
    return MailSettings(
        enabled=True,
        host=reader.text(data, "host", "email"),
        port=port,
        security=security,
        user=reader.text(data, "user", "email") if data.get("user") is not None else None,
        password_env=reader.text(data, "password_env", "email", default=PASSWORD_ENV),
        from_address=sender,
        reply_to=reply_to,
        public_url=_public_url(reader, data),
        remind_days_before=int(reader.number(data, "remind_days_before", "email", default=3, minimum=0, whole=True)),
        digest_weekday=weekday,
        send_at=reader.clock_time(data, "send_at", "email", time(7, 0)),
        timeout_seconds=float(reader.number(data, "timeout_seconds", "email", default=30, minimum=1)),
    )  # fmt: skip


def _public_url(reader: Reader, data: dict[str, Any]) -> str:
    url = reader.text(data, "public_url", "email")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        expected = _("expected the workspace's address as people open it, like https://council.example.org, "
                     "got {value}")  # fmt: skip
        raise reader.fail("email.public_url", expected.format(value=repr(url)))
    return url.rstrip("/")
