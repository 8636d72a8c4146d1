"""A studio's camera analyses on procrastinate, whose queue lives in the studio's PostgreSQL
(migration 0011 applies its schema). A procrastinate job carries only turnout's job id: the
job row in `measure_jobs` stays what the page reads.

A worker killed with SIGKILL leaves its procrastinate job "doing"; its heartbeat stops, and
the sweep (a periodic task every worker runs, one at a time through a queueing lock) asks
the use cases whether to start it again (`MeasureJobs.stalled`): once, then failed."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from procrastinate import App, JobContext, PsycopgConnector, SyncPsycopgConnector
from procrastinate.jobs import Job, Status
from sqlalchemy.engine import make_url

MEASURE_TASK = "turnout.measure"
SWEEP_TASK = "turnout.sweep"
QUEUE = "measure"
log = logging.getLogger(__name__)


def conninfo(url: str) -> str:
    """libpq's form of a SQLAlchemy URL (postgresql+psycopg://... -> postgresql://...)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class ProcrastinateQueue:
    """Defers each job to the workers; it never refuses (the queue is as long as the database
    lets it be), and opens its few connections on first use."""

    def __init__(self, url: str) -> None:
        self._url, self._lock = url, threading.Lock()
        self._app: App | None = None

    def reserve(self) -> DeferPlace:
        return DeferPlace(self._defer)

    def _defer(self, job_id: int) -> None:
        with self._lock:
            if self._app is None:
                connector = SyncPsycopgConnector(conninfo=conninfo(self._url), min_size=1)
                self._app = App(connector=connector).open()
        self._app.configure_task(MEASURE_TASK, queue=QUEUE).defer(job_id=job_id)

    def close(self) -> None:
        with self._lock:
            if self._app is not None:
                self._app.close()
                self._app = None


class DeferPlace(contextlib.AbstractContextManager["DeferPlace"]):
    def __init__(self, defer: Callable[[int], None]) -> None:
        self.start = defer

    def __exit__(self, *exc: object) -> None:
        return None  # a deferred job needs no room given back


@dataclass(frozen=True)
class WorkerCalls:
    """What the workers do, from the use cases: measure a job, decide about a stalled one
    (True: start it again), and fail or forget what nobody finished."""

    run: Callable[[int], None]
    stalled: Callable[[int], bool]
    sweep: Callable[[], int]


@dataclass(frozen=True)
class WorkerOptions:
    concurrency: int = 1
    heartbeat: float = 10.0  # seconds between a worker's heartbeats; 3 missed: it is dead
    sweep_every: int = 30  # seconds between two sweeps for stalled and expired jobs


def run_workers(url: str, calls: WorkerCalls, options: WorkerOptions) -> None:
    """Run `options.concurrency` jobs at a time until SIGINT or SIGTERM (then the running jobs
    are let finish; a second signal stops at once)."""
    app = _app(url, calls, options)
    name = f"turnout-{socket.gethostname()}-{os.getpid()}"

    async def work() -> None:
        async with app.open_async():
            await app.run_worker_async(
                queues=[QUEUE],
                name=name,
                concurrency=options.concurrency,
                update_heartbeat_interval=options.heartbeat,
                stalled_worker_timeout=3 * options.heartbeat,
                delete_jobs="successful",  # turnout's job row keeps what happened
            )

    asyncio.run(work())


def _app(url: str, calls: WorkerCalls, options: WorkerOptions) -> App:
    app = App(connector=PsycopgConnector(conninfo=conninfo(url), min_size=1))
    stall = 3 * options.heartbeat

    # One retry when the task itself fails (the database went away mid-job, say): what the
    # measuring finds wrong in an upload is a failed job already, not an exception here.
    @app.task(name=MEASURE_TASK, queue=QUEUE, retry=1)
    def measure(job_id: int) -> None:
        calls.run(job_id)

    every = max(1, min(59, options.sweep_every))

    @app.periodic(cron=f"* * * * * */{every}", periodic_id="sweep")
    @app.task(
        name=SWEEP_TASK, queue=QUEUE, queueing_lock=SWEEP_TASK, priority=10, pass_context=True
    )
    async def sweep(context: JobContext, timestamp: int) -> None:
        manager = app.job_manager
        for job in await manager.get_stalled_jobs(
            task_name=MEASURE_TASK, seconds_since_heartbeat=stall
        ):
            await _stalled(app, job, calls.stalled)
        await asyncio.to_thread(calls.sweep)

    return app


async def _stalled(app: App, job: Job, again: Callable[[int], bool]) -> None:
    job_id = int(_kwargs(job).get("job_id", 0))
    if job_id and await asyncio.to_thread(again, job_id):
        log.warning("measuring job %s: its worker stopped; starting it again", job_id)
        await app.job_manager.retry_job(job)
    else:
        await app.job_manager.finish_job(job, Status.FAILED, delete_job=False)


def _kwargs(job: Job) -> dict[str, Any]:
    return dict(job.task_kwargs)
