"""The job use cases with a fake store and fake measuring: the progress a job reports, its
timeout, what a stalled worker leaves, whose reading a job records, and when it is forgotten."""

from __future__ import annotations

from datetime import UTC

import pytest

from tests.fakes import (
    FakeClock,
    FakeFootFinder,
    FakeFrame,
    FakeJobQueue,
    FakeMatDetector,
    FakeMeasureJobStore,
    FakeUnitOfWork,
)
from tests.unit.test_form_measure_service import MAT, foot
from turnout.domain.jobs import JobRequest, JobStatus
from turnout.errors import MeasureError, NotFoundError
from turnout.services.measure_jobs import (
    EXPIRED,
    STOPPED_TWICE,
    MeasureJobs,
    Progress,
    Report,
)
from turnout.services.measuring import Mode, Vision, measure_frames

PHOTO = JobRequest("me.jpg", Mode.FIRST_POSITION.value, feet_only=True, record=True)


class Measuring:
    """Measures fake frames on the mat (feet 60 and 70 deg out), reporting as it goes;
    `then` runs before each frame (to move the clock, or fail)."""

    def __init__(self, frames: int = 25) -> None:
        self.frames, self.heights, self.then = frames, list[int | None](), lambda: None

    def __call__(
        self, request: JobRequest, data: bytes, height: int | None, told: Progress
    ) -> tuple[Report, dict[str, object]]:
        self.heights.append(height)
        told(0, self.frames)
        vision = Vision(FakeMatDetector(MAT), FakeFootFinder(foot(60, True), foot(70, False)), None)
        frames = (self._frame(i) for i in range(self.frames))
        heard = lambda done: told(done, self.frames)  # noqa: E731
        report = measure_frames(frames, vision, Mode(request.mode), self.frames == 1, None, heard)
        return report, {"total": report.values["total"].median}

    def _frame(self, index: int) -> FakeFrame:
        self.then()
        return FakeFrame(index)


class Progressed(FakeMeasureJobStore):
    def __init__(self) -> None:
        super().__init__()
        self.heard: list[tuple[int, int | None]] = []

    def progress(self, job_id: int, done: int, total: int | None) -> None:
        self.heard.append((done, total))
        super().progress(job_id, done, total)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def logs() -> dict[int, FakeUnitOfWork]:
    return {}


def jobs_on(
    store: FakeMeasureJobStore,
    measure: Measuring,
    clock: FakeClock,
    logs: dict[int, FakeUnitOfWork],
) -> MeasureJobs:
    uow_of = lambda dancer: logs.setdefault(dancer, FakeUnitOfWork())  # noqa: E731
    return MeasureJobs(store, FakeJobQueue(), measure, uow_of, (clock.now, UTC))


def submitted(jobs: MeasureJobs, dancer: int = 7, request: JobRequest = PHOTO) -> int:
    with jobs.reserve() as place:
        return jobs.submit(place, dancer, request, b"bytes").id


def test_a_job_reports_its_frames_every_ten_and_records_for_its_own_dancer(
    clock: FakeClock, logs: dict[int, FakeUnitOfWork]
) -> None:
    store = Progressed()
    jobs = jobs_on(store, Measuring(25), clock, logs)
    job_id = submitted(jobs, dancer=7)
    assert store.job(job_id, 7) is not None and store.job(job_id, 8) is None
    jobs.run(job_id)
    assert store.heard == [(0, 25), (10, 25), (20, 25), (25, 25)]
    done = jobs.job(7, job_id)
    assert done.status is JobStatus.DONE and done.attempts == 1
    assert done.result is not None and done.result["total"] == pytest.approx(130)
    assert str(done.result["recorded"]).startswith("Added to your measurements: 130 deg")
    assert list(logs) == [7]  # the worker acted for the job's dancer, nobody else
    assert [m.value for m in logs[7].committed_measurements.all()] == [130.0]
    assert job_id not in store.uploads


def test_another_dancers_job_is_not_found() -> None:
    jobs = jobs_on(FakeMeasureJobStore(), Measuring(), FakeClock(), {})
    job_id = submitted(jobs, dancer=7)
    with pytest.raises(NotFoundError, match=f"no measuring job {job_id}"):
        jobs.job(8, job_id)


