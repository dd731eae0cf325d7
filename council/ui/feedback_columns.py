"""The import of a feedback file, steps 2 and 3: which column holds what, and what the source's own words
mean in this workspace. Widget keys are per file and source."""

from __future__ import annotations

import hashlib

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from council.domain.errors import CouncilError
from council.domain.feedback import SCALES
from council.domain.feedback_import import (
    DATE_FORMATS,
    DELIMITERS,
    FIELDS,
    REQUIRED,
    VALUE_FIELDS,
    ImportProfile,
    field_name,
)
from council.i18n import _, ngettext
from council.i18n import formats as fmt
from council.services import feedback_import as service
from council.services.feedback_file import FeedbackFile
from council.services.workspace import Workspace
from council.ui.cache import cached
from council.ui.session import show_error
from council.ui.text import md

_EMPTY = "__empty__"


def mapping(ws: Workspace, file: FeedbackFile, source: str) -> ImportProfile | None:
    """Steps 2 and 3: which column holds what, and what the source's own words mean here."""
    prefix = _prefix(file, source)
    delimiter = st.session_state.get(f"{prefix}delimiter")
    try:
        found = service.layout(ws, file, delimiter)
        suggested = service.suggest(ws, file, found, source)
        if delimiter is None and suggested.delimiter != found.delimiter:
            found = service.layout(ws, file, suggested.delimiter)
    except CouncilError as e:
        show_error(e)
        return None
    if file.size >= 1024 * 1024:
        size = _("{size} MB").format(size=fmt.number(round(file.size / 1024 / 1024, 1), 1))
    else:
        size = _("{size} KB").format(size=fmt.number(round(file.size / 1024, 1), 1))
    # Translators: {encoding} is how the file's letters were read: UTF-8, Windows-1252 or UTF-16.
    st.caption(_("{file}: {size}, read as {encoding}. The first rows:").format(
        file=file.name, size=size, encoding=file.encoding))  # fmt: skip
    st.dataframe(found.preview, hide_index=True, width="stretch", height=220)

    st.subheader(_("2. Which column holds what?"))
    options = ["", *found.headers]
    cols: tuple[DeltaGenerator, ...] = st.columns(4)  # then three
    columns = {}
    for i, field in enumerate(FIELDS):
        start = suggested.columns.get(field, "")
        label = (
            _("{field} (required)").format(field=field_name(field))
            if field in REQUIRED
            else field_name(field)
        )
        columns[field] = cols[i % 4].selectbox(
            label, options,
            index=options.index(start) if start in options else 0, key=f"{prefix}col_{field}",
            format_func=lambda c: c or _("— not in this file —"),
        )  # fmt: skip
    cols = st.columns(3)
    scale = cols[0].radio(_("Scale of the scores"), list(SCALES), index=list(SCALES).index(suggested.scale),
                          format_func=lambda s: SCALES[s].name, key=f"{prefix}scale", horizontal=True)  # fmt: skip
    date_format = cols[1].selectbox(
        _("Dates are written"), list(DATE_FORMATS), index=list(DATE_FORMATS).index(suggested.date_format),
        format_func=lambda k: f"{DATE_FORMATS[k].label}: {DATE_FORMATS[k].example}", key=f"{prefix}date_format",
    )  # fmt: skip
    cols[2].selectbox(_("Columns are separated by"), list(DELIMITERS),
                      index=list(DELIMITERS).index(found.delimiter), format_func=lambda d: _(DELIMITERS[d]),
                      key=f"{prefix}delimiter")  # fmt: skip
    values = _translations(ws, file, found, columns, suggested, prefix)
    return ImportProfile(
        source, scale, {f: c for f, c in columns.items() if c}, values, date_format, found.delimiter
    )


def _translations(ws: Workspace, file: FeedbackFile, found, columns: dict[str, str], suggested: ImportProfile,
                  prefix: str) -> dict[str, dict[str, str | None]]:  # fmt: skip
    mapped = [(field, columns[field]) for field in VALUE_FIELDS if columns.get(field)]
    if not mapped:
        return {}
    st.subheader(_("3. What do the source's words mean here?"))
    translations: dict[str, dict[str, str | None]] = {}
    for field, column in mapped:
        kind = VALUE_FIELDS[field]
        try:
            values = cached(ws, service.source_values, file, found, field, column)
        except CouncilError as e:
            show_error(e)
            continue
        saved = suggested.values.get(field, {})
        understood = [v for v in values if v.known_as and v.raw not in saved]
        to_translate = [v for v in values if not v.known_as or v.raw in saved]
        st.markdown(_("**{field}** (column {column})").format(field=field_name(field), column=md(column)))
        if understood:
            st.caption(_("Understood as they are: {values}").format(values=", ".join(
                f"{v.raw} → {ws.config.name_of(kind, v.known_as)}" for v in understood)))  # fmt: skip
        ids = [_EMPTY, *ws.config.ids(kind)]
        chosen: dict[str, str | None] = {}
        cols = st.columns(3)
        for i, v in enumerate(to_translate[:60]):
            start = saved.get(v.raw, v.known_as) if v.raw in saved else None
            pick = cols[i % 3].selectbox(
                # Translators: a value a file holds and how many rows hold it: “Facturen” (1 row) means
                ngettext("“{value}” ({n} row) means", "“{value}” ({n} rows) means", int(v.count)).format(
                    value=v.raw, n=fmt.number(v.count)), ids,
                index=ids.index(start or _EMPTY) if v.raw in saved else None, placeholder=_("Choose…"),
                format_func=lambda i, kind=kind: _("— leave it empty —") if i == _EMPTY else ws.config.name_of(kind, i),
                key=f"{prefix}val_{field}_{hashlib.sha1(v.raw.encode()).hexdigest()[:12]}",
            )  # fmt: skip
            if pick is not None:
                chosen[v.raw] = None if pick == _EMPTY else pick
        if len(to_translate) > 60:
            st.caption(_("Only the {shown} most frequent of {n} values are shown here; the dry run lists the "
                         "others.").format(shown=60, n=fmt.number(len(to_translate))))  # fmt: skip
        translations[field] = chosen
    return translations


def _prefix(file: FeedbackFile, source: str) -> str:
    """Widget keys per file and source: another file or source starts from its own suggestion."""
    return f"imp_{file.sha256[:10]}_{hashlib.sha1(source.encode()).hexdigest()[:8]}_"
