"""How a middleware refuses: JSON for the API and scripts, a short page for a browser's page
request, and a closed handshake for a WebSocket."""

from __future__ import annotations

from html import escape

from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Receive, Scope, Send

from turnout.i18n import N_, _, current, html_lang

POLICY_VIOLATION = 1008  # the WebSocket close code for "refused by policy"
TITLES = {
    400: N_("Wrong address"),
    401: N_("Pair this device first"),
    403: N_("Refused"),
    413: N_("Too large"),
}


async def refuse(scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": POLICY_VIOLATION, "reason": message[:120]})
        return
    await answer(scope, status, message)(scope, receive, send)


def answer(scope: Scope, status: int, message: str) -> Response:
    if _wants_page(scope):
        return HTMLResponse(page(_(TITLES.get(status, TITLES[403])), message), status_code=status)
    return JSONResponse({"detail": message}, status_code=status)


def page(title: str, message: str, extra: str = "") -> str:
    """A page of its own, for when the app's templates must not be reached."""
    return (
        f'<!doctype html><html lang="{html_lang(current())}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{escape(title)} · turnout</title><link rel="stylesheet" href="/static/app.css">'
        f'</head><body><main id="main"><section class="card narrow"><h1>{escape(title)}</h1>'
        f"<p>{escape(message)}</p>{extra}</section></main></body></html>"
    )


def _wants_page(scope: Scope) -> bool:
    path = str(scope.get("path", ""))
    if path.startswith("/api") or scope.get("method") not in ("GET", "HEAD"):
        return False
    for key, value in scope.get("headers", []):
        if key == b"accept":
            return b"text/html" in bytes(value)
    return False
