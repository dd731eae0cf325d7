"""The mails a meeting causes, queued inside the write that causes them: invitations with the calendar
invite when it is planned or changes (and a cancellation to whoever is no longer invited), the guest's own
invitation, the agenda once it is closed, and the minutes once the meeting is closed.

Every calendar invite of a meeting has the same UID and a SEQUENCE that counts its planning changes, so a
calendar updates the meeting it holds instead of adding a second one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from email.utils import parseaddr

from council.domain.mail import MailKind
from council.domain.vocabulary import Outcome
from council.services.invites import meeting_invite
from council.services.letters import Body, Letter, day_words, moment_words
from council.services.meeting_lookup import get, invited
from council.services.minutes import Minutes, MinutesDecision, Participant, minutes
from council.services.outbox import mail_is_on, queue_letter, receiving
from council.services.password_links import needs_password, new_link
from council.services.workspace import Workspace
from council.store import meetings, people
from council.store.database import Transaction
from council.store.outbox import Recipient


def invited_now(tx: Transaction, ws: Workspace, meeting_id: int) -> set[int]:
    """Who a meeting invites at this moment: its attendees, the council's members that day, chair and guest."""
    return set(meetings.attendees(tx, meeting_id)) | invited(tx, ws, get(tx, meeting_id))


def queue_invitations(
    tx: Transaction, ws: Workspace, meeting_id: int, *, before: Iterable[int] = (),
    old_guest: int | None = None, changed: Iterable[str] = (),
) -> None:  # fmt: skip
    """Invite everyone the meeting invites now: those invited `before` get the update (`changed` says what
    changed), newcomers the invitation, a new guest their own; whoever is no longer invited, a cancellation."""
    if not mail_is_on(ws):
        return
    m = minutes(ws, meeting_id, tx)
    guest_id = get(tx, meeting_id).guest_id
    before, now = set(before), invited_now(tx, ws, meeting_id)
    organizer = _organizer(ws)
    request = meeting_invite(m, organizer=organizer)
    groups: dict[str, list[Recipient]] = {"new": [], "update": [], "guest": []}
    for person in receiving(tx, sorted(now), MailKind.INVITATION):
        if person.id == guest_id and guest_id != old_guest:
            groups["guest"].append(person)
        else:
            groups["update" if person.id in before else "new"].append(person)
    _queue_each(tx, ws, lambda link: _invitation(ws, m, request, link), groups["new"])
    _queue_each(tx, ws, lambda link: _invitation(ws, m, request, link, list(changed)), groups["update"])
    guest = people.get_person(tx, guest_id) if guest_id is not None else None
    voice = (
        ws.config.voice_name(guest.voice)
        if guest and guest.voice
        else "someone from outside the organisation"
    )
    _queue_each(tx, ws, lambda link: _guest_invitation(ws, m, request, link, voice), groups["guest"])
    gone = receiving(tx, sorted(before - now), MailKind.INVITATION)
    if gone:
        queue_letter(tx, ws, _not_invited(ws, m, meeting_invite(m, organizer=organizer, cancel=True)), gone)


def _queue_each(
    tx: Transaction, ws: Workspace, letter: Callable[[str | None], Letter], to: list[Recipient]
) -> None:
    """Queue the letter for `to`; those without a password yet (local accounts) each get one with a link
    to set it."""
    without = [p for p in to if p.id is not None and needs_password(tx, ws, p.id)]
    queue_letter(tx, ws, letter(None), [p for p in to if p not in without])
    for person in without:
        assert person.id is not None
        queue_letter(tx, ws, letter(new_link(tx, ws, person.id)), [person])


def queue_invitations_to(tx: Transaction, ws: Workspace, meeting_id: int, person_ids: Iterable[int]) -> None:
    """Invite people the meeting invites from now on (a new seat holder), them only: the others' invitation
    stands."""
    if not mail_is_on(ws):
        return
    m = minutes(ws, meeting_id, tx)
    request = meeting_invite(m, organizer=_organizer(ws))
    _queue_each(
        tx,
        ws,
        lambda link: _invitation(ws, m, request, link),
        receiving(tx, sorted(person_ids), MailKind.INVITATION),
    )


