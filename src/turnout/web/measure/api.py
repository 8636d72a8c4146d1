"""Measuring with a camera: a photo or video upload, feet corrected by hand, and the live
mirror's WebSocket."""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping

from fastapi import APIRouter, HTTPException, Request, WebSocket, WebSocketDisconnect
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from turnout.domain.jobs import JobRequest
from turnout.errors import BusyError, MeasureError
from turnout.i18n import _
from turnout.services import safety
from turnout.services.measuring import Mode
from turnout.web import acting
from turnout.web.deps import Web, WebApp
from turnout.web.measure import feet as measure_feet
from turnout.web.measure import jobs as measure_jobs
from turnout.web.measure import mirrors
from turnout.web.measure import upload as measure_upload
from turnout.web.measure.feet import FeetRequest
from turnout.web.measure.jobs import BUSY
from turnout.web.measure.live import MirrorLoop, Reply
from turnout.web.measure.mirrors import Claim
from turnout.web.measure.pool import MIRROR_FRAMES, UPLOADS, PoolFullError
from turnout.web.measure.upload import PAPERS, Upload
from turnout.web.schema_base import RowId, StrictModel, errors

router = APIRouter(tags=["measure"])
log = logging.getLogger(__name__)
# The form the handler reads itself (to cap it while it streams in), described for the docs.
_TICK = "true or false; left out, false. Any other value is refused (422)."
UPLOAD_FORM = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "A photo or video.",
                    },
                    "mode": {"type": "string", "enum": [m.value for m in Mode]},
                    "feet_only": {"type": "boolean", "description": _TICK},
                    "save": {"type": "boolean", "description": "Keep the picture. " + _TICK},
                    "record": {"type": "boolean", "description": "Add the angle. " + _TICK},
                    "paper": {
                        "type": "string",
                        "enum": ["", *PAPERS],
                        "description": "Plain paper under the feet instead of the mat.",
                    },
                },
            }
        }
    },
}


@router.post("/api/measure", responses=errors(415, 422), openapi_extra={"requestBody": UPLOAD_FORM})
async def measure(request: Request, web: WebApp) -> dict[str, object]:
    """A multipart form: `file` (photo or video), `mode`, `feet_only`, `save`, `record`,
    `paper`. 413 when too big; 422 with what to change when it cannot be measured."""
    try:
        place = UPLOADS.reserve()  # before the body is read: a busy server reads nothing
    except PoolFullError:
        raise HTTPException(503, _(BUSY)) from None
    with place:
        upload = await measure_upload.read_upload(request, measure_upload.MAX_UPLOAD_BYTES)
        return await place.run(lambda: _measure(web, upload))


def _measure(web: Web, upload: Upload) -> dict[str, object]:
    settings = web.container.settings
    profile = safety.profile(web.uow)
    height = profile.height_cm if profile else None
    try:
        report, result = measure_upload.measure_upload(
            web.container.vision(), upload, settings.pictures_dir, web.container.scratch(), height
        )
    except MeasureError as error:
        raise HTTPException(422, measure_upload.for_the_page(str(error))) from None
    except Exception:  # a decoder failing in a way we did not foresee is still bad input
        log.exception("measuring %s failed", upload.name)
        raise HTTPException(
            422,
            _("{name} could not be measured; try a JPEG photo or an MP4 video.").format(
                name=upload.name
            ),
        ) from None
    if upload.record:
        result["recorded"] = measure_upload.record(web, report)
    return result


