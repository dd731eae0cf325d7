"""The outbox: queued in the change's own transaction, delivered once, retried, refused, sent again."""

from __future__ import annotations

from datetime import timedelta

import pytest

from council.domain.errors import ValidationError
from council.domain.mail import MailKind
from council.services import mail_queue, outbox
from council.services.letters import Body, Letter
from council.services.workspace import Workspace
from council.store import outbox as store
from council.store.outbox import Recipient
from tests.mail_inbox import Inbox, free_port, with_mail
from tests.services.conftest import SECRETARY

ANN = Recipient(1, "Ann de Vries", "ann@example.org")
BOB = Recipient(2, "Bob Jansen", "bob@example.org")


def _letter(subject: str = "The agenda is ready", text: str = "Point 1: billing") -> Letter:
    return (
        Body()
        .para(text)
        .link("Open the meeting", "https://council.example.org/meetings?id=1")
        .letter(MailKind.AGENDA, subject, "meetings?id=1")
    )


def _queue(ws: Workspace, *to: Recipient, letter: Letter | None = None) -> list[int]:
    return ws.db.write(lambda tx: mail_queue.queue_letter(tx, ws, letter or _letter(), list(to)))


def _statuses(ws: Workspace) -> dict[str, str]:
    return {line.recipient: line.status for line in outbox.outbox_lines(ws)}


def test_a_queued_mail_reaches_the_server_with_both_bodies_and_is_marked_sent(
    mailing: Workspace, inbox: Inbox
) -> None:
    _queue(mailing, ANN)
    done = outbox.deliver(mailing)
    assert (done.sent, done.failed, done.put_off) == (1, 0, 0)
    [mail] = inbox.messages
    assert mail.recipients == ["ann@example.org"]
    assert mail.sender == "council@example.org"
    assert mail.subject == "The agenda is ready"
    assert "Ann de Vries" in str(mail.message["To"]) and mail.message["Reply-To"] == "secretary@example.org"
    assert "Hello Ann de Vries," in mail.body("plain") and "Point 1: billing" in mail.body("plain")
    assert "Point 1: billing" in mail.body(
        "html"
    ) and 'href="https://council.example.org/meetings?id=1"' in mail.body("html")
    [line] = outbox.outbox_lines(mailing)
    assert line.status == "sent" and line.sent_at is not None and "250" in line.server_answer


def test_a_long_subject_arrives_as_written(mailing: Workspace, inbox: Inbox) -> None:
    subject = "Invitation: Kiwimail council meeting, Thursday 4 February 2027 at 14:00 — and a few more words"
    _queue(mailing, ANN, letter=_letter(subject))
    outbox.deliver(mailing)
    assert inbox.messages[0].subject == subject


def test_each_mail_goes_once_however_often_the_sender_runs(mailing: Workspace, inbox: Inbox) -> None:
    _queue(mailing, ANN, BOB)
    outbox.deliver(mailing)
    outbox.deliver(mailing)
    assert sorted(r for m in inbox.messages for r in m.recipients) == ["ann@example.org", "bob@example.org"]


def test_with_mail_off_nothing_is_queued(empty: Workspace) -> None:
    assert _queue(empty, ANN) == []
    assert outbox.outbox_counts(empty) == {"queued": 0, "sent": 0, "failed": 0}


def test_a_change_that_is_rolled_back_queues_no_mail(mailing: Workspace, inbox: Inbox) -> None:
    def write(tx):
        mail_queue.queue_letter(tx, mailing, _letter(), [ANN])
        raise ValidationError("the change itself was refused")

    with pytest.raises(ValidationError):
        mailing.db.write(write)
    outbox.deliver(mailing)
    assert outbox.outbox_counts(mailing)["queued"] == 0 and inbox.messages == []


