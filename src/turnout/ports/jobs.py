"""The edges of camera analyses done as jobs: where jobs and their uploads are kept, and the
queue that hands them to whoever measures them (a worker process, or this process's pool)."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

from turnout.domain.jobs import JobRequest, MeasureJob


class MeasureJobStore(Protocol):
    """Jobs and their uploads' bytes. Each call is its own transaction."""

    def add(self, dancer: int, request: JobRequest, data: bytes, now: float) -> int:
        """A queued job holding `data`; its id."""
        ...

    def job(self, job_id: int, dancer: int | None = None) -> MeasureJob | None:
        """The job, if it is `dancer`'s (any dancer's when None, for a worker)."""
        ...

    def start(self, job_id: int, now: float) -> tuple[MeasureJob, bytes] | None:
        """Mark a queued (or stalled) job running and count the attempt: the job and its
        upload. None, changing nothing, when it is finished, gone or has no upload left."""
        ...

    def progress(self, job_id: int, done: int, total: int | None) -> None: ...

    def finish(self, job_id: int, result: dict[str, object], now: float) -> None:
        """Done with `result`; the upload's bytes are deleted."""
        ...

    def fail(self, job_id: int, message: str, now: float) -> bool:
        """Failed with `message` unless already finished; the upload's bytes are deleted.
        Whether it was failed now."""
        ...

    def requeue(self, job_id: int) -> None:
        """A running job whose worker died goes back to queued, its attempts kept."""
        ...

    def expire(self, queued_before: float, running_before: float, message: str, now: float) -> int:
        """Fail the jobs queued before `queued_before` or started before `running_before`
        (nobody finished them), deleting their uploads; how many."""
        ...

    def forget(self, finished_before: float) -> int:
        """Delete the jobs finished before then, results and all; how many."""
        ...

    def claim_save(self, job_id: int) -> bool:
        """True once only for a done job whose picture is to be kept and is not yet."""
        ...

    def set_saved(self, job_id: int, saved: str) -> None: ...


class JobPlace(Protocol):
    """Room for one job in the queue, taken before the upload is read; given back on leaving
    the `with` unless a job was started in it."""

    def start(self, job_id: int) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class JobQueue(Protocol):
    def reserve(self) -> JobPlace:
        """Room for one more job; QueueFullError at once when there is none."""
        ...
