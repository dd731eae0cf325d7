"""Cached reads: every service read goes through one cache, cleared wholesale after a write.

`cached` hands each session its own copy of what was read. `shared` hands every session the same
object, built once: for what is costly to build and that no page changes, such as a chart's figure.
Both are cleared by the same writes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from council.i18n import current_language
from council.services.workspace import Workspace

T = TypeVar("T")


@st.cache_data(show_spinner=False, ttl=600)
def _read(
    _fn: Callable[..., Any], _ws: Workspace, database: str, name: str, language: str, args: tuple
) -> Any:
    # `database`, `name` and `language` make the key: the same read on another workspace is another
    # entry, and so is one whose words (a status, a heading) are in another language.
    return _fn(_ws, *args)


@st.cache_data(show_spinner=False, ttl=50)
def _read_fresh(
    _fn: Callable[..., Any], _ws: Workspace, database: str, name: str, language: str, args: tuple
) -> Any:
    return _fn(_ws, *args)


@st.cache_resource(show_spinner=False, ttl=600, max_entries=500)
def _shared(
    _fn: Callable[..., Any], _ws: Workspace, database: str, name: str, language: str, args: tuple
) -> Any:
    return _fn(_ws, *args)


def cached(ws: Workspace, fn: Callable[..., T], *args: Any) -> T:
    """`fn(ws, *args)`, remembered until the next write or for ten minutes."""
    return _read(fn, ws, *_key(ws, fn), args)


def cached_briefly(ws: Workspace, fn: Callable[..., T], *args: Any) -> T:
    """`fn(ws, *args)`, remembered for under a minute: for reads that depend on the clock, such as a
    screen that refreshes itself every minute."""
    return _read_fresh(fn, ws, *_key(ws, fn), args)


def shared(ws: Workspace, fn: Callable[..., T], *args: Any) -> T:
    """`fn(ws, *args)`, built once per data version, arguments and language and handed to every session
    as it is (not copied), until the next write or for ten minutes. What it returns must never be
    changed by the page: a figure, for instance, which `st.plotly_chart` only reads."""
    return _shared(fn, ws, *_key(ws, fn), args)


def _key(ws: Workspace, fn: Callable[..., Any]) -> tuple[str, str, str]:
    """The database, the read's name and the language it is read in."""
    return str(ws.db.path.resolve()), f"{fn.__module__}.{fn.__qualname__}", current_language()


def clear_reads() -> None:
    """Call after every write, so no page shows what was true before it."""
    _read.clear()
    _read_fresh.clear()
    _shared.clear()
