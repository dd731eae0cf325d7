"""Cached reads, shared by every session of the process and kept per data version.

Every read a page makes goes through `cached` (or `cached_briefly`, for reads that depend on the
clock). `shared` does the same for what is costly to build from those reads, such as a chart's figure.
A read is kept under the workspace's data version: every committed write (from a page, the background
worker or a command handed to the app) starts a new version, so no page shows what was true before
a save. `clear_reads` also drops everything kept, to free the memory at once.

`cached` hands each session its own copy (kept pickled, as the read returned it), so a page may change
what it got. `shared` hands every session the same object: what it returns must never be changed.

Not `st.cache_data`: its key is worked out from the function's signature on every call, which cost
more than a page's own reads once they were cached, and it cannot see the data version.
"""

from __future__ import annotations

import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from council.i18n import current_language
from council.services.workspace import Workspace

T = TypeVar("T")


class _Memo:
    """Values by key, each made once (others asking meanwhile wait for it), kept until it is `ttl`
    seconds old or pushed out by `size` newer ones."""

    def __init__(self, ttl: float, size: int, copies: bool) -> None:
        self.ttl, self.size, self.copies = ttl, size, copies
        self._kept: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._making: dict[Hashable, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        found = self._fresh(key)
        if found is not None:
            return self._handed_out(found)
        with self._lock:
            making = self._making.setdefault(key, threading.Lock())
        with making:
            found = self._fresh(key)  # made by another session while this one waited
            if found is not None:
                return self._handed_out(found)
            try:
                value = make()
                kept = pickle.dumps(value, pickle.HIGHEST_PROTOCOL) if self.copies else value
                with self._lock:
                    self._kept[key] = (time.monotonic(), kept)
                    while len(self._kept) > self.size:
                        self._kept.popitem(last=False)
            finally:  # kept first: whoever waited for this lock finds the value
                with self._lock:
                    self._making.pop(key, None)
            return value  # the caller's own: the kept one is a copy, or not to be changed anyway

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()

    def _fresh(self, key: Hashable) -> tuple[Any] | None:
        with self._lock:
            found = self._kept.get(key)
            if found is None:
                return None
            if time.monotonic() - found[0] >= self.ttl:
                del self._kept[key]
                return None
            self._kept.move_to_end(key)
            return (found[1],)

    def _handed_out(self, found: tuple[Any]) -> Any:
        return pickle.loads(found[0]) if self.copies else found[0]


_reads = _Memo(ttl=600, size=5000, copies=True)
_fresh_reads = _Memo(ttl=50, size=500, copies=True)
_shared = _Memo(ttl=600, size=1000, copies=False)


def cached(ws: Workspace, fn: Callable[..., T], *args: Any) -> T:
    """`fn(ws, *args)`, remembered until the next write or for ten minutes."""
    return _reads.get(_key(ws, fn, args), lambda: fn(ws, *args))


def cached_briefly(ws: Workspace, fn: Callable[..., T], *args: Any) -> T:
    """`fn(ws, *args)`, remembered for under a minute: for reads that depend on the clock, such as a
    screen that refreshes itself every minute."""
    return _fresh_reads.get(_key(ws, fn, args), lambda: fn(ws, *args))


def shared(ws: Workspace, fn: Callable[..., T], *args: Any) -> T:
    """`fn(ws, *args)`, built once per data version, arguments and language and handed to every session
    as it is (not copied), until the next write or for ten minutes. What it returns must never be
    changed by the page: a figure, for instance, which `st.plotly_chart` only reads."""
    return _shared.get(_key(ws, fn, args), lambda: fn(ws, *args))


def _key(ws: Workspace, fn: Callable[..., Any], args: tuple) -> Hashable:
    """The database and its data version, the read, the language it is read in, and its arguments
    (pickled when they cannot be a key as they are)."""
    try:
        hash(args)
    except TypeError:
        args = (pickle.dumps(args, pickle.HIGHEST_PROTOCOL),)
    return (str(ws.db.path), ws.db.version, fn.__module__, fn.__qualname__, current_language(), args)


def clear_reads() -> None:
    """Drop everything kept, at once (a write already makes it out of date)."""
    _reads.clear()
    _fresh_reads.clear()
    _shared.clear()
