"""How fast the live mirror runs: frames a second and latency of the WebSocket loop.

A real uvicorn server on loopback with the real pose model; a client that behaves like the
page (one JPEG frame in flight at a time, sent as soon as the last answer came). Frames: the
synthetic mat with two feet (tests/integration/vision_scenes.py), with a real photo of a
person pasted in when ../shared/testdata is here, at 640x480 (what the page sends).

    bare model  = MediaPipePoseEstimator.estimate alone (video mode), on decoded frames
    loop        = MirrorLoop.frame in-process: decode the JPEG, pose, mat, feet, readings
    websocket   = the round trip from the client: send, server loop, JSON answer back
    on-device   = the same frames' landmarks as the browser sends them (JSON text): the
                  server's cost per message (DeviceMirror.message) and its round trip, paced
                  at 25 a second (the socket takes 30), against a JPEG frame's

Ratios, not thresholds; nothing is written to the repository.

    python bench/mirror_ws.py [--frames 120]
"""

from __future__ import annotations

import argparse
import json
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
from websockets.typing import Origin

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.conftest import free_port, settings_for
from tests.integration.vision_scenes import Camera, first_position_feet, scene

from turnout import bootstrap
from turnout.adapters.vision.mat_layout import Paper, layout
from turnout.adapters.vision.pose import MediaPipePoseEstimator
from turnout.web.app import create_app
from turnout.web.measure.landmarks import RateLimit
from turnout.web.measure.live import MirrorLoop
from turnout.web.measure.ondevice import DeviceMirror

PERSON = (
    Path(__file__).resolve().parents[2] / "shared/testdata/coco-wholebody-feet/000000000785.jpg"
)
STANDING = Path(__file__).resolve().parents[1] / "tests/assets/pose2sim/standing.jpg"


def on_the_mat(count: int) -> list[bytes]:
    """The camera looking down at two feet on the mat, no body: the foot-outline path."""
    camera = Camera(height=1300, distance=900, size=(640, 480), focal=520)
    return [
        _jpeg(scene(layout(Paper.A4), camera, first_position_feet(80 + i % 5, 85)))
        for i in range(count)
    ]


def a_person(count: int, path: Path = PERSON) -> list[bytes]:
    """A real photo of a whole person (when ../shared/testdata is here), 640x480."""
    if not path.exists():
        return []
    photo = cv2.imread(str(path))
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
    with connect(url, max_size=2**22, origin=origin_of(url)) as socket:
        socket.recv()  # ready: the pose model is loaded
        start = time.perf_counter()
        for data in frames:
            sent = time.perf_counter()
            socket.send(data)
            socket.recv()
            times.append(time.perf_counter() - sent)
        elapsed = time.perf_counter() - start
    return times[5:], len(frames) / elapsed


def origin_of(url: str) -> Origin:
    """The page's origin: the server refuses a WebSocket handshake without its own."""
    return Origin(url.replace("ws://", "http://").split("/api")[0])


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
            on_device(a_person(count, STANDING), f"ws://127.0.0.1:{port}/api/mirror")
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


def landmark_messages(frames: list[bytes]) -> list[str]:
    """What the page would send for these frames: the model's landmarks, 4 decimals."""
    estimator = MediaPipePoseEstimator(video=True, model="lite")
    messages = []
    for data in frames:
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        poses = estimator.estimate(image)
        points = [[0.5, 0.5, 0.0] for _ in range(33)]
        for joint, mark in poses[0].landmarks.items() if poses else ():
            points[joint] = [
                round(mark.x / 640, 4),
                round(mark.y / 480, 4),
                round(mark.visibility, 3),
            ]
        body = {"width": 640, "height": 480, "landmarks": points if poses else None}
        messages.append(json.dumps(body))
    estimator.close()
    return messages


def on_device(frames: list[bytes], url: str) -> None:
    messages = landmark_messages(frames)
    mirror = DeviceMirror()
    mirror.rate = RateLimit(per_second=10**9)  # in-process: no pacing, so no limit
    cost = []
    for text in messages:
        start = time.perf_counter()
        mirror.message({"type": "websocket.receive", "text": text})
        cost.append(time.perf_counter() - start)
    loop, _ = in_process(frames)
    trips = []
    with connect(url + "/landmarks", origin=origin_of(url)) as socket:
        socket.recv()
        for text in messages:
            sent = time.perf_counter()
            socket.send(text)
            socket.recv()
            trips.append(time.perf_counter() - sent)
            time.sleep(max(0.0, 0.04 - (time.perf_counter() - sent)))
    size = statistics.median(len(m) for m in messages)
    print(
        f"on-device (standing.jpg): server {ms(cost[5:]):.2f} ms a landmark message "
        f"(p95 {ms(cost[5:], p95=True):.2f}) against {ms(loop):.1f} ms a JPEG frame "
        f"({ms(loop) / ms(cost[5:]):.0f}x); round trip {ms(trips[5:]):.1f} ms; "
        f"{size:.0f} characters a message against {statistics.median(map(len, frames)):.0f} "
        "JPEG bytes"
    )


if __name__ == "__main__":
    main()
