"""Measuring with a camera: a photo or video upload, feet corrected by hand, and the live
mirror's WebSocket."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Mapping

from fastapi import APIRouter, HTTPException, Request, WebSocket, WebSocketDisconnect

from turnout.errors import MeasureError
from turnout.web.deps import Web, WebApp
from turnout.web.measure import feet as measure_feet
from turnout.web.measure import upload as measure_upload
from turnout.web.measure.feet import FeetRequest
from turnout.web.measure.live import MirrorLoop, Reply
from turnout.web.measure.upload import Upload

router = APIRouter(tags=["measure"])
log = logging.getLogger(__name__)
# Each measurement holds a decoded video's frames and a pose model: two at a time at most.
_RUNNING = threading.BoundedSemaphore(2)
# Each live mirror runs a pose model at up to 8 frames a second: a few at a time at most.
_LIVE = threading.BoundedSemaphore(4)


@router.post("/api/measure")
async def measure(request: Request, web: WebApp) -> dict[str, object]:
    """A multipart form: `file` (photo or video), `mode`, `feet_only`, `save`, `record`. 413
    when too big; 422 with what to change when it cannot be measured."""
    upload = await measure_upload.read_upload(request, measure_upload.MAX_UPLOAD_BYTES)
    return await asyncio.to_thread(_measure, web, upload)


def _measure(web: Web, upload: Upload) -> dict[str, object]:
    with _RUNNING:
        try:
            report, result = measure_upload.measure_upload(
                web.container.vision(), upload, web.container.settings.data_dir
            )
        except MeasureError as error:
            raise HTTPException(422, measure_upload.for_the_page(str(error))) from None
        except Exception:  # a decoder failing in a way we did not foresee is still bad input
            log.exception("measuring %s failed", upload.name)
            raise HTTPException(
                422, f"{upload.name} could not be measured; try a JPEG photo or an MP4 video."
            ) from None
    if upload.record:
        result["recorded"] = measure_upload.record(web, report)
    return result


@router.post("/api/measure/feet")
def corrected_feet(feet: FeetRequest, web: WebApp) -> dict[str, object]:
    """Heel and toe of each foot in floor mm, as placed by hand on the rectified top view: the
    foot angles and the total by the mat's maths ("mat, corrected by hand"). With `record`,
    the total is added to the dancer's measurements. 422 says which point is wrong."""
    return measure_feet.corrected(web, feet)


@router.websocket("/api/mirror/ws")
async def mirror(socket: WebSocket) -> None:
    """Binary messages are JPEG frames, answered by a reading each; text messages are
    actions (next-rep, reset, front, side). One pose model per connection."""
    await socket.accept()
    if not _LIVE.acquire(blocking=False):
        busy = "Too many live mirrors are open on this server; close one and try again."
        await socket.send_json({"type": "error", "message": busy})
        await socket.close(1013)
        return
    try:
        await _run_mirror(socket)
    finally:
        _LIVE.release()


async def _run_mirror(socket: WebSocket) -> None:
    web: Web = socket.app.state.web
    try:
        loop = await asyncio.to_thread(MirrorLoop, web.container.vision())
    except Exception:
        log.exception("the live pose model did not start")
        await socket.send_json({"type": "error", "message": "The pose model could not start."})
        await socket.close(1011)
        return
    try:
        await socket.send_json({"type": "ready", "reps": loop.reps.view(), "view": loop.view})
        while True:
            message = await socket.receive()
            if message["type"] == "websocket.disconnect":
                break
            await socket.send_json(await _answer(loop, message))
    except WebSocketDisconnect:
        pass
    finally:
        loop.close()  # quick; done here so that it happens even when the task is cancelled


async def _answer(loop: MirrorLoop, message: Mapping[str, object]) -> Reply:
    data, text = message.get("bytes"), message.get("text")
    try:
        if isinstance(data, bytes):
            # The pose model is CPU work: off the event loop, so other pages stay quick.
            return await asyncio.to_thread(loop.frame, data)
        return loop.command(text if isinstance(text, str) else "")
    except Exception:
        log.exception("a live frame failed")
        return {
            "type": "error",
            "frame": isinstance(data, bytes),
            "message": "That frame could not be read; it was skipped.",
        }
