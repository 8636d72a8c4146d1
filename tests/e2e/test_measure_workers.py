"""Camera analyses on a studio's PostgreSQL: the web queues a job on procrastinate and a real
`turnout worker` process measures it, with the real vision code; a worker killed with SIGKILL
in the middle leaves the job started once more by another, and a job that kills its worker
twice ends failed with a message. Skipped without TURNOUT_TEST_POSTGRES_URL."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import cv2
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tests.e2e.browsing import chromium, needs_chromium, shoot
from tests.e2e.conftest import LiveServer
from tests.integration.postgres import postgres_url, wipe
from tests.integration.vision_scenes import CAMERAS, first_position_feet, scene
from turnout import bootstrap
from turnout.adapters.vision.mat_layout import Paper, layout
from turnout.config import Settings
from turnout.services.measure_jobs import STOPPED_TWICE
from turnout.web.app import create_app

COMMAND = Path(sys.executable).parent / "turnout"  # the console script beside this Python
LONG_FRAMES = 500  # 50 s at 10 fps, all read: several seconds of measuring, time to kill a worker


@pytest.fixture
def database() -> str:
    url = postgres_url()
    wipe(url)
    return url


@pytest.fixture
def web(database: str, tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path / "web", database_url=database)
    with TestClient(create_app(bootstrap.build(settings)), base_url="http://127.0.0.1") as client:
        yield client


class Workers:
    """`turnout worker` processes on the test's database, each with a data folder of its own
    (another machine's), a heartbeat of half a second and a sweep every second."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url, self.folder, self.running = url, folder, list[subprocess.Popen[bytes]]()

    def start(self) -> subprocess.Popen[bytes]:
        env = {
            **os.environ,
            "TURNOUT_DATABASE_URL": self.url,
            "TURNOUT_DATA_DIR": str(self.folder / f"worker-{len(self.running)}"),
            "TURNOUT_WORKER_HEARTBEAT_SECONDS": "0.5",
            "TURNOUT_WORKER_SWEEP_SECONDS": "1",
        }
        process = subprocess.Popen(
            [str(COMMAND), "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        self.running.append(process)
        return process

    def stop(self) -> None:
        for process in self.running:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.running:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)


@pytest.fixture
def workers(database: str, tmp_path: Path) -> Iterator[Workers]:
    started = Workers(database, tmp_path)
    yield started
    started.stop()


@pytest.fixture(scope="module")
def photo() -> bytes:
    picture = scene(layout(Paper.A4), CAMERAS[0], first_position_feet(80, 85))
    return bytes(cv2.imencode(".png", picture)[1].tobytes())


@pytest.fixture(scope="module")
def long_video(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    frame = scene(layout(Paper.A4), CAMERAS[0], first_position_feet(80, 85))
    path = tmp_path_factory.mktemp("video") / "long.mp4"
    height, width = frame.shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 10, (width, height))
    for _ in range(LONG_FRAMES):
        writer.write(frame)
    writer.release()
    return path.read_bytes()


def send(client: TestClient, name: str, data: bytes, url: str = "/api/measure/jobs") -> Any:
    form = {"mode": "first-position", "feet_only": "true"}
    answer = client.post(url, files={"file": (name, data, "application/octet-stream")}, data=form)
    assert answer.status_code in (200, 202), answer.text
    return answer.json()


def wait_for(
    client: TestClient, url: str, until: Callable[[dict[str, Any]], bool], seconds: float = 60
) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = client.get(url).json()
        if until(job):
            return job
        time.sleep(0.05)
    raise AssertionError(f"{url} never got there: {job}")


def finished(job: dict[str, Any]) -> bool:
    return job["status"] in ("done", "failed")


def measuring(attempt: int) -> Callable[[dict[str, Any]], bool]:
    """The job is at its `attempt`-th start, with some frames analysed already."""
    return lambda job: job["attempts"] == attempt and job["progress"]["done"] >= 10


def kill(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(10)


def rows(url: str, query: str) -> list[Any]:
    engine = create_engine(url)
    with engine.connect() as connection:
        found = list(connection.execute(text(query)))
    engine.dispose()
    return found


def test_a_job_queued_through_the_web_is_done_by_a_worker_process(
    web: TestClient, workers: Workers, database: str, photo: bytes
) -> None:
    queued = send(web, "feet.png", photo)
    assert queued["status"] == "queued"
    assert web.get(queued["url"]).json()["status"] == "queued"  # nobody measures in the web
    workers.start()
    done = wait_for(web, queued["url"], finished)
    assert done["status"] == "done", done
    assert done["progress"] == {"done": 1, "total": 1}
    assert done["result"] == send(web, "feet.png", photo, url="/api/measure")
    assert rows(database, "SELECT job_id FROM measure_uploads") == []
    # procrastinate's own job carried only our id, and is gone once it succeeded.
    assert (
        rows(database, "SELECT id FROM procrastinate_jobs WHERE task_name = 'turnout.measure'")
        == []
    )


def test_a_worker_killed_in_the_middle_of_a_job_leaves_it_to_another(
    web: TestClient, workers: Workers, database: str, long_video: bytes
) -> None:
    url = send(web, "long.mp4", long_video)["url"]
    first = workers.start()
    midway = wait_for(web, url, measuring(1))
    assert midway["status"] == "running" and midway["progress"]["total"] == LONG_FRAMES
    kill(first)
    workers.start()
    wait_for(web, url, measuring(2))
    done = wait_for(web, url, finished)
    assert done["status"] == "done" and done["attempts"] == 2, done
    assert done["result"]["frames_seen"] == LONG_FRAMES
    assert rows(database, "SELECT job_id FROM measure_uploads") == []


def test_a_job_that_kills_its_worker_twice_ends_failed_with_a_message(
    web: TestClient, workers: Workers, database: str, long_video: bytes
) -> None:
    url = send(web, "long.mp4", long_video)["url"]
    kill_when = workers.start()
    wait_for(web, url, measuring(1))
    kill(kill_when)
    kill_when = workers.start()
    wait_for(web, url, measuring(2))
    kill(kill_when)
    workers.start()
    failed = wait_for(web, url, finished)
    assert failed["status"] == "failed" and failed["attempts"] == 2, failed
    assert failed["message"] == STOPPED_TWICE and "result" not in failed
    assert rows(database, "SELECT job_id FROM measure_uploads") == []
    statuses = rows(
        database, "SELECT status FROM procrastinate_jobs WHERE task_name = 'turnout.measure'"
    )
    assert [status for (status,) in statuses] == ["failed"]  # left for the admin to see


def test_a_worker_refuses_a_personal_log(tmp_path: Path) -> None:
    env = {**os.environ, "TURNOUT_DATA_DIR": str(tmp_path)}
    env.pop("TURNOUT_DATABASE_URL", None)
    run = subprocess.run(
        [str(COMMAND), "worker"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode != 0
    assert "workers need a studio's PostgreSQL; a personal log analyses uploads" in run.stderr


def in_a_browser(test: Callable[..., None]) -> Callable[..., None]:
    """The marks of a browser test: skipped without Chromium, unless CI requires one."""
    for mark in needs_chromium():
        test = mark(test)
    return test


@in_a_browser
def test_the_measure_page_shows_the_progress_of_a_worker_then_the_result(
    database: str, workers: Workers, tmp_path: Path, long_video: bytes
) -> None:
    video = tmp_path / "long.mp4"
    video.write_bytes(long_video)
    settings = Settings(data_dir=tmp_path / "web", database_url=database)
    with LiveServer(tmp_path, settings) as server, chromium() as browser:
        page = browser.new_page()
        page.goto(server.url + "/measure")
        page.set_input_files("#file-pick", str(video))
        page.get_by_text("long.mp4").wait_for()
        page.locator("input[name=feet_only]").check()
        page.get_by_role("button", name="Measure", exact=True).click()
        page.get_by_text("Waiting for its turn to be measured…").wait_for()
        workers.start()
        midway = page.get_by_text(re.compile(rf"Analysed [1-9][0-9]* of {LONG_FRAMES} frames"))
        midway.wait_for(timeout=30_000)
        shoot(page, tmp_path, "measure-job-progress.png")  # the worker part-way through
        page.get_by_role("heading", name="Result").wait_for(timeout=60_000)
        page.get_by_text(f"{LONG_FRAMES} of {LONG_FRAMES} frames used").wait_for()
        page.close()
