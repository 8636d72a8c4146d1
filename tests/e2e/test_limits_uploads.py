"""Uploads over HTTP: a decompression bomb of any format is refused fast and small, uploads
wait in a private scratch folder of the app, and a full upload pool answers 503 at once."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import cv2
import pytest
from fastapi.testclient import TestClient

from tests.e2e.test_web_measure import MAT, FakeVisionKit, app_with, dancer, jpeg
from tests.integration import bombs
from turnout.bootstrap import Container
from turnout.ports import MediaSource
from turnout.services.measuring import Vision
from turnout.web.measure import api as measure_api
from turnout.web.measure.pool import WorkerPool

ROOT = Path(__file__).resolve().parents[2]
ORIGIN = {"origin": "http://127.0.0.1"}
REFUSED = {
    "jpeg": "is far larger than a photo needs",
    "png": "is far larger than a photo needs",
    "webp": "is far larger than a photo needs",
    "tiff": "is far larger than a photo needs",
    "bmp": "is far larger than a photo needs",
    "gif": "is a GIF, which cannot be measured",
}


def post(client: TestClient, name: str, data: bytes) -> Any:
    return client.post(
        "/api/measure",
        files={"file": (name, data, "application/octet-stream")},
        data={"mode": "first-position"},
        headers=ORIGIN,
    )


@pytest.mark.parametrize("kind", REFUSED)
def test_a_bomb_photo_of_every_format_is_refused_fast_with_a_clear_message(
    client: TestClient, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fast because nothing is decoded: the header alone refuses it (a decoder called here
    would fail the request, and its message would not be the refusal's)."""
    bomb = bombs.BOMBS[kind]()

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a bomb's pixels were decoded")

    monkeypatch.setattr(cv2, "imdecode", never)
    response = post(client, f"bomb.{kind}", bomb)
    assert response.status_code == 422, response.text
    assert response.json()["detail"].startswith(f"bomb.{kind} {REFUSED[kind]}")


# Run in a fresh process, so that its peak memory is this request's and no earlier test's.
MEASURE_MEMORY = """
import json, resource, sys, time
from pathlib import Path
from fastapi.testclient import TestClient
from tests.integration import bombs
from turnout import bootstrap
from turnout.config import Settings
from turnout.web.app import create_app

def peak_mb():
    # Linux: this process's own high-water mark. ru_maxrss would not do: it keeps the peak of
    # the process that forked it (pytest, with earlier tests' models loaded) across exec.
    status = Path("/proc/self/status")
    if status.exists():
        line = next(l for l in status.read_text().splitlines() if l.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # macOS: bytes

folder = Path(sys.argv[1])
settings = Settings(data_dir=folder, database_url=f"sqlite:///{folder}/t.db")
app = create_app(bootstrap.build(settings))
found = {}
with TestClient(app, base_url="http://127.0.0.1") as client:
    def post(name, data):
        files = {"file": (name, data, "application/octet-stream")}
        headers = {"origin": "http://127.0.0.1"}
        return client.post("/api/measure", files=files, headers=headers)
    post("warm-up.jpg", bombs.jpeg(8000, 8000))  # loads Pillow's readers once
    found["before"] = peak_mb()
    for kind, make in bombs.BOMBS.items():
        started = time.perf_counter()
        status = post(f"bomb.{kind}", make()).status_code
        found[kind] = [status, time.perf_counter() - started, peak_mb()]
print(json.dumps(found))
"""