def test_a_job_past_its_time_stops_with_what_to_send(
    clock: FakeClock, logs: dict[int, FakeUnitOfWork]
) -> None:
    measure = Measuring(100)
    measure.then = lambda: clock.advance(10)  # 10 s a frame: 10 minutes are up by frame 60
    store = FakeMeasureJobStore()
    jobs = jobs_on(store, measure, clock, logs)
    job_id = submitted(jobs)
    jobs.run(job_id)
    failed = jobs.job(7, job_id)
    assert failed.status is JobStatus.FAILED and failed.done == 50  # the last report in time
    assert failed.message.startswith("Measuring took longer than 10 minutes")
    assert job_id not in store.uploads


def test_what_the_measuring_refuses_is_the_jobs_message(
    clock: FakeClock, logs: dict[int, FakeUnitOfWork]
) -> None:
    measure = Measuring()

    def refuse() -> None:
        raise MeasureError("No floor mat or paper in view.")

    measure.then = refuse
    jobs = jobs_on(FakeMeasureJobStore(), measure, clock, logs)
    job_id = submitted(jobs)
    jobs.run(job_id)
    assert jobs.job(7, job_id).message == "No floor mat or paper in view."


def test_an_unforeseen_failure_asks_for_a_common_format(
    clock: FakeClock, logs: dict[int, FakeUnitOfWork]
) -> None:
    measure = Measuring()
    measure.then = lambda: 1 / 0  # type: ignore[func-returns-value]
    jobs = jobs_on(FakeMeasureJobStore(), measure, clock, logs)
    job_id = submitted(jobs)
    jobs.run(job_id)
    failed = jobs.job(7, job_id)
    assert failed.status is JobStatus.FAILED
    assert failed.message == "me.jpg could not be measured; try a JPEG photo or an MP4 video."


def test_a_stalled_job_is_started_once_more_then_failed(
    clock: FakeClock, logs: dict[int, FakeUnitOfWork]
) -> None:
    store = FakeMeasureJobStore()
    jobs = jobs_on(store, Measuring(), clock, logs)
    job_id = submitted(jobs)
    store.start(job_id, clock.now())  # a worker took it, and was killed
    assert jobs.stalled(job_id) is True
    assert jobs.job(7, job_id).status is JobStatus.QUEUED
    store.start(job_id, clock.now())  # the second worker too
    assert jobs.stalled(job_id) is False
    failed = jobs.job(7, job_id)
    assert failed.status is JobStatus.FAILED and failed.message == STOPPED_TWICE
    assert job_id not in store.uploads
    assert jobs.stalled(job_id) is False  # and a finished job is never started again


def test_a_third_start_fails_the_job_without_measuring(
    clock: FakeClock, logs: dict[int, FakeUnitOfWork]
) -> None:
    store, measure = FakeMeasureJobStore(), Measuring()
    jobs = jobs_on(store, measure, clock, logs)
    job_id = submitted(jobs)
    store.start(job_id, clock.now())
    store.start(job_id, clock.now())
    jobs.run(job_id)
    assert jobs.job(7, job_id).message == STOPPED_TWICE and measure.heights == []


def test_jobs_nobody_finished_expire_and_old_results_are_forgotten(
    clock: FakeClock, logs: dict[int, FakeUnitOfWork]
) -> None:
    store = FakeMeasureJobStore()
    jobs = jobs_on(store, Measuring(), clock, logs)
    waiting, done = submitted(jobs), submitted(jobs)
    jobs.run(done)
    clock.advance(3599)
    assert jobs.sweep() == 0
    clock.advance(2)
    assert jobs.sweep() == 1  # the one still queued; the finished one stays readable an hour
    assert jobs.job(7, waiting).message == EXPIRED and waiting not in store.uploads
    assert store.job(done) is None


def test_a_picture_is_kept_once_when_a_done_job_is_first_viewed(
    clock: FakeClock, logs: dict[int, FakeUnitOfWork]
) -> None:
    jobs = jobs_on(FakeMeasureJobStore(), Measuring(1), clock, logs)
    asked = JobRequest("me.jpg", Mode.FIRST_POSITION.value, feet_only=True, save=True)
    job_id, plain = submitted(jobs, request=asked), submitted(jobs)
    kept: list[dict[str, object]] = []
    keep = lambda result: kept.append(result) or "measurements/me.png"  # noqa: E731
    assert jobs.view(7, job_id, keep).saved is None  # not done yet: nothing to keep
    jobs.run(job_id)
    jobs.run(plain)
    assert jobs.view(7, job_id, keep).saved == "measurements/me.png"
    assert jobs.view(7, job_id, keep).saved == "measurements/me.png"
    assert jobs.view(7, plain, keep).saved is None
    assert len(kept) == 1
