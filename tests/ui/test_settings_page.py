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


def test_settings_shows_what_the_app_does_by_itself_and_how_it_went(
    app, demo_copy: Path, tmp_path: Path
) -> None:
    from datetime import datetime

    from council.store import jobs
    from council.store.jobs import JobRun
    from tests.ui.conftest import changed_config

    config = changed_config(
        tmp_path, "demo_data: true", 'demo_data: true\nbackup: {at: "02:00", keep: 7}\ninbox: {folder: inbox}'
    )
    ws = open_workspace(config, demo_copy, demo=False)
    now = datetime.now(ws.zone)
    ws.db.write(
        lambda tx: jobs.record_run(
            tx, JobRun("inbox", now, now, False, "week-49.csv (NPS)", "Row 3: score 11 is above 10")
        )
    )
    secretary = ws.db.value("SELECT person_id FROM person_role WHERE role = 'secretary' ORDER BY 1 LIMIT 1")
    ws.db.close()
    at = app(demo_copy, "settings", config=config)
    at.session_state[ACTING_KEY] = secretary
    at.run()
    texts = " ".join(plain(m.value) for m in at.markdown)
    assert "every day from 02:00" in texts and "the 7 newest are kept" in texts and "Feedback inbox" in texts
    [table] = [d for d in at.dataframe if "result" in d.value.columns]
    assert table.value["result"].tolist() == ["Row 3: score 11 is above 10"]
