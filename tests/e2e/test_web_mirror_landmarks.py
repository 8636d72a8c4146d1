"""The live mirror's on-device mode over HTTP: the browser's landmarks in, the same answers as
the server mirror gives for the same pose out; hostile messages are named and skipped, the
socket carries on; the model files and the runtime are served from our own origin."""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import time
import tomllib
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, cast

import cv2
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketTestSession
from starlette.websockets import WebSocketDisconnect

from tests.e2e.test_web_measure import MIRROR, OWN_ORIGIN, FakeVisionKit, app_with, dancer, jpeg
from turnout.bootstrap import Container
from turnout.domain.pose import Joint, Pose
from turnout.web.measure import landmarks, mirrors

DEVICE = "ws://127.0.0.1/api/mirror/landmarks"
ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "src/turnout/web/static/vendor/tasks-vision"
MODELS = ROOT / "src/turnout/adapters/vision/models"
STANDING = ROOT / "tests/assets/pose2sim/standing.jpg"


def message(pose: Pose | None, width: int = 640, height: int = 480) -> str:
    """What the page sends for `pose`: 33 points, shares of the picture's size; the joints the
    domain does not name are placed mid-picture, unseen."""
    points = [[0.5, 0.5, 0.0] for _ in range(landmarks.POINTS)]
    if pose is not None:
        width, height = pose.width, pose.height
        for joint, mark in pose.landmarks.items():
            points[joint] = [mark.x / width, mark.y / height, mark.visibility]
    body = {"width": width, "height": height, "landmarks": points if pose else None}
    return json.dumps(body)


def points_message(points: object) -> str:
    return json.dumps({"width": 640, "height": 480, "landmarks": points})


@pytest.fixture
def device(container: Container) -> Iterator[WebSocketTestSession]:
    with (
        app_with(container, FakeVisionKit([dancer()])) as client,
        client.websocket_connect(DEVICE, headers=OWN_ORIGIN) as ws,
    ):
        ready = ws.receive_json()
        assert ready["type"] == "ready" and ready["on_device"] is True
        yield ws


def server_and_device(container: Container, pose: Pose, actions: list[str]) -> Any:
    """The replies of both mirrors to the same frames of `pose` and the same actions."""
    with app_with(container, FakeVisionKit([pose])) as client:
        replies: dict[str, list[Any]] = {"server": [], "device": []}
        for kind, url in (("server", MIRROR), ("device", DEVICE)):
            with client.websocket_connect(url, headers=OWN_ORIGIN) as ws:
                ws.receive_json()
                for action in actions:
                    if action == "frame" and kind == "server":
                        ws.send_bytes(jpeg())
                    elif action == "frame":
                        ws.send_text(message(pose))
                    else:
                        ws.send_text(json.dumps({"action": action}))
                    replies[kind].append(ws.receive_json())
    return replies["server"], replies["device"]


@pytest.mark.parametrize("knees_in", [False, True])
def test_landmarks_give_the_server_mirrors_answers_for_the_same_pose(
    container: Container, knees_in: bool
) -> None:
    actions = ["frame", "frame", "next-rep", "frame", "side", "frame", "front", "frame"]
    server, device = server_and_device(container, dancer(knees_in=knees_in), actions)
    assert all(reply.pop("on_device") for reply in device if reply["type"] == "reading")
    assert device == server
    assert device[0]["knees_inside"] == (["left", "right"] if knees_in else [])
    knee = 340 if knees_in else 352
    assert device[0]["landmarks"]["left_knee"][:2] == pytest.approx([knee / 640, 300 / 480], 1e-3)
    assert device[5]["form"]["method"] == "model points, side view"
    assert device[0]["turnout"]["needs_mat"] is True and "total" not in device[0]["turnout"]


def test_a_real_pose_from_the_model_gets_the_same_answers_either_way(
    container: Container,
) -> None:
    pytest.importorskip("mediapipe")
    from turnout.adapters.vision.pose import MediaPipePoseEstimator

    estimator = MediaPipePoseEstimator(video=False, model="lite")
    try:
        picture = cv2.imread(str(STANDING))
        assert picture is not None
        pose = estimator.estimate(picture)[0]
    finally:
        estimator.close()
    server, device = server_and_device(container, pose, ["frame", "side", "frame"])
    assert all(reply.pop("on_device") for reply in device if reply["type"] == "reading")
    assert device == server and device[0]["person"] is True
    assert device[0]["form"].get("method") or device[0]["form"].get("message")


def test_no_one_in_view_is_said_as_on_the_server(device: WebSocketTestSession) -> None:
    device.send_text(message(None))
    reply = device.receive_json()
    assert reply["person"] is False and reply["message"].startswith("No one in view")
    assert "landmarks" not in reply and reply["knees_inside"] == []


