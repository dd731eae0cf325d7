"""The gate in front of the app (local accounts): only a signed-in browser opens pages, connects or
uploads; the wall screen gets in with its key. Anything else is sent to the sign-in page, or refused.

`app.py` puts it in front of Streamlit's own server; the sign-in routes are in `web_sign_in`, the rest of
the server's own part in `web_server`. In demo mode and with the organisation's sign-in the gate lets
everything through.
"""

from __future__ import annotations

from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from council.i18n import _, use_language
from council.services import sessions, wall_keys
from council.services.workspace import Workspace
from council.ui.web_forms import base_path, browser_language, https, workspace

GATED = False  # set once the gate is in front of the app: sign-in then happens on SIGN_IN_PATH
SIGN_IN_PATH = "/auth/sign-in"
WALL_PATH = "/wall"
_STREAM = "/_stcore/stream"
_OPEN_PREFIXES = ("/auth/", "/static/", "/_stcore/health", "/_stcore/host-config", "/favicon", "/manifest")
# What a browser asks for that is not a page: refused with 401 instead of sent to the sign-in page.
_NOT_PAGES = ("/_stcore/", "/media/", "/component/", "/app/static/")


def _guarded(ws: Workspace) -> bool:
    return ws.config.local_accounts


def _cookies(scope: dict[str, Any]) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            jar.load(value.decode("latin-1"))
    return {key: morsel.value for key, morsel in jar.items()}


class SignedInOnly:
    """ASGI middleware: with local accounts, only a browser with an open session gets past it."""

    def __init__(self, app: Any) -> None:
        global GATED
        self.app = app
        GATED = True

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        base = base_path()
        path = _within(scope.get("path", ""), base)
        route = _route(path)
        if scope["type"] not in ("http", "websocket") or route.startswith(_OPEN_PREFIXES):
            return await self.app(scope, receive, send)
        ws = await run_in_threadpool(workspace)
        if not _guarded(ws):
            return await self.app(scope, receive, send)
        cookies = _cookies(scope)
        if await run_in_threadpool(sessions.person_of, ws, cookies.get(sessions.COOKIE)) is not None:
            return await self.app(scope, receive, send)
        wall_key = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("key", [""])[0]
        if path == WALL_PATH and await run_in_threadpool(wall_keys.opens_the_wall, ws, wall_key):
            return await self.app(scope, receive, _setting_wall_cookie(send, wall_key, secure=https(scope)))
        if (path == WALL_PATH or route == _STREAM) and await run_in_threadpool(
            wall_keys.opens_the_wall, ws, cookies.get(wall_keys.COOKIE)
        ):  # the wall screen's own page and connection; the page shows nothing but the wall
            return await self.app(scope, receive, send)
        if scope["type"] == "websocket":
            await receive()  # the browser's request to connect, answered with a refusal
            return await send({"type": "websocket.close", "code": 4401})
        if scope["method"] in ("GET", "HEAD") and not route.startswith(_NOT_PAGES):
            wanted = scope["path"] + (
                f"?{scope['query_string'].decode('latin-1')}" if scope["query_string"] else ""
            )
            response: Response = RedirectResponse(f"{base}{SIGN_IN_PATH}?next={quote(wanted, safe='')}", 303)
        else:
            with use_language(browser_language(Request(scope), ws)):
                response = PlainTextResponse(_("Sign in first."), 401)
        await response(scope, receive, send)


def _within(path: str, base: str) -> str:
    """The path as the app sees it, without the base path it is served under ("/acme/wall" -> "/wall")."""
    if base and (path == base or path.startswith(base + "/")):
        return path[len(base) :] or "/"
    return path


def _route(path: str) -> str:
    """What a request asks of the server: the app's own routes also answer under a page's path
    (`/wall/_stcore/health`), as the browser tries them first on a deep link."""
    found = [at for marker in (*_NOT_PAGES, "/static/") if (at := path.find(marker)) >= 0]
    return path[min(found) :] if found else path  # the first: "/static/media/…" is static, not media


def _setting_wall_cookie(send: Any, key: str, *, secure: bool) -> Any:
    """`send`, adding the wall key as an HttpOnly cookie to the page's answer, for its connection."""
    morsel = f"{wall_keys.COOKIE}={key}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax" + (
        "; Secure" * secure
    )

    async def sending(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), (b"set-cookie", morsel.encode())]}
        await send(message)

    return sending
