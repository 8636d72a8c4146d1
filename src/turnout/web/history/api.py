"""The JSON API of the practice log: history and export."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse, Response

from turnout.services import history
from turnout.web.deps import WebApp
from turnout.web.history.presenters import history_data
from turnout.web.schema_base import errors

router = APIRouter(prefix="/api", tags=["history"])
# What the download really is: CSV text, or a JSON array with one object per hold.
EXPORT = {
    "description": "Every logged hold, as a file to save (Content-Disposition: attachment).",
    "content": {
        "text/csv": {"schema": {"type": "string"}},
        "application/json": {"schema": {"type": "array", "items": {"type": "object"}}},
    },
}


@router.get("/history", responses=errors(422))
def get_history(web: WebApp, days: int | None = Query(None, ge=1, le=3660)) -> dict[str, Any]:
    """Practice days, streak, holds done against planned per exercise, and weekly totals."""
    return history_data(web, days)


@router.get("/export/{fmt}", response_class=Response, responses={200: EXPORT, **errors(422)})
def export(fmt: Literal["csv", "json"], web: WebApp) -> PlainTextResponse:
    """Every logged hold, oldest first, as a CSV or JSON download."""
    media = "text/csv" if fmt == "csv" else "application/json"
    headers = {"Content-Disposition": f'attachment; filename="turnout-holds.{fmt}"'}
    text = history.export_holds(web.uow, fmt)
    return PlainTextResponse(text, media_type=media, headers=headers)
