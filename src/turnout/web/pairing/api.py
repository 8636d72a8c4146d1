"""The paired devices as JSON: list them, revoke one."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response

from turnout.errors import NotFoundError
from turnout.web.deps import WebApp
from turnout.web.schema_base import StrictModel, errors

router = APIRouter(prefix="/api/devices", tags=["devices"])


class DeviceOut(StrictModel):
    id: str
    name: str
    paired_at: float


@router.get("", responses=errors(403))
def list_devices(web: WebApp) -> list[DeviceOut]:
    """Every device paired with this server, oldest first (a studio's admin's only)."""
    web.require_owner()
    found = sorted(web.pairing.devices(), key=lambda d: d.paired_at)
    return [DeviceOut(id=d.id, name=d.name, paired_at=d.paired_at) for d in found]


@router.delete("/{device_id}", status_code=204, responses=errors(403, 404, 422))
def revoke_device(device_id: str, web: WebApp) -> Response:
    """Unpair a device: its cookie no longer opens anything. 404 when there is no such device."""
    web.require_owner()
    try:
        web.pairing.revoke(device_id)
    except NotFoundError as error:
        raise HTTPException(404, str(error)) from None
    return Response(status_code=204)
