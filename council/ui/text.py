"""Showing what people wrote exactly as they wrote it: never as Markdown, HTML or a link."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=^])")


def md(text: object) -> str:
    """User text made safe to put inside a Markdown string: every special character is escaped."""
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("\n", "  \n")
