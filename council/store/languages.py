"""The language each person chose to read the workspace in."""

from __future__ import annotations

from datetime import datetime

from council.store.database import Query, Transaction


def chosen_languages(q: Query) -> dict[int, str]:
    """Every person who chose a language, and the one they chose."""
    return dict(q.rows("SELECT person_id, language FROM person_language"))


def choose_language(tx: Transaction, person_id: int, language: str, at: datetime) -> None:
    tx.execute("INSERT OR REPLACE INTO person_language VALUES (?, ?, ?)", [person_id, language, at])
