"""The API's interactive documentation at /docs, served whole by this app: it works offline.

FastAPI's own /docs loads Swagger UI from a CDN and starts it with an inline script, which the
Content-Security-Policy (`script-src 'self'`) forbids. This page loads the Swagger UI files that
the fastapi-offline package ships, and starts them from /static/docs.js.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse

from turnout import __version__
from turnout.i18n import _

router = APIRouter(include_in_schema=False)
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "favicon.png": "image/png",
}


def asset_folder() -> Path:
    """Where the Swagger UI files are, inside the installed fastapi-offline package."""
    return Path(str(files("fastapi_offline") / "static"))


def page(openapi_url: str = "/openapi.json") -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>turnout {escape(__version__)} · API</title>"
        '<link rel="icon" href="/docs/assets/favicon.png">'
        '<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>'
        f'<body><div id="swagger-ui" data-openapi="{escape(openapi_url)}"></div>'
        '<script src="/docs/assets/swagger-ui-bundle.js"></script>'
        '<script src="/static/docs.js"></script></body></html>'
    )


@router.get("/docs")
def docs_page() -> HTMLResponse:
    """Swagger UI over /openapi.json, with no file from elsewhere and no inline script."""
    return HTMLResponse(page())


@router.get("/docs/assets/{name}")
def docs_asset(name: str) -> FileResponse:
    """One of the few Swagger UI files, by its exact name (never a path the client made up)."""
    media = ASSETS.get(name)
    if media is None:
        raise HTTPException(404, _("No such documentation file."))
    headers = {"Cache-Control": "public, max-age=86400"}
    return FileResponse(asset_folder() / name, media_type=media, headers=headers)
