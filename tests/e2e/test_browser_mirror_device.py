"""The live mirror's on-device mode in a real Chromium: MediaPipe's web runtime runs the lite
model on a fake camera that films a real person (tests/assets/pose2sim/standing.jpg), and only
landmarks reach the server; without WebAssembly, or without the model, the page falls back to
the server mode and says so. Every request must stay on 127.0.0.1."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import cv2
import numpy as np
import pytest
from playwright.sync_api import Browser, Page, Route, WebSocket
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tests.e2e.browsing import CHROMIUM, CHROMIUM_ARGS, chromium, needs_chromium
from tests.e2e.conftest import LiveServer

pytestmark = needs_chromium()
STANDING = Path(__file__).resolve().parents[1] / "assets/pose2sim/standing.jpg"
ON_DEVICE = "Running on this device: pictures stay here."
ON_SERVER = "Running on the computer: pictures are sent to it, never stored."
FAKE_CAMERA = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]
MODEL = "**/measure/models/pose_landmarker_lite.task*"


def write_y4m(photo: Path, target: Path, width: int = 640, height: int = 480) -> Path:
    """A one-second 4:2:0 Y4M video of `photo` on grey, as Chromium's fake camera reads it."""
    picture = cv2.imread(str(photo))
    assert picture is not None, photo
    scale = min(width / picture.shape[1], height / picture.shape[0])
    picture = cv2.resize(picture, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    canvas = np.full((height, width, 3), 128, np.uint8)
    top, left = (height - picture.shape[0]) // 2, (width - picture.shape[1]) // 2
    canvas[top : top + picture.shape[0], left : left + picture.shape[1]] = picture
    planes = cv2.cvtColor(canvas, cv2.COLOR_BGR2YUV_I420).tobytes()  # Y, then U, then V
    with target.open("wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F30:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(30):
            out.write(b"FRAME\n" + planes)
    return target


@pytest.fixture(scope="module")
def camera(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_y4m(STANDING, tmp_path_factory.mktemp("camera") / "standing.y4m")


def camera_args(camera: Path) -> list[str]:
    return [*FAKE_CAMERA, f"--use-file-for-fake-video-capture={camera}"]


@pytest.fixture(scope="module")
def browser(camera: Path) -> Iterator[Browser]:
    assert "--disable-background-networking" in CHROMIUM_ARGS
    with chromium(*camera_args(camera)) as launched:
        yield launched


class SocketCounter:
    """Counts, on the server side, the text and binary messages each WebSocket path received."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.seen: Counter[tuple[str, str]] = Counter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket":
            await self.app(scope, receive, send)
            return

        async def counted() -> Message:
            message = await receive()
            if message["type"] == "websocket.receive":
                kind = "bytes" if message.get("bytes") is not None else "text"
                self.seen[(scope["path"], kind)] += 1
            return message

        await self.app(scope, counted, send)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[LiveServer, SocketCounter]]:
    live = LiveServer(tmp_path / "data")
    counter = SocketCounter(cast(ASGIApp, live.server.config.app))
    live.server.config.app = counter
    with live:
        yield live, counter


class Watch:
    """Every request the page makes, and every frame it sends over a WebSocket."""

    def __init__(self, page: Page) -> None:
        self.requests: list[str] = []
        self.frames: list[tuple[str, str | bytes]] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("websocket", self._socket)

    def _socket(self, socket: WebSocket) -> None:
        self.requests.append(socket.url)
        socket.on("framesent", lambda payload: self.frames.append((socket.url, payload)))

    def outside(self, origin: str, ws_origin: str) -> list[str]:
        return [url for url in self.requests if not url.startswith((origin, ws_origin))]


def open_mirror(page: Page, url: str) -> Watch:
    watch = Watch(page)
    page.goto(url + "/mirror?mode=device")
    page.get_by_role("button", name="Start camera").click()
    page.locator("#live-mode:not(:empty)").wait_for(timeout=30_000)
    return watch


def wait_for_reading(page: Page) -> None:
    page.wait_for_function(
        "() => /frames\\/s/.test(document.getElementById('live-status').textContent)",
        timeout=30_000,
    )


def test_the_pose_model_runs_in_the_browser_and_only_landmarks_reach_the_server(
    browser: Browser, server: tuple[LiveServer, SocketCounter]
) -> None:
    live, counter = server
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    watch = open_mirror(page, live.url)
    assert page.locator("#live-mode").inner_text() == ON_DEVICE
    wait_for_reading(page)
    # The real model found the person in the picture: the server's reading names the knees.
    page.wait_for_function(
        "() => document.getElementById('live-method').textContent.includes('knees and hips')"
    )
    page.wait_for_timeout(1000)
    sent = [payload for url, payload in watch.frames if url.endswith("/api/mirror/landmarks")]
    assert len(sent) >= 5 and all(isinstance(p, str) for p in sent)
    with_person = [m for m in map(json.loads, sent) if m.get("landmarks")]
    assert with_person and all(len(m["landmarks"]) == 33 for m in with_person)
    assert max(len(p) for p in sent) < 2000  # about 700 characters a frame
    assert counter.seen[("/api/mirror/landmarks", "bytes")] == 0
    assert counter.seen[("/api/mirror/landmarks", "text")] >= len(sent) - 1
    assert not any(path == "/api/mirror/ws" for path, _ in counter.seen)
    assert any("/static/vendor/tasks-vision/vision_wasm_internal.wasm" in u for u in watch.requests)
    assert any("/measure/models/pose_landmarker_lite.task" in u for u in watch.requests)
    assert watch.outside(live.url, live.url.replace("http", "ws", 1)) == []
    # On the phone the page has scrolled to the picture, shaped as the camera films.
    top, shape, filmed = page.evaluate(
        "() => { const box = document.getElementById('stage').getBoundingClientRect();"
        " const video = document.getElementById('camera');"
        " return [box.top, box.width / box.height, video.videoWidth / video.videoHeight]; }"
    )
    assert abs(top) < 2 and shape == pytest.approx(filmed, rel=0.02)
    context.close()


@pytest.mark.parametrize("viewport", [(390, 844), (360, 640), (1280, 800)])
def test_screenshots_of_the_on_device_mirror(
    browser: Browser, server: tuple[LiveServer, SocketCounter], viewport: tuple[int, int]
) -> None:
    width, height = viewport
    mobile = width < 700
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=2 if mobile else 1,
        is_mobile=mobile,
        has_touch=mobile,
        service_workers="block",
    )
    page = context.new_page()
    open_mirror(page, server[0].url)
    wait_for_reading(page)
    page.wait_for_timeout(800)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for button in ("Stop", "Next repetition"):
        box = page.get_by_role("button", name=button).bounding_box()
        assert box is not None and box["height"] >= 44 and box["width"] <= width
    page.screenshot(path=f"/tmp/mirror-{width}x{height}.png", full_page=True)
    context.close()


def assert_server_mode(page: Page, counter: SocketCounter, reason: str) -> None:
    mode = page.locator("#live-mode").inner_text()
    assert mode.startswith(ON_SERVER) and reason in mode, mode
    wait_for_reading(page)
    assert counter.seen[("/api/mirror/ws", "bytes")] > 0  # JPEG frames, as before
    assert not any(path == "/api/mirror/landmarks" for path, _ in counter.seen)


def test_without_webassembly_the_mirror_runs_on_the_computer_and_says_so(
    browser: Browser, camera: Path, server: tuple[LiveServer, SocketCounter]
) -> None:
    live, counter = server
    # V8 without its compilers has no WebAssembly at all (as in a hardened browser mode);
    # --noexpose_wasm no longer hides it in Chromium 150.
    args = [*CHROMIUM_ARGS, *camera_args(camera), "--js-flags=--jitless"]
    no_wasm = browser.browser_type.launch(executable_path=str(CHROMIUM), args=args)
    try:
        page = no_wasm.new_page(viewport={"width": 390, "height": 844})
        open_mirror(page, live.url)
        assert page.evaluate("typeof WebAssembly") == "undefined"
        assert_server_mode(page, counter, "WebAssembly turned off")
    finally:
        no_wasm.close()


def test_when_the_model_does_not_load_the_mirror_runs_on_the_computer(
    browser: Browser, server: tuple[LiveServer, SocketCounter]
) -> None:
    live, counter = server
    context = browser.new_context(service_workers="block")  # else the route is bypassed
    missing: list[str] = []

    def not_found(route: Route) -> None:
        missing.append(route.request.url)
        route.fulfill(status=404, body="gone")

    context.route(MODEL, not_found)
    page = context.new_page()
    open_mirror(page, live.url)
    assert missing, "the page never asked for the model"
    assert_server_mode(page, counter, "could not be loaded")
    context.close()


def test_on_the_servers_own_computer_the_mirror_starts_there_and_can_switch(
    browser: Browser, server: tuple[LiveServer, SocketCounter]
) -> None:
    live, counter = server
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(live.url + "/mirror")  # loopback: the computer's model also reads the mat
    page.get_by_role("button", name="Start camera").click()
    page.locator("#live-mode:not(:empty)").wait_for()
    assert_server_mode(page, counter, "")
    page.get_by_role("button", name="Run on this device instead").click()
    wait_for_device_mode(page)
    page.wait_for_function("() => document.getElementById('next-rep').disabled === false")
    page.get_by_role("button", name="Use the computer (for the angle on the mat)").wait_for()
    context.close()


def wait_for_device_mode(page: Page) -> None:
    page.wait_for_function(
        f"() => document.getElementById('live-mode').textContent === {json.dumps(ON_DEVICE)}",
        timeout=30_000,
    )


MIRROR_CACHE = """async () => {
  if (!(await caches.has("turnout-mirror-v1"))) return [];
  const kept = await (await caches.open("turnout-mirror-v1")).keys();
  return kept.map((request) => new URL(request.url).pathname);
}"""


def test_the_runtime_is_cached_only_once_the_mirror_used_it_then_starts_offline(
    browser: Browser, server: tuple[LiveServer, SocketCounter]
) -> None:
    live, _ = server
    context = browser.new_context()
    page = context.new_page()
    page.goto(live.url + "/")
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    assert page.evaluate(MIRROR_CACHE) == []  # nothing precached for someone who never uses it
    page.goto(live.url + "/mirror?mode=device")
    page.get_by_role("button", name="Start camera").click()
    page.locator("#live-mode:not(:empty)").wait_for(timeout=30_000)
    page.wait_for_function(f"() => ({MIRROR_CACHE})().then((kept) => kept.length === 4)")
    assert sorted(page.evaluate(MIRROR_CACHE)) == [
        "/measure/models/pose_landmarker_lite.task",
        "/static/vendor/tasks-vision/vision_bundle.mjs",
        "/static/vendor/tasks-vision/vision_wasm_internal.js",
        "/static/vendor/tasks-vision/vision_wasm_internal.wasm",
    ]
    context.set_offline(True)  # the page, the runtime and the model now come from the cache
    page.reload()
    page.get_by_role("button", name="Start camera").click()
    wait_for_device_mode(page)
    context.close()


def test_a_device_too_slow_for_the_model_hands_the_mirror_to_the_computer(
    browser: Browser, server: tuple[LiveServer, SocketCounter]
) -> None:
    live, counter = server
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(live.url + "/mirror?mode=device")
    # A CPU 20 times slower: here the lite model then runs at 1-2 frames a second.
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 20})
    page.get_by_role("button", name="Start camera").click()
    page.locator("#live-mode:not(:empty)").wait_for(timeout=90_000)
    assert_server_mode(page, counter, "frames a second here, under 5")
    context.close()
