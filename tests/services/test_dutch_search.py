"""Searches and the duplicate check read Dutch as well as English: case and accents set aside ("ë" finds
"e", "e" finds "ë"), and the most common Dutch words do not make two titles look alike."""

from __future__ import annotations

from dataclasses import replace

import pytest

from council.domain.feedback import VoiceFilter
from council.domain.filters import DecisionFilter, FrictionFilter
from council.domain.words import fold, search_words
from council.services import customer_voice, decisions, friction
from council.services.workspace import Workspace
from tests.services.conftest import MEMBER, add_person, decide, responses
from tests.services.test_friction import DRAFT, found_ids


def test_a_search_is_folded_to_lower_case_without_accents() -> None:
    assert fold("Oriëntatie op de ÉÉN café") == "orientatie op de een cafe"
    assert search_words("  Oriëntatie  oriëntatie Coöperatie ") == ("orientatie", "cooperatie")


@pytest.mark.parametrize("typed", ["orientatie", "Oriëntatie", "ORIËNTATIE"])
def test_a_friction_search_finds_words_with_and_without_their_accents(empty: Workspace, typed: str) -> None:
    accented = friction.log_friction_point(
        empty, MEMBER, replace(DRAFT, title="Oriëntatie op tarieven is lastig")
    )
    plain = friction.log_friction_point(empty, MEMBER, replace(DRAFT, title="De orientatie duurt te lang"))
    friction.log_friction_point(empty, MEMBER, replace(DRAFT, title="Iets heel anders"))

    assert found_ids(empty, FrictionFilter(search=typed)) == {accented, plain}


def test_a_decision_search_finds_a_word_whatever_its_accents(empty: Workspace) -> None:
    owner = add_person(empty, "Eva", "member")
    accented = decide(
        empty, "Één aanspreekpunt bij verhuizing", "Eén team neemt het over.", "Klanten.", owner
    )
    decide(empty, "Facturen op tijd", "Finance stuurt door.", "Minder klachten.", owner)

    found = decisions.decision_history(empty, DecisionFilter(search="een aanspreekpunt")).decisions
    assert [d.decision_id for d in found] == [accented]


def test_a_comment_search_finds_a_word_whatever_its_accents(empty: Workspace) -> None:
    responses(empty, (3, 2, "billing", "phone", "existing", "De monteur was te laat, geen idee waarom."),
              (4, 9, "billing", "phone", "existing", "Fijne café-achtige sfeer in de winkel"))  # fmt: skip

    page = customer_voice.comment_page(empty, VoiceFilter(search="CAFE"))
    assert [c.comment for c in page.items] == ["Fijne café-achtige sfeer in de winkel"]


def test_common_dutch_words_do_not_make_two_titles_look_alike(empty: Workspace) -> None:
    friction.log_friction_point(empty, MEMBER, replace(DRAFT, title="Facturen komen te laat bij klanten"))
    unrelated = "Het wachten op een monteur duurt bij ons veel te lang"
    friction.log_friction_point(empty, MEMBER, replace(DRAFT, title=unrelated))

    alike = friction.likely_duplicates(empty, "De factuur komt bij ons veel te laat")
    assert [s.title for s in alike] == ["Facturen komen te laat bij klanten"]
    assert friction.likely_duplicates(empty, "Wachten op een monteur duurt te lang voor ons") != []
    assert friction.likely_duplicates(empty, "Dit zijn wel heel veel woorden die niets zeggen") == []
