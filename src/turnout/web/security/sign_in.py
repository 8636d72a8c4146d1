"""On a studio's log every request needs a signed-in account, whoever's computer it comes from.

The account is put in the request's state and made the acting one (web/acting.py) for as long
as the request runs, so each feature's unit of work and live sessions are that account's own.
Only the static files, the sign-in form and the password-reset links are open. A personal log
(no studio row) is served as before, with no sign-in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from turnout.domain.accounts import Studio
from turnout.i18n import _
from turnout.services.sign_in import SignIns
from turnout.web import acting
from turnout.web.security.answers import refuse
from turnout.web.security.scope import cookie, header

COOKIE = "turnout_session"
OPEN_PATHS = ("/static/", "/reset/")
OPEN_EXACT = ("/signin", "/api/auth/login", "/favicon.ico", "/sw.js", "/healthz", "/readyz")
PROBE_SECONDS = 2.0  # how long "this log is (not) a studio's" is believed


class StudioProbe:
    """Whether the log is a studio's, asked of the log at most every PROBE_SECONDS (a
    `turnout studio init` while the server runs takes effect within that)."""

    def __init__(self, studio: Callable[[], Studio | None]) -> None:
        self._studio, self._known, self._asked = studio, False, -PROBE_SECONDS

    def __call__(self) -> bool:
        now = time.monotonic()
        if not self._known and now - self._asked >= PROBE_SECONDS:
            self._known, self._asked = self._studio() is not None, now
        return self._known  # once a studio, always: there is no way back to personal


class SignInCheck:
    def __init__(self, app: ASGIApp, sign_ins: SignIns, is_studio: StudioProbe) -> None:
        self.app, self.sign_ins, self.is_studio = app, sign_ins, is_studio

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or not self.is_studio():
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        state["studio"] = True
        # A read of the log: on a worker thread, so a slow database never stalls the loop.
        found = await run_in_threadpool(self.sign_ins.account_for, cookie(scope, COOKIE))
        if found is None:
            if not _open(scope):
                await _ask_to_sign_in(scope, receive, send)
                return
            with acting.as_nobody():
                await self.app(scope, receive, send)
            return
        state["account"], state["signed_in"] = found
        with acting.as_account(found[0]):
            await self.app(scope, receive, send)


def _open(scope: Scope) -> bool:
    path = str(scope.get("path", ""))
    return path in OPEN_EXACT or path.startswith(OPEN_PATHS)


async def _ask_to_sign_in(scope: Scope, receive: Receive, send: Send) -> None:
    """A page is sent to the sign-in form (and back afterwards); the API gets a 401."""
    path = str(scope.get("path", ""))
    wants_page = scope["type"] == "http" and scope.get("method") in ("GET", "HEAD")
    if wants_page and not path.startswith("/api") and "text/html" in header(scope, "accept"):
        query = scope.get("query_string", b"").decode("latin-1")
        back = path + (f"?{query}" if query else "")
        await RedirectResponse(f"/signin?next={quote(back, safe='')}", 303)(scope, receive, send)
        return
    await refuse(scope, receive, send, 401, _(acting.SIGN_IN))
