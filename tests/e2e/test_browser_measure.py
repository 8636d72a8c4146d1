"""A real Chromium on the Measure page and the live mirror, against a real server whose pose
model is the fake one (the photo, the upload, the drawing and the WebSocket are all real)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from playwright.sync_api import Browser, Locator, Page

from tests.e2e.browsing import chromium, needs_chromium, phone, shoot
from tests.e2e.conftest import LiveServer
from tests.e2e.test_web_measure import MAT, FakeVisionKit, dancer
from tests.e2e.test_web_measure_jobs import FRAMES, GatedKit, clip
from tests.integration.vision_scenes import CAMERAS, first_position_feet, scene
from turnout.adapters.vision.mat_layout import Paper, layout
from turnout.bootstrap import VisionKit

pytestmark = needs_chromium()
# A made-up camera (a test pattern) that needs no permission prompt.
FAKE_CAMERA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium(*FAKE_CAMERA) as launched:
        yield launched


def serve(folder: Path, kit: VisionKit) -> LiveServer:
    server = LiveServer(folder)
    server.container._vision = kit
    return server


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    picture = np.full((960, 720, 3), 190, np.uint8)
    cv2.rectangle(picture, (300, 100), (420, 800), (90, 60, 120), -1)
    path = tmp_path / "first-position.jpg"
    cv2.imwrite(str(path), picture)
    return path


def measure(page: Page, server: LiveServer, photo: Path) -> None:
    page.goto(server.url + "/measure")
    page.set_input_files("#file-pick", str(photo))
    page.get_by_text("first-position.jpg").wait_for()
    page.get_by_role("button", name="Measure", exact=True).click()


def test_a_photo_is_measured_and_shown_with_its_method_and_picture(
    browser: Browser, tmp_path: Path, photo: Path
) -> None:
    with serve(tmp_path / "data", FakeVisionKit([dancer()], mat=MAT, feet=((60, 70),))) as server:
        for device, width, height, mobile in (
            ("desktop", 1280, 800, False),
            ("phone", 390, 844, True),
        ):
            context = browser.new_context(
                bypass_csp=True,
                viewport={"width": width, "height": height},
                device_scale_factor=2 if mobile else 1,
                is_mobile=mobile,
            )
            page = context.new_page()
            page.goto(server.url + "/measure")
            shoot(page, tmp_path, f"measure-{device}-form.png")
            measure(page, server, photo)
            page.get_by_role("heading", name="Result").wait_for()
            assert page.locator(".reading.main strong").inner_text() == "130°"
            assert page.locator("#method-badge").inner_text() == "Calibrated on the mat ± 4°"
            # Nothing is stored until the dancer saves the reading shown; then exactly it.
            stored = page.request.get(server.url + "/api/measurements").json()
            save = page.get_by_role("button", name="Save this reading")
            assert save.is_visible() and len(stored) == (0 if device == "desktop" else 1)
            save.click()
            page.get_by_text("Added to your measurements: 130 deg").wait_for()
            assert save.is_hidden()
            after = page.request.get(server.url + "/api/measurements").json()
            assert [r["trials"] for r in after[len(stored) :]] == [[130]]
            page.wait_for_function("document.getElementById('result-image').naturalWidth > 0")
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            shoot(page, tmp_path, f"measure-{device}.png")
            context.close()


def test_a_photo_with_nobody_in_it_says_what_to_do(
    browser: Browser, tmp_path: Path, photo: Path
) -> None:
    with serve(tmp_path / "data", FakeVisionKit([])) as server:
        page = browser.new_page(bypass_csp=True)
        measure(page, server, photo)
        alert = page.get_by_role("alert")
        alert.get_by_text("No person found: step back").wait_for()
        assert page.locator("#result").is_hidden()
        shoot(page, tmp_path, "measure-desktop-error.png")
        page.close()


def test_the_live_mirror_shows_the_angle_and_each_repetition(
    browser: Browser, tmp_path: Path
) -> None:
    kit = FakeVisionKit([dancer()], mat=MAT, feet=((60, 70),))
    with serve(tmp_path / "data", kit) as server:
        page = browser.new_page(bypass_csp=True, viewport={"width": 1280, "height": 800})
        page.goto(server.url + "/mirror")
        page.get_by_role("button", name="Start camera").click()
        page.wait_for_function("document.getElementById('live-angle').textContent === '130'")
        page.get_by_role("button", name="Next repetition").click()
        kit.finders[0].angles = [(66, 74)]  # a little further this time
        page.wait_for_function("document.getElementById('live-angle').textContent === '140'")
        assert page.locator("#rep-number").inner_text() == "2"
        page.get_by_text("+10° on the last one").wait_for()
        assert page.locator("#reps-body tr").count() == 1
        shoot(page, tmp_path, "mirror-desktop.png")
        page.get_by_role("button", name="Stop").click()
        page.get_by_text("Camera off.").wait_for()
        page.close()
        small = browser.new_page(
            bypass_csp=True, viewport={"width": 390, "height": 844}, device_scale_factor=2
        )
        small.goto(server.url + "/mirror")
        small.get_by_role("button", name="Start camera").click()
        small.wait_for_function("document.getElementById('live-angle').textContent === '130'")
        assert small.evaluate("document.documentElement.scrollWidth") <= 390
        shoot(small, tmp_path, "mirror-phone.png")
        small.close()
    assert kit.estimators and all(e.closed for e in kit.estimators)


@pytest.fixture
def mat_photo(tmp_path: Path) -> Path:
    """Feet in first position on the printed mat, seen by a virtual camera (real detector)."""
    path = tmp_path / "first-position.png"
    cv2.imwrite(str(path), scene(layout(Paper.A4), CAMERAS[0], first_position_feet(80, 85)))
    return path


def total(page: Page) -> int:
    return int(page.locator(".reading.main strong").inner_text().rstrip("°"))


def centre(page: Page, handle: Locator) -> tuple[float, float]:
    """A handle's centre in the viewport, once in view and no longer scrolling."""
    handle.scroll_into_view_if_needed()
    last = None
    while True:
        box = handle.bounding_box()
        assert box is not None
        here = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        if here == last:
            return here
        last = here
        page.wait_for_timeout(100)


