"""The live mirror's on-device mode: the browser runs the pose model, the server the readings.

The page loads MediaPipe's web runtime (static/vendor/tasks-vision) and a model bundle from
here, and sends each frame's 33 landmarks over `/api/mirror/landmarks`, never a picture. The
answers come from the same `Mirror.answer` as the server mode's, so the numbers and messages
match; what cannot be had without a picture is the printed mat, hence no turnout angle here
(the page says so and offers the server mode for it)."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from fastapi import APIRouter, HTTPException, WebSocket, WebSocketDisconnect
from fastapi.responses import Response

from turnout.i18n import N_, _
from turnout.web.deps import WebApp
from turnout.web.measure import mirrors
from turnout.web.measure.landmarks import Action, LandmarkError, RateLimit, parse
from turnout.web.measure.live import Found, Mirror, Reply
from turnout.web.measure.mirrors import Claim

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)
MODELS = ("lite", "full")  # lite is what a phone runs by default
# A year: the page asks for the model with the app's version in the query, so an upgrade
# fetches the new one.
MODEL_CACHE = "public, max-age=31536000, immutable"
PICTURE = N_(
    "This mirror takes landmarks only (JSON text); pictures go to the server mode's "
    "/api/mirror/ws. That message was skipped."
)


@router.get("/measure/models/pose_landmarker_{name}.task")
def model(name: str, web: WebApp) -> Response:
    """A pose model bundle for the browser's runtime: lite or full."""
    if name not in MODELS:
        raise HTTPException(404, _("The pose models are pose_landmarker_lite.task and _full.task."))
    data = web.container.vision().model_bytes(name)
    headers = {"Cache-Control": MODEL_CACHE}
    return Response(data, media_type="application/octet-stream", headers=headers)


class _Size:
    """A picture's shape without its pixels: all the readings need of it here."""

    def __init__(self, width: int, height: int) -> None:
        self.shape = (height, width, 3)


class DeviceMirror(Mirror):
    """One browser's on-device mirror: landmark messages in, the server mirror's replies out."""

    def __init__(self) -> None:
        super().__init__()
        self.rate = RateLimit()

    def message(self, message: Mapping[str, object]) -> Reply:
        """A reply to every message, an error for a bad one; never raises on bad input."""
        if not self.rate.allow():
            return {"type": "error", "frame": True, "message": self.rate.refusal}
        text = message.get("text")
        if not isinstance(text, str):
            return {"type": "error", "frame": True, "message": _(PICTURE)}
        try:
            seen = parse(text)
        except LandmarkError as error:
            return {"type": "error", "frame": True, "message": str(error)}
        if isinstance(seen, Action):
            return self.act(seen.name)
        found = Found(seen.pose, None)  # no picture, so no mat: knees and hips only
        reply = self.answer(_Size(seen.width, seen.height), seen.pose, found, found)
        return {**reply, "on_device": True}


@router.websocket("/api/mirror/landmarks")
async def device_mirror(socket: WebSocket) -> None:
    """Text messages: a frame's landmarks or an action; each gets one reply. No pose model
    runs here, so these mirrors have a pool of their own, one per client."""
    slots = mirrors.device_slots_of(socket.app.state)
    claim = await mirrors.open_claim(socket, slots, mirrors.DEVICE_BUSY)
    if claim is None:
        return
    try:
        await _run(socket, claim)
    except WebSocketDisconnect:
        pass
    finally:
        slots.release(claim)


async def _run(socket: WebSocket, claim: Claim) -> None:
    mirror = DeviceMirror()
    ready = {"type": "ready", "reps": mirror.reps.view(), "view": mirror.view, "on_device": True}
    await socket.send_json(ready)
    while (message := await mirrors.next_message(socket, claim)) is not None:
        await socket.send_json(_reply(mirror, message))


def _reply(mirror: DeviceMirror, message: Mapping[str, object]) -> Reply:
    # A fraction of a millisecond of arithmetic: done here, no thread needed.
    try:
        return mirror.message(message)
    except Exception:  # a reading failing in a way we did not foresee must not end the mirror
        log.exception("an on-device mirror message failed")
        return {"type": "error", "frame": True, "message": _("That frame could not be read.")}
