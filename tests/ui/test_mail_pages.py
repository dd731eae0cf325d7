"""Mail as the secretary and each person see it: Settings → Mail, the outbox, and "Mails you get"."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from council.services.workspace import open_workspace
from council.store import outbox as store
from council.store.outbox import OutboxMail
from council.ui.session import ACTING_KEY
from tests.mail_inbox import Inbox
from tests.ui.conftest import button, changed_config, plain


def _mail_config(tmp_path: Path, inbox: Inbox) -> Path:
    section = (
        "demo_data: true\nemail:\n  enabled: true\n  host: 127.0.0.1\n"
        f"  port: {inbox.port}\n  security: none\n  from: council@example.org\n"
        "  public_url: https://council.example.org\n"
    )
    return changed_config(tmp_path, "demo_data: true", section)


def _secretary(config: Path, db: Path) -> tuple[int, str]:
    ws = open_workspace(config, db, demo=False)
    try:
        return ws.db.row(
            "SELECT p.id, p.email FROM person p JOIN person_role r ON r.person_id = p.id "
            "WHERE r.role = 'secretary' ORDER BY 1 LIMIT 1"
        )
    finally:
        ws.db.close()


def _settings_with(app, config: Path, db: Path, *waiting: OutboxMail, page: str = "settings"):
    """Settings (or `page`) as the secretary sees it, with these mails in the outbox; and their ids."""
    secretary, _ = _secretary(config, db)
    ws = open_workspace(config, db, demo=False)
    ids = [ws.db.write(lambda tx, m=mail: store.queue(tx, m)) for mail in waiting]
    ws.db.close()
    at = app(db, page, config=config)
    at.session_state[ACTING_KEY] = secretary
    return at.run(), ids


def test_with_mail_off_settings_says_how_to_turn_it_on(app, demo_copy: Path) -> None:
    at = app(demo_copy, "settings")
    assert any("Mail is off" in plain(i.value) for i in at.info)
    assert not [t for t in at.toggle if (t.key or "").startswith("my_mail_")]  # no choices while mail is off


def test_the_secretary_sends_a_test_mail_and_sees_the_server_answer(
    app, demo_copy: Path, tmp_path: Path, inbox: Inbox
) -> None:
    config = _mail_config(tmp_path, inbox)
    _, email = _secretary(config, demo_copy)
    at, _ = _settings_with(app, config, demo_copy)
    assert any("On." in plain(m.value) and "127.0.0.1" in plain(m.value) for m in at.markdown)
    assert at.text_input(key="mail_address").value == email
    button(at, "Send a test mail").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(
        "The mail server took the test mail" in plain(s.value) and "250" in plain(s.value) for s in at.success
    )
    assert inbox.messages[0].recipients == [email]

    at.text_input(key="mail_address").input("not an address")
    button(at, "Send a test mail").click().run()
    assert any("is not an e-mail address" in plain(e.value) for e in at.error)


def test_a_failed_mail_is_listed_with_its_reason_and_can_be_sent_again(
    app, demo_copy: Path, tmp_path: Path, inbox: Inbox
) -> None:
    now = datetime.now().astimezone()
    failed = OutboxMail("agenda", "gone@example.org", "Agenda: December council", "Text", "<p>Text</p>",
                        "<1@example.org>", now, now, status="failed", server_answer="550 5.1.1 No such mailbox")  # fmt: skip
    at, [mail_id] = _settings_with(app, _mail_config(tmp_path, inbox), demo_copy, failed)
    assert any("550 5.1.1 No such mailbox" in plain(m.value) for m in at.markdown)
    button(at, "Send again").click().run()
    assert any("goes out again within a minute" in plain(s.value) for s in at.success)
    ws = open_workspace(_mail_config(tmp_path, inbox), demo_copy, demo=False)
    assert store.get(ws.db, mail_id).status == "queued"
    ws.db.close()


def test_a_person_turns_the_weekly_digest_on_in_the_sidebar(
    app, demo_copy: Path, tmp_path: Path, inbox: Inbox
) -> None:
    config = _mail_config(tmp_path, inbox)
    at = app(demo_copy, "overview", config=config)
    me = at.session_state[ACTING_KEY]
    digest = at.toggle(key=f"my_mail_{me}_digest")
    assert digest.value is False and at.toggle(key=f"my_mail_{me}_agenda").value is True
    digest.set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    ws = open_workspace(config, demo_copy, demo=False)
    assert store.choices(ws.db, me) == {"digest": True}
    ws.db.close()
    at.run()
    assert at.toggle(key=f"my_mail_{me}_digest").value is True


def test_settings_says_why_mails_wait_and_when_the_next_try_is(
    app, demo_copy: Path, tmp_path: Path, inbox: Inbox
) -> None:
    now = datetime.now().astimezone()
    waiting = OutboxMail("agenda", "ann@example.org", "Agenda", "Text", "<p>Text</p>", "<2@example.org>", now,
                         now, attempts=3, server_answer="Cannot reach the mail server at smtp.example.org:587 "
                         "(email.host, email.port): timed out")  # fmt: skip
    at, _ = _settings_with(app, _mail_config(tmp_path, inbox), demo_copy, waiting)
    [warning] = [w for w in at.warning if "Mails are waiting" in plain(w.value)]
    assert "(email.host, email.port)" in plain(warning.value) and "Next try at" in plain(warning.value)


def test_planning_says_whether_invitations_went_out_by_mail(
    app, demo_copy: Path, tmp_path: Path, inbox: Inbox
) -> None:
    at, _ = _settings_with(app, _mail_config(tmp_path, inbox), demo_copy, page="meetings")
    at.text_input(key="plan_meeting_title").input("Mailed council")
    at = button(at.run(), "Plan the meeting").click().run()
    assert not at.exception, [e.value for e in at.exception]
    said = " ".join(plain(s.value) for s in at.success)
    assert "invitations are on their way by mail" in said, said
