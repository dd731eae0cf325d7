"""Local accounts: what makes an acceptable password, and when repeated failures lock an account."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from council.domain.errors import ValidationError

MIN_PASSWORD = 10
MAX_PASSWORD = 200
LOCK_AFTER = 5  # failed sign-ins in a row
LOCK_FOR = timedelta(minutes=15)


@dataclass(frozen=True)
class Account:
    person_id: int
    password_hash: str
    failed_attempts: int = 0
    locked_until: datetime | None = None
    password_set_at: datetime | None = None
    last_sign_in_at: datetime | None = None

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


def check_password(password: str, *, email: str | None, name: str) -> None:
    """Refuse a password that is too short, too long, or easy to guess from who it belongs to."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            f"The password has {len(password)} characters; use at least {MIN_PASSWORD}. "
            "A few unrelated words make a long password that is easy to remember.",
            "password",
        )
    if len(password) > MAX_PASSWORD:
        raise ValidationError(
            f"The password is longer than {MAX_PASSWORD} characters; use a shorter one.", "password"
        )
    lowered = password.strip().lower()
    guessable = {
        (email or "").lower(),
        (email or "").split("@")[0].lower(),
        name.lower(),
        name.lower().replace(" ", ""),
    }
    if len(set(password)) < 4 or lowered in guessable - {""}:
        raise ValidationError(
            "That password is too easy to guess (it repeats a few characters, or is the name or e-mail "
            "address). Choose another.",
            "password",
        )
