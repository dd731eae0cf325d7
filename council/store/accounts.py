"""Local accounts: stored password hashes and the count of failed sign-ins."""

from __future__ import annotations

from datetime import datetime

from council.domain.accounts import Account
from council.store.database import Query, Transaction


def get_account(q: Query, person_id: int) -> Account | None:
    return q.record(Account, "SELECT * FROM account WHERE person_id = ?", [person_id])


def set_password_hash(tx: Transaction, person_id: int, password_hash: str) -> None:
    """A new password: earlier failures and any lock are forgotten."""
    tx.execute(
        """
        INSERT INTO account (person_id, password_hash) VALUES (?, ?)
        ON CONFLICT (person_id) DO UPDATE SET password_hash = excluded.password_hash, failed_attempts = 0,
            locked_until = NULL, password_set_at = now()
        """,
        [person_id, password_hash],
    )


def record_failure(
    tx: Transaction, person_id: int, failed_attempts: int, locked_until: datetime | None
) -> None:
    tx.execute(
        "UPDATE account SET failed_attempts = ?, locked_until = ? WHERE person_id = ?",
        [failed_attempts, locked_until, person_id],
    )


def record_sign_in(tx: Transaction, person_id: int, at: datetime, new_hash: str | None) -> None:
    """A successful sign-in; `new_hash` replaces the stored one when the hashing settings moved on."""
    tx.execute(
        """
        UPDATE account SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ?,
            password_hash = coalesce(?, password_hash)
        WHERE person_id = ?
        """,
        [at, new_hash, person_id],
    )


def accounts(q: Query) -> list[Account]:
    return q.records(Account, "SELECT * FROM account ORDER BY person_id")


def remove_account(tx: Transaction, person_id: int) -> None:
    """The person's password hash and sign-in record, gone; and what their browsers were."""
    tx.execute("DELETE FROM account WHERE person_id = ?", [person_id])
    tx.execute("UPDATE sign_in_session SET browser = '' WHERE person_id = ?", [person_id])
    tx.execute("DELETE FROM password_link WHERE person_id = ?", [person_id])
