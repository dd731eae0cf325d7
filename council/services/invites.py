"""A meeting as an iCalendar invitation (.ics), built with the icalendar library.

Pure: it renders a `Minutes`, so the invite and the minutes always tell the same story. Its description is
in the current language (a mailed invite's: its recipient's).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta
from typing import cast
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress

from council.i18n import _
from council.services.exports import person_line
from council.services.minutes import Minutes, Participant

_WEB_LINK = re.compile(r"https?://[^\s<>\"']+", re.I)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "council"


def invite_uid(m: Minutes) -> str:
    """The same for every invite of this meeting, so a calendar updates the event instead of adding one."""
    return f"meeting-{m.meeting_id}@{_slug(m.organisation)}.cx-council"


def meeting_invite(
    m: Minutes, now: datetime | None = None, *, organizer: Participant | None = None, cancel: bool = False
) -> bytes:
    """The meeting as an iCalendar invitation (text/calendar), its times in the workspace's time zone.

    Its UID stays the same and its SEQUENCE counts the meeting's planning changes, so a calendar
    that already holds the meeting updates it. With a chair who has an e-mail address it is a
    REQUEST from the chair to everyone invited (a CANCEL once the meeting is cancelled); without one it is
    from `organizer` (the workspace's own mail address, for mailed invitations), and without either there is
    nobody to answer to, so it is a plain event to add to a calendar. `cancel` makes it a CANCEL anyway: for
    someone no longer invited.
    """
    cancelled = cancel or m.cancelled is not None
    zone = ZoneInfo(m.time_zone)
    cal = Calendar()
    cal.add("prodid", f"-//{m.organisation}//CX Council Workspace//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    event = Event()
    event.add("uid", invite_uid(m))
    event.add("dtstamp", (now or datetime.now(UTC)).astimezone(UTC))
    event.add("dtstart", m.starts_at.astimezone(zone))
    event.add("dtend", m.ends_at.astimezone(zone))
    event.add("summary", m.title)
    event.add("sequence", m.revision)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    if m.location.strip():
        event.add("location", m.location.strip())
        link = _WEB_LINK.search(m.location)
        if link:
            event.add("url", link.group(0).rstrip(".,;:!?)"))
    event.add("description", _invite_description(m))
    sender = m.chair if m.chair and m.chair.email else organizer
    if sender and sender.email:
        cal.add("method", "CANCEL" if cancelled else "REQUEST")
        address = vCalAddress(f"mailto:{sender.email}")
        address.params["CN"] = sender.name
        event.add("organizer", address)
        for person, role in _invitees(m):
            event.add("attendee", _attendee(person, role))
    cal.add_component(event)
    # The zone's rules around the meeting are all a calendar needs; the library's note about the
    # years they cover would only puzzle whoever opens the file.
    day = m.starts_at.date()
    cal.add_missing_timezones(first_date=day - timedelta(days=366), last_date=day + timedelta(days=366))
    for zone_part in cal.walk("VTIMEZONE"):
        zone_part.pop("COMMENT", None)
    return cast(bytes, cal.to_ical())  # icalendar declares no return type here; it gives the file's bytes


def _invitees(m: Minutes) -> list[tuple[Participant, str]]:
    everyone = [(m.chair, "CHAIR"), (m.guest, "REQ-PARTICIPANT")] + [
        (p, "REQ-PARTICIPANT") for p in m.attendees
    ]
    seen: set[str] = set()
    invitees = []
    for person, role in everyone:
        if person and person.email and person.email.lower() not in seen:
            seen.add(person.email.lower())
            invitees.append((person, role))
    return invitees


def _attendee(person: Participant, role: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{person.email}")
    address.params["CN"] = person.name
    address.params["CUTYPE"] = "INDIVIDUAL"
    address.params["ROLE"] = role
    address.params["PARTSTAT"] = "ACCEPTED" if role == "CHAIR" else "NEEDS-ACTION"
    address.params["RSVP"] = "FALSE" if role == "CHAIR" else "TRUE"
    return address


def time_boxed(title: str, minutes: int | None) -> str:
    """An agenda point with its time box: "Billing letters (20 min)"."""
    return _("{title} ({minutes} min)").format(title=title, minutes=minutes) if minutes else title


def _invite_description(m: Minutes) -> str:
    lines = [
        _("{organisation} — customer-experience council").format(organisation=m.organisation),
        _("Chair: {chair}").format(chair=person_line(m.chair)),
    ]
    if m.cancelled is not None:
        lines.insert(0, _("CANCELLED: {reason}").format(reason=m.cancelled))
    lines.append(
        _("Guest: {guest}").format(guest=person_line(m.guest)) if m.guest else _("No guest invited.")
    )
    if m.proposal:
        lines.append(_("The guest proposes: {change}").format(change=m.proposal.change))
    if m.agenda:
        lines += ["", _("Agenda:")]
        lines += [f"{i.position}. {time_boxed(i.title, i.time_box_minutes)}" for i in m.agenda]
    return "\n".join(lines)
