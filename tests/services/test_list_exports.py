"""The lists as spreadsheets: every matching row, accents that Excel reads, and no text that runs as a formula."""

from __future__ import annotations

import csv
import io

from council.domain.feedback import VoiceFilter
from council.domain.filters import FrictionFilter
from council.domain.friction import FrictionPoint
from council.services import friction, list_exports
from council.services.workspace import Workspace
from tests.services.conftest import MEMBER


def _read(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the accents with this mark
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_friction_list_downloads_every_match_with_formulas_made_harmless(demo: Workspace) -> None:
    friction.log_friction_point(
        demo, MEMBER, FrictionPoint('=HYPERLINK("http://x")  Café bill', "", "billing", 3)
    )
    flt = FrictionFilter()
    _, total = friction.find_friction(demo, flt)
    rows = _read(list_exports.friction_csv(demo, flt))
    assert rows[0][:3] == ["#", "Friction point", "Journey stage"] and len(rows) == total + 1
    titles = [r[1] for r in rows[1:]]
    assert '\'=HYPERLINK("http://x")  Café bill' in titles


def test_connections_blockers_and_comments_download_as_the_page_shows_them(demo: Workspace) -> None:
    connections = _read(list_exports.connections_csv(demo, open_only=False))
    assert connections[0][:3] == ["#", "From", "To"] and len(connections) > 1
    blockers = _read(list_exports.blockers_csv(demo, ""))
    assert blockers[0][:3] == ["#", "Kind", "Blocker"] and len(blockers) > 1
    found = demo.db.value("SELECT count(*) FROM feedback WHERE scale = 'nps' AND comment <> ''")
    comments = _read(list_exports.comments_csv(demo, VoiceFilter(period="all")))
    assert comments[0] == [
        "Received",
        "Score",
        "Scale",
        "Journey stage",
        "Channel",
        "Segment",
        "Comment",
        "Source",
    ]
    assert len(comments) - 1 == found
