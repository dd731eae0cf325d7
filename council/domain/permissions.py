"""Who may do what: each role on the roster grants a set of tasks; a person may hold several roles.

Two tasks depend on the meeting as well as the role: running a meeting belongs to that meeting's
chair, and recording its decisions to the council members who attend it (`runs`, `may_decide`).
"""

from __future__ import annotations

from enum import StrEnum

from council.domain.errors import NotAllowed
from council.domain.meetings import Meeting
from council.domain.people import OPERATOR, Person
from council.domain.vocabulary import Role
from council.i18n import N_, _


class Task(StrEnum):
    READ = "read"  # browse the council's lists, meetings and decisions
    LOG = "log"  # log and edit friction points, missing connections and blockers, with links and evidence
    AGENDA = "agenda"  # build the agendas of coming meetings
    DECIDE = "decide"  # record decisions, in a meeting they attend
    FOLLOW_UP = "follow_up"  # update a decision's status or amend it (a decision's owner may too)
    SELF_CHECK = "self_check"  # answer the council's self-check
    PROPOSE = "propose"  # propose one change, as a meeting's guest
    PLAN = "plan"  # plan meetings, invite guests, keep the rotation
    ROSTER = "roster"  # people, roles and passwords
    IMPORT = "import"  # import customer feedback
    SETTINGS = "settings"  # workspace settings and backups
    AUDIT = "audit"  # browse the audit trail


_COUNCIL = frozenset({Task.READ, Task.LOG, Task.AGENDA, Task.DECIDE, Task.FOLLOW_UP, Task.SELF_CHECK})
ROLE_TASKS: dict[str, frozenset[Task]] = {
    Role.MEMBER: _COUNCIL,
    Role.CHAIR: _COUNCIL,
    Role.SECRETARY: frozenset(
        {Task.READ, Task.FOLLOW_UP, Task.PLAN, Task.ROSTER, Task.IMPORT, Task.SETTINGS, Task.AUDIT}
    ),
    Role.EXECUTIVE: frozenset({Task.READ, Task.AUDIT}),
    Role.GUEST: frozenset({Task.PROPOSE}),
}

# What a refusal says: who does this instead, so the person knows whom to ask (translated where shown).
_WHO = {
    Task.READ: N_("the council's members, its secretary and executives"),
    Task.LOG: N_("council members"),
    Task.AGENDA: N_("council members"),
    Task.DECIDE: N_("council members at the meeting"),
    Task.FOLLOW_UP: N_("a decision's owner, council members and the secretary"),
    Task.SELF_CHECK: N_("council members"),
    Task.PROPOSE: N_("a meeting's invited guest"),
    Task.PLAN: N_("the council's secretary"),
    Task.ROSTER: N_("the council's secretary"),
    Task.IMPORT: N_("the council's secretary"),
    Task.SETTINGS: N_("the council's secretary"),
    Task.AUDIT: N_("the council's secretary and executives"),
}


def tasks_of(person: Person | None) -> frozenset[Task]:
    if person is None:
        return frozenset()
    return frozenset().union(*(ROLE_TASKS.get(role, frozenset()) for role in person.roles))


def may(person: Person | None, task: Task) -> bool:
    return task in tasks_of(person)


def require(person: Person | None, task: Task, doing: str) -> None:
    """Refuse, naming who may do it instead, unless `person` holds a role that grants `task`.

    `doing` completes the sentence "Only … may …", e.g. `_("log friction points")`: in the reader's
    language (a text marked with `N_` is translated here).
    """
    if person is None:
        raise NotAllowed(
            # Translators: {who} is e.g. "council members", {doing} e.g. "log friction points".
            _("Sign in first: only {who} may {doing}.").format(who=_(_WHO[task]), doing=_said(doing))
        )
    if not may(person, task):
        raise NotAllowed(
            # Translators: {who} is e.g. "council members", {doing} e.g. "log friction points".
            _("Only {who} may {doing}; {name} is not among them.").format(
                who=_(_WHO[task]), doing=_said(doing), name=name_of(person)
            )
        )


def name_of(person: Person) -> str:
    """A person's name; the command line's in the reader's language."""
    return _(person.name) if person is OPERATOR else person.name


def _said(doing: str) -> str:
    """What the person tried, in the reader's language (a translated text comes back as it is)."""
    return _(doing) if doing else doing


def may_follow_up(person: Person | None, owner_id: int | None) -> bool:
    """A decision's owner reports on it, whatever their role; the council's own people follow it up."""
    if person is None:
        return False
    return (person.id is not None and person.id == owner_id) or may(person, Task.FOLLOW_UP)


def may_update_action(person: Person | None, owner_id: int | None, decision_owner_id: int | None) -> bool:
    """An action's owner and its decision's owner report on it, whatever their role; the council's own
    people follow it up."""
    if person is None:
        return False
    return (person.id is not None and person.id in (owner_id, decision_owner_id)) or may(
        person, Task.FOLLOW_UP
    )


def runs(person: Person | None, meeting: Meeting) -> bool:
    """Whether `person` runs this meeting: its chair, or while it has none, anyone with the chair role."""
    if person is None:
        return False
    if meeting.chair_id is None:
        return person.has_role(Role.CHAIR)
    return person.id is not None and person.id == meeting.chair_id


def require_chair(person: Person | None, meeting: Meeting, doing: str) -> None:
    if not runs(person, meeting):
        name = name_of(person) if person else _("Nobody signed in")
        raise NotAllowed(
            _("Only the chair of “{meeting}” may {doing}; {name} is not its chair.").format(
                meeting=meeting.title, doing=_said(doing), name=name
            )
        )


def may_close_agenda(person: Person | None, meeting: Meeting) -> bool:
    """Closing an agenda ends the guest's right to change their proposal: its chair decides that, or the
    secretary who planned the meeting."""
    return runs(person, meeting) or may(person, Task.PLAN)


def require_agenda_closer(person: Person | None, meeting: Meeting, doing: str) -> None:
    if not may_close_agenda(person, meeting):
        raise NotAllowed(
            _("Only the chair of “{meeting}” or the council's secretary may {doing}.").format(
                meeting=meeting.title, doing=_said(doing)
            )
        )


def may_decide(person: Person | None, meeting: Meeting, attendees: set[int]) -> bool:
    """Members record decisions in a meeting they attend; its chair always may."""
    return runs(person, meeting) or (
        may(person, Task.DECIDE) and person is not None and person.id in attendees
    )


def require_decider(person: Person | None, meeting: Meeting, attendees: set[int]) -> None:
    if not may_decide(person, meeting, attendees):
        raise NotAllowed(
            _("Only the chair and the council members who attend “{meeting}” record what it decides.").format(
                meeting=meeting.title
            )
        )
