"""The simulated people of bench/studio_load.py: dancers practising as the player does,
teachers refreshing their class views, and uploads analysed in the background; and the
figures they collect. A request goes to one web server after the other, as a reverse proxy
with round robin sends it; one that cannot connect goes to the next server, as a proxy's
`proxy_next_upstream` does, and counts as an error only when no server answers."""

from __future__ import annotations

import asyncio
import itertools
import random
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import httpx

COUNTING = ("get_ready", "running")
OVER = ("finished", "aborted")
BEEPS_FROM = 3  # clock seconds before a countdown's end: the first beep


@dataclass
class Figures:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sessions: list[str] = field(default_factory=list)
    finished: int = 0
    jobs: list[dict[str, Any]] = field(default_factory=list)
    failovers: int = 0

    def table(self) -> list[tuple[str, int, float, float, int]]:
        rows = []
        for name in sorted(set(self.times) | set(self.errors)):
            took = sorted(self.times.get(name, [])) or [0.0]
            p99 = took[min(len(took) - 1, int(len(took) * 0.99))]
            rows.append(
                (name, len(took), statistics.median(took), p99, len(self.errors.get(name, [])))
            )
        return rows


class Servers:
    """Round robin over the web servers, with a failover to the next on a refused connection."""

    def __init__(self, client: httpx.AsyncClient, bases: list[str], figures: Figures) -> None:
        self.client, self.bases, self.figures = client, bases, figures
        self._turn = itertools.count()

    async def ask(
        self, name: str, method: str, path: str, cookie: str = "", **more: Any
    ) -> httpx.Response | None:
        first = next(self._turn)
        began = time.perf_counter()
        headers = {"cookie": f"turnout_session={cookie}"} if cookie else {}
        # Each server once, then the first again: a connection kept alive that the server
        # has just closed fails at once and is worth one more try, as the player would.
        for attempt in range(len(self.bases) + 1):
            base = self.bases[(first + attempt) % len(self.bases)]
            try:
                answer = await self.client.request(method, base + path, headers=headers, **more)
            except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as error:
                self.figures.failovers += 1
                last = repr(error)
                continue
            self.figures.times[name].append((time.perf_counter() - began) * 1000)
            if answer.status_code >= 500:
                self.figures.errors[name].append(f"{answer.status_code} {answer.text[:120]}")
            return answer
        self.figures.errors[name].append(last)
        return None

    async def sign_in(self, email: str, password: str) -> str:
        body = {"email": email, "password": password}
        answer = await self.ask("POST /api/auth/login", "POST", "/api/auth/login", json=body)
        if answer is None or answer.status_code != 200:
            raise RuntimeError(f"{email} could not sign in: {answer and answer.text}")
        return answer.cookies["turnout_session"]


async def dancer(
    servers: Servers, email: str, password: str, poll_ms: int, exercises: list[int], delay: float
) -> None:
    await asyncio.sleep(delay)
    figures = servers.figures
    cookie = await servers.sign_in(email, password)
    await servers.ask("PUT /api/profile", "PUT", "/api/profile", cookie, json={"age": 30})
    body = {"routine": "classic", "exercises": exercises}
    started = await servers.ask("POST /api/sessions", "POST", "/api/sessions", cookie, json=body)
    if started is None or started.status_code != 201:
        figures.errors["POST /api/sessions"].append(started.text if started else "no answer")
        return
    view, last, paused_once = started.json(), 0, False
    figures.sessions.append(view["id"])
    path = f"/api/sessions/{view['id']}"
    while view["phase"] not in OVER:
        await asyncio.sleep(_poll_wait(view, poll_ms) / 1000)
        # One request a poll, as the player asks: the state and the cues after the last one.
        answer = await servers.ask(
            "GET /api/sessions/ID?events_after=N", "GET", f"{path}?events_after={last}", cookie
        )
        if answer is None or answer.status_code != 200:
            continue
        view = answer.json()
        last = view["events"]["last"]
        action = _next_action(view, paused_once)
        if action is not None:
            paused_once = paused_once or action == "pause"
            acted = await servers.ask(
                "POST /api/sessions/ID/actions",
                "POST",
                f"{path}/actions",
                cookie,
                json={"action": action, "position": view["step"]["position"]},
            )
            if acted is not None and acted.status_code == 200:
                view = acted.json()
    figures.finished += view["phase"] == "finished"


def _poll_wait(view: dict[str, Any], poll_ms: int) -> float:
    """When the player asks again (player.js nextPollMs): at the next cue while counting,
    every `poll_ms` from the first beep to the end, each second otherwise."""
    if view["phase"] not in COUNTING or view["remaining"] is None:
        return 1000.0
    ahead = view["remaining"] - BEEPS_FROM
    if ahead <= 0.25 or poll_ms >= 1000:
        return float(poll_ms)
    return max(float(poll_ms), min(1000.0, ahead / view["time_scale"] * 1000))


def _next_action(view: dict[str, Any], paused_once: bool) -> str | None:
    if view["phase"] == "waiting":
        return "ready"
    if view["phase"] == "paused":
        return "resume"
    if view["phase"] == "running" and not paused_once and random.random() < 0.05:
        return "pause"
    return None


async def teacher(servers: Servers, email: str, password: str, class_id: int, until: float) -> None:
    cookie = await servers.sign_in(email, password)
    while time.monotonic() < until:
        path = f"/api/classes/{class_id}/dancers"
        await servers.ask("GET /api/classes/ID/dancers", "GET", path, cookie)
        await asyncio.sleep(2.0)


async def upload(servers: Servers, cookie: str, video: bytes, delay: float, until: float) -> None:
    await asyncio.sleep(delay)
    files = {"file": ("clip.mp4", video, "video/mp4")}
    form = {"mode": "plie"}  # knees over toes: measured from the person alone, no mat needed
    answer = await servers.ask(
        "POST /api/measure/jobs", "POST", "/api/measure/jobs", cookie, files=files, data=form
    )
    if answer is None or answer.status_code != 202:
        servers.figures.errors["POST /api/measure/jobs"].append(answer.text if answer else "none")
        return
    job = answer.json()
    while time.monotonic() < until:
        await asyncio.sleep(1.0)
        seen = await servers.ask("GET /api/measure/jobs/ID", "GET", job["url"], cookie)
        if (
            seen is not None
            and seen.status_code == 200
            and seen.json()["status"]
            in (
                "done",
                "failed",
            )
        ):
            servers.figures.jobs.append(seen.json())
            return
    servers.figures.jobs.append({"status": "not done within the run"})
