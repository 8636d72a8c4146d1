"""Plain HTML forms: read what was posted, save it, and go on, or show the page again saying
which field to fix. The pages work without JavaScript this way."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from turnout.errors import ForbiddenError, InputError
from turnout.i18n import _
from turnout.web.errors import clipped

if TYPE_CHECKING:
    from turnout.web.deps import Web


class Redisplay(Protocol):
    """A page shown again with `status` and more template variables (the error, the form)."""

    def __call__(self, request: Request, web: Web, status: int, **more: Any) -> Response: ...


async def post_form(
    request: Request,
    web: Web,
    save: Callable[[Web, FormData], None],
    redisplay: Redisplay,
    done: str,
) -> Response:
    """Save the posted form off the event loop, then go to `done` (303); a bad field shows
    the page again with 422, its message and what was typed."""
    form = await request.form()
    try:
        await run_in_threadpool(save, web, form)
    except InputError as error:
        message = clipped(str(error))  # a huge value typed in comes back as an excerpt
        return redisplay(request, web, 422, error=message, field=error.field, form=form)
    except ForbiddenError as error:  # a minor's health answers, say, before a guardian agreed
        return redisplay(request, web, 403, error=str(error), field=None, form=form)
    return RedirectResponse(done, 303)


def text(form: FormData, key: str) -> str:
    """A text field as typed; "" when it is missing."""
    return str(form.get(key) or "")


def number(value: object, field: str) -> float:
    try:
        return float(str(value))
    except ValueError:
        raise InputError(field, f"{field}: enter a number.") from None


def whole(value: object, field: str) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise InputError(field, _("{field}: enter a whole number.").format(field=field)) from None
