"""Passwords: hashed with Argon2 (argon2-cffi), checked against the most common ones shipped with the
app (no network), and against what belongs to the person or the organisation. Also the digest by which
the database knows the long random secrets the app hands out (sign-in tokens, wall keys, recovery codes)."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from council.domain.accounts import check_password
from council.domain.people import Person

COMMON_FILE = "common_passwords.txt"


def acceptable(password: str, person: Person, organisation: str) -> None:
    """Refuse, with the reason, a password that is weak or guessable for this person."""
    check_password(password, email=person.email, name=person.name, organisation=organisation, common=common())


@cache
def common() -> frozenset[str]:
    text = resources.files(__package__).joinpath(COMMON_FILE).read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("# "))


def hash_password(password: str) -> str:
    return hasher().hash(password)


def matches(password_hash: str, password: str) -> bool:
    try:
        return hasher().verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@cache
def hasher() -> PasswordHasher:
    return PasswordHasher()


def digest(secret: str) -> str:
    """What the database keeps of a long random secret: its SHA-256 (no slow hash needed, it cannot be guessed)."""
    return hashlib.sha256(secret.encode()).hexdigest()
