"""A camera analysis done as a job: an upload waits in a queue, is measured by a worker, and
ends done (with the result) or failed (with what to do). The upload's bytes live only as long
as the job; the job row is the dancer's, like every other row of the log."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


FINISHED = frozenset({JobStatus.DONE, JobStatus.FAILED})


@dataclass(frozen=True)
class JobRequest:
    """What the Measure form asked for, as plain values (the mode by its name)."""

    name: str
    mode: str
    feet_only: bool = False
    save: bool = False  # keep the picture: done by the web process when it first serves it
    record: bool = False  # add a first-position angle to the dancer's measurements
    paper: str = ""


@dataclass(frozen=True)
class MeasureJob:
    """`done` of `total` frames read and analysed (`total` None while unknown; a photo is 1 of
    1). `attempts` counts the starts: a worker killed mid-job leaves it started once more."""

    id: int
    dancer: int
    request: JobRequest
    status: JobStatus
    created_at: float
    done: int = 0
    total: int | None = None
    attempts: int = 0
    started_at: float | None = None
    message: str = ""
    result: dict[str, object] | None = field(default=None, compare=False)
    saved: str | None = None  # where the web kept the picture, when asked to

    @property
    def finished(self) -> bool:
        return self.status in FINISHED
