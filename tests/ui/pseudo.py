"""The pseudo-language check: every text a page shows must be marked ⟦like this⟧ by the catalogue.

The workspace's own data is marked too (`mark_the_data`), so what is left unmarked on a page can
only be text the code wrote without passing it through `_`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from council.i18n import CLOSE, OPEN

# Proto fields that hold no text a person reads: keys, ids, icons, types, addresses, formats.
TECHNICAL = {
    "id", "form_id", "key", "icon", "type", "url", "page_script_hash", "page", "format", "theme",
    "use_container_width", "name", "data", "mime", "file_name", "css_class", "color", "anchor",
    "element_hash", "value_type", "step", "min", "max", "default", "width", "height", "language",
    "fragment_id", "label_visibility", "config", "deferred_file_id", "column_order", "source_id", "shortcut",
    "selection_state", "selection_default", "button_click_widgets", "icon_position", "editing_mode", "styler", "query_string", "mode", "delta_color", "selection_mode", "tooltip_position",
}  # fmt: skip
# A marked text, or one a list cut short ("⟦My annual statement is wrong…") so that it lost its end.
_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*({CLOSE}|…)")
_TOLERATED = re.compile(
    r":material/[a-z_]+:"  # icons
    r"|:[a-z]+(-background|-badge)?\["  # Markdown colour directives :red[ and badges
    r"|[\w.+-]+@[\w-]+(\.[\w-]+)+"  # e-mail addresses
    r"|https?://\S+"  # addresses
    r"|%\{[^}|]*\}"  # a chart's placeholders, but not its date formats (%{x|%B}: English month names)
    r"|</?[a-z]+>"  # a chart's line breaks and bold
    r"|\b[a-z]+(_[a-z]+)+\b"  # the code names of stored details (feedback_rows)
)


def unmarked(text: str) -> str:
    """What is left of `text` once every marked part (innermost first) and every tolerated token is gone."""
    previous = None
    while previous != text:
        previous, text = text, _MARKED.sub(" ", text)
    return _TOLERATED.sub(" ", text)


def words_left(text: str) -> list[str]:
    """Words (two letters or more) outside every mark: each one is a text nobody translated."""
    return re.findall(r"[^\W\d_]{2,}", unmarked(text))


def shown_texts(at: AppTest) -> Iterator[tuple[str, str]]:
    """(where, text) for every text in the page's elements."""
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message):
            yield from _strings(proto, type(node).__name__)


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _nodes(child)


def _strings(message: Message, where: str) -> Iterator[tuple[str, str]]:
    if type(message).__name__ == "Dataframe":
        yield from _table_texts(message, where)
        return
    for field, value in message.ListFields():
        if field.name in TECHNICAL:
            continue
        here = f"{where}.{field.name}"
        values = (
            [value] if isinstance(value, str | bytes | Message) or not hasattr(value, "__len__") else value
        )
        for item in values:
            if isinstance(item, Message):
                yield from _strings(item, here)
            elif isinstance(item, str) and field.name == "spec":
                yield from _figure_texts(json.loads(item), here)
            elif isinstance(item, str):
                yield here, item


def _table_texts(table: Message, where: str) -> Iterator[tuple[str, str]]:
    """A table's headers (its column names, or the labels its column settings give them) and its text cells."""
    settings = json.loads(table.columns) if table.columns else {}
    labelled = {name for name, setting in settings.items() if setting.get("label")}
    for name, setting in settings.items():
        for key in ("label", "help"):
            if setting.get(key):
                yield f"{where}.columns.{name}.{key}", setting[key]
    arrow = table.arrow_data.data
    if not arrow:
        return
    frame = pa.ipc.open_stream(arrow).read_all()
    hidden = {name for name, setting in settings.items() if setting.get("hidden")}
    for name in frame.column_names:
        if name in hidden or name.startswith("__index") or name == "_index":
            continue
        if name not in labelled:
            yield f"{where}.header", name
        column = frame.column(name)
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            yield from ((f"{where}.{name}", v) for v in column.to_pylist() if isinstance(v, str))


_FIGURE_TEXT = {"text", "title", "name", "hovertemplate", "ticktext", "texttemplate", "label", "labels"}


def _figure_texts(spec: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in _FIGURE_TEXT and isinstance(value, str):
                yield f"{where}.{key}", value
            elif key in _FIGURE_TEXT and isinstance(value, list):
                yield from ((f"{where}.{key}", v) for v in value if isinstance(v, str))
            else:
                yield from _figure_texts(value, f"{where}.{key}")
    elif isinstance(spec, list):
        for item in spec:
            yield from _figure_texts(item, where)


def untranslated(at: AppTest) -> list[tuple[str, str, list[str]]]:
    """(where, text, the words in it nobody marked) for every text with words outside the marks."""
    found = []
    for where, text in shown_texts(at):
        if where.startswith("Html") and text.lstrip().startswith("<style>"):
            continue  # the page's own style sheet
        words = words_left(text)
        if words:
            found.append((where, text, words))
    return found


def mark_the_data(db_file: Path) -> None:
    """Every text the workspace file holds (names, titles, notes…) marked, as a translation would be.

    A text column is one with a value of several words (codes and ids have none). DuckDB cannot update
    rows other tables point at, so the file is exported, marked and imported again.
    """
    folder = db_file.with_suffix(".export")
    with duckdb.connect(str(db_file)) as con:
        con.execute(f"EXPORT DATABASE '{folder}' (FORMAT parquet)")
    with duckdb.connect() as con:
        for part in folder.glob("*.parquet"):
            columns = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{part}')").fetchall()
            texts = [
                name for name, kind, *_ in columns
                if kind == "VARCHAR" and con.execute(f'SELECT count(*) FROM read_parquet(?) WHERE "{name}" LIKE \'% %\'', [str(part)]).fetchone()[0]
            ]  # fmt: skip
            if texts:
                marked = ", ".join(
                    f'CASE WHEN "{c}" = \'\' OR starts_with("{c}", \'{{\') THEN "{c}"'
                    f" ELSE '{OPEN}' || \"{c}\" || '{CLOSE}' END AS \"{c}\""
                    for c in texts
                )
                con.execute(
                    f"COPY (SELECT * REPLACE ({marked}) FROM read_parquet('{part}')) TO '{part}.new' (FORMAT parquet)"
                )
                Path(f"{part}.new").replace(part)
    db_file.unlink()
    with duckdb.connect(str(db_file)) as con:
        con.execute(f"IMPORT DATABASE '{folder}'")
