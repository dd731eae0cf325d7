"""Reminders of actions and decisions that fall due, and the weekly digest: to the owner, once per occasion."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from council.domain.decisions import ActionItem, DecisionEvent
from council.domain.mail import MailKind
from council.services import mail_choices
from council.services.workspace import Workspace
from council.store import decisions
from tests.mail_inbox import Inbox
from tests.services.conftest import add_person, decide, mail_round


def _morning(ws: Workspace, days: int = 0) -> datetime:
    return datetime.combine(ws.today() + timedelta(days=days), time(9), ws.zone)


def _action(
    ws: Workspace, decision_id: int, owner_id: int, due_in: int, what: str = "Call back every customer"
) -> int:
    item = ActionItem(decision_id, what, owner_id=owner_id, due_on=ws.today() + timedelta(days=due_in))
    return ws.db.write(lambda tx: decisions.add_action_item(tx, item))


def test_an_owner_is_reminded_once_before_the_due_date_in_one_mail(mailing: Workspace, inbox: Inbox) -> None:
    ann = add_person(mailing, "Ann de Vries", "member", email="ann@example.org")
    decision_id = decide(mailing, "Callbacks within a day", "What we do.", "Why.", ann, due_in=60)
    _action(mailing, decision_id, ann.id, due_in=2, what="Hire two agents")
    _action(mailing, decision_id, ann.id, due_in=3, what="Write the script <first>")
    _action(mailing, decision_id, ann.id, due_in=10, what="Not yet due")
    [mail] = mail_round(mailing, inbox, _morning(mailing))
    assert (
        mail.recipients == ["ann@example.org"] and mail.subject == "2 of your actions and decisions are due"
    )
    text = mail.body("plain")
    assert "Hire two agents" in text and "Write the script <first>" in text and "Not yet due" not in text
    assert "Write the script &lt;first&gt;" in mail.body("html")
    assert "https://council.example.org/my_work" in text
    assert mail_round(mailing, inbox, _morning(mailing)) == []  # the same due dates: never twice
    assert mail_round(mailing, inbox, _morning(mailing, 1)) == []


def test_overdue_is_said_once_then_weekly_and_a_new_due_date_is_reminded_again(
    mailing: Workspace, inbox: Inbox
) -> None:
    ann = add_person(mailing, "Ann de Vries", "member", email="ann@example.org")
    decision_id = decide(mailing, "Callbacks within a day", "What we do.", "Why.", ann, due_in=60)
    action_id = _action(mailing, decision_id, ann.id, due_in=0, what="Hire two agents")
    subjects = [
        [m.subject for m in mail_round(mailing, inbox, _morning(mailing, day))] for day in range(0, 16)
    ]
    assert subjects[0] == [
        f"Due {mailing.today():%A} {mailing.today().day} {mailing.today():%B %Y}: Hire two agents"
    ]
    sent_on = [day for day, s in enumerate(subjects) if s]
    assert sent_on == [0, 1, 8, 15] and subjects[1] == ["Overdue: Hire two agents"]
    later = mailing.today() + timedelta(days=30)
    mailing.db.write(
        lambda tx: tx.execute("UPDATE action_item SET due_on = ? WHERE id = ?", [later, action_id])
    )
    assert next(
        m.subject for m in mail_round(mailing, inbox, datetime.combine(later, time(9), mailing.zone))
    ).startswith("Due ")


def test_nothing_goes_before_the_sending_time_or_for_what_is_done(mailing: Workspace, inbox: Inbox) -> None:
    ann = add_person(mailing, "Ann de Vries", "member", email="ann@example.org")
    decision_id = decide(mailing, "Callbacks within a day", "What we do.", "Why.", ann, due_in=1)
    assert mail_round(mailing, inbox, datetime.combine(mailing.today(), time(6, 59), mailing.zone)) == []
    mailing.db.write(
        lambda tx: decisions.add_decision_event(tx, DecisionEvent(decision_id, "done", mailing.now(), ann.id))
    )
    assert mail_round(mailing, inbox, _morning(mailing)) == []


def test_a_decision_due_reminds_its_owner_who_may_turn_reminders_off(
    mailing: Workspace, inbox: Inbox
) -> None:
    ann = add_person(mailing, "Ann de Vries", "member", email="ann@example.org")
    bob = add_person(mailing, "Bob Jansen", "member", email="bob@example.org")
    decide(mailing, "Callbacks within a day", "What we do.", "Why.", ann, due_in=1)
    decide(mailing, "Clear refund letters", "What we do.", "Why.", bob, due_in=1)
    mail_choices.choose(mailing, bob, MailKind.REMINDER, False)
    [mail] = mail_round(mailing, inbox, _morning(mailing))
    assert mail.recipients == ["ann@example.org"] and "Callbacks within a day" in mail.subject


def test_the_weekly_digest_goes_to_those_who_chose_it_once_a_week(mailing: Workspace, inbox: Inbox) -> None:
    ann = add_person(mailing, "Ann de Vries", "member", email="ann@example.org")
    add_person(mailing, "Bob Jansen", "member", email="bob@example.org")
    decide(mailing, "Callbacks within a day", "What we do.", "Why.", ann, days_ago=2, due_in=40)
    mail_choices.choose(mailing, ann, MailKind.DIGEST, True)
    days = [_morning(mailing, d) for d in range(14)]
    got = [(day, m) for day in days for m in mail_round(mailing, inbox, day)]
    assert [day.weekday() for day, _ in got] == [0, 0]  # Mondays, once each
    [(_, first), _] = got
    assert first.recipients == ["ann@example.org"] and first.subject.startswith("This week in the council")
    assert "Callbacks within a day" in first.body(
        "plain"
    ) and "https://council.example.org/since" in first.body("plain")


def test_an_owner_with_many_items_due_gets_one_short_mail(mailing: Workspace, inbox: Inbox) -> None:
    ann = add_person(mailing, "Ann de Vries", "member", email="ann@example.org")
    decision_id = decide(mailing, "Callbacks within a day", "What we do.", "Why.", ann, due_in=60)
    for n in range(25):
        _action(mailing, decision_id, ann.id, due_in=-3, what=f"Overdue step {n}")
    [mail] = mail_round(mailing, inbox, _morning(mailing))
    assert mail.subject == "25 of your actions and decisions are due, 25 overdue"
    text = mail.body("plain")
    assert "Overdue (25)" in text and text.count("Overdue step") == 20 and "… and 5 more on My work" in text
