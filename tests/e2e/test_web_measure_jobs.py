"""Camera analyses as jobs on a personal log (SQLite): POST /api/measure/jobs answers at once,
the upload pool of the web process measures it, and GET /api/measure/jobs/ID follows it to the
same result /api/measure gives. Fake models that wait for the test between frames make the
progress deterministic; the video is a real file read by the real media code."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tests.e2e.test_web_measure import MAT, FakeVisionKit, FootsSeen, app_with, dancer
from tests.e2e.test_web_studio import make_studio, sign_in
from tests.fakes import FakeClock
from turnout.bootstrap import Container
from turnout.domain.form import Foot
from turnout.domain.geometry import Point
from turnout.domain.mat import MatView
from turnout.services.measuring import Vision
from turnout.web.measure import jobs as measure_jobs
from turnout.web.measure.pool import WorkerPool

FRAMES = 25


class GatedFeet(FootsSeen):
    """Feet on the mat, found only as the test lets each frame through."""

    def __init__(self, gate: threading.Semaphore) -> None:
        super().__init__(((75, 80),))
        self.gate = gate

    def find(
        self, frame: object, mat: MatView, heels: tuple[Point, Point] | None
    ) -> tuple[Foot | None, Foot | None]:
        assert self.gate.acquire(timeout=20), "the test never let the frame through"
        return super().find(frame, mat, heels)


class GatedKit(FakeVisionKit):
    def __init__(self) -> None:
        super().__init__([dancer()], mat=MAT)
        self.gate = threading.Semaphore(0)

    def build(self, video: bool, feet_only: bool, paper: str = "") -> Vision:
        built = super().build(video, feet_only, paper)
        return Vision(built.mat, GatedFeet(self.gate), built.poses)

    def let_through(self, frames: int = 10_000) -> None:
        for _ in range(frames):
            self.gate.release()


def clip(folder: Path, frames: int = FRAMES) -> bytes:
    path = folder / "clip.mp4"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 10, (640, 480))
    for i in range(frames):
        picture = np.full((480, 640, 3), 200, np.uint8)
        cv2.circle(picture, (200 + 8 * i, 240), 40, (40, 40, 160), -1)
        writer.write(picture)
    writer.release()
    return path.read_bytes()


def send(client: TestClient, data: bytes, url: str = "/api/measure/jobs", **form: str) -> Any:
    fields = {"mode": "first-position", "feet_only": "true", **form}
    return client.post(url, files={"file": ("clip.mp4", data, "video/mp4")}, data=fields)


def wait_for(client: TestClient, url: str, until: Callable[[dict[str, Any]], bool]) -> Any:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        answer = client.get(url)
        assert answer.status_code == 200, answer.text
        if until(answer.json()):
            return answer.json()
        time.sleep(0.02)
    raise AssertionError(f"{url} never got there: {answer.json()}")


def finished(job: dict[str, Any]) -> bool:
    return job["status"] in ("done", "failed")


def uploads_left(container: Container) -> int:
    engine = create_engine(container.settings.db_url)
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM measure_uploads")).scalar_one()
    engine.dispose()
    return int(count)


@pytest.fixture
def kit() -> GatedKit:
    return GatedKit()


@pytest.fixture
def client(container: Container, kit: GatedKit) -> Iterator[TestClient]:
    with app_with(container, kit) as test_client:
        yield test_client


def test_a_job_answers_at_once_its_progress_rises_and_its_result_is_the_measurements(
    client: TestClient, kit: GatedKit, container: Container, tmp_path: Path
) -> None:
    data = clip(tmp_path)
    queued = send(client, data)
    assert queued.status_code == 202, queued.text
    job = queued.json()
    assert job["status"] == "queued" and job["url"] == f"/api/measure/jobs/{job['id']}"
    url = job["url"]
    seen = wait_for(client, url, lambda j: j["progress"]["total"] is not None)
    assert seen["status"] == "running" and seen["progress"] == {"done": 0, "total": FRAMES}
    assert uploads_left(container) == 1  # the bytes wait in the log while the job lasts
    kit.let_through(10)
    assert wait_for(client, url, lambda j: j["progress"]["done"] == 10)["status"] == "running"
    kit.let_through(10)
    assert wait_for(client, url, lambda j: j["progress"]["done"] == 20)["status"] == "running"
    kit.let_through()
    done = wait_for(client, url, finished)
    assert done["status"] == "done" and done["progress"] == {"done": FRAMES, "total": FRAMES}
    assert uploads_left(container) == 0  # and are gone with it
    direct = send(client, data, url="/api/measure")
    assert direct.status_code == 200, direct.text
    assert done["result"] == direct.json()
    assert done["result"]["frames_seen"] == FRAMES and done["attempts"] == 1


def test_an_upload_that_cannot_be_measured_fails_with_what_to_send(
    client: TestClient, container: Container
) -> None:
    queued = send(client, b"just some notes").json()
    failed = wait_for(client, queued["url"], finished)
    assert failed["status"] == "failed" and "result" not in failed
    assert failed["message"].startswith("clip.mp4 is not a photo or a video")
    assert uploads_left(container) == 0


def test_a_job_past_its_time_is_stopped_with_what_to_do(
    client: TestClient, kit: GatedKit, clock: FakeClock, tmp_path: Path
) -> None:
    url = send(client, clip(tmp_path)).json()["url"]
    wait_for(client, url, lambda j: j["status"] == "running")
    clock.advance(601)  # the practice clock is the jobs' clock too; the timeout is 10 min
    kit.let_through()
    failed = wait_for(client, url, finished)
    assert failed["status"] == "failed"
    assert failed["message"].startswith("Measuring took longer than 10 minutes")


def test_a_job_nobody_finished_expires_and_its_upload_goes(
    container: Container, clock: FakeClock
) -> None:
    jobs = measure_jobs.build_jobs(container)
    store = container.measure_job_store()
    stale = store.add(1, measure_jobs.JobRequest("a.jpg", "first-position"), b"x", clock.now())
    clock.advance(3601)
    assert jobs.sweep() == 1
    expired = store.job(stale)
    assert expired is not None and expired.status.value == "failed"
    assert "not measured in time" in expired.message and uploads_left(container) == 0
    clock.advance(3601)
    jobs.sweep()
    assert store.job(stale) is None  # a finished job's result is kept an hour, then forgotten


def test_the_picture_is_kept_when_the_finished_job_is_first_served(
    client: TestClient, kit: GatedKit, container: Container, tmp_path: Path
) -> None:
    kit.let_through()
    url = send(client, clip(tmp_path, frames=3), save="true").json()["url"]
    saved = wait_for(client, url, finished)["result"]["saved"]
    kept = container.settings.data_dir / saved
    assert kept.suffix == ".png" and kept.exists() and kept.with_suffix(".json").exists()
    assert client.get(url).json()["result"]["saved"] == saved  # once, not at every look
    assert len(list(kept.parent.glob("*.png"))) == 1


def test_a_full_pool_refuses_a_job_at_once(
    container: Container, kit: GatedKit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(measure_jobs, "UPLOADS", WorkerPool("uploads", workers=1, waiting=0))
    data = clip(tmp_path, frames=3)
    with app_with(container, kit) as client:
        first = send(client, data).json()
        busy = send(client, data)
        assert busy.status_code == 503 and busy.json()["detail"] == measure_jobs.BUSY
        kit.let_through()
        assert wait_for(client, first["url"], finished)["status"] == "done"
        assert send(client, data).status_code == 202


def test_an_unknown_job_is_a_404_and_a_bad_id_a_422(client: TestClient) -> None:
    missing = client.get("/api/measure/jobs/999")
    assert missing.status_code == 404 and "no measuring job 999" in missing.json()["detail"]
    assert client.get("/api/measure/jobs/abc").status_code == 422
    assert client.get("/api/measure/jobs/99999999999999999999").status_code == 422


# --- on a studio's log: each job is its dancer's ----------------------------------------


@pytest.fixture
def studio(tmp_path: Path) -> Container:
    return make_studio(tmp_path)


def test_a_dancers_job_is_hidden_from_another_and_records_for_its_own_dancer(
    studio: Container, tmp_path: Path
) -> None:
    kit = GatedKit()
    kit.let_through()
    studio._vision = kit
    app = app_with(studio, kit).app
    with (
        TestClient(app, base_url="http://127.0.0.1") as ana,
        TestClient(app, base_url="http://127.0.0.1") as ben,
    ):
        assert sign_in(ana, "ana@example.org") == 200 and sign_in(ben, "ben@example.org") == 200
        url = send(ana, clip(tmp_path, frames=3), record="true").json()["url"]
        done = wait_for(ana, url, finished)
        assert done["result"]["recorded"].startswith("Added to your measurements: 155 deg")
        hidden = ben.get(url)
        assert hidden.status_code == 404 and "no measuring job" in hidden.json()["detail"]
        # The worker thread acted for Ana: the reading is hers, not Ben's nor the admin's.
        assert [m["trials"] for m in ana.get("/api/measurements").json()] == [[155.0]]
        assert ben.get("/api/measurements").json() == []
