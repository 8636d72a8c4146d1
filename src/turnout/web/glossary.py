"""The glossary: the French ballet terms turnout uses, explained in the page's language."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from turnout.services import glossary
from turnout.web.deps import WebApp
from turnout.web.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/glossary", response_class=HTMLResponse)
def glossary_page(request: Request, web: WebApp) -> HTMLResponse:
    return page(web, request, "glossary.html", terms=glossary.terms())
