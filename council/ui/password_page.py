"""The web server's page for choosing a first password with the link from a mail (local accounts)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from council.domain.errors import CouncilError
from council.services import password_links
from council.ui.web_forms import base_path, form_page, fresh, workspace

TITLE = "Choose your password"


async def set_password_page(request: Request) -> Response:
    if request.method == "GET":
        token = request.query_params.get("token", "")
        ws = await run_in_threadpool(workspace)
        person = await run_in_threadpool(password_links.person_of_link, ws, token)
        if person is None:
            return form_page(request, TITLE, password_links.EXPIRED, _TO_SIGN_IN, 410)
        return form_page(request, TITLE, "", _FORM, 200, token=token, email=person.email or "")
    form = await request.form()
    token = str(form.get("token", ""))
    if not fresh(request, form):
        return form_page(
            request, TITLE, "The form had expired. Fill it in again.", _FORM, 400, token=token, email=""
        )
    ws = await run_in_threadpool(workspace)
    password, confirm = str(form.get("password", "")), str(form.get("confirm", ""))
    try:
        await run_in_threadpool(password_links.set_password_with_link, ws, token, password, confirm)
    except CouncilError as e:
        person = await run_in_threadpool(password_links.person_of_link, ws, token)
        if person is None:
            return form_page(request, TITLE, e.message, _TO_SIGN_IN, 410)
        return form_page(request, TITLE, e.message, _FORM, 400, token=token, email=person.email or "")
    return RedirectResponse(f"{base_path()}/auth/sign-in?password_set=1", 303)


_FORM = """<p>You sign in to the workspace with <strong>{email}</strong>. Choose a password of at least 10
characters: a few unrelated words make a good one.</p>
<form method="post" action="{base}/auth/set-password">
<input type="email" name="username" value="{email}" autocomplete="username" hidden>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required autofocus>
<label for="confirm">The password again</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
<input type="hidden" name="token" value="{token}"><input type="hidden" name="csrf" value="{csrf}">
<button type="submit">Save the password</button>
</form>
"""

_TO_SIGN_IN = """<p class="help"><a href="{base}/auth/sign-in">To signing in</a></p>
"""
