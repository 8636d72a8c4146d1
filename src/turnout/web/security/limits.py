"""A cap on every request body, checked from Content-Length and again while it streams in.

Starlette's own RequestBodyLimitMiddleware answers a bare "Content Too Large" in plain text;
this one says what the limit is, in the app's JSON error shape.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from turnout.i18n import _
from turnout.web.security.answers import refuse

DEFAULT_LIMIT = 1024 * 1024  # JSON and form bodies


class BodyLimit:
    """413 for a body over its path's limit: `DEFAULT_LIMIT` unless `larger` names the path."""

    def __init__(self, app: ASGIApp, larger: Mapping[str, int] | None = None) -> None:
        self.app = app
        self.larger = dict(larger or {})

    def limit_for(self, path: str) -> int:
        return self.larger.get(path.rstrip("/") or "/", DEFAULT_LIMIT)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(str(scope.get("path", "")))
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await refuse(scope, receive, send, 413, too_large(limit))
            return
        received = 0

        async def counted() -> Message:
            # The app's error handler turns this into the same JSON 413 (FastAPI passes an
            # HTTPException raised while reading the body on as it is).
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, too_large(limit))
            return message

        await self.app(scope, counted, send)


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def too_large(limit: int) -> str:
    size = f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit // 1024} KB"
    # Translators: {size} is a size such as "25 MB".
    return _("The request body is larger than {size}, the most this address accepts.").format(
        size=size
    )
