"""Mails and calendar invites go out in each recipient's language: someone who chose Dutch gets the
invitation, a reminder and the weekly digest in Dutch (Dutch dates too), an English reader as before."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from icalendar import Calendar

from council.domain.decisions import ActionItem
from council.domain.mail import MailKind
from council.domain.meetings import Meeting
from council.i18n import formats as fmt
from council.i18n import use_language
from council.services import mail_choices, meetings, outbox
from council.services.languages import choose_language
from council.services.meeting_mail import invited_now
from council.services.workspace import Workspace
from council.store import decisions, people
from council.store import meetings as meeting_store
from tests.mail_inbox import Inbox, with_mail
from tests.services.conftest import SECRETARY, add_person, decide, mail_round

DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december")  # fmt: skip


def _in_dutch(day: date) -> str:
    with use_language("nl"):
        return fmt.long_weekday(day)


def _morning(ws: Workspace, days: int = 0) -> datetime:
    return datetime.combine(ws.today() + timedelta(days=days), time(9), ws.zone)


def test_an_invitation_is_in_dutch_for_who_chose_dutch_and_in_english_for_the_others(
    demo: Workspace, inbox: Inbox
) -> None:
    council = with_mail(demo, inbox.settings())
    coming = min(
        (m for m in meeting_store.list_meetings(council.db) if m.status == "planned"),
        key=lambda m: m.starts_at,
    )
    chair = people.get_person(council.db, coming.chair_id)
    choose_language(council, chair, "nl")
    starts_at = coming.starts_at + timedelta(weeks=9)
    draft = Meeting(title="Winter council", starts_at=starts_at, duration_minutes=90, location="Room 4.12",
                    chair_id=chair.id, guest_id=None)  # fmt: skip
    meeting_id = meetings.plan_meeting(council, SECRETARY, draft)
    outbox.deliver(council)

    [dutch] = inbox.to(chair.email)
    day = _in_dutch(starts_at.astimezone(council.zone).date())
    assert any(month in day for month in DUTCH_MONTHS)
    assert (
        dutch.subject
        == f"Uitnodiging: Winter council, {day} om {fmt.clock(starts_at.astimezone(council.zone))}"
    )
    text = dutch.body("plain")
    assert text.startswith(f"Hallo {chair.name},") and "Je bent uitgenodigd voor “Winter council”" in text
    assert f"Wanneer: {day}, " in text and "Waar: Room 4.12" in text
    assert "Je krijgt deze mail omdat je bent uitgenodigd" in text
    assert '<html lang="nl">' in dutch.body("html") and "Wanneer" in dutch.body("html")
    [event] = Calendar.from_ical(dutch.attachment("invite.ics")).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Winter council"
    assert "klantervaringsraad" in str(event["DESCRIPTION"]) and "Voorzitter: " in str(event["DESCRIPTION"])

    others = [m for m in inbox.messages if chair.email not in m.recipients]
    invited = {
        p.email
        for p in people.list_people(council.db)
        if p.id in invited_now(council.db, council, meeting_id)
    }
    assert others and {r for m in others for r in m.recipients} == invited - {chair.email}
    english = others[0]
    assert english.subject.startswith("Invitation: Winter council, ") and " at " in english.subject
    assert "Hello " in english.body("plain") and "When: " in english.body("plain")
    [event] = Calendar.from_ical(english.attachment("invite.ics")).walk("VEVENT")
    assert "customer-experience council" in str(event["DESCRIPTION"])


def test_a_reminder_is_in_the_owners_language(mailing: Workspace, inbox: Inbox) -> None:
    ann = add_person(mailing, "Ann de Vries", "member", email="ann@example.org")
    bob = add_person(mailing, "Bob Jansen", "member", email="bob@example.org")
    choose_language(mailing, ann, "nl")
    for owner in (ann, bob):
        decision_id = decide(mailing, f"Callbacks for {owner.name}", "What we do.", "Why.", owner, due_in=60)
        item = ActionItem(
            decision_id, "Hire two agents", owner_id=owner.id, due_on=mailing.today() + timedelta(days=2)
        )
        mailing.db.write(lambda tx, item=item: decisions.add_action_item(tx, item))
    mail_round(mailing, inbox, _morning(mailing))

    due = mailing.today() + timedelta(days=2)
    [dutch] = inbox.to("ann@example.org")
    assert dutch.subject == f"Uiterlijk {_in_dutch(due)}: Hire two agents"
    text = dutch.body("plain")
    assert text.startswith("Hallo Ann de Vries,") and "Binnenkort (1)" in text
    assert "Actie (besluit #" in text and f"uiterlijk {_in_dutch(due)}" in text
    assert "Jouw werk in de werkruimte: https://council.example.org/my_work" in text
    assert "“Herinneringen aan mijn acties en besluiten met een naderende deadline”" in text
    [english] = inbox.to("bob@example.org")
    assert english.subject == f"Due {due:%A} {due.day} {due:%B %Y}: Hire two agents"
    assert "Due soon (1)" in english.body("plain") and "Hello Bob Jansen," in english.body("plain")


def test_the_weekly_digest_is_in_each_readers_language(mailing: Workspace, inbox: Inbox) -> None:
    ann = add_person(mailing, "Ann de Vries", "member", email="ann@example.org")
    bob = add_person(mailing, "Bob Jansen", "member", email="bob@example.org")
    decide(mailing, "Callbacks within a day", "What we do.", "Why.", ann, days_ago=2, due_in=40)
    choose_language(mailing, ann, "nl")
    for reader in (ann, bob):
        mail_choices.choose(mailing, reader, MailKind.DIGEST, True)
    monday = next(_morning(mailing, d) for d in range(7) if _morning(mailing, d).weekday() == 0)
    mail_round(mailing, inbox, monday)

    [dutch] = inbox.to("ann@example.org")
    assert dutch.subject.startswith("Deze week in de raad: sinds ")
    assert any(month in dutch.subject for month in DUTCH_MONTHS)
    text = dutch.body("plain")
    assert "Wat er veranderde in het werk van de raad sinds " in text and "Callbacks within a day" in text
    assert "Sinds de vorige vergadering, in de werkruimte: https://council.example.org/since" in text
    [english] = inbox.to("bob@example.org")
    assert english.subject.startswith("This week in the council: since ")
    assert "What changed in the council's work since " in english.body("plain")
