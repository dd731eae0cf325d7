"""The mails a meeting causes, queued inside the write that causes them: invitations with the calendar
invite when it is planned or changes (and a cancellation to whoever is no longer invited), the guest's own
invitation, the agenda once it is closed, and the minutes once the meeting is closed.

Every calendar invite of a meeting has the same UID and a SEQUENCE that counts its planning changes, so a
calendar updates the meeting it holds instead of adding a second one.

Each mail, and the invite with it, is written in its recipient's language (see `mail_queue.queue_letter`): the
letters, in `meeting_letters`, are functions that write one in the current language, from the meeting in
that language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from council.domain.mail import MailKind
from council.i18n import current_language
from council.services import meeting_letters
from council.services.letters import Letter
from council.services.mail_queue import mail_is_on, queue_letter, receiving
from council.services.meeting_lookup import get, invited
from council.services.minutes import Minutes, minutes
from council.services.password_links import needs_password, new_link
from council.services.workspace import Workspace
from council.store import meetings, people
from council.store.database import Transaction
from council.store.outbox import Recipient

InWords = Callable[[], Minutes]  # the meeting's minutes in the current language


def invited_now(tx: Transaction, ws: Workspace, meeting_id: int) -> set[int]:
    """Who a meeting invites at this moment: its attendees, the council's members that day, chair and guest."""
    return set(meetings.attendees(tx, meeting_id)) | invited(tx, ws, get(tx, meeting_id))


def _in_words(tx: Transaction, ws: Workspace, meeting_id: int) -> InWords:
    """The meeting's minutes in the current language, gathered once for each language its mails are in."""
    made: dict[str, Minutes] = {}

    def in_words() -> Minutes:
        language = current_language()
        if language not in made:
            made[language] = minutes(ws, meeting_id, tx)
        return made[language]

    return in_words


def queue_invitations(
    tx: Transaction, ws: Workspace, meeting_id: int, *, before: Iterable[int] = (),
    old_guest: int | None = None, changed: Iterable[str] = (),
) -> None:  # fmt: skip
    """Invite everyone the meeting invites now: those invited `before` get the update (`changed` says what
    changed), newcomers the invitation, a new guest their own; whoever is no longer invited, a cancellation."""
    if not mail_is_on(ws):
        return
    m = _in_words(tx, ws, meeting_id)
    guest_id = get(tx, meeting_id).guest_id
    before, now = set(before), invited_now(tx, ws, meeting_id)
    changes = list(changed)
    groups: dict[str, list[Recipient]] = {"new": [], "update": [], "guest": []}
    for person in receiving(tx, sorted(now), MailKind.INVITATION):
        if person.id == guest_id and guest_id != old_guest:
            groups["guest"].append(person)
        else:
            groups["update" if person.id in before else "new"].append(person)
    _queue_each(tx, ws, lambda link: meeting_letters.invitation(ws, m(), link), groups["new"])
    _queue_each(tx, ws, lambda link: meeting_letters.invitation(ws, m(), link, changes), groups["update"])
    guest = people.get_person(tx, guest_id) if guest_id is not None else None
    _queue_each(tx, ws, lambda link: meeting_letters.guest_invitation(ws, m(), link, guest), groups["guest"])
    gone = receiving(tx, sorted(before - now), MailKind.INVITATION)
    if gone:
        queue_letter(tx, ws, lambda: meeting_letters.not_invited(ws, m()), gone)


def _queue_each(
    tx: Transaction, ws: Workspace, letter: Callable[[str | None], Letter], to: list[Recipient]
) -> None:
    """Queue the letter for `to`; those without a password yet (local accounts) each get one with a link
    to set it."""
    without = [p for p in to if p.id is not None and needs_password(tx, ws, p.id)]
    queue_letter(tx, ws, lambda: letter(None), [p for p in to if p not in without])
    for person in without:
        assert person.id is not None
        link = new_link(tx, ws, person.id)
        queue_letter(tx, ws, partial(letter, link), [person])


def queue_invitations_to(tx: Transaction, ws: Workspace, meeting_id: int, person_ids: Iterable[int]) -> None:
    """Invite people the meeting invites from now on (a new seat holder), them only: the others' invitation
    stands."""
    if not mail_is_on(ws):
        return
    m = _in_words(tx, ws, meeting_id)
    _queue_each(
        tx,
        ws,
        lambda link: meeting_letters.invitation(ws, m(), link),
        receiving(tx, sorted(person_ids), MailKind.INVITATION),
    )


def queue_cancellation(tx: Transaction, ws: Workspace, meeting_id: int) -> None:
    """The meeting is called off: a cancellation that takes it out of everyone's calendar."""
    if not mail_is_on(ws):
        return
    m = _in_words(tx, ws, meeting_id)
    to = receiving(tx, sorted(invited_now(tx, ws, meeting_id)), MailKind.INVITATION)
    queue_letter(tx, ws, lambda: meeting_letters.cancellation(ws, m()), to)


def queue_agenda(tx: Transaction, ws: Workspace, meeting_id: int) -> None:
    """The agenda is closed: its points with their time boxes, to everyone invited who wants it."""
    if not mail_is_on(ws):
        return
    m = _in_words(tx, ws, meeting_id)
    to = receiving(tx, sorted(invited_now(tx, ws, meeting_id)), MailKind.AGENDA)
    queue_letter(tx, ws, lambda: meeting_letters.agenda_letter(ws, m()), to)


def queue_minutes(tx: Transaction, ws: Workspace, meeting_id: int) -> None:
    """The meeting is closed: what it decided and who does what by when, to everyone invited who wants it."""
    if not mail_is_on(ws):
        return
    m = _in_words(tx, ws, meeting_id)
    to = receiving(tx, sorted(invited_now(tx, ws, meeting_id)), MailKind.MINUTES)
    queue_letter(tx, ws, lambda: meeting_letters.minutes_letter(ws, m()), to)
