"""The rest of the web server's own part: what runs while the app runs (the command line's link to it,
the background worker that sends the mail), the route that carries out a command the command line hands
over, and the list of the server's own routes that `app.py` mounts."""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from streamlit import config as streamlit_config

from council.i18n import _, use_language
from council.services import background, operator_link, password_links
from council.services.workspace import Workspace
from council.ui.logs import start_logging
from council.ui.password_page import set_password_page
from council.ui.web import SIGN_IN_PATH
from council.ui.web_forms import base_path, browser_language, same, workspace
from council.ui.web_sign_in import SIGN_OUT_PATH, recover_page, sign_in_page, sign_out

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
