"""The web server's page for choosing a first password with the link from a mail (local accounts), in the
language the browser asks for."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from council.domain.accounts import MIN_PASSWORD
from council.domain.errors import CouncilError
from council.i18n import N_, _, use_language
from council.services import password_links
from council.services.workspace import Workspace
from council.ui.web_forms import base_path, browser_language, form_page, fresh, in_form, workspace

TITLE = N_("Choose your password")


async def set_password_page(request: Request) -> Response:
    ws = await run_in_threadpool(workspace)
    with use_language(browser_language(request, ws)):
        return await _answer(request, ws)


async def _answer(request: Request, ws: Workspace) -> Response:
    title = _(TITLE)
    if request.method == "GET":
        token = request.query_params.get("token", "")
        person = await run_in_threadpool(password_links.person_of_link, ws, token)
        if person is None:
            return form_page(request, title, _(password_links.EXPIRED), _to_sign_in(), 410)
        return form_page(request, title, "", _form(), 200, token=token, email=person.email or "")
    form = await request.form()
    token = str(form.get("token", ""))
    if not fresh(request, form):
        return form_page(
            request, title, _("The form had expired. Fill it in again."), _form(), 400, token=token, email=""
        )
    password, confirm = str(form.get("password", "")), str(form.get("confirm", ""))
    try:
        await run_in_threadpool(password_links.set_password_with_link, ws, token, password, confirm)
    except CouncilError as e:
        person = await run_in_threadpool(password_links.person_of_link, ws, token)
        if person is None:
            return form_page(request, title, e.message, _to_sign_in(), 410)
        return form_page(request, title, e.message, _form(), 400, token=token, email=person.email or "")
    return RedirectResponse(f"{base_path()}/auth/sign-in?password_set=1", 303)


def _form() -> str:
    intro = _(
        "You sign in to the workspace with {email}. Choose a password of at least {least} characters: a few "
        "unrelated words make a good one."
    )
    return _FORM.format(
        intro=in_form(intro, email="<strong>{email}</strong>", least=str(MIN_PASSWORD)),
        password=in_form(_("Password")),
        again=in_form(_("The password again")),
        save=in_form(_("Save the password")),
    )


def _to_sign_in() -> str:
    return _TO_SIGN_IN.format(link=in_form(_("To signing in")))


# Filled twice: with the texts here, then by `form_page` with the fields (so theirs are in double braces).
_FORM = """<p>{intro}</p>
<form method="post" action="{{base}}/auth/set-password">
<input type="email" name="username" value="{{email}}" autocomplete="username" hidden>
<label for="password">{password}</label>
<input id="password" name="password" type="password" autocomplete="new-password" required autofocus>
<label for="confirm">{again}</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
<input type="hidden" name="token" value="{{token}}"><input type="hidden" name="csrf" value="{{csrf}}">
<button type="submit">{save}</button>
</form>
"""

_TO_SIGN_IN = """<p class="help"><a href="{{base}}/auth/sign-in">{link}</a></p>
"""
