"""The letters a meeting causes, each written in the current language from the meeting's minutes in that
language: the invitation (or its update), the guest's own invitation, the word to whoever is no longer
expected, the cancellation, the agenda once it is closed and the minutes once the meeting is closed.
`meeting_mail` queues them, in each recipient's language.
"""

from __future__ import annotations

from datetime import date
from email.utils import parseaddr

from council.domain.mail import MailKind
from council.domain.people import Person
from council.domain.vocabulary import Outcome
from council.i18n import N_, _
from council.i18n import formats as fmt
from council.services.invites import meeting_invite, time_boxed
from council.services.letters import Body, Letter, day_words, moment_words
from council.services.minutes import Minutes, MinutesDecision, Participant
from council.services.workspace import Workspace

# What changed in a meeting, as the services that change it name it (`changed`): said in each recipient's
# language.
CHANGE_WORDS = (N_("title"), N_("date and time"), N_("length"), N_("place"), N_("chair"), N_("guest"))


def cancellation(ws: Workspace, m: Minutes) -> Letter:
    day = day_words(m.starts_at.date())
    body = Body().para(
        _("“{title}” on {day} is cancelled. The reason: {reason}").format(
            title=m.title, day=day, reason=m.cancelled
        )
    )
    body.para(_("The cancellation attached takes the meeting out of your calendar."))
    return body.link(_("The meetings in the workspace"), ws.config.email.link("meetings")).letter(
        MailKind.INVITATION, _("Cancelled: {title}, {day}").format(title=m.title, day=day), _about(m),
        calendar=meeting_invite(m, organizer=_organizer(ws)), method="CANCEL",
    )  # fmt: skip


def agenda_letter(ws: Workspace, m: Minutes) -> Letter:
    body = Body().para(
        _("The agenda of “{title}” is closed. These are the points the council will discuss:").format(
            title=m.title
        )
    )
    _meeting_facts(body, m)
    _agenda(body, m)
    if m.proposal:
        body.para(
            _("{guest}, our guest, proposes: {change}").format(
                guest=m.proposal.guest, change=m.proposal.change
            )
        )
    body.link(_("Prepare in the workspace"), ws.config.email.link("meetings", id=m.meeting_id))
    subject = _("Agenda: {title}, {day}").format(title=m.title, day=day_words(m.starts_at.date()))
    return body.letter(MailKind.AGENDA, subject, _about(m))


def minutes_letter(ws: Workspace, m: Minutes) -> Letter:
    body = Body().para(_("“{title}” is closed. Here is what the council decided.").format(title=m.title))
    for line in m.standing:  # draft minutes, to be approved at the next meeting
        body.para(line)
    _meeting_facts(body, m)
    if m.text.strip():
        body.heading(_("Notes")).para(m.text.strip())
    body.heading(_("Decisions"))
    if not m.decisions:
        body.para(_("No decisions were taken."))
    for d in m.decisions:
        _decision(body, d)
    postponed = [i.title for i in m.agenda if i.outcome == Outcome.POSTPONED.label]
    if postponed:
        body.heading(_("Back at a coming meeting")).bullets(postponed)
    body.link(_("The minutes in the workspace"), ws.config.email.link("meetings", id=m.meeting_id))
    subject = _("Minutes: {title}, {day}").format(title=m.title, day=day_words(m.starts_at.date()))
    return body.letter(MailKind.MINUTES, subject, _about(m))


def invitation(
    ws: Workspace, m: Minutes, password_link: str | None, changed: list[str] | None = None
) -> Letter:
    """The invitation, or with `changed` (what changed) the update of one sent before."""
    if changed is None:
        body = Body().para(_("You are invited to “{title}”, a meeting of the {organisation} "
                             "customer-experience council.").format(title=m.title, organisation=ws.config.organisation))  # fmt: skip
    elif changed:
        what = ", ".join(_(word) for word in changed)
        body = Body().para(
            _("“{title}” has changed. Changed: {what}. This is the meeting as it stands now.").format(
                title=m.title, what=what
            )
        )
    else:
        body = Body().para(
            _("“{title}” has changed. This is the meeting as it stands now.").format(title=m.title)
        )
    _meeting_facts(body, m)
    if changed is None:
        _agenda(body, m)
        body.para(_("The calendar invitation is attached: accept it to keep the meeting in your calendar."))
    else:
        body.para(_("The calendar invitation attached updates the meeting already in your calendar."))
    body.link(_("Open the meeting in the workspace"), ws.config.email.link("meetings", id=m.meeting_id))
    _first_password(body, password_link)
    if changed is None:
        subject = _("Invitation: {title}, {when}").format(title=m.title, when=_when(m))
    else:
        subject = _("Changed: {title}, {when}").format(title=m.title, when=_when(m))
    request = meeting_invite(m, organizer=_organizer(ws))
    return body.letter(MailKind.INVITATION, subject, _about(m), calendar=request, method="REQUEST")


