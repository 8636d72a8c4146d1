"""The settings page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from turnout.web.deps import WebApp
from turnout.web.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/settings")
def settings_page(request: Request, web: WebApp) -> HTMLResponse:
    return page(web, request, "settings.html", routines=web.routines())