def test_bombs_leave_the_servers_memory_where_it_was(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", MEASURE_MEMORY, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout.strip().splitlines()[-1])
    before = found.pop("before")
    assert set(found) == set(bombs.BOMBS)
    for kind, (status, seconds, peak) in found.items():
        assert status == 422, kind
        assert seconds < 1.0, kind
        # Decoding the JPEG alone took 1.2 GB; a refusal from the header costs nothing.
        assert peak - before < 30, f"{kind}: {peak - before:.0f} MB more"
        assert peak < 300, f"{kind}: the process reached {peak:.0f} MB"


class WatchingKit(FakeVisionKit):
    """Notes where the upload is while it is measured, and its modes there."""

    def __init__(self) -> None:
        super().__init__([dancer()], mat=MAT)
        self.seen: list[tuple[Path, int, int]] = []

    def open_media(self, path: Path) -> MediaSource:
        self.seen.append(
            (path, path.stat().st_mode & 0o777, path.parent.parent.stat().st_mode & 0o777)
        )
        return super().open_media(path)


def test_an_upload_waits_in_the_apps_private_scratch_folder_and_is_gone_after(
    container: Container,
) -> None:
    kit = WatchingKit()
    with app_with(container, kit) as client:
        assert post(client, "me.jpg", jpeg()).status_code == 200
    ((path, file_mode, folder_mode),) = kit.seen
    scratch = container.settings.scratch_dir
    assert path.is_relative_to(scratch) and path.name == "me.jpg"
    assert not str(path).startswith(("/dev/shm", "/tmp/turnout-"))
    assert file_mode == 0o600 and folder_mode == 0o700
    assert not path.exists() and not path.parent.exists()


class BlockingKit(FakeVisionKit):
    """Measuring waits until the test lets it go on."""

    def __init__(self) -> None:
        super().__init__([dancer()], mat=MAT)
        self.started, self.go_on = threading.Event(), threading.Event()
        self.threads: list[str] = []

    def build(self, video: bool, feet_only: bool, paper: str = "") -> Vision:
        self.threads.append(threading.current_thread().name)
        self.started.set()
        assert self.go_on.wait(10), "the test never let the measurement go on"
        return super().build(video, feet_only)


def test_a_full_upload_pool_answers_503_at_once_and_takes_uploads_again_after(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(measure_api, "UPLOADS", WorkerPool("uploads", workers=1, waiting=0))
    kit = BlockingKit()
    answers: list[int] = []
    with app_with(container, kit) as client:
        first = threading.Thread(
            target=lambda: answers.append(post(client, "a.jpg", jpeg()).status_code)
        )
        first.start()
        assert kit.started.wait(10)
        started = time.perf_counter()
        busy = post(client, "b.jpg", jpeg())
        assert time.perf_counter() - started < 1.0
        kit.go_on.set()
        first.join(10)
        again = post(client, "c.jpg", jpeg())
    assert busy.status_code == 503
    assert (
        busy.json()["detail"]
        == "The server is busy measuring other uploads; try again in a minute."
    )
    assert answers == [200] and again.status_code == 200
    # On the pool's own threads, never on the shared pool that the rest of the app uses.
    assert kit.threads and all(name.startswith("turnout-uploads") for name in kit.threads)


def test_a_refused_upload_gives_its_place_in_the_pool_back(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    pool = WorkerPool("uploads", workers=1, waiting=0)
    monkeypatch.setattr(measure_api, "UPLOADS", pool)
    for _ in range(3):  # with one place, a place kept by a refusal would make the next a 503
        assert post(client, "notes.txt", b"hello").status_code == 422
    with pool.reserve():
        assert post(client, "notes.txt", b"hello").status_code == 503
    assert post(client, "notes.txt", b"hello").status_code == 422


def test_eight_uploads_at_once_two_run_four_wait_and_two_are_told_to_come_back(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(measure_api, "UPLOADS", WorkerPool("uploads", workers=2, waiting=4))
    kit = BlockingKit()
    answers: list[int] = []
    with app_with(container, kit) as client:
        senders = [
            threading.Thread(
                target=lambda: answers.append(post(client, "a.jpg", jpeg()).status_code)
            )
            for _ in range(8)
        ]
        for sender in senders:
            sender.start()
        deadline = time.monotonic() + 10
        while answers.count(503) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        running = len(kit.threads)
        kit.go_on.set()
        for sender in senders:
            sender.join(10)
    assert sorted(answers) == [200] * 6 + [503] * 2
    assert running <= 2 and len(kit.threads) == 6  # never more than two measured at once


@pytest.mark.parametrize("path", ["/api/measure", "/api/measure/jobs"])
def test_a_checkbox_field_that_is_neither_true_nor_false_is_refused_before_anything_runs(
    container: Container, path: str
) -> None:
    kit = BlockingKit()
    kit.go_on.set()
    with app_with(container, kit) as client:
        files = {"file": ("a.jpg", jpeg(), "image/jpeg")}
        for field, value in [("save", "maybe"), ("feet_only", "1"), ("record", "")]:
            answer = client.post(path, files=files, data={field: value}, headers=ORIGIN)
            assert answer.status_code == 422, (field, value)
            assert f"{field} must be true or false" in answer.json()["detail"]
        ticked = client.post(
            path, files=files, data={"save": "False", "record": "false"}, headers=ORIGIN
        )
        assert ticked.status_code in (200, 202)
    assert len(kit.threads) <= 1  # only the accepted upload reached a model
