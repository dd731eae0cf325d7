"""What changed from one version of a decision to the next, down to the words of its text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from council.domain.decisions import AMENDABLE, DecisionVersion
from council.i18n import _

# Below this share of words in common, a text counts as rewritten rather than edited.
REWRITTEN = 0.4
# Fields whose change is shown word by word; the others are shown as before → after.
_PROSE = ("title", "text", "rationale")


@dataclass(frozen=True)
class WordChange:
    """A run of words that stayed, was removed or was added."""

    kind: str  # "same", "removed" or "added"
    words: str


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any

    @property
    def label(self) -> str:
        """The changed field as people call it, in the reader's language."""
        return _(AMENDABLE[self.field]) if self.field in AMENDABLE else self.field

    @property
    def is_prose(self) -> bool:
        return self.field in _PROSE

    def words(self) -> list[WordChange]:
        return word_changes(str(self.before or ""), str(self.after or ""))


def version_changes(before: DecisionVersion, after: DecisionVersion) -> list[FieldChange]:
    """The fields an amendment changed, in the order a reader meets them."""
    return [
        FieldChange(field, getattr(before, field), getattr(after, field))
        for field in AMENDABLE
        if getattr(before, field) != getattr(after, field)
    ]


def word_changes(before: str, after: str) -> list[WordChange]:
    """The words of `after` compared with `before`: runs kept, removed and added, in reading order."""
    old, new = _words(before), _words(after)
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    if old and new and matcher.ratio() < REWRITTEN:
        # Mostly rewritten: word-by-word marks would shred both texts, so show them whole.
        return [WordChange("removed", before), WordChange("added", after)]
    changes: list[WordChange] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            changes.append(WordChange("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            changes.append(WordChange("removed", "".join(old[i1:i2])))
        if j2 > j1:
            changes.append(WordChange("added", "".join(new[j1:j2])))
    return changes


def _words(text: str) -> list[str]:
    # Each word keeps the spaces after it, so the runs join back into the original text.
    return re.findall(r"\S+\s*|\s+", text)
