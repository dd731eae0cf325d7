"""Scores over whole months come from month counts kept beside the responses: they must always give
what counting every response gives, and never go stale."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from council.domain.feedback import VOICE_PERIODS, VoiceFilter
from council.services import customer_voice
from council.services import feedback_import as importing
from council.services.workspace import Workspace, open_workspace
from council.store.feedback import months_are_current
from tests.conftest import DEMO_CONFIG
from tests.services.conftest import add_person, responses
from tests.services.test_feedback_import import prepared, profile_for
from tests.ui.conftest import changed_config

# Slow: counts every response of a large generated workspace, per filter.
pytestmark = pytest.mark.slow

FILTERS = [
    *(VoiceFilter(period=p) for p in VOICE_PERIODS),
    VoiceFilter(period="all", journey_stage="billing"),
    VoiceFilter(period="24m", channel="phone", segment="existing"),
    VoiceFilter(period="12m", scale="csat"),
]


def _counting_every_response(ws: Workspace, flt: VoiceFilter) -> customer_voice.Scores:
    """The scores with the month counts out of the way, so that every response is counted."""
    ws.db.write(lambda tx: tx.execute("CREATE TABLE kept_months AS SELECT * FROM feedback_month"))
    ws.db.write(lambda tx: tx.execute("DELETE FROM feedback_month"))
    try:
        assert not months_are_current(ws.db, ws.config.time_zone)
        return customer_voice.scores(ws, flt)
    finally:  # put back in one statement: a row at a time, each statement checked, took seconds
        ws.db.write(lambda tx: tx.execute("INSERT INTO feedback_month SELECT * FROM kept_months"))
        ws.db.write(lambda tx: tx.execute("DROP TABLE kept_months"))


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: f"{f.scale}-{f.period}-{f.journey_stage}-{f.channel}")
def test_month_counts_give_what_counting_every_response_gives(
    demo_to_read: Workspace, flt: VoiceFilter
) -> None:
    ws = demo_to_read
    assert months_are_current(ws.db, ws.config.time_zone)
    found = customer_voice.scores(ws, flt)
    assert found == _counting_every_response(ws, flt)
    assert found.overall.responses > 0 or flt.scale == "csat"


def test_responses_added_another_way_still_count_and_the_next_opening_counts_the_months_again(
    demo: Workspace,
) -> None:
    before = customer_voice.scores(demo, VoiceFilter(period="3m")).overall
    responses(demo, (2, 10, "billing", "phone", "existing", ""), (3, 0, "billing", "chat", "new", ""))
    assert not months_are_current(demo.db, demo.config.time_zone)
    after = customer_voice.scores(demo, VoiceFilter(period="3m")).overall
    assert (after.responses, after.promoters, after.detractors) == (
        before.responses + 2, before.promoters + 1, before.detractors + 1
    )  # fmt: skip
    reopened = open_workspace(DEMO_CONFIG, demo.db.path, demo=False)
    assert months_are_current(reopened.db, reopened.config.time_zone)
    assert customer_voice.scores(reopened, VoiceFilter(period="3m")).overall == after


def test_an_import_keeps_the_month_counts_current(demo: Workspace, tmp_path: Path) -> None:
    secretary = add_person(demo, "Sam Secretary", "secretary")
    file = prepared(tmp_path, "date,score,comment\n2026-03-01,9,Fine\n2026-03-02,3,Slow\n")
    total = demo.db.value("SELECT count(*) FROM feedback")
    importing.import_file(demo, secretary, file, profile_for(demo, file))
    assert months_are_current(demo.db, demo.config.time_zone)
    assert customer_voice.scores(demo, VoiceFilter(period="all")).overall.responses == total + 2


def test_another_time_zone_counts_the_months_again(demo_copy: Path, tmp_path: Path) -> None:
    config = changed_config(tmp_path, "time_zone: Europe/Amsterdam", "time_zone: America/New_York")
    ws = open_workspace(config, demo_copy, demo=False)
    assert ws.db.rows("SELECT DISTINCT zone FROM feedback_month") == [("America/New_York",)]
    flt = VoiceFilter(period="12m")
    assert customer_voice.scores(ws, flt) == _counting_every_response(ws, replace(flt))
