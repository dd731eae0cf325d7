"""Filters that live in the page's address, so a view can be shared as a link.

Query parameters are strings and vanish when the page changes: each is parsed against what is
allowed, with a default, and written back whenever the person changes the filter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import streamlit as st

from council.i18n import _
from council.i18n import formats as fmt


def choices_from_url(name: str, allowed: Sequence[str]) -> list[str]:
    """The values of a repeated parameter (`?department=a&department=b`) that are allowed."""
    return [v for v in dict.fromkeys(st.query_params.get_all(name)) if v in allowed]


def choice_from_url(name: str, allowed: Sequence[str], default: str) -> str:
    value = st.query_params.get(name)
    return value if value is not None and value in allowed else default


def int_from_url(name: str) -> int | None:
    value = st.query_params.get(name, "")
    return int(value) if value.isdigit() else None


def write_to_url(values: Mapping[str, str | Sequence[str] | None]) -> None:
    """Put these filters in the address (empty ones are left out); other parameters stay."""
    for name, value in values.items():
        wanted = [] if value is None else [value] if isinstance(value, str) else list(value)
        if st.query_params.get_all(name) != wanted:
            if wanted:
                st.query_params[name] = wanted
            elif name in st.query_params:
                del st.query_params[name]


def multiselect_in_url(
    label: str, name: str, options: Mapping[str, str], *, key: str, container=st, **kwargs
) -> tuple[str, ...]:
    """A multiselect that follows the address (`?name=a&name=b`) and writes its choice back into it."""
    _follow(key, choices_from_url(name, list(options)))
    chosen = container.multiselect(label, options=list(options), format_func=options.get, key=key, **kwargs)
    write_to_url({name: chosen})
    _seen(key, list(chosen))
    return tuple(chosen)


def selectbox_in_url(
    label: str, name: str, options: Mapping[str, str], default: str, *, key: str, container=st, **kwargs
) -> str:
    _follow(key, choice_from_url(name, list(options), default))
    chosen = container.selectbox(label, options=list(options), format_func=options.get, key=key, **kwargs)
    write_to_url({name: None if chosen == default else chosen})
    _seen(key, chosen)
    return chosen


def text_in_url(label: str, name: str, *, key: str, container=st, **kwargs) -> str:
    _follow(key, st.query_params.get(name, ""))
    text = container.text_input(label, key=key, **kwargs)
    write_to_url({name: text.strip() or None})
    _seen(key, st.query_params.get(name, ""))
    return text


def _follow(key: str, from_url: object) -> None:
    """Set the widget from the address on first use, and whenever the address changed by other means
    (a shared link, the browser's back button) since this widget last wrote it."""
    if key not in st.session_state or st.session_state.get(f"{key}__url") != from_url:
        st.session_state[key] = from_url
        st.session_state[f"{key}__url"] = from_url


def _seen(key: str, value: object) -> None:
    st.session_state[f"{key}__url"] = value


def pager(page: int, pages: int, key: str) -> None:
    """Previous and next buttons for a list in pages; the page is kept in the address (`?page=N`)."""
    if pages == 1:
        return
    cols = st.columns([1, 2, 1], vertical_alignment="center")
    if cols[0].button(
        _("Previous page"), icon=":material/chevron_left:", disabled=page == 1, key=f"{key}_prev"
    ):
        write_to_url({"page": str(page - 1)})
        st.rerun()
    cols[1].caption(_("Page {page} of {pages}").format(page=fmt.number(page), pages=fmt.number(pages)))
    if cols[2].button(
        _("Next page"), icon=":material/chevron_right:", disabled=page == pages, key=f"{key}_next"
    ):
        write_to_url({"page": str(page + 1)})
        st.rerun()


def date_in_url(
    label: str, name: str, *, key: str, container=st, default: date | None = None, **kwargs
) -> date | None:
    """A date picker that follows the address (`?name=2026-05-01`; `default` when it names none) and
    writes its choice back (leaving the default out)."""
    _follow(key, _date(st.query_params.get(name)) or default)
    chosen = container.date_input(label, key=key, **kwargs)
    write_to_url({name: chosen.isoformat() if chosen and chosen != default else None})
    _seen(key, chosen)
    return chosen


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
