"""Local accounts: what makes an acceptable password, and when repeated failures lock an account."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from council.domain.errors import ValidationError
from council.i18n import _, ngettext

MIN_PASSWORD = 10
MAX_PASSWORD = 200
# Wrong passwords do not lock an account, which an attacker could keep shut: they slow the next try down,
# more after each one. Per account, from anywhere, by at most a minute; per client address, and per
# account from one address, by up to a quarter of an hour. An hour without a wrong try forgets them.
SLOW_AFTER = 5  # wrong passwords in a row before the next try has to wait
ACCOUNT_WAIT_CAP = timedelta(minutes=1)
CLIENT_WAIT_CAP = timedelta(minutes=15)
FORGET_AFTER = timedelta(hours=1)


def wait_after(failures: int, cap: timedelta) -> timedelta:
    """How long the next try waits after `failures` wrong passwords in a row: nothing for the first few,
    then 5 seconds, doubling with each wrong one, up to `cap`."""
    if failures < SLOW_AFTER:
        return timedelta(0)
    return min(cap, timedelta(seconds=5 * 2 ** min(failures - SLOW_AFTER, 20)))


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


def check_password(
    password: str, *, email: str | None, name: str, organisation: str = "", common: Collection[str] = ()
) -> None:
    """Refuse a password that is too short or too long, one of the `common` ones (lower case), or easy to
    guess from whose it is: their name or address, or the organisation's name. Decorations around a word
    (`Password1!`, `!!helder energie2026`) do not make it another password, and case does not count."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            ngettext(
                "The password has {n} character; use at least {least}. "
                "A few unrelated words make a long password that is easy to remember.",
                "The password has {n} characters; use at least {least}. "
                "A few unrelated words make a long password that is easy to remember.",
                len(password),
            ).format(n=len(password), least=MIN_PASSWORD),
            "password",
        )
    if len(password) > MAX_PASSWORD:
        raise ValidationError(
            _("The password is longer than {most} characters; use a shorter one.").format(most=MAX_PASSWORD),
            "password",
        )
    local = (email or "").split("@")[0]
    own = {_squeezed(word) for word in (email or "", local, name, organisation, *name.split())} - {""}
    lowered, core = _squeezed(password), _core(password)
    if lowered in common or core in common or (len(core) >= 3 and core in own) or lowered in own:
        raise ValidationError(
            _(
                "That password is among the most common ones, or made of a name or address that belongs to "
                "you or the organisation; attackers try those first. Choose a few unrelated words instead."
            ),
            "password",
        )
    if len(set(password)) < 4 or len(core) < 4:
        raise ValidationError(
            _(
                "That password is too easy to guess: it repeats a few characters, or is mostly digits and "
                "symbols. A few unrelated words are stronger and easier to remember."
            ),
            "password",
        )


def _squeezed(text: str) -> str:
    """Lower case, without spaces, dots, dashes and underscores: how people write a name into a password."""
    return re.sub(r"[\s._-]+", "", text.casefold())


def _core(password: str) -> str:
    """The word inside a password's decorations: digits and symbols around it taken off."""
    return re.sub(r"^[\W\d_]+|[\W\d_]+$", "", _squeezed(password))
