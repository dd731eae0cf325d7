"""Settings as the secretary uses it: a link for the wall screen, shown once, and revoking it."""

from __future__ import annotations

from pathlib import Path

from council.services import wall_keys
from council.services.workspace import open_workspace
from council.ui.session import ACTING_KEY
from tests.conftest import DEMO_CONFIG
from tests.ui.conftest import button, plain


def test_the_secretary_makes_a_wall_link_sees_it_once_and_revokes_it(app, demo_copy: Path) -> None:
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    secretary = ws.db.value("SELECT person_id FROM person_role WHERE role = 'secretary' ORDER BY 1 LIMIT 1")
    ws.db.close()
    at = app(demo_copy, "settings")
    at.session_state[ACTING_KEY] = secretary
    at.run()
    button(at, "Make a link").click().run()
    assert any("Where the screen is is empty" in plain(e.value) for e in at.error)  # nothing typed yet

    at.text_input(key="wall_link_label").input("Corridor, 2nd floor")
    button(at, "Make a link").click().run()
    assert not at.exception, [e.value for e in at.exception]
    [shown] = [c.value for c in at.code]
    key = shown.split("/wall?key=", 1)[1]
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    assert wall_keys.opens_the_wall(ws, key)
    ws.db.close()
    at.run()
    assert not at.code  # shown once
    assert any("Corridor, 2nd floor" in plain(m.value) for m in at.markdown)

    button(at, "Revoke").click().run()
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    assert not wall_keys.opens_the_wall(ws, key)
    ws.db.close()
