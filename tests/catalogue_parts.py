"""The Dutch catalogue as it is once a group's part (`council/locales/parts/<group>.po`) is merged into it,
for tests that read a mail or a page in Dutch before the parts are merged (and still right after)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from council import i18n


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return bool(message.string) and all(strings) and not message.fuzzy


@contextmanager
def dutch_with_part(part: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dutch texts from the catalogue, completed with the part's translations, while the block runs."""
    source = i18n.CATALOGUES / "nl" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    with source.open("rb") as f:
        merged = read_po(f, locale="nl")
    with (i18n.CATALOGUES / "parts" / f"{part}.po").open("rb") as f:
        extra = read_po(f, locale="nl")
    for message in extra:
        held = merged.get(message.id, context=message.context) if message.id else None
        if message.id and _translated(message) and (held is None or not _translated(held)):
            merged.add(message.id, message.string, context=message.context)
    target = folder / "nl" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    target.parent.mkdir(parents=True)
    with target.open("wb") as f:
        write_po(f, merged)
    monkeypatch.setattr(i18n, "CATALOGUES", folder)
    i18n._catalogue.cache_clear()
    try:
        yield
    finally:
        monkeypatch.setattr(i18n, "CATALOGUES", source.parents[2])
        i18n._catalogue.cache_clear()
