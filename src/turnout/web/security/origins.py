"""Cross-site request forgery: a request that changes something must come from our own pages.

The rule, for POST, PUT, PATCH and DELETE:
- a foreign signal refuses it: `Sec-Fetch-Site: cross-site` or `same-site`, or an `Origin`
  (or, without one, a `Referer`) naming another site;
- a form body (urlencoded or text/plain, what an HTML form sends, which any page can do without
  asking) must also carry this device's CSRF token: the `csrf_token` field or the
  `X-CSRF-Token` header, equal to the `turnout_csrf` cookie. A multipart upload needs the header
  unless it has a same-origin signal or comes from a script (the file is not scanned for a field);
- any other body passes with a same-origin signal or the token; `Origin: null` without the token
  is refused (sandboxed frames send it). A request with no browser signal at all is a script,
  not a page, and passes: a page cannot send a request without them.
A WebSocket handshake must name our own origin. Every refusal is a 403 that changes nothing.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import parse_qs, urlsplit

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from turnout.i18n import N_, _
from turnout.web.security.answers import refuse
from turnout.web.security.scope import cookie, header, headers

COOKIE = "turnout_csrf"
FIELD = "csrf_token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
FOREIGN = N_("This request came from another web page, so it was refused and nothing was changed.")
NO_TOKEN = N_(
    "This form is missing its security token (or it is out of date). Reload the page and send it "
    "again; nothing was changed."
)


class OriginCheck:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            if header(scope, "origin").lower() != own_origin(scope):
                await refuse(scope, receive, send, 403, _(FOREIGN))
                return
        elif scope["type"] == "http":
            token = _cookie_token(scope)
            scope.setdefault("state", {})["csrf_token"] = token or secrets.token_urlsafe(24)
            if scope.get("method") in UNSAFE:
                receive, problem = await _check(scope, receive, token)
                if problem:
                    await refuse(scope, receive, send, 403, _(problem))
                    return
            if not token:
                send = _setting_cookie(send, scope["state"]["csrf_token"])
        await self.app(scope, receive, send)


async def _check(scope: Scope, receive: Receive, token: str | None) -> tuple[Receive, str]:
    found = headers(scope)
    site = found.get("sec-fetch-site", "")
    origin = (found.get("origin") or _referer_origin(found.get("referer", ""))).lower()
    ours = own_origin(scope)
    if site in ("cross-site", "same-site") or (origin not in ("", "null", ours)):
        return receive, FOREIGN
    same = site == "same-origin" or origin == ours
    kind = found.get("content-type", "").split(";")[0].strip().lower()
    sent = found.get("x-csrf-token", "")
    if kind in FORM_TYPES and kind != "multipart/form-data" and not _matches(sent, token):
        receive, sent = await _form_token(receive)
    script = not (origin or site)  # no browser signal at all: a script, not a page
    if _matches(sent, token):
        return receive, ""
    if kind in FORM_TYPES and kind != "multipart/form-data":
        return receive, NO_TOKEN
    if kind == "multipart/form-data" and not (same or script):
        return receive, NO_TOKEN
    return receive, "" if same or script else FOREIGN


def own_origin(scope: Scope) -> str:
    scheme = {"ws": "http", "wss": "https"}.get(str(scope.get("scheme")), str(scope.get("scheme")))
    return f"{scheme}://{headers(scope).get('host', '')}".lower()


async def _form_token(receive: Receive) -> tuple[Receive, str]:
    """Read the whole (size-capped) form body, find its token, and replay the body to the app."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    values = parse_qs(body.decode("latin-1"), max_num_fields=200).get(FIELD, [""])
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if replayed:
            return await receive()
        replayed = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay, values[0]


def _matches(sent: str, token: str | None) -> bool:
    return bool(sent and token) and hmac.compare_digest(sent.encode(), str(token).encode())


def _setting_cookie(send: Send, token: str) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            cookie = f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000"
            MutableHeaders(scope=message).append("set-cookie", cookie)
        await send(message)

    return wrapped


def _cookie_token(scope: Scope) -> str | None:
    value = cookie(scope, COOKIE)
    return value if 16 <= len(value) <= 64 else None


def _referer_origin(referer: str) -> str:
    parts = urlsplit(referer)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""