def wait_for_correction(page: Page, before: int) -> int:
    page.wait_for_function(
        "document.getElementById('method-text').textContent.includes('corrected by hand')"
        f" && document.querySelector('.reading.main strong').textContent !== '{before}°'"
    )
    return total(page)


def test_the_feet_can_be_corrected_by_hand_on_the_top_view(
    browser: Browser, tmp_path: Path, mat_photo: Path
) -> None:
    with serve(tmp_path / "data", VisionKit()) as server:
        page = browser.new_page(bypass_csp=True, viewport={"width": 1280, "height": 900})
        page.goto(server.url + "/measure")
        page.get_by_text("Feet only").click()
        page.set_input_files("#file-pick", str(mat_photo))
        page.get_by_role("button", name="Measure", exact=True).click()
        page.get_by_role("heading", name="Check the feet on the top view").wait_for()
        page.wait_for_function("document.getElementById('topview-image').naturalWidth > 0")
        badge = page.locator("#method-badge").inner_text()
        assert re.fullmatch(r"Calibrated on the mat ± \d+°", badge), badge
        measured = total(page)
        assert 160 <= measured <= 168
        save = page.get_by_role("button", name="Save the corrected angle")
        assert save.is_visible() and save.is_disabled()

        # Mouse: the left toe (on the picture's right) dragged ahead, toward the camera: the
        # left foot turns out less, and the total drops.
        x, y = centre(page, page.get_by_role("button", name="Left toe"))
        page.mouse.move(x + 3, y + 2)  # caught off-centre: the point must not jump
        page.mouse.down()
        page.mouse.move(x + 3, y + 52, steps=5)
        page.mouse.up()
        dragged = wait_for_correction(page, measured)
        assert dragged < measured - 5
        assert page.locator("#method-badge").inner_text() == "Calibrated on the mat ± 10°"
        page.get_by_text("Corrected by hand:").wait_for()

        # Keyboard: the right toe moved back toward the heel line, 5 mm a press.
        right = page.get_by_role("button", name="Right toe")
        right.focus()
        for _ in range(4):
            page.keyboard.press("Shift+ArrowUp")
        keyed = wait_for_correction(page, dragged)
        assert keyed > dragged

        # Only the corrected angle is saved: the upload stored nothing by itself.
        assert page.request.get(server.url + "/api/measurements").json() == []
        assert page.get_by_role("button", name="Save this reading").is_hidden()
        save.click()
        page.get_by_text("(camera with the mat, corrected by hand)").wait_for()
        assert page.locator(".reading.main strong").inner_text() == f"{keyed}°"
        shoot(page, tmp_path, "measure-corrected.png")
        readings = page.request.get(server.url + "/api/measurements").json()
        assert [r["method"] for r in readings] == ["camera_mat"]
        assert sorted(r["trials"][0] for r in readings)[0] < measured
        assert any("corrected by hand" in r["note"] for r in readings)

        # "Put the points back" shows the measured angle again.
        page.get_by_role("button", name="Put the points back").click()
        page.wait_for_function(
            f"document.querySelector('.reading.main strong').textContent === '{measured}°'"
        )
        page.close()


