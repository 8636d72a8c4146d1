"""The measuring worker pools: a few threads, a short queue, and "busy" at once beyond it."""

from __future__ import annotations

import asyncio
import threading

import pytest

from turnout.web.measure.pool import PoolFullError, WorkerPool


def test_work_runs_on_the_pools_own_threads() -> None:
    pool = WorkerPool("test", workers=1, waiting=0)
    name = asyncio.run(pool.run(lambda: threading.current_thread().name))
    assert name.startswith("turnout-test")


def test_beyond_its_workers_and_queue_the_pool_is_full_at_once_and_free_after() -> None:
    pool = WorkerPool("test", workers=1, waiting=1)
    release = threading.Event()

    async def scenario() -> tuple[list[str], str]:
        running = asyncio.ensure_future(pool.run(lambda: release.wait(5) and "first"))
        queued = asyncio.ensure_future(pool.run(lambda: "second"))
        await asyncio.sleep(0.05)
        with pytest.raises(PoolFullError):
            await pool.run(lambda: "third")
        release.set()
        done = [await running, await queued]
        return done, await pool.run(lambda: "fourth")

    done, later = asyncio.run(scenario())
    assert done == ["first", "second"] and later == "fourth"


def test_a_reserved_place_that_runs_nothing_is_given_back() -> None:
    pool = WorkerPool("test", workers=1, waiting=0)
    with pool.reserve(), pytest.raises(PoolFullError):
        pool.reserve()
    with pool.reserve():  # free again
        pass


def test_a_place_runs_one_piece_of_work() -> None:
    pool = WorkerPool("test", workers=1, waiting=0)

    async def twice() -> None:
        with pool.reserve() as place:
            await place.run(lambda: None)
            await place.run(lambda: None)

    with pytest.raises(RuntimeError, match="one piece of work"):
        asyncio.run(twice())


def test_a_caller_that_stops_waiting_keeps_its_place_until_the_work_ends() -> None:
    pool = WorkerPool("test", workers=1, waiting=0)
    release, finished = threading.Event(), threading.Event()

    def slow() -> None:
        release.wait(5)
        finished.set()

    async def scenario() -> None:
        waiting = asyncio.ensure_future(pool.run(slow))
        await asyncio.sleep(0.05)
        waiting.cancel()  # the client hung up; the thread still works
        with pytest.raises(PoolFullError):
            pool.reserve()
        release.set()
        await asyncio.get_running_loop().run_in_executor(None, finished.wait, 5)
        await asyncio.sleep(0.05)
        with pool.reserve():
            pass

    asyncio.run(scenario())
