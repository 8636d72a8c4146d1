"""The background ticker has a thread of its own: with every shared worker thread of the server
busy (as slow uploads keep them), each hold still reaches the log within a second of its end,
with no page open to tick it."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import anyio
import httpx
from fastapi import FastAPI

from tests.e2e.conftest import LiveServer
from turnout.adapters.clock import ScaledClock

BUSY_SECONDS = 7.0  # wall seconds the pools stay full: four holds or more at TIME_SCALE 10
# What a ThreadPoolExecutor gets when nobody says, as the event loop's default executor does.
DEFAULT_WORKERS = min(32, (os.cpu_count() or 1) + 4)


def with_pool_filler(server: LiveServer) -> None:
    """A test-only route that fills both shared pools with sleepers and answers at once: the
    event loop's default executor (asyncio.to_thread, where the ticker used to run) and anyio's
    worker threads (sync handlers), each to its limit whatever the number of cores; anything
    else sent there waits for a sleeper to wake."""
    app = server.server.config.app
    assert isinstance(app, FastAPI)
    keep: set[asyncio.Future[Any]] = set()

    async def fill(seconds: float) -> dict[str, int]:
        limiter = anyio.to_thread.current_default_thread_limiter()
        loop = asyncio.get_running_loop()
        for _ in range(int(limiter.total_tokens)):
            job = asyncio.ensure_future(anyio.to_thread.run_sync(time.sleep, seconds))
            keep.add(job)
        for _ in range(DEFAULT_WORKERS):
            keep.add(loop.run_in_executor(None, time.sleep, seconds))
        await asyncio.sleep(0.2)  # let the sleepers take every thread
        return {"sleepers": len(keep)}

    app.add_api_route("/test-only/fill-pools", fill, methods=["POST"])


def logged_holds(db: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(db) as raw:
        return raw.execute("SELECT id, ended_at FROM holds ORDER BY id").fetchall()


def wall(clock: ScaledClock, moment: float) -> float:
    """The wall-clock time of a moment of the practice clock (which runs `scale` times fast)."""
    return clock.origin + (moment - clock.origin) / clock.scale


def epoch(stored: str) -> float:
    return datetime.fromisoformat(stored).replace(tzinfo=UTC).timestamp()


def test_holds_reach_the_log_on_time_while_every_shared_thread_is_busy(tmp_path: Path) -> None:
    server = LiveServer(tmp_path / "data")
    with_pool_filler(server)
    clock = server.container.clock
    assert isinstance(clock, ScaledClock)
    db = tmp_path / "data" / "t.db"
    with server, httpx.Client(base_url=server.url, timeout=10) as web:
        session = web.post("/api/sessions", json={"exercises": [1]}).json()
        web.post(f"/api/sessions/{session['id']}/actions", json={"action": "ready"})
        filled = web.post("/test-only/fill-pools", params={"seconds": BUSY_SECONDS + 0.5})
        assert filled.status_code == 200
        seen: dict[int, tuple[float, str]] = {}
        busy_until = time.time() + BUSY_SECONDS
        while time.time() < busy_until:  # no page is open: only the ticker logs holds
            for hold_id, ended_at in logged_holds(db):
                seen.setdefault(hold_id, (time.time(), ended_at))
            time.sleep(0.02)
    lags = [at - wall(clock, epoch(ended)) for at, ended in seen.values()]
    assert len(lags) >= 4, seen
    assert max(lags) < 1.0, lags
