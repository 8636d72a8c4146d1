"""Two web servers on one studio's PostgreSQL log, as behind a reverse proxy: either answers
for any session, their writes never both land, and when one stops or dies the other carries
its sessions on from where they were. No ticker threads: each test ticks the servers itself,
on one shared fake clock."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.fakes import FakeClock, cheap_hasher
from tests.integration.postgres import postgres_url, wipe
from turnout import bootstrap
from turnout.config import Settings
from turnout.domain.accounts import Role
from turnout.domain.log import OwnerKind
from turnout.services.leases import Owner, this_host
from turnout.web.app import create_app
from turnout.web.registries import Registries

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

GOOD = "a long enough pass phrase"


@dataclass
class Server:
    client: TestClient
    registries: Registries

    def view(self, session_id: str) -> dict[str, Any]:
        answer = self.client.get(f"/api/sessions/{session_id}")
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    def act(self, session_id: str, action: str) -> dict[str, Any]:
        answer = self.client.post(f"/api/sessions/{session_id}/actions", json={"action": action})
        assert answer.status_code == 200, answer.text
        return dict(answer.json())


@pytest.fixture
def studio_url(tmp_path: Path) -> str:
    url = postgres_url()  # skips when PostgreSQL is not set up
    wipe(url)
    return url


def servers(url: str, folder: Path, clock: FakeClock, *owners: Owner | None) -> list[Server]:
    made = []
    for number, owner in enumerate(owners):
        settings = Settings(data_dir=folder / f"server-{number}", database_url=url)
        box = bootstrap.build(settings, clock=clock)
        box.hasher = cheap_hasher()
        if number == 0:
            box.accounts().init_studio("Studio Nord", "admin@example.org", GOOD, 16)
            box.accounts().add("ana@example.org", Role.DANCER, GOOD, "Ana")
        app = create_app(box)
        registries: Registries = app.state.web.registries
        if owner is not None:
            registries.owner = owner
        made.append(Server(TestClient(app, base_url="http://127.0.0.1"), registries))
    signed = made[0].client.post(
        "/api/auth/login", json={"email": "ana@example.org", "password": GOOD}
    )
    assert signed.status_code == 200
    for other in made[1:]:  # one sign-in: the account's session is in the log, not a process
        other.client.cookies.update(made[0].client.cookies)
    return made


def holds_logged(url: str, session_id: str) -> list[tuple[int, str]]:
    engine = create_engine(url)
    with engine.connect() as db:
        rows = db.execute(
            text("SELECT position, status FROM holds WHERE session_id = :s ORDER BY position"),
            {"s": session_id},
        ).all()
    engine.dispose()
    return [(row[0], row[1]) for row in rows]


def to_first_hold(server: Server, clock: FakeClock) -> tuple[str, dict[str, Any]]:
    started = server.client.post("/api/sessions", json={"routine": "classic"})
    assert started.status_code == 201, started.text
    view = started.json()
    while view["phase"] != "running":
        if view["phase"] == "waiting":
            view = server.act(view["id"], "ready")
        else:
            clock.advance(view["remaining"] + 0.01)
            view = server.view(view["id"])
    return view["id"], view


def test_a_session_started_on_one_server_is_driven_through_the_other(
    studio_url: str, tmp_path: Path
) -> None:
    clock = FakeClock()
    one, two = servers(studio_url, tmp_path, clock, None, None)
    session_id, running = to_first_hold(one, clock)
    seen = two.view(session_id)
    same = ("phase", "step", "deadline", "feed", "last_event")
    assert {k: seen[k] for k in same} == {k: running[k] for k in same}
    assert seen["read_only"] is False and "pause" in seen["allowed"]

    paused = two.act(session_id, "pause")
    assert paused["phase"] == "paused"
    clock.advance(running["remaining"] + 60)  # far past the hold's old deadline
    one.registries.tick_all()  # the server holding the lease ticks on what it had: refused
    two.registries.tick_all()
    assert one.view(session_id)["phase"] == "paused"
    assert holds_logged(studio_url, session_id) == []

    resumed = one.act(session_id, "resume")
    assert resumed["phase"] == "running" and resumed["remaining"] == paused["remaining"]
    clock.advance(resumed["remaining"] + 0.01)
    one.registries.tick_all()
    two.registries.tick_all()  # both tick the same ended hold: it is logged once
    assert holds_logged(studio_url, session_id) == [(running["step"]["position"], "completed")]
    moved = two.view(session_id)
    assert moved["step"]["position"] > running["step"]["position"]
    assert moved == {**one.view(session_id), "server_time": moved["server_time"]}

    events = two.client.get(f"/api/sessions/{session_id}/events?after=0").json()
    assert events["feed"] == running["feed"]
    numbers = [event["seq"] for event in events["events"]]
    assert numbers == sorted(set(numbers)) and numbers[-1] == events["last"]
    assert one.client.get(f"/api/sessions/{session_id}?events_after=0").json()["events"] == events
    kinds = [event["kind"] for event in events["events"]]
    assert "paused" in kinds and "resumed" in kinds and "hold_ended" in kinds


def test_a_dead_servers_sessions_are_carried_on_by_the_other_from_where_they_were(
    studio_url: str, tmp_path: Path
) -> None:
    clock = FakeClock()
    dead = Owner(f"killed {_a_pid_no_process_has()}@{this_host()}", OwnerKind.WEB)
    one, two = servers(studio_url, tmp_path, clock, dead, None)
    session_id, running = to_first_hold(one, clock)
    # The first server is gone (kill -9): no page open, nobody ticks. Within a sweep the
    # other takes the lease and carries the hold on, without starting its step again.
    assert two.registries.take_over() == 1
    assert two.registries.take_over() == 0
    mine = next(r._live[session_id] for r in two.registries._all() if session_id in r._live)
    assert mine is not None and mine.practice.owned
    assert (mine.state.phase.value, mine.state.position) == ("running", running["step"]["position"])
    clock.advance(running["remaining"] + 0.01)
    two.registries.tick_all()
    assert holds_logged(studio_url, session_id) == [(running["step"]["position"], "completed")]


def test_a_lapsed_lease_of_another_machine_is_taken_over_and_a_live_one_is_not(
    studio_url: str, tmp_path: Path
) -> None:
    clock = FakeClock()
    elsewhere = Owner("far-away 4242@another-host", OwnerKind.WEB, seconds=0.4)
    one, two = servers(studio_url, tmp_path, clock, elsewhere, None)
    session_id, running = to_first_hold(one, clock)
    assert two.registries.take_over() == 0  # its lease lives: it is another machine's
    time.sleep(0.5)
    assert two.registries.take_over() == 1
    assert two.view(session_id)["step"] == running["step"]


def test_several_web_processes_are_refused_on_a_sqlite_log(tmp_path: Path) -> None:
    env = {**os.environ, "TURNOUT_DATA_DIR": str(tmp_path)}
    env.pop("TURNOUT_DATABASE_URL", None)
    done = subprocess.run(
        [str(Path(sys.executable).parent / "turnout"), "serve", "--workers", "2"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "Several web processes need a studio's PostgreSQL" in done.stdout + done.stderr


def test_serve_workers_runs_several_processes_on_postgresql(
    studio_url: str, tmp_path: Path
) -> None:
    bootstrap.build(Settings(data_dir=tmp_path, database_url=studio_url)).uow()  # migrated
    env = {**os.environ, "TURNOUT_DATA_DIR": str(tmp_path), "TURNOUT_DATABASE_URL": studio_url}
    port = _a_free_port()
    command = [str(Path(sys.executable).parent / "turnout"), "serve", "--workers", "2"]
    server = subprocess.Popen([*command, "--port", str(port)], env=env, start_new_session=True)
    try:
        pids = _children_when_ready(server.pid, port)
        assert len(pids) == 2  # two web processes behind the one port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)


def _children_when_ready(parent: int, port: int) -> set[int]:
    for _ in range(100):
        try:
            ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200
        except httpx.HTTPError:
            ready = False
        children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        # uvicorn's processes, started by multiprocessing (its resource tracker is not one)
        web = {int(pid) for pid in children if b"spawn_main" in _cmdline(pid)}
        if ready and len(web) >= 2:
            return web
        time.sleep(0.3)
    raise AssertionError("serve --workers 2 did not start two ready processes")


def _cmdline(pid: str) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return b""


def _a_free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _a_pid_no_process_has() -> int:
    pid = 4_000_000
    while Path(f"/proc/{pid}").exists():
        pid += 1
    return pid
