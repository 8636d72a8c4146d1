"""A real Chromium on the Measure page and the live mirror, against a real server whose pose
model is the fake one (the photo, the upload, the drawing and the WebSocket are all real)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.browsing import chromium, needs_chromium, shoot
from tests.e2e.conftest import LiveServer
from tests.e2e.test_web_measure import FakeVisionKit, dancer

pytestmark = needs_chromium()
# A made-up camera (a test pattern) that needs no permission prompt.
FAKE_CAMERA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium(*FAKE_CAMERA) as launched:
        yield launched


def serve(folder: Path, kit: FakeVisionKit) -> LiveServer:
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
    with serve(tmp_path / "data", FakeVisionKit([dancer(60, 70)])) as server:
        for device, width, height, phone in (
            ("desktop", 1280, 800, False),
            ("phone", 390, 844, True),
        ):
            context = browser.new_context(
                viewport={"width": width, "height": height},
                device_scale_factor=2 if phone else 1,
                is_mobile=phone,
            )
            page = context.new_page()
            page.goto(server.url + "/measure")
            shoot(page, tmp_path, f"measure-{device}-form.png")
            measure(page, server, photo)
            page.get_by_role("heading", name="Result").wait_for()
            assert page.locator(".reading.main strong").inner_text() == "130°"
            assert page.locator("#method-badge").inner_text() == "Uncalibrated estimate ± 20°"
            page.get_by_text("Added to your measurements: 130 deg").wait_for()
            page.wait_for_function("document.getElementById('result-image').naturalWidth > 0")
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            shoot(page, tmp_path, f"measure-{device}.png")
            context.close()


def test_a_photo_with_nobody_in_it_says_what_to_do(
    browser: Browser, tmp_path: Path, photo: Path
) -> None:
    with serve(tmp_path / "data", FakeVisionKit([])) as server:
        page = browser.new_page()
        measure(page, server, photo)
        alert = page.get_by_role("alert")
        alert.get_by_text("No person found: step back").wait_for()
        assert page.locator("#result").is_hidden()
        shoot(page, tmp_path, "measure-desktop-error.png")
        page.close()


def test_the_live_mirror_shows_the_angle_and_each_repetition(
    browser: Browser, tmp_path: Path
) -> None:
    kit = FakeVisionKit([dancer(60, 70)])
    with serve(tmp_path / "data", kit) as server:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(server.url + "/mirror")
        page.get_by_role("button", name="Start camera").click()
        page.wait_for_function("document.getElementById('live-angle').textContent === '130'")
        page.get_by_role("button", name="Next repetition").click()
        kit.estimators[0].per_frame = [[dancer(66, 74)]]  # a little further this time
        page.wait_for_function("document.getElementById('live-angle').textContent === '140'")
        assert page.locator("#rep-number").inner_text() == "2"
        page.get_by_text("+10° on the last one").wait_for()
        assert page.locator("#reps-body tr").count() == 1
        shoot(page, tmp_path, "mirror-desktop.png")
        page.get_by_role("button", name="Stop").click()
        page.get_by_text("Camera off.").wait_for()
        page.close()
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        phone.goto(server.url + "/mirror")
        phone.get_by_role("button", name="Start camera").click()
        phone.wait_for_function("document.getElementById('live-angle').textContent === '130'")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        shoot(phone, tmp_path, "mirror-phone.png")
        phone.close()
    assert kit.estimators and all(e.closed for e in kit.estimators)
