"""The JSON API of the practice log: history, export, and the dancer's corrections to it."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse, Response

from turnout.domain.corrections import Target
from turnout.services import corrections, history
from turnout.web.deps import WebApp
from turnout.web.history.presenters import history_data, hold_out, sessions_out
from turnout.web.history.schemas import HoldOut, HoldStatusIn, SessionsPageOut
from turnout.web.log_changes import undoable
from turnout.web.schema_base import errors

router = APIRouter(prefix="/api", tags=["history"])
# What the download really is: CSV text, or a JSON array with one object per hold.
EXPORT = {
    "description": "Every logged hold, as a file to save (Content-Disposition: attachment). "
    "Deleted holds are included with `deleted_at` set; `status_was` is the status a hold had "
    "before it was corrected.",
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
    """Every logged hold, oldest first, as a CSV or JSON download, deleted ones marked."""
    media = "text/csv" if fmt == "csv" else "application/json"
    headers = {"Content-Disposition": f'attachment; filename="turnout-holds.{fmt}"'}
    text = history.export_holds(web.uow, fmt)
    return PlainTextResponse(text, media_type=media, headers=headers)


@router.get("/log/sessions", responses=errors(422))
def list_sessions(web: WebApp, page: int = Query(1, ge=1, le=100_000)) -> SessionsPageOut:
    """Sessions newest first, ten a page, each with its holds and how each ended."""
    return sessions_out(history.sessions_page(web.uow, page), web.tz)


undoable(router, "/log/sessions/{entry_id}", Target.SESSION, "a finished session and its holds")
undoable(router, "/log/holds/{entry_id}", Target.HOLD, "one hold")


@router.put("/log/holds/{hold_id}/status", responses=errors(404, 422))
def correct_hold(hold_id: int, change: HoldStatusIn, web: WebApp) -> HoldOut:
    """Set what really happened: completed or skipped. The status it replaces is kept in the
    log's record of corrections, and exports show it as `status_was`."""
    entry = corrections.correct_hold_status(web.uow, hold_id, change.status, web.now())
    return hold_out(entry, web.tz)
