"""The threads that measure: uploads and live-mirror frames run on pools of their own.

Measuring is seconds of CPU and hundreds of MB per upload. On the shared thread pool of
asyncio and Starlette, eight slow uploads once took every thread and held up everything else
that runs there. Here each kind of work has a few threads and a short queue; past that, the
caller is told at once that the server is busy, and nothing is read or decoded."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import TypeVar

T = TypeVar("T")


class PoolFullError(Exception):
    """Every thread of the pool is busy and its queue is full: try again shortly."""


class WorkerPool:
    """`workers` threads, and room for `waiting` more jobs queued behind them."""

    def __init__(self, name: str, workers: int, waiting: int) -> None:
        self.name, self.workers, self.waiting = name, workers, waiting
        self._places = threading.BoundedSemaphore(workers + waiting)
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def reserve(self) -> Place:
        """A place in the pool, held until the work given to it ends. PoolFullError, at once, when
        there is none: a caller reserves before reading an upload, so a refusal costs nothing."""
        if not self._places.acquire(blocking=False):
            raise PoolFullError(self.name)
        return Place(self)

    async def run(self, work: Callable[[], T]) -> T:
        """`work()` on one of the pool's threads; PoolFullError when the pool is full."""
        with self.reserve() as place:
            return await place.run(work)

    def _submit(self, work: Callable[[], T]) -> Future[T]:
        with self._lock:
            if self._executor is None:  # threads start on first use, not at import
                self._executor = ThreadPoolExecutor(self.workers, f"turnout-{self.name}")
        # In the caller's context (its language, its dancer), as anyio's threads are.
        future = self._executor.submit(contextvars.copy_context().run, work)
        # Released when the thread is done, not when the caller stops waiting: a client that
        # hangs up does not stop the work, so its place stays taken until the work ends.
        future.add_done_callback(lambda _: self._places.release())
        return future


class Place:
    """A reserved place in a WorkerPool; given back on leaving the `with` if no work was run."""

    def __init__(self, pool: WorkerPool) -> None:
        self._pool, self._handed_on = pool, False

    async def run(self, work: Callable[[], T]) -> T:
        return await asyncio.wrap_future(self.start(work))

    def start(self, work: Callable[[], T]) -> Future[T]:
        """Hand `work` to the pool without waiting for it (a job that a page follows)."""
        if self._handed_on:
            raise RuntimeError("a place in the pool runs one piece of work")
        future = self._pool._submit(work)
        self._handed_on = True
        return future

    def __enter__(self) -> Place:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._handed_on:
            self._pool._places.release()


# Each upload holds a decoded video's frames and a pose model: two run, four more may wait.
UPLOADS = WorkerPool("uploads", workers=2, waiting=4)
# A mirror sends its next frame only after the answer to the last, so each open mirror has at
# most one frame here (MirrorSlots caps them); the queue is slack for a mirror being replaced.
MIRROR_FRAMES = WorkerPool("mirrors", workers=2, waiting=6)
