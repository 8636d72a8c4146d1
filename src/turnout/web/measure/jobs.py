"""Camera analyses as jobs, wired: the job use cases over the log's job store, the queue of the
log's kind (procrastinate on a studio's PostgreSQL, this process's upload pool on a personal
SQLite log), and measuring as the Measure page does it. A `turnout worker` builds the same."""

from __future__ import annotations

import base64
import contextlib
import functools
import logging
import threading
from collections.abc import Callable
from datetime import datetime

from starlette.datastructures import State

from turnout.bootstrap import Container
from turnout.domain.jobs import JobRequest, JobStatus, MeasureJob
from turnout.errors import BusyError, MeasureError
from turnout.i18n import N_, _
from turnout.ports.jobs import JobQueue
from turnout.services.measure_jobs import JobTimes, MeasureJobs, Progress
from turnout.services.measuring import Mode, Report
from turnout.web.measure.pool import UPLOADS, Place, PoolFullError, WorkerPool
from turnout.web.measure.upload import Upload, for_the_page, measure_upload, save_picture

log = logging.getLogger(__name__)
BUSY = N_("The server is busy measuring other uploads; try again in a minute.")
_MAKING = threading.Lock()
_NOT_KEPT = ("image", "top_view", "saved")  # pictures and the path: the rest is the summary


class PoolQueue:
    """A personal log's queue: jobs run on this process's upload pool (a few at a time, a few
    more waiting); a full pool refuses at once, before the upload is read."""

    def __init__(self, pool: WorkerPool, run: Callable[[int], None]) -> None:
        self._pool, self._run = pool, run

    def reserve(self) -> PoolPlace:
        try:
            return PoolPlace(self._pool.reserve(), self._run)
        except PoolFullError:
            raise BusyError(_(BUSY)) from None


class PoolPlace(contextlib.AbstractContextManager["PoolPlace"]):
    def __init__(self, place: Place, run: Callable[[int], None]) -> None:
        self._place, self._run = place, run

    def start(self, job_id: int) -> None:
        self._place.start(functools.partial(_logged, self._run, job_id))

    def __exit__(self, *exc: object) -> None:
        self._place.__exit__(None, None, None)  # gives the room back unless a job started


def _logged(run: Callable[[int], None], job_id: int) -> None:
    try:
        run(job_id)
    except Exception:  # on a thread of the pool, nobody else would hear of it
        log.exception("measuring job %s failed", job_id)


def build_jobs(container: Container, queue: JobQueue | None = None) -> MeasureJobs:
    """The job use cases over `container`'s log: on `queue`, else the log's own (PoolQueue
    when it has none)."""
    tz = datetime.now().astimezone().tzinfo
    assert tz is not None  # astimezone() always attaches one
    settings = container.settings
    times = JobTimes(settings.job_timeout_seconds, settings.job_expiry_seconds)
    jobs: MeasureJobs
    queue = queue or container.job_queue() or PoolQueue(UPLOADS, lambda job_id: jobs.run(job_id))
    jobs = MeasureJobs(
        container.measure_job_store(),
        queue,
        functools.partial(_measure, container),
        container.uow,
        (container.clock.now, tz),
        times,
    )
    return jobs


def jobs_of(state: State, container: Container) -> MeasureJobs:
    """The app's jobs, made on first use (each app has its own)."""
    with _MAKING:
        jobs: MeasureJobs | None = getattr(state, "measure_jobs", None)
        if jobs is None:
            jobs = state.measure_jobs = build_jobs(container)
        return jobs


def _measure(
    container: Container, request: JobRequest, data: bytes, height: int | None, told: Progress
) -> tuple[Report, dict[str, object]]:
    # `save` is done by the web when it first serves the result (`keeper`), wherever this runs.
    mode = Mode(request.mode)
    upload = Upload(request.name, data, mode, request.feet_only, False, paper=request.paper)
    settings, kit = container.settings, container.vision()
    try:
        return measure_upload(kit, upload, settings.pictures_dir, container.scratch(), height, told)
    except MeasureError as error:
        raise MeasureError(for_the_page(str(error))) from None


def keeper(container: Container) -> Callable[[dict[str, object]], str]:
    """How a finished job's picture is kept in this server's data folder; where it went."""

    def keep(result: dict[str, object]) -> str:
        png = base64.b64decode(str(result.get("image", "")).partition(",")[2])
        summary = {key: value for key, value in result.items() if key not in _NOT_KEPT}
        try:
            return save_picture(container.settings.pictures_dir, png, summary)
        except OSError:
            log.exception("the picture of a measuring job could not be kept")
            return ""

    return keep


def present(job: MeasureJob) -> dict[str, object]:
    """A job as GET /api/measure/jobs/ID answers: the result once done, what to do if failed."""
    body: dict[str, object] = {
        "id": job.id,
        "status": job.status.value,
        "url": f"/api/measure/jobs/{job.id}",
        "progress": {"done": job.done, "total": job.total},
        "attempts": job.attempts,
        # On the server's clock: how long it waited for a worker is started_at - queued_at.
        "queued_at": job.created_at,
        "started_at": job.started_at,
    }
    if job.status is JobStatus.DONE and job.result is not None:
        body["result"] = {**job.result, "saved": job.saved or None}
    if job.status is JobStatus.FAILED:
        body["message"] = job.message
    return body