def test_a_server_that_is_busy_gets_the_mail_again_later_and_it_arrives_once(
    mailing: Workspace, inbox: Inbox
) -> None:
    inbox.busy_for = 1
    _queue(mailing, ANN)
    first = outbox.deliver(mailing)
    assert (first.sent, first.put_off) == (0, 1)
    [waiting] = store.due(mailing.db, mailing.now() + timedelta(minutes=1, seconds=1), 10)
    assert waiting.attempts == 1 and "451" in waiting.server_answer
    assert outbox.deliver(mailing).sent == 0  # not yet: it waits a minute
    assert outbox.deliver(mailing, now=mailing.now() + timedelta(minutes=2)).sent == 1
    assert len(inbox.messages) == 1 and _statuses(mailing) == {"ann@example.org": "sent"}


def test_an_address_the_server_refuses_fails_with_the_reason_and_the_others_go(
    mailing: Workspace, inbox: Inbox
) -> None:
    inbox.unknown = {"ann@example.org"}
    _queue(mailing, ANN, BOB)
    done = outbox.deliver(mailing)
    assert (done.sent, done.failed) == (1, 1)
    assert [r for m in inbox.messages for r in m.recipients] == ["bob@example.org"]
    failed = outbox.outbox_lines(mailing, "failed")
    assert [f.recipient for f in failed] == ["ann@example.org"] and "550" in failed[0].server_answer


def test_while_the_server_is_down_mails_wait_and_then_go_in_order(empty: Workspace, inbox: Inbox) -> None:
    down = with_mail(empty, inbox.settings(port=free_port()))
    ids = _queue(down, ANN, BOB)
    done = outbox.deliver(down)
    assert (done.sent, done.put_off) == (0, 2) and "email.host" in done.problem
    assert all("Cannot reach the mail server" in line.server_answer for line in outbox.outbox_lines(down))
    later = down.now() + timedelta(minutes=5)
    back = with_mail(empty, inbox.settings())
    assert outbox.deliver(back, now=later).sent == 2
    assert [m.recipients for m in inbox.messages] == [["ann@example.org"], ["bob@example.org"]]
    assert ids == sorted(ids)


def test_a_mail_refused_for_two_days_is_marked_failed(mailing: Workspace, inbox: Inbox) -> None:
    inbox.busy_for = 100
    _queue(mailing, ANN)
    outbox.deliver(mailing)
    outbox.deliver(mailing, now=mailing.now() + timedelta(days=2, minutes=1))
    assert _statuses(mailing) == {"ann@example.org": "queued"}  # the clock of "two days" is the real one
    mailing.db.write(lambda tx: tx.execute("UPDATE outbox_mail SET queued_at = queued_at - INTERVAL 3 DAY"))
    outbox.deliver(mailing, now=mailing.now() + timedelta(days=3))
    assert _statuses(mailing) == {"ann@example.org": "failed"}


def test_a_failed_mail_sent_again_goes_with_the_next_round(mailing: Workspace, inbox: Inbox) -> None:
    inbox.unknown = {"ann@example.org"}
    [mail_id] = _queue(mailing, ANN)
    outbox.deliver(mailing)
    inbox.unknown = set()
    outbox.send_again(mailing, SECRETARY, mail_id)
    assert outbox.deliver(mailing).sent == 1 and _statuses(mailing) == {"ann@example.org": "sent"}
    with pytest.raises(ValidationError, match="has not failed"):
        outbox.send_again(mailing, SECRETARY, mail_id)


def test_line_breaks_in_a_title_or_name_add_no_header_or_recipient(mailing: Workspace, inbox: Inbox) -> None:
    sly = Recipient(3, "Eve\r\nBcc: spy@evil.example", "eve@example.org")
    letter = _letter("Agenda\r\nBcc: spy@evil.example\r\nX-Extra: 1", "<script>alert(1)</script> <b>bold</b>")
    _queue(mailing, sly, letter=letter)
    assert outbox.deliver(mailing).sent == 1
    [mail] = inbox.messages
    assert mail.recipients == ["eve@example.org"]
    assert mail.message["Bcc"] is None and mail.message["X-Extra"] is None
    assert "Bcc: spy@evil.example" in mail.subject  # kept as words of the subject, on its one line
    html = mail.body("html")
    assert "<script>" not in html and "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html