def queue_cancellation(tx: Transaction, ws: Workspace, meeting_id: int) -> None:
    """The meeting is called off: a cancellation that takes it out of everyone's calendar."""
    if not mail_is_on(ws):
        return
    m = minutes(ws, meeting_id, tx)
    cancel = meeting_invite(m, organizer=_organizer(ws))
    to = receiving(tx, sorted(invited_now(tx, ws, meeting_id)), MailKind.INVITATION)
    body = Body().para(
        f"“{m.title}” on {day_words(m.starts_at.date())} is cancelled. The reason: {m.cancelled}"
    )
    body.para("The cancellation attached takes the meeting out of your calendar.")
    letter = body.link("The meetings in the workspace", ws.config.email.link("meetings")).letter(
        MailKind.INVITATION, f"Cancelled: {m.title}, {day_words(m.starts_at.date())}", _about(m),
        calendar=cancel, method="CANCEL",
    )  # fmt: skip
    queue_letter(tx, ws, letter, to)


def queue_agenda(tx: Transaction, ws: Workspace, meeting_id: int) -> None:
    """The agenda is closed: its points with their time boxes, to everyone invited who wants it."""
    if not mail_is_on(ws):
        return
    m = minutes(ws, meeting_id, tx)
    body = Body().para(f"The agenda of “{m.title}” is closed. These are the points the council will discuss:")
    _meeting_facts(body, m)
    _agenda(body, m)
    if m.proposal:
        body.para(f"{m.proposal.guest}, our guest, proposes: {m.proposal.change}")
    body.link("Prepare in the workspace", ws.config.email.link("meetings", id=m.meeting_id))
    when = day_words(m.starts_at.date())
    letter = body.letter(MailKind.AGENDA, f"Agenda: {m.title}, {when}", _about(m))
    queue_letter(tx, ws, letter, receiving(tx, sorted(invited_now(tx, ws, meeting_id)), MailKind.AGENDA))


def queue_minutes(tx: Transaction, ws: Workspace, meeting_id: int) -> None:
    """The meeting is closed: what it decided and who does what by when, to everyone invited who wants it."""
    if not mail_is_on(ws):
        return
    m = minutes(ws, meeting_id, tx)
    body = Body().para(f"“{m.title}” is closed. Here is what the council decided.")
    _meeting_facts(body, m)
    if m.text.strip():
        body.heading("Notes").para(m.text.strip())
    body.heading("Decisions")
    if not m.decisions:
        body.para("No decisions were taken.")
    for d in m.decisions:
        _decision(body, d)
    postponed = [i.title for i in m.agenda if i.outcome == Outcome.POSTPONED.label]
    if postponed:
        body.heading("Back at a coming meeting").bullets(postponed)
    body.link("The minutes in the workspace", ws.config.email.link("meetings", id=m.meeting_id))
    letter = body.letter(MailKind.MINUTES, f"Minutes: {m.title}, {day_words(m.starts_at.date())}", _about(m))
    queue_letter(tx, ws, letter, receiving(tx, sorted(invited_now(tx, ws, meeting_id)), MailKind.MINUTES))


def _invitation(
    ws: Workspace, m: Minutes, request: bytes, password_link: str | None, changed: list[str] | None = None
) -> Letter:
    """The invitation, or with `changed` (what changed) the update of one sent before."""
    if changed is None:
        body = Body().para(f"You are invited to “{m.title}”, a meeting of the {ws.config.organisation} "
                           "customer-experience council.")  # fmt: skip
    else:
        what = f"Changed: {', '.join(changed)}. " if changed else ""
        body = Body().para(f"“{m.title}” has changed. {what}This is the meeting as it stands now.")
    _meeting_facts(body, m)
    if changed is None:
        _agenda(body, m)
        body.para("The calendar invitation is attached: accept it to keep the meeting in your calendar.")
    else:
        body.para("The calendar invitation attached updates the meeting already in your calendar.")
    body.link("Open the meeting in the workspace", ws.config.email.link("meetings", id=m.meeting_id))
    _first_password(body, password_link)
    subject = f"{'Invitation' if changed is None else 'Changed'}: {m.title}, {_when(m)}"
    return body.letter(MailKind.INVITATION, subject, _about(m), calendar=request, method="REQUEST")


