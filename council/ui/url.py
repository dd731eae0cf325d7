"""Filters that live in the page's address, so a view can be shared as a link.

Query parameters are strings and vanish when the page changes: each is parsed against what is
allowed, with a default, and written back whenever the person changes the filter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st


def choices_from_url(name: str, allowed: Sequence[str]) -> list[str]:
    """The values of a repeated parameter (`?department=a&department=b`) that are allowed."""
    return [v for v in dict.fromkeys(st.query_params.get_all(name)) if v in allowed]


def choice_from_url(name: str, allowed: Sequence[str], default: str) -> str:
    value = st.query_params.get(name)
    return value if value in allowed else default


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
    """A multiselect whose first value comes from the address and whose choice goes back into it."""
    if key not in st.session_state:
        st.session_state[key] = choices_from_url(name, list(options))
    chosen = container.multiselect(label, options=list(options), format_func=options.get, key=key, **kwargs)
    write_to_url({name: chosen})
    return tuple(chosen)


def selectbox_in_url(
    label: str, name: str, options: Mapping[str, str], default: str, *, key: str, container=st, **kwargs
) -> str:
    if key not in st.session_state:
        st.session_state[key] = choice_from_url(name, list(options), default)
    chosen = container.selectbox(label, options=list(options), format_func=options.get, key=key, **kwargs)
    write_to_url({name: None if chosen == default else chosen})
    return chosen
