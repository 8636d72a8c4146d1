"""The Measure and live mirror pages, and the printable floor mat; the on-device mirror's
model files and socket (measure/ondevice.py) come in with these pages."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from turnout import __version__
from turnout.i18n import _
from turnout.web.deps import WebApp
from turnout.web.measure import ondevice
from turnout.web.measure.upload import PAPERS
from turnout.web.rendering import page

router = APIRouter(tags=["measure"], include_in_schema=False)
router.include_router(ondevice.router)


@router.get("/measure", include_in_schema=False)
def measure_page(request: Request, web: WebApp) -> HTMLResponse:
    return page(web, request, "measure.html")


@router.get("/mirror", include_in_schema=False)
def mirror_page(request: Request, web: WebApp) -> HTMLResponse:
    return page(web, request, "mirror.html", version=__version__)


@router.get("/measure/mat-{paper}.pdf", include_in_schema=False)
def mat(paper: str, web: WebApp) -> Response:
    if paper not in PAPERS:
        raise HTTPException(404, _("The mat comes as mat-a4.pdf or mat-letter.pdf."))
    pdf = web.container.vision().mat_pdf(paper)
    disposition = f'attachment; filename="turnout-mat-{paper}.pdf"'
    return Response(pdf, media_type="application/pdf", headers={"Content-Disposition": disposition})
