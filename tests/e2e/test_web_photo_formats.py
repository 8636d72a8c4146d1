"""Uploading an iPhone's HEIC photo over HTTP: it is read the right way up and measured, and a
damaged one is refused in one plain line. The pose model is a fake; the file is a real HEIC."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pillow_heif
from fastapi.testclient import TestClient
from PIL import Image

from tests.e2e.test_web_measure import FakeVisionKit, app_with, dancer, picture_of
from tests.fakes import FakePoseEstimator
from turnout.bootstrap import Container
from turnout.services.measuring import Vision

ORIGIN = {"origin": "http://127.0.0.1"}


class FramesSeen(FakePoseEstimator):
    """Keeps every frame the pose model is shown."""

    def __init__(self, *per_frame: Any) -> None:
        super().__init__(*per_frame)
        self.frames: list[Any] = []

    def estimate(self, frame: object) -> Any:
        self.frames.append(np.asarray(frame))
        return super().estimate(frame)


class WatchingKit(FakeVisionKit):
    def build(self, video: bool, feet_only: bool, paper: str = "") -> Vision:
        vision = super().build(video, feet_only)
        seen = FramesSeen(*self.poses)
        self.estimators[-1] = seen
        return Vision(vision.mat, vision.feet, seen)


def iphone_heic(orientation: int) -> bytes:
    """640x480 as the sensor stores it, with the turn a phone held upright asks for."""
    pixels = np.full((480, 640, 3), 200, np.uint8)
    pixels[:60, :60] = (220, 20, 20)  # a red corner, top-left as stored
    tags = Image.Exif()
    tags[0x0112] = orientation
    buffer = io.BytesIO()
    pillow_heif.from_pillow(Image.fromarray(pixels)).save(buffer, quality=90, exif=tags.tobytes())
    return buffer.getvalue()


def post(client: TestClient, name: str, data: bytes) -> Any:
    return client.post(
        "/api/measure",
        files={"file": (name, data, "image/heic")},
        data={"mode": "plie"},
        headers=ORIGIN,
    )


def test_an_upright_iphone_heic_is_measured_the_right_way_up(container: Container) -> None:
    kit = WatchingKit([dancer()])
    with app_with(container, kit) as client:
        response = post(client, "IMG_0001.HEIC", iphone_heic(orientation=6))
    assert response.status_code == 200, response.text
    (seen,) = kit.estimators
    assert isinstance(seen, FramesSeen) and seen.frames
    for frame in seen.frames:
        assert frame.shape == (640, 480, 3)  # portrait, as the phone was held
        top_right, top_left = frame[:50, -50:], frame[:50, :50]  # the stored top-left, turned
        assert top_right[..., 2].mean() > 180 and top_right[..., 1].mean() < 60  # red, in BGR
        assert top_left[..., 1].mean() > 180
    assert picture_of(response.json()).shape[:2] == (640, 480)


def test_a_damaged_heic_upload_is_refused_in_one_line(container: Container) -> None:
    kit = WatchingKit([dancer()])
    data = iphone_heic(orientation=1)
    with app_with(container, kit) as client:
        response = post(client, "IMG_0002.HEIC", data[: len(data) - 60])
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail.startswith("IMG_0002.HEIC looks like a HEIC photo but cannot be decoded")
    assert "\n" not in detail
