"""Talking to the mail server (SMTP): connecting as the `email` settings say, handing over one message at a
time, and telling a temporary refusal from a permanent one, in words that name the setting to check."""

from __future__ import annotations

import contextlib
import os
import smtplib
import ssl
import tomllib
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, parseaddr
from pathlib import Path
from types import TracebackType
from typing import NoReturn

from council.domain.mail import MailSettings, one_line
from council.i18n import _
from council.store.outbox import OutboxMail

# Headers unfolded up to the standard's limit: the library folds a long subject before its first word,
# which some mail programs then show with a leading space.
_WIRE = SMTP.clone(max_line_length=998)
SECRETS_FILES = (Path(".streamlit/secrets.toml"), Path.home() / ".streamlit" / "secrets.toml")


@dataclass(frozen=True)
class Refused(Exception):
    """The server did not take a mail; `permanent` when trying again will not help (5xx)."""

    answer: str
    permanent: bool


@dataclass(frozen=True)
class Unreachable(Exception):
    """No mail can go now: the server cannot be reached, or refused the connection or the sign-in."""

    answer: str


def smtp_password(settings: MailSettings) -> str | None:
    """The server's password: from the environment variable the settings name, else from `password` under
    [email] in .streamlit/secrets.toml (the app's folder first, then the home folder)."""
    if os.environ.get(settings.password_env):
        return os.environ[settings.password_env]
    for path in SECRETS_FILES:
        try:
            secrets = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        password = (
            secrets.get("email", {}).get("password") if isinstance(secrets.get("email"), dict) else None
        )
        if isinstance(password, str) and password:
            return password
    return None


class MailServer:
    """One connection to the server for a round of mails: `with MailServer(settings) as server: server.send(m)`."""

    def __init__(self, settings: MailSettings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> MailServer:
        s = self.settings
        where = f"{s.host}:{s.port} (email.host, email.port)"
        try:
            if s.security == "ssl":
                self._smtp = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=s.timeout_seconds, context=ssl.create_default_context()
                )
            else:
                self._smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout_seconds)
            if s.security == "starttls":
                self._smtp.starttls(context=ssl.create_default_context())
            if s.user:
                self._sign_in()
        except smtplib.SMTPNotSupportedError:
            self.close()
            raise Unreachable(
                _("{host} does not offer STARTTLS: check email.security (ssl, or none)").format(host=s.host)
            ) from None
        except smtplib.SMTPResponseException as e:
            self.close()
            raise Unreachable(
                _("{host} refused the connection: {answer}").format(
                    host=s.host, answer=_answer(e.smtp_code, e.smtp_error)
                )
            ) from None
        except ssl.SSLError as e:
            self.close()
            raise Unreachable(
                _("No secure connection with {where}: {reason}; check email.security").format(
                    where=where, reason=e.reason or e
                )
            ) from None
        except (OSError, smtplib.SMTPException) as e:
            self.close()
            raise Unreachable(
                _("Cannot reach the mail server at {where}: {reason}").format(where=where, reason=_reason(e))
            ) from None
        return self

    def _sign_in(self) -> None:
        assert self._smtp is not None
        s = self.settings
        password = smtp_password(s)
        if password is None:
            raise Unreachable(
                _(
                    "No password for {user} (email.user): set the environment variable {variable}, or "
                    "`password` under [email] in .streamlit/secrets.toml"
                ).format(user=s.user, variable=s.password_env)
            )
        try:
            self._smtp.login(s.user or "", password)
        except smtplib.SMTPAuthenticationError as e:
            raise Unreachable(
                _("{host} refused the user name or password (email.user, {variable}): {answer}").format(
                    host=s.host, variable=s.password_env, answer=_answer(e.smtp_code, e.smtp_error)
                )
            ) from None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                self.close()
        self._smtp = None

    def close(self) -> None:
        if self._smtp is not None:
            with contextlib.suppress(OSError):
                self._smtp.close()
        self._smtp = None

    def send(self, message: EmailMessage, recipient: str) -> str:
        """Hand one message over for `recipient`; returns the server's answer. Raises `Refused` for this
        mail, or `Unreachable` when the connection is lost (no later mail can go in this round either)."""
        assert self._smtp is not None
        smtp, sender = self._smtp, parseaddr(self.settings.from_address)[1]
        try:
            smtp.ehlo_or_helo_if_needed()
            code, text = smtp.mail(sender)
            if code != 250:
                self._refuse(
                    _("The server refused the sender {sender} (email.from)").format(sender=sender), code, text
                )
            code, text = smtp.rcpt(recipient)
            if code not in (250, 251):
                self._refuse(_("{address} refused").format(address=recipient), code, text)
            code, text = smtp.data(message.as_bytes(policy=_WIRE))
            if code != 250:
                self._refuse(_("The server refused the mail"), code, text)
        except smtplib.SMTPServerDisconnected as e:
            raise Unreachable(
                _("The mail server closed the connection: {reason}").format(reason=_reason(e))
            ) from None
        except smtplib.SMTPResponseException as e:
            self._refuse(_("The server refused the mail"), e.smtp_code, e.smtp_error)
        except (OSError, smtplib.SMTPException) as e:
            raise Unreachable(_("Sending stopped: {reason}").format(reason=_reason(e))) from None
        return _("accepted: {answer}").format(answer=_answer(code, text))

    def _refuse(self, what: str, code: int, text: bytes | str) -> NoReturn:
        """Refuse this mail: `what` (in words) and the server's answer."""
        self._reset()
        raise Refused(f"{what}: {_answer(code, text)}", permanent=code >= 500)

    def _reset(self) -> None:
        assert self._smtp is not None
        with contextlib.suppress(OSError, smtplib.SMTPException):
            self._smtp.rset()


def message_of(mail: OutboxMail, settings: MailSettings) -> EmailMessage:
    """The mail as the server gets it: plain text and HTML, and a calendar invitation where it has one.

    Every header is built from parts (an address, a name on one line), so no text a person typed can add a
    header or a recipient.
    """
    msg = EmailMessage()
    msg["Subject"] = one_line(mail.subject, 250)
    msg["From"] = settings.from_address
    msg["To"] = Address(display_name=one_line(mail.recipient_name, 100), addr_spec=mail.recipient)
    if settings.reply_to:
        msg["Reply-To"] = settings.reply_to
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = mail.message_id
    msg["Auto-Submitted"] = "auto-generated"  # out-of-office replies stay away
    msg.set_content(mail.body_text)
    msg.add_alternative(mail.body_html, subtype="html")
    if mail.attachment is not None and mail.attachment_type and mail.attachment_name:
        method = mail.attachment_type.partition("method=")[2] or "REQUEST"
        calendar = mail.attachment.decode("utf-8")
        # As an alternative, so mail programs show the invitation with its answer buttons; and as a file.
        msg.add_alternative(calendar, subtype="calendar", params={"method": method})
        msg.add_attachment(
            mail.attachment, maintype="application", subtype="ics", filename=mail.attachment_name
        )
    return msg


def sender_domain(settings: MailSettings) -> str:
    return parseaddr(settings.from_address)[1].rpartition("@")[2] or "localhost"


def _answer(code: int, text: bytes | str) -> str:
    return f"{code} {one_line(_text(text), 300)}"


def _text(text: bytes | str) -> str:
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)


def _reason(e: BaseException) -> str:
    return one_line(str(e) or type(e).__name__, 300)
