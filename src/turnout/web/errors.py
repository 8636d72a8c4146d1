"""Every failure a client can cause becomes a clear 4xx (or 503) with a one-line message, as a
`Problem` (web/schema_base.py, which the OpenAPI document names for every error).

Input echoed back in a message is cut to a short excerpt: a megabyte sent as a routine name or
a field name must not come back whole.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.routing import Match

from turnout.domain.session import TransitionError
from turnout.errors import (
    ConflictError,
    ForbiddenError,
    InputError,
    InvalidChoiceError,
    NotFoundError,
    SignInError,
    StorageError,
    TurnoutError,
    WaitError,
)
from turnout.i18n import N_, _
from turnout.web.validation_text import message

EXCERPT = 80  # characters of an echoed value that a message keeps
LONGEST = 400  # characters of a whole message; ours are one line, far shorter
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
_PROBE = {"type": "http", "root_path": "", "headers": [], "query_string": b""}
# FastAPI's words for a body it cannot decode, in ours.
_UNREADABLE = {
    "There was an error parsing the body": N_(
        "The request body cannot be read: send JSON text in UTF-8 (or, for an upload, a "
        "multipart form)."
    )
}
# A quoted stretch longer than an excerpt: an echoed value, as repr() or f"'{x}'" writes it.
_QUOTED = re.compile("|".join(f"{mark}[^{mark}]{{{EXCERPT + 1},}}{mark}" for mark in "'\""))


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(TransitionError, _status(409))
    app.add_exception_handler(InvalidChoiceError, _status(422))
    app.add_exception_handler(NotFoundError, _status(404))
    app.add_exception_handler(ConflictError, _status(422))
    app.add_exception_handler(StorageError, _status(503))
    app.add_exception_handler(InputError, _bad_input)
    app.add_exception_handler(SignInError, _status(401))
    app.add_exception_handler(ForbiddenError, _status(403))
    app.add_exception_handler(WaitError, _wait)
    app.add_exception_handler(TurnoutError, _status(400))


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """`text`, or its first `limit` characters and an ellipsis when it is longer."""
    return text if len(text) <= limit else text[:limit] + "…"


def clipped(message: str) -> str:
    """A message with every long quoted value cut to an excerpt, and at most LONGEST long."""
    short = _QUOTED.sub(lambda found: _quote(found.group(0)), message)
    return excerpt(short, LONGEST)


def describe(errors: list[dict[str, object]]) -> str:
    """'exercises.0: Input should be greater than or equal to 1' and the like, joined."""
    parts = []
    for error in errors:
        if error.get("type") == "json_invalid":
            return _("The request body is not valid JSON; send a JSON object.")
        if error.get("type") == "model_attributes_type":
            return _("The request body must be a JSON object, sent as application/json.")
        # Translators: {field} names the field ("exercises.0"), {problem} says what is wrong.
        where = _where(error) or _("request body")
        parts.append(_("{field}: {problem}").format(field=where, problem=message(error)))
    return clipped("; ".join(parts) or _("The request is not valid."))


def problem(status: int, detail: str, **more: object) -> JSONResponse:
    return JSONResponse({"detail": clipped(detail), **more}, status_code=status)


async def _invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [dict(error) for error in exc.errors()]
    safe = [{"loc": _location(e), "msg": str(e.get("msg")), "type": e.get("type")} for e in errors]
    field = _where(errors[0]) if errors else ""
    return problem(422, describe(errors), field=field or None, errors=safe)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = _allowed(request) or headers.get("Allow", "")
    if request.url.path.startswith("/api") or exc.status_code not in (404, 405):
        response = problem(exc.status_code, _(_UNREADABLE.get(str(exc.detail), str(exc.detail))))
        response.headers.update(headers)
        return response
    templates = request.app.state.templates
    context = {"status": exc.status_code, "message": clipped(str(exc.detail))}
    page: HTMLResponse = templates.TemplateResponse(request, "error.html", context)
    page.status_code = exc.status_code
    page.headers.update(headers)
    return page


async def _bad_input(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InputError)
    return problem(422, str(exc), field=excerpt(exc.field))


async def _wait(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, WaitError)
    response = problem(429, str(exc))
    response.headers["Retry-After"] = str(int(exc.retry_after))
    return response


def _allowed(request: Request) -> str:
    """Every method some route takes at this path. Starlette's 405 names only the methods of
    the first route that matched the path, and /api/profile (say) has a route per method."""
    routes = request.app.router.routes
    found = []
    for method in METHODS:
        probe = {**_PROBE, "path": request.scope["path"], "method": method}
        if any(route.matches(probe)[0] is Match.FULL for route in routes):
            found.append(method)
    return ", ".join(found)


def _location(error: dict[str, object]) -> list[str | int]:
    loc = error.get("loc")
    parts = loc if isinstance(loc, (list, tuple)) else ()
    return [part if isinstance(part, int) else excerpt(str(part)) for part in parts]


def _where(error: dict[str, object]) -> str:
    return ".".join(str(part) for part in _location(error) if part != "body")


def _quote(quoted: str) -> str:
    mark = quoted[0]
    return mark + excerpt(quoted[1:-1]) + mark


def _status(code: int) -> Callable[[Request, Exception], Awaitable[Response]]:
    async def handler(request: Request, exc: Exception) -> Response:
        return problem(code, str(exc))

    return handler
