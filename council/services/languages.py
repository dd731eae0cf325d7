"""Which language each person reads the workspace, its mails and its invitations in."""

from __future__ import annotations

from council.domain.errors import NotAllowed, ValidationError
from council.domain.people import Person
from council.i18n import LANGUAGE_NAMES, LANGUAGES, _
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.workspace import Workspace
from council.store import languages as store
from council.store.database import Transaction


def chosen_languages(ws: Workspace) -> dict[int, str]:
    """Every person who chose a language, and the one they chose (the others read the workspace's own)."""
    return store.chosen_languages(ws.db)


def language_of(ws: Workspace, person_id: int | None, chosen: dict[int, str] | None = None) -> str:
    """The language `person_id` reads in: their own choice, else the workspace's."""
    chosen = store.chosen_languages(ws.db) if chosen is None else chosen
    return chosen.get(person_id, ws.config.language) if person_id is not None else ws.config.language


@as_on_roster
def choose_language(ws: Workspace, actor: Person | None, language: str) -> None:
    """`actor` reads the workspace, and gets mails and invitations, in `language` from now on."""
    if actor is None or actor.id is None:
        raise NotAllowed(_("Sign in first: each person chooses their own language."))
    if language not in LANGUAGES:
        choices = ", ".join(f"{code} ({LANGUAGE_NAMES[code]})" for code in LANGUAGES)
        raise ValidationError(_("{language} is not a language of this workspace; choose {choices}.").format(
            language=repr(language), choices=choices))  # fmt: skip
    person_id = actor.id

    def write(tx: Transaction) -> None:
        store.choose_language(tx, person_id, language, ws.now())
        record(tx, actor, "language_choice", "person", person_id, {"language": language})

    ws.db.write(write)
