"""How fast the live mirror runs: frames a second and latency of the WebSocket loop.

A real uvicorn server on loopback with the real pose model; a client that behaves like the
page (one JPEG frame in flight at a time, sent as soon as the last answer came). Frames: the
synthetic mat with two feet (tests/integration/vision_scenes.py), with a real photo of a
person pasted in when ../shared/testdata is here, at 640x480 (what the page sends).

    bare model  = MediaPipePoseEstimator.estimate alone (video mode), on decoded frames
    loop        = MirrorLoop.frame in-process: decode the JPEG, pose, mat, feet, readings
    websocket   = the round trip from the client: send, server loop, JSON answer back

Ratios, not thresholds; nothing is written to the repository.

    python bench/mirror_ws.py [--frames 120]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import cv2
import numpy as np
import uvicorn
from websockets.sync.client import connect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.conftest import free_port, settings_for
from tests.integration.vision_scenes import Camera, first_position_feet, scene

from turnout import bootstrap
from turnout.adapters.vision.mat_layout import Paper, layout
from turnout.adapters.vision.pose import MediaPipePoseEstimator
from turnout.web.app import create_app
from turnout.web.measure.live import MirrorLoop

PERSON = (
    Path(__file__).resolve().parents[2] / "shared/testdata/coco-wholebody-feet/000000000785.jpg"
)


def on_the_mat(count: int) -> list[bytes]:
    """The camera looking down at two feet on the mat, no body: the foot-outline path."""
    camera = Camera(height=1300, distance=900, size=(640, 480), focal=520)
    return [
        _jpeg(scene(layout(Paper.A4), camera, first_position_feet(80 + i % 5, 85)))
        for i in range(count)
    ]


def a_person(count: int) -> list[bytes]:
    """A real photo of a whole person (when ../shared/testdata is here), 640x480."""
    if not PERSON.exists():
        return []
    photo = cv2.imread(str(PERSON))
    scale = 480 / photo.shape[0]
    photo = cv2.resize(photo, None, fx=scale, fy=scale)
    x = max(0, (photo.shape[1] - 640) // 2)
    picture = np.full((480, 640, 3), 128, np.uint8)
    crop = photo[:, x : x + 640]
    picture[:, : crop.shape[1]] = crop
    return [_jpeg(np.roll(picture, i % 5, axis=1)) for i in range(count)]


def _jpeg(picture: np.ndarray) -> bytes:
    return bytes(cv2.imencode(".jpg", picture, [cv2.IMWRITE_JPEG_QUALITY, 75])[1])


def bare(frames: list[bytes]) -> list[float]:
    estimator = MediaPipePoseEstimator(video=True)
    decoded = [cv2.imdecode(np.frombuffer(f, np.uint8), cv2.IMREAD_COLOR) for f in frames]
    times = []
    for image in decoded:
        start = time.perf_counter()
        estimator.estimate(image)
        times.append(time.perf_counter() - start)
    estimator.close()
    return times[5:]


def in_process(frames: list[bytes]) -> tuple[list[float], int]:
    loop = MirrorLoop(bootstrap.VisionKit())
    times, angles = [], 0
    for data in frames:
        start = time.perf_counter()
        reply = loop.frame(data)
        times.append(time.perf_counter() - start)
        turnout = reply.get("turnout")
        angles += isinstance(turnout, dict) and "total" in turnout
    loop.close()
    return times[5:], angles


def over_websocket(frames: list[bytes], url: str) -> tuple[list[float], float]:
    times = []
    with connect(url, max_size=2**22) as socket:
        socket.recv()  # ready: the pose model is loaded
        start = time.perf_counter()
        for data in frames:
            sent = time.perf_counter()
            socket.send(data)
            socket.recv()
            times.append(time.perf_counter() - sent)
        elapsed = time.perf_counter() - start
    return times[5:], len(frames) / elapsed


def serve(folder: Path) -> tuple[uvicorn.Server, int]:
    port = free_port()
    app = create_app(bootstrap.build(settings_for(folder)))
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, port


def ms(values: list[float], p95: bool = False) -> float:
    return 1000 * (statistics.quantiles(values, n=20)[18] if p95 else statistics.median(values))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=120)
    count = parser.parse_args().frames
    sets = [("person", a_person(count)), ("feet on mat", on_the_mat(count))]
    print("640x480 JPEGs, one frame in flight, real model on loopback; ms are medians (p95)")
    print(
        "frames      | bare model    | loop in-process | websocket round trip | ratio | fps "
        " | with an angle"
    )
    with tempfile.TemporaryDirectory() as folder:
        server, port = serve(Path(folder))
        try:
            for name, frames in sets:
                if frames:
                    row(name, frames, f"ws://127.0.0.1:{port}/api/mirror/ws")
        finally:
            server.should_exit = True


def row(name: str, frames: list[bytes], url: str) -> None:
    model = bare(frames)
    loop, angles = in_process(frames)
    trips, fps = over_websocket(frames, url)
    base = statistics.median(model)
    cells = [f"{ms(v):5.1f} ({ms(v, p95=True):5.1f})" for v in (model, loop, trips)]
    print(
        f"{name:<11} | {cells[0]:<13} | {cells[1]:<15} | {cells[2]:<20} "
        f"| {statistics.median(trips) / base:5.2f} | {fps:4.1f} | {angles}/{len(frames)}"
    )


if __name__ == "__main__":
    main()
