"""The parking lot: a point parked during a meeting comes back first among the next meeting's suggestions
until an agenda takes it up."""

from __future__ import annotations

import threading

import pytest

from council.domain.agenda import PARKED
from council.domain.errors import NotAllowed, NotFound, ValidationError
from council.services import (
    agenda,
    cancellation,
    markdown_minutes,
    meeting_mode,
    minutes,
    parking,
    printable_minutes,
)
from council.services.agenda_suggestions import suggestions
from council.services.workspace import Workspace
from council.store import meetings as meeting_store
from tests.services.conftest import CHAIR, MEMBER, SECRETARY
from tests.services.test_meeting_mode import _plan


@pytest.fixture
def under_way(demo: Workspace) -> tuple[Workspace, int]:
    """A meeting with a point on its agenda, started."""
    meeting_id = _plan(demo)
    agenda.add_other(demo, MEMBER, meeting_id, "Announcements", 5)
    meeting_mode.start_meeting(demo, CHAIR, meeting_id, bring_forward=True)
    return demo, meeting_id


def _parked_rows(ws: Workspace) -> int:
    return ws.db.value("SELECT count(*) FROM parked_point")


def test_a_parked_point_comes_back_first_at_the_next_meeting_and_only_until_an_agenda_takes_it_up(
    under_way,
) -> None:
    ws, meeting_id = under_way
    parked = parking.park_point(ws, CHAIR, meeting_id, "  Opening hours of the shop  ")
    assert [p.title for p in parking.parked_at(ws, meeting_id)] == ["Opening hours of the shop"]
    assert ("other", parked) not in {s.key for s in suggestions(ws, meeting_id)}  # not for its own meeting
    later = _plan(ws, weeks=14)
    first = suggestions(ws, later)[0]
    assert (first.kind, first.ref_id, first.group, first.title) == (
        "other",
        parked,
        PARKED,
        "Opening hours of the shop",
    )
    day = meeting_store.get_meeting(ws.db, meeting_id).starts_at.astimezone(ws.zone)
    assert first.reason == f"Parked at the meeting of {day.day} {day:%B %Y}"
    item_id = agenda.add_suggestion(ws, MEMBER, later, "other", parked)
    item = next(i for i in meeting_store.agenda_for(ws.db, later) if i.id == item_id)
    assert (item.kind, item.title) == ("other", "Opening hours of the shop")
    even_later = _plan(ws, weeks=20)
    assert ("other", parked) not in {s.key for s in suggestions(ws, even_later)}
    with pytest.raises(NotFound):
        agenda.add_suggestion(ws, MEMBER, even_later, "other", parked)
    assert ws.db.value("SELECT count(*) FROM audit_log WHERE action = 'park'") == 1


def test_a_parked_point_waits_again_when_its_agenda_point_is_removed_or_its_meeting_cancelled(
    under_way,
) -> None:
    ws, meeting_id = under_way
    parked = parking.park_point(ws, CHAIR, meeting_id, "Tone of the reminder letters")
    later = _plan(ws, weeks=14)
    item_id = agenda.add_suggestion(ws, MEMBER, later, "other", parked)
    agenda.remove(ws, MEMBER, item_id)
    assert suggestions(ws, later)[0].key == ("other", parked)
    agenda.add_suggestion(ws, MEMBER, later, "other", parked)
    cancellation.cancel_meeting(ws, SECRETARY, later, "No quorum.")
    even_later = _plan(ws, weeks=20)
    assert suggestions(ws, even_later)[0].key == ("other", parked)


def test_only_a_meeting_under_way_takes_parked_points_and_only_from_those_who_record_it(
    demo: Workspace,
) -> None:
    planned = _plan(demo)
    with pytest.raises(NotAllowed, match="not started"):
        parking.park_point(demo, CHAIR, planned, "Too early")
    agenda.add_other(demo, MEMBER, planned, "Announcements", 5)
    meeting_mode.start_meeting(demo, CHAIR, planned, bring_forward=True)
    with pytest.raises(NotAllowed, match="record what it decides"):
        parking.park_point(demo, SECRETARY, planned, "Not theirs to park")
    for title in ("   ", "x" * 201):
        with pytest.raises(ValidationError) as refused:
            parking.park_point(demo, CHAIR, planned, title)
        assert refused.value.field == "title"
    assert _parked_rows(demo) == 0


def test_two_agendas_taking_up_the_same_parked_point_at_once_get_it_once(under_way) -> None:
    ws, meeting_id = under_way
    parked = parking.park_point(ws, CHAIR, meeting_id, "Signage in the service centre")
    meetings = [_plan(ws, weeks=14), _plan(ws, weeks=16)]
    results: list[object] = []

    def take(m: int) -> None:
        try:
            results.append(agenda.add_suggestion(ws, MEMBER, m, "other", parked))
        except NotFound as e:
            results.append(e)

    threads = [threading.Thread(target=take, args=(m,)) for m in meetings]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert (
        sum(isinstance(r, int) for r in results) == 1 and sum(isinstance(r, NotFound) for r in results) == 1
    )
    taken_up = ws.db.value("SELECT count(*) FROM agenda_item WHERE title = 'Signage in the service centre'")
    assert taken_up == 1


def test_the_minutes_list_what_was_parked_as_plain_text(under_way) -> None:
    ws, meeting_id = under_way
    parking.park_point(ws, CHAIR, meeting_id, "Shop <b>hours</b> *on Sundays*")
    parking.park_point(ws, CHAIR, meeting_id, "Tone of the reminder letters")
    m = minutes.minutes(ws, meeting_id)
    assert m.parked == ("Shop <b>hours</b> *on Sundays*", "Tone of the reminder letters")
    text = markdown_minutes.minutes_markdown(m)
    assert (
        "## Parked for a later meeting\n\n- Shop \\<b\\>hours\\</b\\> \\*on Sundays\\*\n- Tone of the reminder letters\n"
        in text
    )
    page = printable_minutes.minutes_html(m)
    assert "<li>Shop &lt;b&gt;hours&lt;/b&gt; *on Sundays*</li><li>Tone of the reminder letters</li>" in page
