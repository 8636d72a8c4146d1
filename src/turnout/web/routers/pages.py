"""The HTML pages. They read through the same services and views as the JSON API."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from turnout import services
from turnout.domain.history import local_day
from turnout.web import charts
from turnout.web.deps import Live, Web, WebApp
from turnout.web.history_data import history_data, today_plan, weekly_totals
from turnout.web.safety_views import player_safety, safety_context
from turnout.web.views import session_view

STATIC = Path(__file__).resolve().parent.parent / "static"
router = APIRouter(include_in_schema=False)


def _page(web: Web, request: Request, name: str, **context: Any) -> HTMLResponse:
    context.setdefault("preferences", web.preferences.load())
    response: HTMLResponse = web.templates.TemplateResponse(request, name, context)
    return response


@router.get("/")
def home(request: Request, web: WebApp) -> HTMLResponse:
    preferences = web.preferences.load()
    routines = web.routines()
    key = preferences.default_routine if preferences.default_routine in routines else None
    key = key or next(iter(routines), None)
    found = services.history(web.uow, web.now(), web.tz)
    live = web.registry.current()
    return _page(
        web,
        request,
        "home.html",
        routine=routines.get(key) if key else None,
        routines=routines,
        plan=today_plan(web, key) if key else [],
        streak=found.streak,
        last_day=found.days[0] if found.days else None,
        current=session_view(live, web.now(), web.time_scale) if live else None,
        token=uuid.uuid4().hex,
        **safety_context(web, routines.get(key) if key else None),
    )


@router.get("/routines/{key}")
def routine_page(key: str, request: Request, web: WebApp) -> HTMLResponse:
    routine = web.routine(key)
    return _page(web, request, "routine.html", routine=routine, **safety_context(web, routine))


@router.get("/routine")
def default_routine(web: WebApp) -> RedirectResponse:
    return RedirectResponse(f"/routines/{web.preferences.load().default_routine}", 307)


@router.get("/practice/{session_id}")
def player(live: Live, request: Request, web: WebApp) -> HTMLResponse:
    view = session_view(live, web.now(), web.time_scale)
    return _page(
        web,
        request,
        "player.html",
        session=view,
        state_json=view.model_dump_json().replace("</", "<\\/"),
        **player_safety(web, view),
    )


@router.get("/history")
def history_page(request: Request, web: WebApp) -> HTMLResponse:
    data = history_data(web)
    found = services.history(web.uow, web.now(), web.tz)
    today = local_day(web.now(), web.tz)
    progress = services.progress(web.uow, web.routines())
    return _page(
        web,
        request,
        "history.html",
        data=data,
        days=found.days,
        calendar=charts.calendar(found.days, today),
        today=today,
        weekly_svg=charts.weekly_chart(weekly_totals(found.days, today)),
        exercise_svg=charts.exercise_chart(progress),
    )


@router.get("/settings")
def settings_page(request: Request, web: WebApp) -> HTMLResponse:
    return _page(web, request, "settings.html", routines=web.routines())


@router.get("/manifest.webmanifest")
def manifest() -> Response:
    return FileResponse(STATIC / "manifest.webmanifest", media_type="application/manifest+json")


@router.get("/sw.js")
def service_worker() -> Response:
    # Served from the root so that it may look after every page of the app.
    return FileResponse(STATIC / "sw.js", media_type="text/javascript")
