"""How every form saves: in a callback, with the error shown next to its field and nothing lost.

A form's submit button calls `save(form, action)`. The action runs before the page reruns; a
`CouncilError` is kept for the form to show beside the field it names (or on top when it names
none), and the typed input stays in the widgets. On success the caches are cleared and a short
confirmation is shown once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import streamlit as st

from council.domain.errors import CouncilError, NotAllowed, StaleVersion, ValidationError
from council.domain.vocabulary import BlockerStatus, ItemStatus
from council.domain.workspace import WorkspaceConfig
from council.i18n import _
from council.ui.cache import clear_reads
from council.ui.session import show_error
from council.ui.text import md

_FLASH = "flash_message"
_REFUSED = "refused_message"

log = logging.getLogger("council.pages")


def save(
    form: str,
    action: Callable[[], Any],
    success: Callable[[Any], str],
    clear: tuple[str, ...] = (),
    reset: dict[str, Any] | None = None,
) -> None:
    """Run `action`; on success show `success(result)` once.

    `clear` forgets widgets that will be drawn afresh (the form is left, or filled again from the
    database); `reset` sets widgets that stay on screen back to these values, which the browser
    then shows too (merely forgetting a form's widget would leave the old text in view).
    """
    st.session_state.pop(_error_key(form), None)
    try:
        result = action()
    except NotAllowed as e:  # shown on top of the page: the form may not be drawn for this person
        st.session_state[_REFUSED] = e
        log.info("write refused (%s): not allowed", form)
        return
    except CouncilError as e:
        st.session_state[_error_key(form)] = e
        log.info(
            "write refused (%s): %s", form, type(e).__name__
        )  # not its message: it may quote what was typed
        if isinstance(e, StaleVersion):  # someone else's newer version: the form is shown with it
            clear_reads()
        return
    clear_reads()
    for field in clear:
        st.session_state.pop(f"{form}_{field}", None)
    for field, start in (reset or {}).items():
        st.session_state[f"{form}_{field}"] = start
    st.session_state[_FLASH] = success(result)


def fail(form: str, error: CouncilError) -> None:
    """Keep an error for the form to show (for checks a callback makes before any action)."""
    st.session_state[_error_key(form)] = error


def error_of(form: str) -> CouncilError | None:
    """The form's last refusal, if it has one."""
    return st.session_state.get(_error_key(form))


def clear_error(form: str) -> None:
    st.session_state.pop(_error_key(form), None)


def field_error(form: str, field: str) -> None:
    """Show the form's last error here if it is about `field`."""
    error = st.session_state.get(_error_key(form))
    if isinstance(error, ValidationError) and error.field == field:
        st.error(md(error.message), icon=":material/error:")


def form_error(form: str, fields: tuple[str, ...]) -> None:
    """Show the form's last error on top when it is not about one of the form's own fields."""
    error = st.session_state.get(_error_key(form))
    if isinstance(error, CouncilError) and not (isinstance(error, ValidationError) and error.field in fields):
        show_error(error)


def show_refusal() -> None:
    """A write the services refused for the person's role, shown once on top of whatever page is open."""
    refused = st.session_state.pop(_REFUSED, None)
    if refused is not None:
        show_error(refused)


def show_flash() -> None:
    """The confirmation of the last save, shown once."""
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.success(md(message), icon=":material/check_circle:")


def forget_errors() -> None:
    """Drop the errors of forms no longer on screen (the person went to another record or the list)."""
    for key in [k for k in st.session_state if str(k).endswith("__error")]:
        del st.session_state[key]


def value(form: str, field: str, default: Any = None) -> Any:
    return st.session_state.get(f"{form}_{field}", default)


def prefill(form: str, values: dict[str, Any]) -> None:
    """Give the form's widgets their first values (once: after that they hold what the person typed)."""
    for field, start in values.items():
        st.session_state.setdefault(f"{form}_{field}", start)


def unknown_choice(label: str, stored: str | None, allowed: tuple[str, ...]) -> str | None:
    """`stored` if the workspace still knows it; otherwise None, with a warning that says why."""
    if stored and stored not in allowed:
        # Translators: {label} names a field ("Department"), {value} the value it had, quoted ('billing').
        text = _("{label} was {value}, which is no longer in the workspace settings. Choose another.")
        st.warning(md(text.format(label=label, value=repr(stored))), icon=":material/warning:")
        return None
    return stored


def _error_key(form: str) -> str:
    return f"{form}__error"


def config_select(config: WorkspaceConfig, form: str, field: str, label: str, kind: str) -> None:
    """A choice from one of the workspace's lists (departments, stages…), shown by name, none chosen yet."""
    st.selectbox(label, options=config.ids(kind), index=None, placeholder=_("Choose…"),
                 format_func=lambda v: config.name_of(kind, v), key=f"{form}_{field}")  # fmt: skip
    field_error(form, field)


def status_select(form: str, statuses: type[ItemStatus] | type[BlockerStatus]) -> None:
    st.selectbox(_("Status"), options=[s.value for s in statuses],
                 format_func=lambda s: statuses(s).label, key=f"{form}_status")  # fmt: skip
    field_error(form, "status")


def opened(what: str) -> Callable[[int], str]:
    """The confirmation after logging: names the new record and opens it (`?id=`)."""

    def message(record_id: int) -> str:
        st.query_params["id"] = str(record_id)
        # Translators: {what} is the kind of record ("Friction point"), {id} its number.
        return _("{what} #{id} is logged.").format(what=what, id=record_id)

    return message


def saved(record_id: int | None) -> Callable[[dict], str]:
    """The confirmation after an edit, which says when nothing had changed."""
    return lambda changes: (
        _("Saved changes to #{id}.").format(id=record_id)
        if changes
        else _("Nothing had changed, so nothing was saved.")
    )