def test_a_handle_can_be_dragged_with_a_finger_on_a_phone(
    browser: Browser, tmp_path: Path, mat_photo: Path
) -> None:
    with serve(tmp_path / "data", VisionKit()) as server:
        context = phone(browser)
        page = context.new_page()
        page.goto(server.url + "/measure")
        page.get_by_text("Feet only").click()
        page.set_input_files("#file-pick", str(mat_photo))
        page.get_by_role("button", name="Measure", exact=True).click()
        page.wait_for_function("document.getElementById('topview-image').naturalWidth > 0")
        measured = total(page)
        x, y = centre(page, page.get_by_role("button", name="Right toe"))
        touch = context.new_cdp_session(page)
        for kind, dy in (("touchStart", 0), ("touchMove", 10), ("touchMove", 25), ("touchEnd", 25)):
            points = [] if kind == "touchEnd" else [{"x": x, "y": y + dy}]
            touch.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})
        assert wait_for_correction(page, measured) < measured
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        shoot(page, tmp_path, "measure-corrected-phone.png")
        context.close()


def test_a_video_shows_its_progress_while_it_is_measured_then_its_result(
    browser: Browser, tmp_path: Path
) -> None:
    # The upload pool of the server's own process does the job (a personal log): the fake foot
    # finder lets frames through only when the test says, so the page is caught midway.
    kit = GatedKit()
    video = tmp_path / "plie.mp4"
    video.write_bytes(clip(tmp_path))
    with serve(tmp_path / "data", kit) as server:
        page = browser.new_page()
        page.goto(server.url + "/measure")
        page.set_input_files("#file-pick", str(video))
        page.get_by_text("plie.mp4").wait_for()
        page.get_by_role("button", name="Measure", exact=True).click()
        page.get_by_text(f"Analysed 0 of {FRAMES} frames").wait_for()
        kit.let_through(10)
        page.get_by_text(f"Analysed 10 of {FRAMES} frames").wait_for()
        assert page.locator("#result").is_hidden()
        kit.let_through()
        page.get_by_role("heading", name="Result").wait_for()
        assert page.locator("#readout .reading.main strong").text_content() == "155°"
        page.get_by_text(f"{FRAMES} of {FRAMES} frames used").wait_for()
        page.close()