def test_the_test_mail_reports_the_server_answer_and_is_kept_in_the_outbox(
    mailing: Workspace, inbox: Inbox
) -> None:
    answer = outbox.send_test(mailing, SECRETARY, "secretary@example.org")
    assert "250" in answer
    assert inbox.messages[0].recipients == ["secretary@example.org"]
    assert outbox.outbox_counts(mailing) == {"queued": 0, "sent": 1, "failed": 0}
    assert outbox.deliver(mailing).sent == 0 and len(inbox.messages) == 1  # the worker never sends it again


def test_the_test_mail_names_the_setting_when_the_server_cannot_be_reached(empty: Workspace) -> None:
    from tests.mail_inbox import Inbox

    down = with_mail(empty, Inbox(port=free_port()).settings())
    with pytest.raises(outbox.MailNotSent, match=r"email\.host, email\.port"):
        outbox.send_test(down, SECRETARY, "secretary@example.org")
    assert outbox.outbox_counts(down)["failed"] == 1


def test_a_user_without_a_password_set_is_told_where_to_put_it(
    mailing: Workspace, inbox: Inbox, monkeypatch
) -> None:
    monkeypatch.delenv("COUNCIL_SMTP_PASSWORD", raising=False)
    monkeypatch.chdir(mailing.db.path.parent)  # no .streamlit/secrets.toml here
    needs = with_mail(mailing, inbox.settings(user="council@example.org"))
    with pytest.raises(outbox.MailNotSent, match="COUNCIL_SMTP_PASSWORD"):
        outbox.send_test(needs, SECRETARY, "secretary@example.org")


def test_a_typed_address_that_is_not_one_is_refused(mailing: Workspace) -> None:
    with pytest.raises(ValidationError, match="not an e-mail address"):
        outbox.send_test(mailing, SECRETARY, "secretary at example.org")


def test_starttls_asked_of_a_server_without_it_names_the_setting(mailing: Workspace, inbox: Inbox) -> None:
    plain = with_mail(mailing, inbox.settings(security="starttls"))
    with pytest.raises(outbox.MailNotSent, match=r"does not offer STARTTLS: check email\.security"):
        outbox.send_test(plain, SECRETARY, "secretary@example.org")


def test_a_wrong_password_names_the_user_and_where_the_password_comes_from(
    mailing: Workspace, monkeypatch
) -> None:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    monkeypatch.setenv("COUNCIL_SMTP_PASSWORD", "wrong")
    inbox = Inbox(port=free_port())
    server = Controller(inbox, hostname="127.0.0.1", port=inbox.port, auth_require_tls=False,
                        authenticator=lambda *args: AuthResult(success=False, handled=False))  # fmt: skip
    server.start()
    try:
        signing_in = with_mail(mailing, inbox.settings(user="council@example.org"))
        with pytest.raises(
            outbox.MailNotSent,
            match=r"refused the user name or password \(email.user, COUNCIL_SMTP_PASSWORD\)",
        ):
            outbox.send_test(signing_in, SECRETARY, "secretary@example.org")
    finally:
        server.stop()


def test_an_address_that_cannot_be_written_fails_and_holds_up_no_other(
    mailing: Workspace, inbox: Inbox
) -> None:
    _queue(mailing, Recipient(4, "Odd", "odd address@@example.org"), BOB)
    done = outbox.deliver(mailing)
    assert (done.sent, done.failed) == (1, 1)
    assert _statuses(mailing) == {"odd address@@example.org": "failed", "bob@example.org": "sent"}
    assert "cannot be used as an address" in outbox.outbox_lines(mailing, "failed")[0].server_answer
