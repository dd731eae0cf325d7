"""Wall links: a key per screen, shown once, kept only as a hash, revocable."""

from __future__ import annotations

import pytest

from council.domain.errors import NotFound, ValidationError
from council.services import wall_keys
from tests.services.conftest import SECRETARY


def test_a_wall_key_opens_the_wall_until_it_is_revoked_and_only_its_hash_is_kept(empty) -> None:
    key = wall_keys.make_wall_key(empty, SECRETARY, "Corridor, 2nd floor")
    assert len(key) >= 40 and wall_keys.opens_the_wall(empty, key)
    assert empty.db.value("SELECT count(*) FROM wall_key WHERE key_hash = ?", [key]) == 0
    [link] = wall_keys.wall_links(empty, SECRETARY)
    assert link.label == "Corridor, 2nd floor"
    wall_keys.revoke_wall_key(empty, SECRETARY, link.id)
    assert not wall_keys.opens_the_wall(empty, key) and wall_keys.wall_links(empty, SECRETARY) == []
    with pytest.raises(NotFound):
        wall_keys.revoke_wall_key(empty, SECRETARY, link.id)


def test_a_wall_link_needs_a_name_and_a_made_up_key_opens_nothing(empty, nothing_written) -> None:
    with nothing_written(empty), pytest.raises(ValidationError) as refused:
        wall_keys.make_wall_key(empty, SECRETARY, "   ")
    assert refused.value.field == "label"
    assert not wall_keys.opens_the_wall(empty, "a key nobody made")
    assert not wall_keys.opens_the_wall(empty, None) and not wall_keys.opens_the_wall(empty, "x" * 10_000)
