"""Which language a request is answered in: the dancer's own setting, else this device's
cookie (set by Settings), else the browser's Accept-Language, else English.

`LanguageChoice` is the outermost middleware, so that even a refusal by the Host or origin
checks speaks the browser's language; `DancerLanguage` is the innermost, once a studio's
sign-in says whose request it is, and applies that dancer's setting when there is one.
"""

from __future__ import annotations

from collections.abc import Callable
from http.cookies import SimpleCookie

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from turnout import i18n

COOKIE = "turnout_lang"


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return ""


def from_request(scope: Scope) -> str:
    """The cookie's language, else the browser's, else English."""
    cookies: SimpleCookie = SimpleCookie()
    try:
        cookies.load(_header(scope, b"cookie"))
    except Exception:
        cookies = SimpleCookie()
    chosen = cookies.get(COOKIE)
    found = i18n.normalize(chosen.value) if chosen else None
    return found or i18n.best_match(_header(scope, b"accept-language")) or i18n.SOURCE


class LanguageChoice:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        with i18n.speaking(from_request(scope)):
            await self.app(scope, receive, send)


class DancerLanguage:
    """The acting dancer's chosen language, read from their preferences ("" for automatic)."""

    def __init__(self, app: ASGIApp, chosen: Callable[[], str]) -> None:
        self.app, self.chosen = app, chosen

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        setting = i18n.normalize(await run_in_threadpool(self.chosen))
        if not setting:
            await self.app(scope, receive, send)
            return
        with i18n.speaking(setting):
            await self.app(scope, receive, send)