HOSTILE = [
    ("x" * 100_000, "100000 characters"),
    ("{not json", "not JSON"),
    ("[" * 5000 + "]" * 5000, "not JSON"),  # too deep for the parser
    ("[1, 2, 3]", "JSON object"),
    (points_message([[0.5, 0.5, 1.0]] * 32), "got 32 points"),
    (points_message([[0.5, 0.5, 1.0]] * 34), "got 34 points"),
    (points_message("everyone"), '"landmarks" must be a list of 33 points; got "everyone"'),
    (points_message([[0.5, 0.5, 1.0]] * 32 + [[0.5, "left", 1.0]]), 'Point 32 holds "left"'),
    (points_message([[0.5, 0.5, 1.0]] * 10 + [[0.5, 0.5]] * 23), "Point 10 must be [x, y,"),
    (points_message([[0.5, True, 1.0]] * 33), "Point 0 holds true"),
    (points_message([[5.0, 0.5, 1.0]] * 33), "Point 0 is at (5, 0.5)"),
    (points_message([[0.5, 0.5, 1.5]] * 33), "visibility 1.5"),
    (
        '{"width": 640, "height": 480, "landmarks": [' + ",".join(["[NaN, 0.5, 1]"] * 33) + "]}",
        "Point 0 holds nan; only finite numbers",
    ),
    (
        '{"width": 640, "height": 480, "landmarks": ['
        + ",".join(["[0.5, 0.5, 1]"] * 32 + ["[0.5, Infinity, 1]"])
        + "]}",
        "Point 32 holds inf",
    ),
    (json.dumps({"width": 0, "height": 480, "landmarks": None}), '"width" must be'),
    (json.dumps({"width": 640, "height": "tall", "landmarks": None}), 'got "tall"'),
    (json.dumps({"width": 640, "height": 480}), 'no "landmarks"'),
    (json.dumps({"action": "dance"}), "Unknown action"),
]


def test_hostile_messages_are_named_and_the_socket_carries_on(
    device: WebSocketTestSession,
) -> None:
    for text, expected in HOSTILE:
        device.send_text(text)
        reply = device.receive_json()
        assert reply["type"] == "error" and expected in reply["message"], (text[:60], reply)
        device.send_text(message(dancer()))
        assert device.receive_json()["type"] == "reading"  # still usable
        time.sleep(0.1)  # under the rate limit: twenty messages a second


def test_a_picture_sent_to_the_landmark_socket_is_refused_and_not_read(
    device: WebSocketTestSession,
) -> None:
    device.send_bytes(jpeg())
    reply = device.receive_json()
    assert reply == {"type": "error", "frame": True, "message": reply["message"]}
    assert "landmarks only" in reply["message"] and "/api/mirror/ws" in reply["message"]
    device.send_text(message(dancer()))
    assert device.receive_json()["person"] is True


def test_more_than_thirty_messages_a_second_are_skipped_then_taken_again(
    device: WebSocketTestSession,
) -> None:
    start = time.monotonic()
    replies = []
    for _ in range(40):
        device.send_text(message(dancer()))
        replies.append(device.receive_json())
    assert time.monotonic() - start < 1.0  # else this machine is too slow to test the rate
    kinds = [r["type"] for r in replies]
    assert kinds == ["reading"] * 30 + ["error"] * 10
    assert replies[-1]["message"].startswith("Too many messages: the mirror takes at most 30")
    time.sleep(1.05)
    device.send_text(message(dancer()))
    assert device.receive_json()["type"] == "reading"


def test_the_rate_is_counted_over_any_second() -> None:
    now = [0.0]
    rate = landmarks.RateLimit(per_second=3, clock=lambda: now[0])
    allowed = []
    for at in (0.0, 0.1, 0.2, 0.3, 0.99, 1.05, 1.15, 1.25):
        now[0] = at
        allowed.append(rate.allow())
    assert allowed == [True, True, True, False, False, True, True, True]


def test_on_device_mirrors_take_no_server_slot_and_one_per_client(container: Container) -> None:
    with app_with(container, FakeVisionKit([dancer()])) as client:
        clients = [
            TestClient(client.app, base_url="http://127.0.0.1", client=(f"10.0.0.{n}", 50000))
            for n in range(1, 7)
        ]
        with ExitStack() as stack:
            for other in clients[: mirrors.LIMIT]:  # every server slot taken
                ws = stack.enter_context(other.websocket_connect(MIRROR, headers=OWN_ORIGIN))
                assert ws.receive_json()["type"] == "ready"
            phones = []
            for other in clients:
                ws = stack.enter_context(other.websocket_connect(DEVICE, headers=OWN_ORIGIN))
                assert ws.receive_json()["type"] == "ready"
                ws.send_text(message(dancer()))
                assert ws.receive_json()["type"] == "reading"
                phones.append(ws)
            with clients[0].websocket_connect(DEVICE, headers=OWN_ORIGIN) as again:
                assert again.receive_json()["type"] == "ready"  # a reload replaces, not refused
                assert phones[0].receive_json() == {"type": "error", "message": mirrors.REPLACED}
                state = cast(FastAPI, client.app).state
                assert mirrors.slots_of(state).count() == mirrors.LIMIT
                assert mirrors.device_slots_of(state).count() == len(clients)


