"""The pairing link a phone opens, and the Devices page (link, QR code, paired devices)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from turnout.errors import NotFoundError
from turnout.web.deps import WebApp
from turnout.web.pairing.presenters import device_name, device_rows, link_view
from turnout.web.rendering import page
from turnout.web.security.pairing import COOKIE, from_this_computer

router = APIRouter(include_in_schema=False)
A_YEAR = 365 * 24 * 3600


@router.get("/pair/{code}")
def pair(code: str, request: Request, web: WebApp) -> HTMLResponse:
    """Pair the device that opened a one-time link; a used or stale link says what to do."""
    try:
        secret = web.pairing.redeem(code, device_name(request.headers.get("user-agent", "")))
    except NotFoundError as error:
        return page(web, request, "paired.html", status=404, paired=False, message=str(error))
    response = page(web, request, "paired.html", paired=True, message="")
    response.set_cookie(COOKIE, secret, max_age=A_YEAR, httponly=True, samesite="strict")
    return response


@router.get("/settings/devices")
def devices_page(request: Request, web: WebApp) -> HTMLResponse:
    web.require_owner()
    here = from_this_computer(request.scope)
    link = None
    if here and web.pairing_required:
        fresh = web.pairing.new_link()
        link = link_view(f"{web.pairing_base(request)}/pair/{fresh.code}", fresh.expires_at, web.tz)
    return page(
        web,
        request,
        "devices.html",
        link=link,
        here=here,
        required=web.pairing_required,
        devices=device_rows(web.pairing.devices(), web.tz),
    )


@router.post("/settings/devices/{device_id}/revoke")
def revoke(device_id: str, web: WebApp) -> Response:
    web.require_owner()
    try:
        web.pairing.revoke(device_id)
    except NotFoundError as error:
        raise HTTPException(404, str(error)) from None
    return RedirectResponse("/settings/devices", status_code=303)
