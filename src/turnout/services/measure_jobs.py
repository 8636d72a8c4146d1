"""Camera analyses as jobs: an upload is queued at once and measured by whoever takes it (a
`turnout worker` on a studio's PostgreSQL, this process's pool on a personal log).

The job row is what the page reads: its status, the frames analysed so far, then the result
or what to do. A job carries its dancer: a worker acts for nobody else, so a reading it adds
goes to that dancer's measurements. A job has `JobTimes.timeout` of wall time and two starts:
a worker killed in the middle leaves it started once more, then failed with a message."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, tzinfo

from turnout.domain.history import local_day
from turnout.domain.jobs import JobRequest, JobStatus, MeasureJob
from turnout.errors import MeasureError, NotFoundError
from turnout.i18n import N_, _, ngettext
from turnout.ports import UnitOfWork
from turnout.ports.jobs import JobPlace, JobQueue, MeasureJobStore
from turnout.services import progress, safety
from turnout.services.measuring import Mode, Report, method_text

log = logging.getLogger(__name__)
MAX_STARTS = 2  # the first start and one retry
GRACE = 60.0  # seconds past the timeout before a running job is taken for dead
Progress = Callable[[int, int | None], None]  # frames done, of the total when known
# The upload measured: the report, and the result as the page shows it. Raises MeasureError
# with what to change; `progress` may raise to stop it.
Measure = Callable[[JobRequest, bytes, int | None, Progress], tuple[Report, dict[str, object]]]


@dataclass(frozen=True)
class JobTimes:
    timeout: float = 600.0  # wall time a job may take
    expiry: float = 3600.0  # a job nobody finished is failed after this; a result is kept as long

    def timed_out(self) -> str:
        minutes = round(self.timeout / 60)
        # Translators: "s" is short for seconds.
        text = ngettext(
            "Measuring took longer than {count} minute, so it was stopped. Send a shorter video "
            "(5-20 s is plenty) or a photo.",
            "Measuring took longer than {count} minutes, so it was stopped. Send a shorter video "
            "(5-20 s is plenty) or a photo.",
            minutes,
        )
        return text.format(count=minutes)


# Translators: `turnout worker` is a command, typed as it is.
EXPIRED = N_(
    "This upload was not measured in time: the server was busy or stopped. Send it again; if "
    "it happens again on a studio's server, ask the admin whether `turnout worker` is running."
)
STOPPED_TWICE = N_(
    "Measuring this upload stopped the worker twice (it was killed, or ran out of memory), so "
    "it was not tried a third time. Send a shorter or smaller video, or a photo."
)
# Translators: {name} is the name of the file sent.
UNFORESEEN = N_("{name} could not be measured; try a JPEG photo or an MP4 video.")


class _OutOfTimeError(Exception):
    pass


class MeasureJobs:
    def __init__(
        self,
        store: MeasureJobStore,
        queue: JobQueue,
        measure: Measure,
        uow_of: Callable[[int], UnitOfWork],
        clock: tuple[Callable[[], float], tzinfo],
        times: JobTimes | None = None,
    ) -> None:
        self.store, self.queue, self._measure, self._uow_of = store, queue, measure, uow_of
        (self._now, self._tz), self.times = clock, times or JobTimes()

    def reserve(self) -> JobPlace:
        """Room in the queue, before the upload is read; BusyError at once when there is none."""
        return self.queue.reserve()

    def submit(self, place: JobPlace, dancer: int, request: JobRequest, data: bytes) -> MeasureJob:
        """Queue `data` as `dancer`'s job, in the room `place` holds; the queued job."""
        self.sweep()
        job_id = self.store.add(dancer, request, data, self._now())
        queued = self.job(dancer, job_id)  # as it was queued: a pool may start it at once
        place.start(job_id)
        return queued

    def job(self, dancer: int, job_id: int) -> MeasureJob:
        """The dancer's job; NotFoundError for another dancer's, as for one that is gone."""
        found = self.store.job(job_id, dancer)
        if found is None:
            text = _("There is no measuring job {id}: finished jobs are kept for an hour.")
            raise NotFoundError(text.format(id=job_id))
        return found

    def view(
        self, dancer: int, job_id: int, keep: Callable[[dict[str, object]], str]
    ) -> MeasureJob:
        """The dancer's job as the page reads it. A done one whose picture is to be kept has it
        kept now, once, by `keep` (into the web's data folder: a worker on another machine
        cannot write there), which says where it went."""
        job = self.job(dancer, job_id)
        wanted = job.status is JobStatus.DONE and job.request.save and job.saved is None
        if not wanted or job.result is None or not self.store.claim_save(job_id):
            return job
        saved = keep(job.result)
        self.store.set_saved(job_id, saved)
        return replace(job, saved=saved)

    def run(self, job_id: int) -> None:
        """Measure the job's upload, for the job's dancer; a worker's whole part. A finished or
        vanished job is left alone; a third start fails it."""
        started = self.store.start(job_id, self._now())
        if started is None:
            return
        job, data = started
        if job.attempts > MAX_STARTS:
            self.store.fail(job_id, _(STOPPED_TWICE), self._now())
            return
        try:
            result = self._measured(job, data)
        except MeasureError as error:
            self.store.fail(job_id, str(error), self._now())
        except _OutOfTimeError:
            self.store.fail(job_id, self.times.timed_out(), self._now())
        except Exception:  # a decoder failing in a way we did not foresee is still bad input
            log.exception("measuring job %s (%s) failed", job_id, job.request.name)
            self.store.fail(job_id, _(UNFORESEEN).format(name=job.request.name), self._now())
        else:
            self.store.finish(job_id, result, self._now())

    def stalled(self, job_id: int) -> bool:
        """The worker running the job died: whether to start it again (True), or not (it is
        finished, or failed now after its second start)."""
        job = self.store.job(job_id)
        if job is None or job.finished:
            return False
        if job.attempts >= MAX_STARTS:
            self.store.fail(job_id, _(STOPPED_TWICE), self._now())
            return False
        self.store.requeue(job_id)
        return True

    def sweep(self) -> int:
        """Fail the jobs nobody finished in time (deleting their uploads) and forget results
        older than the expiry; how many were failed."""
        now, times = self._now(), self.times
        failed = self.store.expire(now - times.expiry, now - times.timeout - GRACE, _(EXPIRED), now)
        self.store.forget(now - times.expiry)
        return failed

    def _measured(self, job: MeasureJob, data: bytes) -> dict[str, object]:
        uow = self._uow_of(job.dancer)
        profile = safety.profile(uow)
        height = profile.height_cm if profile else None
        report, result = self._measure(job.request, data, height, self._reporter(job))
        if job.request.record:
            result["recorded"] = record_reading(uow, report, local_day(self._now(), self._tz))
        return result

    def _reporter(self, job: MeasureJob) -> Progress:
        deadline = self._now() + self.times.timeout

        def report(done: int, total: int | None) -> None:
            if self._now() > deadline:
                raise _OutOfTimeError
            self.store.progress(job.id, done, total)

        return report


def record_reading(uow: UnitOfWork, report: Report, today: date) -> str:
    """Add a first-position angle to the dancer's measurements; the sentence says what
    happened."""
    if report.mode is not Mode.FIRST_POSITION:
        return _("Only the first-position angle goes into your measurements; nothing was added.")
    method = "camera_mat" if report.calibrated else "camera"
    used = report.frames_used
    # Translators: a reading's note: {method} is how the angle was read ("mat: foot outline"),
    # {band} its error in whole degrees ("deg" is short for degrees), {count} the frames used.
    text = ngettext(
        "{method}, +/- {band} deg, {count} frame(s)",
        "{method}, +/- {band} deg, {count} frame(s)",
        used,
    )
    note = text.format(method=method_text(report.method), band=f"{report.band:.0f}", count=used)
    return progress.record_total(uow, method, report.values["total"].median, note, today)
