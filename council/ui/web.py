"""The web server's own part of signing in with local accounts: a plain sign-in page that sets the
session cookie (HttpOnly: page scripts never see the token), signing out, and a gate in front of the
app that lets only signed-in browsers open pages, connect, or upload.

Served by `app.py` (`streamlit run app.py`), which mounts these routes and the gate on Streamlit's own
server. In demo mode and with the organisation's sign-in the gate lets everything through. Its pages come
before anyone is signed in, so they speak the language the browser asks for.
"""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from streamlit import config as streamlit_config

from council.domain.errors import CouncilError
from council.i18n import _, use_language
from council.services import (
    accounts,
    background,
    operator_link,
    password_links,
    recovery,
    sessions,
    wall_keys,
)
from council.services.workspace import Workspace
from council.ui.logs import start_logging
from council.ui.password_page import set_password_page
from council.ui.web_forms import (
    base_path,
    browser_language,
    form_page,
    fresh,
    https,
    in_form,
    same,
    workspace,
)

GATED = False  # set once the gate is in front of the app: sign-in then happens on SIGN_IN_PATH
SIGN_IN_PATH = "/auth/sign-in"
WALL_PATH = "/wall"
_STREAM = "/_stcore/stream"
SIGN_OUT_PATH = "/auth/sign-out"
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


async def sign_in_page(request: Request) -> Response:
    ws = await run_in_threadpool(workspace)
    with use_language(browser_language(request, ws)):
        return await _sign_in(request, ws)


async def _sign_in(request: Request, ws: Workspace) -> Response:
    if request.method == "GET":
        return _page(request, "", wanted=request.query_params.get("next") or f"{base_path()}/")
    form = await request.form()
    wanted = str(form.get("next") or f"{base_path()}/")
    if not fresh(request, form):
        return _page(request, _("The sign-in form had expired. Sign in again."), wanted=wanted, status=400)
    client = request.client.host if request.client else None
    email, password = str(form.get("email", "")), str(form.get("password", ""))
    try:
        person = await run_in_threadpool(accounts.sign_in, ws, email, password, client)
    except CouncilError as e:
        return _page(request, e.message, wanted=wanted, email=email, status=401)
    keep = form.get("keep") == "yes"
    browser = request.headers.get("user-agent", "")
    token = await run_in_threadpool(lambda: sessions.start(ws, person, keep=keep, browser=browser))
    response = RedirectResponse(_safe_next(wanted), 303)
    response.set_cookie(
        sessions.COOKIE, token, max_age=int(sessions.KEEP_FOR.total_seconds()) if keep else None,
        httponly=True, samesite="lax", secure=https(request.scope), path="/",
    )  # fmt: skip
    return response


async def recover_page(request: Request) -> Response:
    """A secretary who cannot sign in sets a new password with the workspace's one-time recovery code."""
    ws = await run_in_threadpool(workspace)
    with use_language(browser_language(request, ws)):
        return await _recover(request, ws)


async def _recover(request: Request, ws: Workspace) -> Response:
    if request.method == "GET":
        return _recover_form(request, "")
    form = await request.form()
    if not fresh(request, form):
        return _recover_form(request, _("The form had expired. Fill it in again."), status=400)
    client = request.client.host if request.client else None
    email, code, password, confirm = (str(form.get(k, "")) for k in ("email", "code", "password", "confirm"))
    try:
        await run_in_threadpool(recovery.recover, ws, email, code, password, confirm, client)
    except CouncilError as e:
        return _recover_form(request, e.message, email=email, status=400)
    return RedirectResponse(f"{base_path()}{SIGN_IN_PATH}?recovered=1", 303)


def _recover_form(request: Request, message: str, *, email: str = "", status: int = 200) -> Response:
    form = _RECOVER_FORM.format(
        intro=in_form(
            _(
                "For the council's secretary only: with the workspace's recovery code (printed once when the "
                "workspace was made, or by {command}) you set a new password. The code is then used up."
            ),
            command="<code>python -m council recovery-code</code>",
        ),
        email=in_form(_("Your e-mail address")),
        code=in_form(_("Recovery code")),
        password=in_form(_("New password")),
        again=in_form(_("The new password again")),
        save=in_form(_("Set the new password")),
        back=in_form(_("Back to signing in")),
    )
    return form_page(request, _("Lost your password?"), message, form, status, email=email)


async def sign_out(request: Request) -> Response:
    ws = await run_in_threadpool(workspace)
    await run_in_threadpool(sessions.end, ws, request.cookies.get(sessions.COOKIE))
    response = RedirectResponse(f"{base_path()}{SIGN_IN_PATH}?signed_out=1", 303)
    response.delete_cookie(
        sessions.COOKIE, path="/", httponly=True, samesite="lax", secure=https(request.scope)
    )
    return response


def _safe_next(wanted: str) -> str:
    """Only a page of this workspace, never another site (`//evil.example`, `https://…`)."""
    parts = urlsplit(wanted)
    if (
        parts.scheme
        or parts.netloc
        or not wanted.startswith("/")
        or wanted.startswith(("//", "/\\", f"{base_path()}{SIGN_IN_PATH}"))
    ):
        return f"{base_path()}/"
    return wanted