@router.post(
    "/api/measure/jobs",
    status_code=202,
    responses=errors(415, 422, 503),
    openapi_extra={"requestBody": UPLOAD_FORM},
)
async def submit_job(request: Request, web: WebApp) -> dict[str, object]:
    """The form of POST /api/measure, queued as a job: 202 at once with its id and the `url`
    that tells how far it got, then its result (or what to do). 503 when no room is left."""
    jobs, dancer = measure_jobs.jobs_of(request.app.state, web.container), acting.dancer()
    try:
        place = jobs.reserve()  # before the body is read, as for /api/measure
    except BusyError as error:
        raise HTTPException(503, str(error)) from None
    with place:
        upload = await measure_upload.read_upload(request, measure_upload.MAX_UPLOAD_BYTES)
        wanted = JobRequest(
            upload.name, upload.mode.value, upload.feet_only, upload.save, upload.record,
            upload.paper,
        )  # fmt: skip
        job = await run_in_threadpool(jobs.submit, place, dancer, wanted, upload.data)
    return {"id": job.id, "status": job.status.value, "url": f"/api/measure/jobs/{job.id}"}


@router.get("/api/measure/jobs/{job_id}", responses=errors(404, 422))
def job(job_id: RowId, request: Request, web: WebApp) -> dict[str, object]:
    """A job's `status` (queued, running, done, failed), its `progress` (frames analysed, of
    the `total` when known), then its `result` as POST /api/measure gives it, or the
    `message` saying what went wrong. Another dancer's job is a 404."""
    jobs = measure_jobs.jobs_of(request.app.state, web.container)
    found = jobs.view(acting.dancer(), job_id, measure_jobs.keeper(web.container))
    return measure_jobs.present(found)


@router.post("/api/measure/feet", responses=errors(422))
def corrected_feet(feet: FeetRequest, web: WebApp) -> dict[str, object]:
    """Heel and toe of each foot in floor mm, as placed by hand on the rectified top view: the
    foot angles and the total by the mat's maths ("mat, corrected by hand"). With `record`,
    the total is added to the dancer's measurements. 422 says which point is wrong."""
    return measure_feet.corrected(web, feet)


class SaveReading(StrictModel):
    total: float = Field(
        ge=0, le=360, allow_inf_nan=False, description="The angle between the feet, as shown."
    )
    calibrated: bool = Field(description="Measured on the printed mat.")
    note: str = Field("", max_length=200, description="How it was measured, as shown.")


@router.post("/api/measure/save", responses=errors(422))
def save_reading(reading: SaveReading, web: WebApp) -> dict[str, str]:
    """Save the first-position angle the page showed, once the dancer confirms it: nothing
    a measurement finds is stored until then."""
    method = "camera_mat" if reading.calibrated else "camera"
    note = reading.note or ("camera with the mat" if reading.calibrated else "camera")
    return {"recorded": measure_upload.add_total(web, method, reading.total, note)}


@router.websocket("/api/mirror/ws")
async def mirror(socket: WebSocket) -> None:
    """Binary messages are JPEG frames, answered by a reading each; text messages are
    actions (next-rep, reset, front, side). One pose model per connection, one connection
    per client: a client's new mirror closes its old one."""
    slots = mirrors.slots_of(socket.app.state)
    claim = await mirrors.open_claim(socket, slots, mirrors.BUSY)
    if claim is None:
        return
    try:
        await _run_mirror(socket, claim)
    finally:
        slots.release(claim)


async def _run_mirror(socket: WebSocket, claim: Claim) -> None:
    web: Web = socket.app.state.web
    try:
        loop = await MIRROR_FRAMES.run(lambda: MirrorLoop(web.container.vision()))
    except Exception:
        log.exception("the live pose model did not start")
        await socket.send_json({"type": "error", "message": _("The pose model could not start.")})
        await socket.close(1011)
        return
    try:
        await socket.send_json({"type": "ready", "reps": loop.reps.view(), "view": loop.view})
        while (message := await mirrors.next_message(socket, claim)) is not None:
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
            return await MIRROR_FRAMES.run(functools.partial(loop.frame, data))
        return loop.command(text if isinstance(text, str) else "")
    except PoolFullError:
        return {"type": "error", "frame": True, "message": _("The server is busy; frame skipped.")}
    except Exception:
        log.exception("a live frame failed")
        return {
            "type": "error",
            "frame": isinstance(data, bytes),
            "message": _("That frame could not be read; it was skipped."),
        }
