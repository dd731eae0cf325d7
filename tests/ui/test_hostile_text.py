"""Hostile text shows as text on every page: one string with HTML, a script, a `javascript:` link,
Markdown, Streamlit's own colour and formula syntax, a right-to-left override and a NUL byte goes
into every free-text field, and each page that shows it must show all of it, as written, with no
tag or link coming from it.

Each page's Markdown (texts, labels, captions, messages) is rendered the way a browser would get it,
with raw HTML switched on, the worst case; what it shows must contain the string whole (or cut
short with "…"), and the HTML may hold only the tags Markdown itself makes. Table cells, code and
choices are shown as plain text by Streamlit and must hold the string exactly.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from council.services import roster
from council.services.workspace import open_workspace
from council.ui.session import ACTING_KEY
from tests.conftest import DEMO_CONFIG, ROOT
from tests.services.hostile import WRITERS, as_typed
from tests.services.scene import scene_file

markdown_it = pytest.importorskip("markdown_it")

MARKER = "Robert'); DROP TABLE"
PAYLOAD = (
    f"{MARKER} x;-- <script>alert(1)</script> <img src=x onerror=alert(2)> [open](javascript:alert(3)) "
    "**not bold** :red[not red] $x^2$ :material/home: \u202eevil\u202c a\x00b"
)
SHOWN = PAYLOAD.replace("\x00", "\ufffd")  # what Markdown shows for a NUL, as browsers do
IN_FILES = PAYLOAD.replace("\x00", "")  # a file with a NUL is not text: customers' comments have none
MARKDOWN_TAGS = {"p", "strong", "em", "code", "pre", "a", "ul", "ol", "li", "br", "blockquote", "hr", "del",
                 "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"}  # fmt: skip


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(markdown: str) -> tuple[str, list[tuple[str, dict]]]:
    """The text a reader sees and the tags the browser gets for a piece of Markdown."""
    html = (
        markdown_it.MarkdownIt("commonmark", {"html": True})
        .enable(["table", "strikethrough"])
        .render(markdown)
    )
    parser = _Html()
    parser.feed(html)
    return "".join(parser.text), parser.tags


def _whole(text: str, *expected: str) -> bool:
    """`text` holds one of `expected` from the marker on: all of it, or a start of it cut short with "…"."""
    tail = text[text.index(MARKER) :]
    cut = tail.split("…", 1)[0].rstrip()
    return any(tail.startswith(e) or ("…" in tail and e.startswith(cut)) for e in expected)


def markdown_shown(at: AppTest) -> list[tuple[str, str]]:
    """Everything on the page that Streamlit renders as Markdown, with where it is."""
    values = [(kind, e.value) for kind in ("markdown", "caption", "title", "header", "subheader", "info",
                                           "success", "warning", "error") for e in getattr(at, kind)]  # fmt: skip
    labels = [(f"{kind} label", e.label) for kind in ("expander", "tabs", "button", "checkbox", "toggle",
              "text_input", "text_area", "selectbox", "multiselect", "radio", "number_input", "date_input",
              "metric") for e in getattr(at, kind)]  # fmt: skip
    return values + labels + [("radio option", str(o)) for r in at.radio for o in r.options]


def plain_shown(at: AppTest) -> list[str]:
    """What Streamlit shows as plain text: table cells, code, the choices in select boxes, typed text."""
    cells = [str(v) for d in at.dataframe for v in d.value.astype(str).to_numpy().ravel()]
    choices = [str(o) for kind in ("selectbox", "multiselect") for e in getattr(at, kind) for o in e.options]
    typed = [str(e.value) for kind in ("text_input", "text_area") for e in getattr(at, kind) if e.value]
    return cells + [c.value for c in at.code] + choices + typed


def assert_shown_as_text(at: AppTest) -> None:
    assert not at.exception, at.exception
    found = 0
    for where, markdown in markdown_shown(at):
        text, tags = rendered(markdown)
        for tag, attrs in tags:
            assert tag in MARKDOWN_TAGS, f"<{tag}> in a {where}: {markdown[:200]!r}"
            href = attrs.get("href", "").lower()
            assert not href.startswith(("javascript:", "data:", "vbscript:")), (
                f"a link in a {where}: {markdown!r}"
            )
        if MARKER in text or MARKER in markdown:
            assert MARKER in text and _whole(text, SHOWN, IN_FILES), f"a {where} shows {text!r}"
            found += 1
    for plain in plain_shown(at):
        if MARKER in plain:
            assert _whole(plain, PAYLOAD, IN_FILES), f"shown as {plain!r}"
            found += 1
    unsafe = [m.value for m in at.markdown if m.proto.allow_html]
    assert not [m for m in unsafe if "DROP TABLE" in m], "user text in HTML the app writes itself"
    assert found, "the page does not show the text at all"


@pytest.fixture(scope="module")
def hostile(demo_file: Path, tmp_path_factory: pytest.TempPathFactory):
    """The demo at work with PAYLOAD in every free-text field, and the attending member renamed to it."""
    path, scene = scene_file(demo_file, tmp_path_factory.mktemp("hostile_pages"))
    ws = open_workspace(DEMO_CONFIG, path, demo=False)
    stored = {}
    for name, write in WRITERS.items():
        text = IN_FILES if name == "imported feedback" else PAYLOAD
        stored |= {place.field: place.params for place in write(ws, scene, as_typed(text))}
    member = scene.actors["member"]
    roster.edit_person(ws, scene.actors["secretary"], member.id, replace(member, name=PAYLOAD))
    ids = {
        "friction": stored["friction title"][0],
        "connection": stored["what breaks"][0],
        "blocker": stored["blocker title"][0],
        "meeting": stored["meeting title"][0],
        "decision": stored["decision title"][0],
        "running": scene.running.id,
        "coming": scene.coming.id,
    }
    people = {role: person.id for role, person in scene.actors.items()} | {
        "coming chair": scene.coming_chair.id
    }
    ws.db.checkpoint()
    ws.db.close()
    return path, ids, people


PAGES = [  # (who, page, address parameters)
    ("member", "friction_points", {"id": "friction"}),
    ("member", "friction_points", {}),
    ("member", "missing_connections", {"id": "connection"}),
    ("member", "missing_connections", {}),
    ("member", "blockers", {"id": "blocker"}),
    ("member", "blockers", {}),
    ("chair", "meetings", {"id": "running", "view": "run"}),
    ("chair", "meetings", {"id": "running", "view": "minutes"}),
    ("coming chair", "meetings", {"id": "coming"}),
    ("secretary", "meetings", {"id": "meeting"}),
    ("secretary", "meetings", {}),
    ("member", "decisions", {"id": "decision"}),
    ("member", "decisions", {}),
    ("guest", "propose_change", {}),
    ("secretary", "council", {}),
    ("secretary", "audit_trail", {}),
    ("member", "customer_voice", {}),
    ("member", "overview", {}),
]


@pytest.mark.parametrize(("who", "page", "params"), PAGES,
                         ids=[f"{p}{'-' + '-'.join(a.values()) if a else ''}" for _, p, a in PAGES])  # fmt: skip
def test_hostile_text_shows_whole_and_as_text(monkeypatch, hostile, tmp_path, who, page, params) -> None:
    path, ids, people = hostile
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    monkeypatch.setenv("COUNCIL_CONFIG", str(DEMO_CONFIG))
    monkeypatch.setenv("COUNCIL_DB", str(copy))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    at.session_state[ACTING_KEY] = people[who]
    at.run()
    at.switch_page(f"app_pages/{page}.py")
    at.query_params.update({k: str(ids.get(v, v)) for k, v in params.items()})
    assert_shown_as_text(at.run())
