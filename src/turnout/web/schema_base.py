"""The strict base of every request body, and the one shape of every error answer of the API.

`errors(404, 422)` names the failures an operation can answer, for its route's `responses=`;
`COMMON_ERRORS` are those any request can meet before it reaches its route (the Host, pairing,
origin and size checks, a busy log), added to every router where the app includes it.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Form, Path
from pydantic import BaseModel, ConfigDict, Field

MAX_ROW_ID = 2**31 - 1  # an id the database can hold: a larger number is a 422, never a 500
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]  # an account's, a class's, a row's, in a path
FormRowId = Annotated[int, Form(ge=1, le=MAX_ROW_ID)]  # the same, in a page's form
MaybeFormRowId = Annotated[int | None, Form(ge=1, le=MAX_ROW_ID)]  # one a form may leave out


class StrictModel(BaseModel):
    """A request body as its schema says it: a field the API does not know is an error, and
    each value must be of its JSON type (`true` is not 1, "5" is not 5). A field that takes a
    string for another type (an enum, a date) says `strict=False`."""

    model_config = ConfigDict(extra="forbid", strict=True)


class FieldProblem(BaseModel):
    loc: list[str | int] = Field(description="Where the bad value is: 'body', then field names.")
    msg: str
    type: str


class Problem(BaseModel):
    """What every error answer of the API carries (the pages answer with an HTML page)."""

    detail: str = Field(description="One line: what was wrong, and what to do about it.")
    field: str | None = Field(None, description="The field at fault, when it is one field.")
    errors: list[FieldProblem] | None = Field(
        None, description="Each value the request's schema refuses (422 only)."
    )


WHY = {
    400: "The address names another server (a Host this one does not answer to), or the "
    "request cannot be used as sent.",
    401: "Not signed in to a studio's server, the email and password do not match, or the "
    "server listens beyond this computer and this device is not paired.",
    403: "The request came from another web page, a form lacks its security token, or the "
    "signed-in account may not do this; nothing was changed.",
    404: "There is no such thing (routine, session, profile, device).",
    409: "The action does not fit the session right now, or another process runs it.",
    429: "Too many failed sign-in tries: wait the seconds `Retry-After` says.",
    413: "The request body is larger than this address accepts.",
    415: "The body is not sent the way this operation takes it.",
    422: "A value cannot be right; `detail` (and `field`, when it is one) says which.",
    503: "The practice log is busy or cannot be written, or the server is busy; try again.",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route that can answer these statuses, each with a `Problem`."""
    return {status: {"model": Problem, "description": WHY[status]} for status in statuses}


COMMON_ERRORS = errors(400, 401, 403, 413, 503)
