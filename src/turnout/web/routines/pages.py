"""A routine's page: every exercise as published, with what the safety layer changes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from turnout.services import adaptation
from turnout.web.deps import WebApp
from turnout.web.rendering import context_of, page

router = APIRouter(include_in_schema=False)


@router.get("/routines/{key}")
def routine_page(key: str, request: Request, web: WebApp) -> HTMLResponse:
    routine = web.routine(key)
    found = adaptation.outlook(web.uow, routine, web.routines(), web.now(), web.tz)
    return page(web, request, "routine.html", routine=routine, **context_of(found))


@router.get("/routine")
def default_routine(web: WebApp) -> RedirectResponse:
    return RedirectResponse(f"/routines/{web.preferences.load().default_routine}", 307)
