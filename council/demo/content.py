"""The demo's content in one language: friction points, hand-offs, blockers, people, guest proposals,
decisions, survey comments and the sentences the generator puts together, read from the data files in
`by_language/<language>/`. Every language has the same files with the same keys, ids and numbers; only the
human text differs, so the demo has the same shape in any of them."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from council.config import SAFE_LOADER
from council.domain.errors import ValidationError
from council.i18n import _

DEFAULT_LANGUAGE = "en"
_FOLDER = files("council.demo") / "by_language"


@dataclass(frozen=True)
class DemoContent:
    """One language's demo content, as read from its files; shared between callers, so read only."""

    language: str
    friction_points: list[dict[str, Any]]
    missing_connections: list[dict[str, Any]]
    blockers: list[dict[str, Any]]
    people: list[dict[str, Any]]
    proposals: list[dict[str, Any]]
    decisions: list[dict[str, Any]]
    feedback_comments: dict[str, dict[str, list[str]]]  # journey stage -> good/neutral/bad -> comments
    self_check_notes: dict[str, list[str]]  # self-check statement id -> notes
    texts: dict[str, Any]  # what the generator composes: meeting titles, agenda notes, follow-up notes
    large: dict[str, Any]  # the texts of the large synthetic history


SECTIONS = tuple(f.name for f in fields(DemoContent) if f.name != "language")


def languages() -> list[str]:
    """The languages the demo comes in: one folder of files each."""
    return sorted(p.name for p in _FOLDER.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


@cache
def content_for(language: str = DEFAULT_LANGUAGE) -> DemoContent:
    """The demo content in `language` (e.g. "en", "nl"), read once per language."""
    if language not in languages():
        raise ValidationError(
            _("The demo does not come in the language {language}; it comes in {languages}.").format(
                language=language, languages=", ".join(languages())
            )
        )
    folder = _FOLDER / language
    sections = {
        s: yaml.load((folder / f"{s}.yaml").read_text(encoding="utf-8"), Loader=SAFE_LOADER) for s in SECTIONS
    }
    return DemoContent(language=language, **sections)