def _page(request: Request, message: str, *, wanted: str, email: str = "", status: int = 200) -> Response:
    good_news = not message
    if request.query_params.get("signed_out") and not message:
        message = _("You have signed out.")
    if (request.query_params.get("recovered") or request.query_params.get("password_set")) and not message:
        message = _("Your new password is set. Sign in with it.")
    form = _SIGN_IN_FORM.format(
        email=in_form(_("E-mail address")),
        password=in_form(_("Password")),
        keep=in_form(_("Keep me signed in on this computer for 14 days")),
        sign_in=in_form(_("Sign in")),
        help=in_form(
            _(
                "No password yet, or forgot it? Ask the council's secretary: they set a new one for you. "
                "After five wrong passwords in a row, each next try has to wait a little longer."
            )
        ),
        locked_out=in_form(_("Secretary without a way in?")),
        recover=in_form(_("Use the recovery code")),
    )
    return form_page(request, _("Sign in"), message, form, status, good_news=good_news, email=email,
                     next=_safe_next(wanted))  # fmt: skip


# Filled twice: with the texts, then by `form_page` with the fields (so theirs are in double braces).
_SIGN_IN_FORM = """<form method="post" action="{{base}}/auth/sign-in">
<label for="email">{email}</label>
<input id="email" name="email" type="email" value="{{email}}" autocomplete="username" required autofocus>
<label for="password">{password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="keep"><input id="keep" name="keep" type="checkbox" value="yes">
<label for="keep">{keep}</label></div>
<input type="hidden" name="next" value="{{next}}"><input type="hidden" name="csrf" value="{{csrf}}">
<button type="submit">{sign_in}</button>
</form>
<p class="help">{help}
{locked_out} <a href="{{base}}/auth/recover">{recover}</a>.</p>
"""

_RECOVER_FORM = """<p>{intro}</p>
<form method="post" action="{{base}}/auth/recover">
<label for="email">{email}</label>
<input id="email" name="email" type="email" value="{{email}}" autocomplete="username" required autofocus>
<label for="code">{code}</label>
<input id="code" name="code" type="text" autocomplete="off" required>
<label for="password">{password}</label>
<input id="password" name="password" type="password" autocomplete="new-password" required>
<label for="confirm">{again}</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
<input type="hidden" name="csrf" value="{{csrf}}">
<button type="submit">{save}</button>
</form>
<p class="help"><a href="{{base}}/auth/sign-in">{back}</a></p>
"""

_LINK: list[operator_link.OperatorLink] = []  # this run's key for the command line, once the app started


@asynccontextmanager
async def app_running(app: Any) -> AsyncIterator[None]:
    """While the app runs: the command line finds it (and its key) beside the database, and the process's
    background worker sends the mail."""
    start_logging()
    ws = await run_in_threadpool(workspace)
    port = int(streamlit_config.get_option("server.port"))
    link = operator_link.open_link(ws.db.path, f"http://127.0.0.1:{port}{base_path()}")
    _LINK[:] = [link]
    background.start_worker(lambda: ws)
    try:
        yield
    finally:
        await run_in_threadpool(background.stop_worker)
        _LINK.clear()
        operator_link.link_file(ws.db.path).unlink(missing_ok=True)


Runner = Callable[[Workspace, list[str], str, str], dict[str, Any]]
_RUNNER: list[Runner] = []  # how this app carries out a command line's command (set by app.py)


def carry_out_commands_with(runner: Runner) -> None:
    """`runner(workspace, argv, stdin, cwd)` carries out what the command line hands to the running app."""
    _RUNNER[:] = [runner]


async def operator_run(request: Request) -> Response:
    """A command the command line hands over while the app holds the database: from this machine, with
    this run's key only (readable beside the database by whoever runs the app, nobody else)."""
    host = request.client.host if request.client else ""
    key = request.headers.get(operator_link.HEADER, "")
    ws = await run_in_threadpool(workspace)
    with use_language(browser_language(request, ws)):  # the command line's, else the workspace's
        if not _loopback(host) or not _LINK or not same(key, _LINK[0].key):
            return PlainTextResponse(_("Not allowed."), 403)
        try:
            asked = await request.json()
            argv, stdin, cwd = [str(a) for a in asked["argv"]], str(asked.get("stdin", "")), str(asked["cwd"])
        except (ValueError, KeyError, TypeError, AttributeError):
            return PlainTextResponse(_("Send the command's words, its input and its folder as JSON."), 400)
        if not _RUNNER:
            return PlainTextResponse(
                _("This app does not carry out commands; start it with `streamlit run app.py`."), 503
            )
    return JSONResponse(await run_in_threadpool(_RUNNER[0], ws, argv, stdin, cwd))


def _loopback(host: str) -> bool:
    """Whether a request comes from this machine (also as an IPv4 address in IPv6 form, ::ffff:127.0.0.1)."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return (mapped or address).is_loopback


def routes() -> list[Route]:
    """The web server's own routes, under the app's base path (`server.baseUrlPath`) like its pages."""
    base = base_path()
    return [
        Route(f"{base}{SIGN_IN_PATH}", sign_in_page, methods=["GET", "POST"]),
        Route(f"{base}{SIGN_OUT_PATH}", sign_out, methods=["GET", "POST"]),
        Route(f"{base}/auth/recover", recover_page, methods=["GET", "POST"]),
        Route(f"{base}{password_links.PATH}", set_password_page, methods=["GET", "POST"]),
        Route(f"{base}{operator_link.RUN_PATH}", operator_run, methods=["POST"]),
    ]
