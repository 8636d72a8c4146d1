"""A studio account's data rights on the web: download everything as one JSON file, delete
the account and all its data (the password asked again); a guardian does both for a young
dancer in their care. Pages post to the same use cases from Account and Classes."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from turnout.domain.accounts import MAX_PASSWORD
from turnout.errors import ForbiddenError, InputError, NotFoundError
from turnout.services.account_data import CONFIRM_WORD
from turnout.web.deps import Acting, WebApp
from turnout.web.rendering import page
from turnout.web.schema_base import MaybeFormRowId, RowId, StrictModel, errors
from turnout.web.security.sign_in import COOKIE

router = APIRouter(tags=["accounts"])
Id = RowId
Text = Annotated[str, Form(max_length=MAX_PASSWORD + 1)]
DATA = {
    "description": "Everything kept about the account, as one JSON file.",
    "content": {"application/json": {"schema": {"type": "object"}}},
}


class DeleteIn(StrictModel):
    password: str = Field(min_length=1, max_length=MAX_PASSWORD + 1, description="Yours.")
    confirm: str = Field(max_length=40, description=f'Type "{CONFIRM_WORD}" to confirm.')


class Deleted(BaseModel):
    deleted: dict[str, int] = Field(description="Rows deleted for good, by table.")


@router.get("/api/me/data", responses={200: DATA, **errors(401)})
def my_data(acting: Acting, web: WebApp) -> Response:
    """Download everything kept about this account: its practice log, classes and what it
    shares, guardians and consents, teachers' notes about it, and its sign-ins."""
    return _download(web.account_data.export(acting), acting.email)


@router.post("/api/me/delete", responses=errors(401, 403, 422))
def delete_me(body: DeleteIn, acting: Acting, web: WebApp) -> JSONResponse:
    """Delete this account and all its data for good; the cookie stops working at once."""
    counts = web.account_data.delete(acting, body.password, body.confirm)
    web.preference_stores.forget(acting.dancer_id)
    answer = JSONResponse(Deleted(deleted=counts).model_dump())
    answer.delete_cookie(COOKIE, path="/")
    return answer


@router.get(
    "/api/guardian/dancers/{dancer_id}/data", responses={200: DATA, **errors(401, 403, 404, 422)}
)
def ward_data(dancer_id: Id, acting: Acting, web: WebApp) -> Response:
    """Download everything kept about a young dancer in this guardian's care."""
    found = web.account_data.export(acting, dancer_id)
    return _download(found, str(found["account"]["email"]))


@router.post("/api/guardian/dancers/{dancer_id}/delete", responses=errors(401, 403, 404, 422))
def delete_ward(dancer_id: Id, body: DeleteIn, acting: Acting, web: WebApp) -> Deleted:
    """Delete a young dancer's account and data; the guardian's own password confirms it."""
    ward = web.account_data.whose(acting, dancer_id)
    counts = web.account_data.delete(acting, body.password, body.confirm, dancer_id)
    web.preference_stores.forget(ward.dancer_id)
    return Deleted(deleted=counts)


@router.post("/account/delete", include_in_schema=False)
def delete_page(
    request: Request, acting: Acting, web: WebApp, password: Text, confirm: Text = "",
    dancer_id: MaybeFormRowId = None,
) -> Response:  # fmt: skip
    try:
        ward = web.account_data.whose(acting, dancer_id)
        web.account_data.delete(acting, password, confirm, dancer_id)
        web.preference_stores.forget(ward.dancer_id)
    except (InputError, ForbiddenError, NotFoundError) as error:
        status = 422 if isinstance(error, InputError) else 403
        return page(web, request, "deleted.html", status, message=str(error), mine=True)
    if dancer_id is not None and dancer_id != acting.id:
        return page(web, request, "deleted.html", message="", mine=False)
    answer = page(web, request, "deleted.html", message="", mine=True)
    answer.delete_cookie(COOKIE, path="/")
    return answer


def _download(found: dict[str, Any], email: str) -> Response:
    name = "".join(c if c.isalnum() else "-" for c in email)[:60]
    return Response(
        json.dumps(found, ensure_ascii=False, indent=1),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="turnout-{name}.json"'},
    )
