"""The minutes after the meeting: what a correction or an amendment may change, and in which state they are.

A closed meeting's minutes are a draft. Its chair or the secretary may still correct the summary, a
point's notes and who was present; the next meeting approves them, which locks them; after that only an
amendment with a reason changes them. Decisions keep their own history (a decision is amended on its own
page), and an outcome, once the meeting closed, stays what the meeting said.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from council.domain.errors import ValidationError
from council.i18n import N_, _
from council.i18n import formats as fmt

MAX_SUMMARY = 50_000
MAX_NOTES = 10_000
MAX_REASON = 500
SUMMARY = "summary"
PRESENT = "present"
NOTES = "notes:"  # followed by the agenda point's id


class MinutesState(StrEnum):
    OPEN = "open"  # the meeting has not closed: the minutes are still being written
    DRAFT = "draft"  # closed, not yet approved: its chair or the secretary may correct them
    APPROVED = "approved"  # approved at the next meeting: locked
    AMENDED = "amended"  # approved, then amended with a reason

    @property
    def label(self) -> str:
        return _(_STATE_LABELS[self.value])


_STATE_LABELS = {"open": N_("being written"), "draft": N_("draft"), "approved": N_("approved"),
                 "amended": N_("approved, then amended")}  # fmt: skip


class VersionKind(StrEnum):
    CLOSED = "closed"  # as the meeting closed them
    CORRECTION = "correction"  # a change to the draft
    AMENDMENT = "amendment"  # a change to approved minutes

    @property
    def label(self) -> str:
        return _(_KIND_LABELS[self.value])


_KIND_LABELS = {"closed": N_("as the meeting closed them"), "correction": N_("correction"),
                "amendment": N_("amendment")}  # fmt: skip


@dataclass(frozen=True)
class MinutesContent:
    """What may change in minutes after the meeting: the general minutes (`summary`), each point's notes, and who
    was present."""

    summary: str
    notes: dict[int, str]  # by agenda point id
    present: frozenset[int]

    def changes_from(self, before: MinutesContent) -> list[str]:
        """What differs from `before`, as codes: SUMMARY, PRESENT, NOTES + the point's id."""
        changed = [SUMMARY] if self.summary != before.summary else []
        changed += [f"{NOTES}{i}" for i, text in self.notes.items() if before.notes.get(i, "") != text]
        return changed + ([PRESENT] if self.present != before.present else [])

    def to_json(self) -> str:
        notes = {str(i): text for i, text in sorted(self.notes.items())}
        return json.dumps({"summary": self.summary, "notes": notes, "present": sorted(self.present)})

    @classmethod
    def from_json(cls, text: str) -> MinutesContent:
        data = json.loads(text)
        notes = {int(i): str(t) for i, t in data.get("notes", {}).items()}
        return cls(str(data.get("summary", "")), notes, frozenset(int(p) for p in data.get("present", [])))


def checked_change(before: MinutesContent, after: MinutesContent, reason: str, *, approved: bool) -> str:
    """The reason, trimmed; or a ValidationError when nothing changed, a text is too long or no reason is given."""
    if len(after.summary) > MAX_SUMMARY:
        raise ValidationError(
            _("The general minutes are {length} characters long; please keep them under {limit}.").format(
                length=fmt.number(len(after.summary)), limit=fmt.number(MAX_SUMMARY)
            ),
            "summary",
        )
    if any(len(text) > MAX_NOTES for text in after.notes.values()):
        raise ValidationError(
            _("A point's notes are longer than {limit} characters; please shorten them.").format(
                limit=fmt.number(MAX_NOTES)
            ),
            "notes",
        )
    if unknown := set(after.notes) - set(before.notes):
        raise ValidationError(
            _("Point {ids} is not on this meeting's agenda.").format(
                ids=", ".join(map(str, sorted(unknown)))
            ),
            "notes",
        )
    if not after.changes_from(before):
        raise ValidationError(_("Nothing was changed, so there is nothing to save."), "summary")
    reason = " ".join((reason or "").split())
    if not reason:
        text = (
            _("These minutes were approved: an amendment needs a reason, which is shown with it. Say why.")
            if approved
            else _("Say briefly why you correct the minutes, e.g. “a name was missing from those present”.")
        )
        raise ValidationError(text, "reason")
    if len(reason) > MAX_REASON:
        raise ValidationError(
            _("Keep the reason under {limit} characters.").format(limit=fmt.number(MAX_REASON)), "reason"
        )
    return reason
