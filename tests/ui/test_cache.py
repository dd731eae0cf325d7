"""The process-wide cache of reads: one copy per session, made once however many ask at once."""

from __future__ import annotations

import threading
import time

import pytest

from council.ui.cache import _Memo


def test_each_caller_gets_its_own_copy_to_change() -> None:
    memo = _Memo(ttl=60, size=10, copies=True)
    first = memo.get("k", lambda: {"rows": [1, 2]})
    first["rows"].append(3)
    assert memo.get("k", lambda: {"rows": []}) == {"rows": [1, 2]}


def test_a_shared_value_is_the_same_object_for_everyone() -> None:
    memo = _Memo(ttl=60, size=10, copies=False)
    made = object()
    assert memo.get("k", lambda: made) is made
    assert memo.get("k", object) is made


def test_a_value_is_made_once_while_many_ask_for_it_at_the_same_time() -> None:
    memo = _Memo(ttl=60, size=10, copies=True)
    made = []

    def slow() -> int:
        made.append(1)
        time.sleep(0.2)
        return 42

    got = []
    threads = [threading.Thread(target=lambda: got.append(memo.get("k", slow))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [42] * 8 and len(made) == 1


def test_a_failed_read_is_not_kept_and_the_next_caller_tries_again() -> None:
    memo = _Memo(ttl=60, size=10, copies=True)

    def broken() -> int:
        raise RuntimeError("the database is busy")

    with pytest.raises(RuntimeError):
        memo.get("k", broken)
    assert memo.get("k", lambda: 7) == 7


def test_old_values_expire_and_the_oldest_make_room_for_new_ones() -> None:
    memo = _Memo(ttl=0.05, size=2, copies=True)
    memo.get("a", lambda: 1)
    time.sleep(0.06)
    assert memo.get("a", lambda: 2) == 2  # older than its time to live: made again
    memo.get("b", lambda: 3)
    memo.get("c", lambda: 4)  # three keys, room for two: "a", used longest ago, goes
    assert memo.get("a", lambda: 5) == 5
    assert memo.get("c", lambda: 6) == 4