def _guest_invitation(
    ws: Workspace, m: Minutes, request: bytes, password_link: str | None, voice: str
) -> Letter:
    config = ws.config
    seated = [config.name_of("department", d) for d, n in config.council.seats.items() if n]
    body = Body().para(
        f"The customer-experience council of {config.organisation} brings colleagues from {_and(seated)} "
        "together to look at the customer's whole journey: where customers run into trouble, where one "
        "department does not pass the customer on to the next, and which of our own rules stand in the way."
    )
    body.para(
        "Each meeting the council asks one guest to bring a view it does not have itself. This time we would "
        f"like that to be you, for the view of {voice}. You may propose one change in what customers "
        "experience; the council discusses it with you at the meeting."
    )
    _meeting_facts(body, m)
    body.link("Propose your change", config.email.link("propose_change"))
    if password_link:
        _first_password(body, password_link)
    elif config.local_accounts:
        body.para("You sign in with this e-mail address and the password you chose.")
    body.para("The calendar invitation is attached: accept it to keep the meeting in your calendar.")
    subject = f"You are invited as our guest: {m.title}, {_when(m)}"
    return body.letter(MailKind.INVITATION, subject, _about(m), calendar=request, method="REQUEST")


def _not_invited(ws: Workspace, m: Minutes, cancel: bytes) -> Letter:
    body = Body().para(
        f"The plans for “{m.title}” on {day_words(m.starts_at.date())} changed, and you are no longer expected "
        "at this meeting. The cancellation attached takes it out of your calendar."
    )
    subject = f"No longer expected: {m.title}, {day_words(m.starts_at.date())}"
    return body.letter(MailKind.INVITATION, subject, _about(m), calendar=cancel, method="CANCEL")


def _first_password(body: Body, link: str | None) -> None:
    if link:
        body.para("You sign in to the workspace with this e-mail address. You have no password yet: choose one "
                  "with the link below. It works once, for two weeks.")  # fmt: skip
        body.link("Choose your password", link)


def _meeting_facts(body: Body, m: Minutes) -> None:
    body.facts([
        ("Meeting", m.title),
        ("When", moment_words(m.starts_at, m.ends_at)),
        ("Where", m.location.strip() or "Not set yet"),
        ("Chair", _who(m.chair)),
        ("Guest", _who(m.guest) if m.guest else "No guest this time"),
    ])  # fmt: skip


def _agenda(body: Body, m: Minutes) -> None:
    if not m.agenda:
        return
    lines = [
        i.title + (f" ({i.time_box_minutes} min)" if i.time_box_minutes else "") + (f", by {i.presenter}" if i.presenter else "")
        for i in m.agenda
    ]  # fmt: skip
    body.heading("Agenda").bullets(lines, numbered=True)


def _decision(body: Body, d: MinutesDecision) -> None:
    owner = ", ".join(p for p in (d.owner_name, d.owner_department) if p) or "nobody yet"
    due = f", due {day_words(d.due_on)}" if d.due_on else ""
    body.para(f"{d.title}\n{d.text}" if d.text.strip() else d.title)
    body.facts([("Owner", f"{owner}{due}"), ("Why", d.rationale)])
    if d.actions:
        body.bullets([
            f"{a.what} ({', '.join(p for p in (a.owner or 'nobody yet', day_words(a.due_on) if a.due_on else '') if p)})"
            for a in d.actions
        ])  # fmt: skip


def _organizer(ws: Workspace) -> Participant:
    """For an invite whose chair has no address: the workspace's own address organises it."""
    name, address = parseaddr(ws.config.email.from_address)
    return Participant(name or f"{ws.config.organisation} council", "", address)


def _who(p: Participant | None) -> str:
    return f"{p.name} ({p.detail})" if p and p.detail else (p.name if p else "Not chosen yet")


def _when(m: Minutes) -> str:
    return f"{day_words(m.starts_at.date())} at {m.starts_at:%H:%M}"


def _about(m: Minutes) -> str:
    return f"meetings?id={m.meeting_id}"


def _and(names: list[str]) -> str:
    return (
        names[0]
        if len(names) == 1
        else ", ".join(names[:-1]) + " and " + names[-1]
        if names
        else "several departments"
    )