def test_past_the_on_device_limit_a_mirror_is_asked_to_wait() -> None:
    slots = mirrors.MirrorSlots(mirrors.DEVICE_LIMIT)
    assert mirrors.DEVICE_LIMIT > mirrors.LIMIT
    assert "already open" in mirrors.DEVICE_BUSY
    assert str(mirrors.DEVICE_LIMIT) in mirrors.DEVICE_BUSY.format(count=mirrors.DEVICE_LIMIT)

    async def scenario() -> list[bool]:
        return [slots.claim(f"10.0.{n // 250}.{n % 250}") is not None for n in range(33)]

    assert asyncio.run(scenario()) == [True] * mirrors.DEVICE_LIMIT + [False]


def test_a_foreign_page_cannot_open_the_landmark_socket(container: Container) -> None:
    foreign = {"origin": "http://evil.example"}
    with (
        app_with(container, FakeVisionKit([dancer()])) as client,
        pytest.raises(WebSocketDisconnect) as refused,
        client.websocket_connect(DEVICE, headers=foreign),
    ):
        pass
    assert refused.value.code == 1008  # policy violation, before any message


# --- what the page loads -------------------------------------------------------------------


@pytest.mark.parametrize("size", ["lite", "full"])
def test_the_model_bundles_are_served_as_the_package_ships_them(
    client: TestClient, size: str
) -> None:
    response = client.get(f"/measure/models/pose_landmarker_{size}.task?v=0.1.0")
    assert response.status_code == 200
    assert response.content == (MODELS / f"pose_landmarker_{size}.task").read_bytes()
    assert response.headers["content-type"] == "application/octet-stream"
    assert "max-age=31536000" in response.headers["cache-control"]


@pytest.mark.parametrize(
    "path",
    [
        "/measure/models/pose_landmarker_heavy.task",
        "/measure/models/pose_landmarker_..%2Fpose.task",
        "/measure/models/NOTICE",
        "/measure/models/pose_landmarker_lite.tflite",
    ],
)
def test_no_other_file_is_served_as_a_model(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_only_the_mirror_page_may_compile_webassembly(client: TestClient) -> None:
    mirror = client.get("/mirror").headers["content-security-policy"]
    assert "script-src 'self' 'wasm-unsafe-eval'" in mirror
    for directive in ("connect-src 'self'", "worker-src 'self'", "default-src 'self'"):
        assert directive in mirror
    for path in ("/", "/measure", "/static/mirror.js", "/measure/models/pose_landmarker_lite.task"):
        policy = client.get(path).headers["content-security-policy"]
        assert "wasm" not in policy and "script-src 'self';" in policy, path


def test_the_mirror_page_names_its_model_and_mode_line(client: TestClient) -> None:
    page = client.get("/mirror").text
    assert 'data-model="/measure/models/pose_landmarker_lite.task?v=' in page
    assert 'id="live-mode"' in page and "/static/mirror.css" in page


def test_the_runtime_is_served_from_our_origin_with_types_a_browser_accepts(
    client: TestClient,
) -> None:
    wasm = client.get("/static/vendor/tasks-vision/vision_wasm_internal.wasm")
    assert wasm.status_code == 200 and wasm.headers["content-type"] == "application/wasm"
    assert wasm.content[:4] == b"\0asm"
    for name in ("vision_bundle.mjs", "vision_wasm_internal.js"):
        script = client.get(f"/static/vendor/tasks-vision/{name}")
        assert script.headers["content-type"].split(";")[0] in (
            "text/javascript",
            "application/javascript",
        )
    assert client.get("/static/mirror_device.js").status_code == 200


def test_the_vendored_files_are_what_their_notice_says_and_call_no_one() -> None:
    notice = (VENDOR / "NOTICE").read_text()
    listed = dict(re.findall(r"^  (\S+)\s+([0-9a-f]{64})", notice, re.MULTILINE))
    assert sorted(listed) == sorted(p.name for p in VENDOR.iterdir() if p.name != "NOTICE")
    for name, digest in listed.items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
    assert "0.10.35" in notice
    for name in ("vision_bundle.mjs", "vision_wasm_internal.js"):
        text = (VENDOR / name).read_text()
        assert "odml.pa.googleapis" not in text and "cdn.jsdelivr" not in text
        hosts = set(re.findall(r"googleapis\.com/[\w.]+", text))
        assert all(h.startswith("googleapis.com/mediapipe") for h in hosts) or not hosts


def test_the_vendored_runtime_is_in_the_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    data = config["tool"]["setuptools"]["package-data"]["turnout"]
    assert "web/static/vendor/tasks-vision/*" in data and "adapters/vision/models/*.task" in data


def test_every_joint_the_readings_use_is_in_the_landmarks_sent() -> None:
    assert max(Joint) < landmarks.POINTS
