"""The sign-in gate's own rules: where a request goes, and where signing in may send the browser."""

from __future__ import annotations

import pytest

from council.ui.web import _route
from council.ui.web_forms import same as _same
from council.ui.web_sign_in import _safe_next


@pytest.mark.parametrize(("path", "route"), [
    ("/wall/_stcore/health", "/_stcore/health"),
    ("/_stcore/stream", "/_stcore/stream"),
    ("/static/media/SourceSans.woff2", "/static/media/SourceSans.woff2"),
    ("/decisions/static/js/index.js", "/static/js/index.js"),
    ("/media/abc.png", "/media/abc.png"),
    ("/decisions", "/decisions"),
])  # fmt: skip
def test_the_apps_own_routes_are_recognised_also_under_a_pages_path(path: str, route: str) -> None:
    assert _route(path) == route


@pytest.mark.parametrize(("wanted", "sent_to"), [
    ("/decisions?id=3", "/decisions?id=3"),
    ("//evil.example/steal", "/"),
    ("https://evil.example/", "/"),
    ("/\\evil.example", "/"),
    ("javascript:alert(1)", "/"),
    ("/auth/sign-in?next=/auth/sign-in", "/"),
    ("", "/"),
])  # fmt: skip
def test_signing_in_sends_the_browser_only_to_a_page_of_this_workspace(wanted: str, sent_to: str) -> None:
    assert _safe_next(wanted) == sent_to


def test_keys_are_compared_whatever_characters_a_visitor_sends() -> None:
    assert _same("abc", "abc") and not _same("ábc€", "abc") and not _same("", "abc")


def test_under_a_base_path_signing_in_goes_back_to_the_workspaces_own_pages(monkeypatch) -> None:
    from streamlit import config

    monkeypatch.setattr(config, "get_option", lambda name: "acme" if name == "server.baseUrlPath" else None)
    assert _safe_next("//evil.example") == "/acme/"
    assert _safe_next("/acme/auth/sign-in?next=x") == "/acme/"
    assert _safe_next("/acme/decisions?id=3") == "/acme/decisions?id=3"