def guest_invitation(ws: Workspace, m: Minutes, password_link: str | None, guest: Person | None) -> Letter:
    config = ws.config
    voice = (
        config.voice_name(guest.voice)
        if guest and guest.voice
        else _("someone from outside the organisation")
    )
    seated = [config.name_of("department", d) for d, n in config.council.seats.items() if n]
    body = Body().para(
        _("The customer-experience council of {organisation} brings colleagues from {departments} "
          "together to look at the customer's whole journey: where customers run into trouble, where one "
          "department does not pass the customer on to the next, and which of our own rules stand in the way."
          ).format(organisation=config.organisation, departments=_and(seated))
    )  # fmt: skip
    body.para(
        _("Each meeting the council asks one guest to bring a view it does not have itself. This time we would "
          "like that to be you, for the view of {voice}. You may propose one change in what customers "
          "experience; the council discusses it with you at the meeting.").format(voice=voice)
    )  # fmt: skip
    _meeting_facts(body, m)
    body.link(_("Propose your change"), config.email.link("propose_change"))
    if password_link:
        _first_password(body, password_link)
    elif config.local_accounts:
        body.para(_("You sign in with this e-mail address and the password you chose."))
    body.para(_("The calendar invitation is attached: accept it to keep the meeting in your calendar."))
    subject = _("You are invited as our guest: {title}, {when}").format(title=m.title, when=_when(m))
    request = meeting_invite(m, organizer=_organizer(ws))
    return body.letter(MailKind.INVITATION, subject, _about(m), calendar=request, method="REQUEST")


def not_invited(ws: Workspace, m: Minutes) -> Letter:
    day = day_words(m.starts_at.date())
    body = Body().para(
        _("The plans for “{title}” on {day} changed, and you are no longer expected at this meeting. "
          "The cancellation attached takes it out of your calendar.").format(title=m.title, day=day)
    )  # fmt: skip
    subject = _("No longer expected: {title}, {day}").format(title=m.title, day=day)
    cancel = meeting_invite(m, organizer=_organizer(ws), cancel=True)
    return body.letter(MailKind.INVITATION, subject, _about(m), calendar=cancel, method="CANCEL")


def _first_password(body: Body, link: str | None) -> None:
    if link:
        body.para(_("You sign in to the workspace with this e-mail address. You have no password yet: choose one "
                    "with the link below. It works once, for two weeks."))  # fmt: skip
        body.link(_("Choose your password"), link)


def _meeting_facts(body: Body, m: Minutes) -> None:
    body.facts([
        (_("Meeting"), m.title),
        (_("When"), moment_words(m.starts_at, m.ends_at)),
        (_("Where"), m.location.strip() or _("Not set yet")),
        (_("Chair"), _who(m.chair)),
        (_("Guest"), _who(m.guest) if m.guest else _("No guest this time")),
    ])  # fmt: skip


def _agenda(body: Body, m: Minutes) -> None:
    if not m.agenda:
        return
    lines = [
        _("{point}, by {presenter}").format(
            point=time_boxed(i.title, i.time_box_minutes), presenter=i.presenter
        )
        if i.presenter
        else time_boxed(i.title, i.time_box_minutes)
        for i in m.agenda
    ]
    body.heading(_("Agenda")).bullets(lines, numbered=True)


def _decision(body: Body, d: MinutesDecision) -> None:
    owner = ", ".join(p for p in (d.owner_name, d.owner_department) if p) or _("nobody yet")
    if d.due_on:
        owner = _("{owner}, due {day}").format(owner=owner, day=day_words(d.due_on))
    body.para(f"{d.title}\n{d.text}" if d.text.strip() else d.title)
    body.facts([(_("Owner"), owner), (_("Why"), d.rationale)])
    if d.actions:
        body.bullets([_action(a.what, a.owner, a.due_on) for a in d.actions])


def _action(what: str, owner: str | None, due_on: date | None) -> str:
    """ "Hire two agents (Ann de Vries, Friday 4 December 2026)"."""
    parts = [owner or _("nobody yet")] + ([day_words(due_on)] if due_on else [])
    return f"{what} ({', '.join(parts)})"


def _organizer(ws: Workspace) -> Participant:
    """For an invite whose chair has no address: the workspace's own address organises it."""
    name, address = parseaddr(ws.config.email.from_address)
    return Participant(
        name or _("{organisation} council").format(organisation=ws.config.organisation), "", address
    )


def _who(p: Participant | None) -> str:
    return f"{p.name} ({p.detail})" if p and p.detail else (p.name if p else _("Not chosen yet"))


def _when(m: Minutes) -> str:
    return _("{day} at {time}").format(day=day_words(m.starts_at.date()), time=fmt.clock(m.starts_at))


def _about(m: Minutes) -> str:
    return f"meetings?id={m.meeting_id}"


def _and(names: list[str]) -> str:
    """ "Sales, Billing and Service"."""
    if not names:
        return _("several departments")
    if len(names) == 1:
        return names[0]
    return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])
