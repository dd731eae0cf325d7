"""The web server's own sign-in pages (local accounts), in the language the browser asks for: signing in,
which sets the session cookie (HttpOnly: page scripts never see the token), signing out, and the
secretary's recovery with the workspace's one-time code."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from council.domain.errors import CouncilError
from council.i18n import _, use_language
from council.services import recovery, sessions, signing_in
from council.services.workspace import Workspace
from council.ui.web import SIGN_IN_PATH
from council.ui.web_forms import base_path, browser_language, form_page, fresh, https, in_form, workspace

SIGN_OUT_PATH = "/auth/sign-out"


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
        person = await run_in_threadpool(signing_in.sign_in, ws, email, password, client)
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
