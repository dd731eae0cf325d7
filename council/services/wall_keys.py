"""Wall links: the secretary makes a long random key per screen in the corridor; `/wall?key=…` then shows
the wall screen, read-only and nothing else, without anyone signed in. A key is shown once and can be
revoked at any time."""

from __future__ import annotations

import secrets

from council.domain.checks import clean_text
from council.domain.errors import NotFound
from council.domain.people import Person
from council.domain.permissions import Task, require
from council.i18n import _
from council.services import passwords
from council.services.acting import as_on_roster
from council.services.history import record
from council.services.workspace import Workspace
from council.store import wall_keys as store
from council.store.database import Transaction
from council.store.wall_keys import WallKey

COOKIE = "council_wall"
ENTITY = "wall_key"
MAX_LABEL = 80


@as_on_roster
def make_wall_key(ws: Workspace, actor: Person | None, label: str) -> str:
    """A new wall key, returned this once (only its hash is kept)."""
    require(actor, Task.SETTINGS, _("make links for the wall screen"))
    label = clean_text(label, _("Where the screen is"), limit=MAX_LABEL, field="label")
    key = secrets.token_urlsafe(32)
    now = ws.now()

    def write(tx: Transaction) -> None:
        key_id = store.add_wall_key(tx, passwords.digest(key), label, now, actor.id if actor else None)
        record(tx, actor, "create", ENTITY, key_id, {"label": label})

    ws.db.write(write)
    return key


@as_on_roster
def wall_links(ws: Workspace, actor: Person | None) -> list[WallKey]:
    require(actor, Task.SETTINGS, _("see the links for the wall screen"))
    return store.open_keys(ws.db)


@as_on_roster
def revoke_wall_key(ws: Workspace, actor: Person | None, key_id: int) -> None:
    require(actor, Task.SETTINGS, _("revoke links for the wall screen"))
    now = ws.now()

    def write(tx: Transaction) -> None:
        if not store.revoke(tx, key_id, now):
            raise NotFound(_("That wall link was revoked already."))
        record(tx, actor, "revoke", ENTITY, key_id, {})

    ws.db.write(write)


def opens_the_wall(ws: Workspace, key: str | None) -> bool:
    """Whether `key` is a wall key that has not been revoked."""
    return bool(key) and len(key or "") <= 200 and store.is_open(ws.db, passwords.digest(key or ""))
