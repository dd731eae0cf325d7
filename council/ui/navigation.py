"""The pages, and which of them each person sees: only those their roles let them use.

Every page is known to `st.navigation`, so an address that names a page another role uses opens
this app with a polite "not for your role" note instead of a bare "page not found"; the side
menu lists only the person's own pages.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from council.domain.people import Person
from council.domain.permissions import Task, may
from council.domain.vocabulary import Role, role_label
from council.i18n import N_, _
from council.ui.text import md


@dataclass(frozen=True)
class PageSpec:
    path: str
    title: str  # in English, marked with N_: shown through _ where the pages are built, every run
    icon: str
    section: str  # the same
    task: Task


PAGES = (
    PageSpec("app_pages/my_work.py", N_("My work"), ":material/task_alt:", N_("Your work"), Task.READ),
    PageSpec("app_pages/overview.py", N_("Overview"), ":material/dashboard:", N_("Prepare"), Task.READ),
    PageSpec(
        "app_pages/friction_points.py", N_("Friction points"), ":material/report:", N_("Prepare"), Task.READ
    ),
    PageSpec(
        "app_pages/missing_connections.py",
        N_("Missing connections"),
        ":material/link_off:",
        N_("Prepare"),
        Task.READ,
    ),
    PageSpec("app_pages/blockers.py", N_("Blockers"), ":material/block:", N_("Prepare"), Task.READ),
    PageSpec("app_pages/meetings.py", N_("Meetings"), ":material/event:", N_("Meet"), Task.READ),
    PageSpec(
        "app_pages/propose_change.py",
        N_("Propose a change"),
        ":material/lightbulb:",
        N_("Meet"),
        Task.PROPOSE,
    ),
    PageSpec(
        "app_pages/self_check.py", N_("Council self-check"), ":material/fact_check:", N_("Meet"), Task.READ
    ),
    PageSpec("app_pages/decisions.py", N_("Decisions"), ":material/gavel:", N_("Follow up"), Task.READ),
    PageSpec("app_pages/actions.py", N_("Actions"), ":material/checklist:", N_("Follow up"), Task.READ),
    PageSpec(
        "app_pages/since.py", N_("Since the last meeting"), ":material/update:", N_("Follow up"), Task.READ
    ),
    PageSpec(
        "app_pages/customer_voice.py", N_("Customer voice"), ":material/forum:", N_("Follow up"), Task.READ
    ),
    PageSpec("app_pages/wall.py", N_("Wall screen"), ":material/tv:", N_("Follow up"), Task.READ),
    PageSpec(
        "app_pages/council.py",
        N_("Council & rotation"),
        ":material/groups:",
        N_("Run the council"),
        Task.READ,
    ),
    PageSpec(
        "app_pages/import_feedback.py",
        N_("Import feedback"),
        ":material/upload_file:",
        N_("Run the council"),
        Task.IMPORT,
    ),
    PageSpec(
        "app_pages/audit_trail.py", N_("Audit trail"), ":material/history:", N_("Run the council"), Task.AUDIT
    ),
    PageSpec(
        "app_pages/settings.py", N_("Settings"), ":material/settings:", N_("Run the council"), Task.SETTINGS
    ),
)


MY_WORK = "app_pages/my_work.py"
_BUILT = "_navigation_pages"  # this run's pages by path


def page_at(path: str) -> StreamlitPage | str:
    """The page this run registered for `path`: a link to it then needs no look-up of its file on disk,
    which made pages with many links slow. Before the navigation is built, the path itself."""
    return st.session_state.get(_BUILT, {}).get(path, path)


def _lands_on_my_work(me: Person | None) -> bool:
    """Council members open on their own work; the secretary and executives on the shared overview."""
    return me is not None and (me.has_role(Role.MEMBER) or me.has_role(Role.CHAIR))


def pages_for(me: Person | None, everything: bool) -> tuple[list[StreamlitPage], dict[str, StreamlitPage]]:
    """Every page (for `st.navigation`) and, by path, those `me` may use; the first of those opens
    by default. With `everything` (demo mode before anyone is chosen), all pages are theirs."""
    allowed = [spec for spec in PAGES if everything or may(me, spec.task)]
    default = _landing(me, allowed)
    built = {
        spec.path: st.Page(spec.path, title=_(spec.title), icon=spec.icon, default=spec.path == default)
        for spec in PAGES
    }
    st.session_state[_BUILT] = built
    return list(built.values()), {spec.path: built[spec.path] for spec in allowed}


def _landing(me: Person | None, allowed: list[PageSpec]) -> str:
    """The path of the page `me` opens on when the address names none: their first page."""
    return next(
        (spec.path for spec in allowed if spec.path != MY_WORK or _lands_on_my_work(me)), PAGES[0].path
    )


def landing_page(me: Person | None) -> StreamlitPage | str:
    """The page `me` opens on when the address names none (after `pages_for` built this run's pages)."""
    return page_at(_landing(me, [spec for spec in PAGES if may(me, spec.task)]))


def side_menu(mine: dict[str, StreamlitPage]) -> None:
    """The person's own pages in the sidebar, grouped as the council works: prepare, meet, follow up."""
    section = None
    for spec in PAGES:
        if spec.path not in mine:
            continue
        if spec.section != section:
            section = spec.section
            st.sidebar.caption(_(section))
        st.sidebar.page_link(mine[spec.path], label=_(spec.title), icon=spec.icon)


def not_for_your_role(me: Person | None, page: StreamlitPage, mine: dict[str, StreamlitPage]) -> None:
    """What someone sees who opens a page their role does not use, say from a forwarded link."""
    roles = ", ".join(role_label(r) for r in me.roles) if me and me.roles else _("no role yet")
    st.title(page.title)
    if mine:
        note = _("This page is not for your role ({roles}). Your pages are in the side menu.")
    else:
        note = _(
            "This page is not for your role ({roles}). Ask the council's secretary for a role on the roster."
        )
    st.info(note.format(roles=md(roles)), icon=":material/lock:")
    for own in list(mine.values())[:3]:
        # Translators: {page} is the title of a page of this app, e.g. "My work".
        st.page_link(own, label=_("Go to {page}").format(page=own.title), icon=own.icon)
