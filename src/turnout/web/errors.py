"""Every failure a client can cause becomes a clear 4xx (or 503) with a one-line message."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from turnout.domain.session import TransitionError
from turnout.errors import InputError, InvalidChoiceError, StorageError, TurnoutError


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(TransitionError, _status(409))
    app.add_exception_handler(InvalidChoiceError, _status(422))
    app.add_exception_handler(StorageError, _status(503))
    app.add_exception_handler(InputError, _bad_input)
    app.add_exception_handler(TurnoutError, _status(400))


def describe(errors: list[dict[str, object]]) -> str:
    """'exercises.0: Input should be greater than or equal to 1' and the like, joined."""
    parts = []
    for error in errors:
        if error.get("type") == "json_invalid":
            return "The request body is not valid JSON; send a JSON object."
        if error.get("type") == "model_attributes_type":
            return "The request body must be a JSON object, sent as application/json."
        loc = [str(part) for part in _location(error) if part != "body"]
        where = ".".join(loc) or "request body"
        parts.append(f"{where}: {error.get('msg')}")
    return "; ".join(parts) or "The request is not valid."


async def _invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [dict(error) for error in exc.errors()]
    safe = [{"loc": e.get("loc"), "msg": e.get("msg"), "type": e.get("type")} for e in errors]
    return JSONResponse({"detail": describe(errors), "errors": safe}, status_code=422)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if request.url.path.startswith("/api") or exc.status_code not in (404, 405):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
    templates = request.app.state.templates
    context = {"status": exc.status_code, "message": exc.detail}
    page: HTMLResponse = templates.TemplateResponse(request, "error.html", context)
    page.status_code = exc.status_code
    return page


async def _bad_input(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InputError)
    return JSONResponse({"detail": str(exc), "field": exc.field}, status_code=422)


def _location(error: dict[str, object]) -> tuple[object, ...]:
    loc = error.get("loc")
    return tuple(loc) if isinstance(loc, (list, tuple)) else ()


def _status(code: int) -> Callable[[Request, Exception], Awaitable[Response]]:
    async def handler(request: Request, exc: Exception) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=code)

    return handler
