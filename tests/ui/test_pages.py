from pathlib import Path

import pytest

from council.services.proposals import guest_view
from council.services.workspace import open_workspace
from council.store import feedback, meetings, people
from council.store.contents import table_counts
from council.ui.session import ACTING_KEY
from tests.conftest import DEMO_CONFIG
from tests.ui.conftest import PAGES, plain


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_demo_workspace(app, demo_copy: Path, page: str) -> None:
    at = app(demo_copy, page)
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == [PAGES[page]]
    assert not at.error


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_empty_workspace(app, no_demo_config: Path, tmp_path: Path, page: str) -> None:
    at = app(tmp_path / "empty.duckdb", page, config=no_demo_config)
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == [PAGES[page]]
    assert not at.error


def test_a_new_user_first_start_creates_the_demo_workspace(app, tmp_path: Path) -> None:
    db_file = tmp_path / "first-start.duckdb"
    at = app(db_file, "overview")
    assert db_file.exists()
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Open friction points"]) > 20
    opened = [link for link in at.page_link if " · " in link.proto.label]
    assert len(opened) == 10, "the ten highest-priority items can be opened"


def test_overview_counts_match_the_database(app, demo_copy: Path) -> None:
    at = app(demo_copy, "overview")
    metrics = {m.label: m.value for m in at.metric}
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    open_friction = ws.db.value(
        "SELECT count(*) FROM friction_point WHERE status IN ('open', 'on_agenda', 'decided')"
    )
    assert metrics["Open friction points"] == str(open_friction)
    upcoming = meetings.next_meeting(ws.db, ws.now())
    assert any(upcoming.title in plain(i.value) for i in at.info)


def test_the_guest_sees_the_meeting_they_are_invited_to(app, demo_copy: Path) -> None:
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    upcoming = meetings.next_meeting(ws.db, ws.now())
    at = app(demo_copy, "propose_change")
    # AppTest drops the entry script's sidebar after switch_page, so choose the person the
    # way the sidebar selector stores it.
    at.session_state[ACTING_KEY] = upcoming.guest_id
    at.run()
    assert not at.exception
    assert upcoming.title in [h.value for h in at.subheader]


def test_a_guest_without_an_invitation_is_told_whom_to_ask(app, demo_copy: Path) -> None:
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    guest = next(
        p for p in people.list_people(ws.db) if p.roles == ("guest",) and not guest_view(ws, p.id).invitations
    )
    ws.db.close()
    at = app(demo_copy, "propose_change")
    at.session_state[ACTING_KEY] = guest.id
    at.run()
    assert any("not invited as a guest" in plain(i.value) and "Ask" in i.value for i in at.info)


def test_a_closed_meeting_shows_its_agenda_with_outcomes_and_no_edit_buttons(app, demo_copy: Path) -> None:
    ws = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    past = next(m for m in meetings.list_meetings(ws.db) if m.status == "closed")
    items = meetings.agenda_for(ws.db, past.id)
    at = app(demo_copy, "meetings", id=str(past.id), view="prepare")
    assert not at.exception
    shown = " ".join(plain(m.value) for m in at.markdown)
    assert all(i.title in shown for i in items)
    assert not [b for b in at.button if b.label == "Add"]


def test_the_backup_button_writes_a_copy_and_notes_it_in_the_audit_log(app, demo_copy: Path) -> None:
    at = app(demo_copy, "settings")
    at.button[0].click().run()
    assert at.success, "a confirmation is shown"
    written = Path(plain(at.success[0].value).removeprefix("Backup written to ").strip())
    assert written.exists()
    ws = open_workspace(DEMO_CONFIG, written, demo=False)
    assert table_counts(ws.db)["friction_point"] == 48
    assert feedback.feedback_count(ws.db) > 1000
    source = open_workspace(DEMO_CONFIG, demo_copy, demo=False)
    assert source.db.value("SELECT count(*) FROM audit_log WHERE action = 'backup'") == 1
