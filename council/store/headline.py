"""A missing connection has no title: lists show the first line of what breaks, cut short where it is long."""

from __future__ import annotations

WIDTH = 120


def headline(column: str) -> str:
    """SQL for the first line of `column`, at most WIDTH characters; a line cut short ends in "…"."""
    first = f"split_part({column}, chr(10), 1)"
    return f"(CASE WHEN length({first}) > {WIDTH} THEN rtrim(left({first}, {WIDTH - 1})) || '…' ELSE {first} END)"
