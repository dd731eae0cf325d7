"""What the web server's own pages share (sign-in, recovery, setting a password): the page around a form,
a token against forms another site made, telling HTTPS apart, behind a proxy too, and the language the
browser asks for (these pages come before anyone is signed in, so they speak the browser's language)."""

from __future__ import annotations

import html
import secrets
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Scope
from streamlit import config as streamlit_config

from council.i18n import DEFAULT, LANGUAGES, _, current_language, preferred_language
from council.services.workspace import Workspace

CSRF = "council_csrf"


def base_path() -> str:
    """Where this app's pages start on its host: "" or, with `server.baseUrlPath` (several workspaces on one
    host), e.g. "/acme". The web server's own pages and routes live under it too."""
    base = str(streamlit_config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def workspace() -> Workspace:
    from council.ui.session import open_current  # the app's one open workspace, shared with every session

    return open_current()


def browser_language(request: Request, ws: Workspace | None = None) -> str:
    """The first language the browser asks for that the workspace speaks, else the workspace's own."""
    default = ws.config.language if ws is not None else DEFAULT
    return preferred_language(request.headers.get("accept-language", "").split(","), default)


def in_form(text: str, **html_parts: str) -> str:
    """A translated text for a form template: escaped, with `html_parts` (markup, or the template's own
    placeholders such as "{email}") put in where the text names them."""
    escaped = html.escape(text)
    if html_parts:
        return escaped.format(**html_parts)
    return escaped.replace("{", "{{").replace("}", "}}")


def same(given: str, expected: str) -> bool:
    """Compared in constant time, whatever characters were sent."""
    return secrets.compare_digest(given.encode(), expected.encode())


def https(scope: Scope) -> bool:
    """Whether the browser reached the app over HTTPS, directly or through a proxy that says so."""
    return scope.get("scheme") == "https" or (b"x-forwarded-proto", b"https") in scope.get("headers", [])


def form_page(
    request: Request,
    title: str,
    message: str,
    form: str,
    status: int,
    *,
    good_news: bool = False,
    **fields: str,
) -> Response:
    """One of the sign-in pages, in the current language: `form` filled with `fields` (escaped) and a token
    against forged posts, kept in a cookie too, that `fresh` compares when the form comes back."""
    csrf = request.cookies.get(CSRF) or secrets.token_urlsafe(24)
    tone = "note done" if good_news else "note"
    note = f'<p class="{tone}" role="alert">{html.escape(message)}</p>' if message else ""
    escaped = {k: html.escape(v, quote=True) for k, v in fields.items()}
    filled = form.format(csrf=html.escape(csrf), base=html.escape(base_path(), quote=True), **escaped)
    organisation = workspace().config.organisation
    body = PAGE.format(
        language=current_language() if current_language() in LANGUAGES else DEFAULT,
        title=html.escape(title),
        organisation=html.escape(organisation),
        council=html.escape(
            _("{organisation} · customer-experience council").format(organisation=organisation)
        ),
        note=note,
        form=filled,
    )
    response = HTMLResponse(body, status_code=status, headers=NO_FRAMES)
    response.set_cookie(
        CSRF, csrf, httponly=True, samesite="strict", secure=https(request.scope), path=f"{base_path()}/auth/"
    )
    return response


def fresh(request: Request, form: Any) -> bool:
    """Whether a posted form carries the token its page was given (not a form another site made)."""
    return same(str(form.get("csrf", "")), request.cookies.get(CSRF, "-"))


NO_FRAMES = {"Content-Security-Policy": "frame-ancestors 'self'", "X-Frame-Options": "SAMEORIGIN",
              "Cache-Control": "no-store", "Referrer-Policy": "same-origin"}  # fmt: skip

PAGE = """<!doctype html>
<html lang="{language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · {organisation}</title>
<style>
body {{ font-family: "Source Sans Pro", system-ui, sans-serif; background: #f6f6f4; color: #31333f; margin: 0; }}
main {{ max-width: 26rem; margin: 12vh auto; background: #fff; padding: 2rem 2.2rem; border-radius: .6rem;
        border: 1px solid #e6e6e2; }}
h1 {{ font-size: 2rem; margin: 0 0 .2rem; }} .org {{ color: #6b6d76; margin: 0 0 1.5rem; }}
label {{ display: block; margin: 1rem 0 .3rem; font-size: .95rem; }}
input[type=email], input[type=password] {{ width: 100%; box-sizing: border-box; padding: .55rem .7rem;
        font-size: 1rem; border: 1px solid #d0d0cc; border-radius: .4rem; background: #f9f9f8; }}
.keep {{ display: flex; gap: .5rem; align-items: center; margin-top: 1rem; }}
.keep label {{ margin: 0; }}
button {{ margin-top: 1.4rem; padding: .55rem 1.2rem; font-size: 1rem; border: 0; border-radius: .4rem;
        background: #1c5d99; color: #fff; cursor: pointer; }}
.note {{ background: #fdecea; color: #7d2020; padding: .7rem .9rem; border-radius: .4rem; }}
.note.done {{ background: #e8f1fa; color: #163f66; }}
.help {{ color: #6b6d76; font-size: .9rem; margin-top: 1.5rem; }}
</style></head>
<body><main>
<h1>{title}</h1><p class="org">{council}</p>
{note}
{form}
</main></body></html>
"""
