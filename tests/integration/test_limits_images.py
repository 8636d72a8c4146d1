"""Photos and videos are sized before anything is decoded (real Pillow and OpenCV, real files):
a header that claims a huge picture is refused in a moment, whatever the format."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.integration import bombs
from turnout.adapters.vision import media
from turnout.adapters.vision.image_header import image_size
from turnout.adapters.vision.media import MAX_IMAGE_PIXELS, open_media
from turnout.errors import MeasureError

ACCEPTED = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "tiff": "TIFF", "bmp": "BMP"}


def saved(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def refusal(path: Path) -> tuple[str, float]:
    started = time.perf_counter()
    with pytest.raises(MeasureError) as refused:
        open_media(path)
    return str(refused.value), time.perf_counter() - started


@pytest.mark.parametrize("kind", ACCEPTED)
def test_every_accepted_format_is_sized_from_its_header(kind: str, tmp_path: Path) -> None:
    make: Callable[[int, int], bytes] = getattr(bombs, kind)
    size = image_size(saved(tmp_path, f"a.{kind}", make(3000, 2000)), MAX_IMAGE_PIXELS)
    assert (size.format, size.width, size.height) == (ACCEPTED[kind], 3000, 2000)


@pytest.mark.parametrize("kind", ACCEPTED)
def test_a_header_over_the_limit_is_refused_with_its_size(kind: str, tmp_path: Path) -> None:
    make: Callable[[int, int], bytes] = getattr(bombs, kind)
    message, seconds = refusal(saved(tmp_path, f"big.{kind}", make(8000, 8000)))
    assert message == f"big.{kind} is 8000x8000 pixels; send a photo under 50 megapixels."
    assert seconds < 0.5


@pytest.mark.parametrize("kind", ACCEPTED)
def test_a_bomb_of_hundreds_of_megapixels_is_refused_at_once(kind: str, tmp_path: Path) -> None:
    message, seconds = refusal(saved(tmp_path, f"bomb.{kind}", bombs.BOMBS[kind]()))
    assert message.startswith(f"bomb.{kind} is far larger than a photo needs")
    assert "under 50 megapixels" in message and "\n" not in message
    assert seconds < 0.5


def test_a_photo_under_the_limit_still_opens_and_decodes(tmp_path: Path) -> None:
    picture = np.full((600, 800, 3), 90, np.uint8)
    path = tmp_path / "me.png"
    cv2.imwrite(str(path), picture)
    (frame,) = open_media(path).frames()
    assert frame.shape == (600, 800, 3)


def test_a_gif_is_refused_by_name_with_what_to_send(tmp_path: Path) -> None:
    message, _ = refusal(saved(tmp_path, "dance.gif", bombs.gif()))
    assert message.startswith("dance.gif is a GIF, which cannot be measured")
    assert "JPEG or PNG" in message


def test_a_heic_photo_cut_off_after_its_header_is_refused_with_how_to_send_it(
    tmp_path: Path,
) -> None:
    message, _ = refusal(saved(tmp_path, "IMG_0001.HEIC", bombs.heic()))
    assert "HEIC" in message and "cannot be decoded" in message and "Most Compatible" in message


def test_an_unknown_format_is_refused_with_the_formats_we_read(tmp_path: Path) -> None:
    message, _ = refusal(saved(tmp_path, "scan.pdf", b"%PDF-1.4\n" + bytes(100)))
    assert message == (
        "scan.pdf is not a photo or a video we can read; use a JPEG, PNG, MP4 or MOV file."
    )


def test_a_photo_cut_off_inside_its_header_is_called_corrupt(tmp_path: Path) -> None:
    message, _ = refusal(saved(tmp_path, "cut.jpg", bombs.jpeg()[:120]))
    assert "cannot be decoded (corrupt or cut off)" in message


def video(path: Path, width: int, height: int, frames: int, fps: float = 10) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (width, height))
    for n in range(frames):
        writer.write(np.full((height, width, 3), 40 + n, np.uint8))
    writer.release()
    return path


def test_a_video_larger_than_4k_is_refused_before_a_frame_is_read(tmp_path: Path) -> None:
    message, _ = refusal(video(tmp_path / "huge.avi", 4400, 2200, frames=1))
    assert message.startswith("huge.avi is filmed at 4400x2200 pixels; film at 4K or less")


def test_a_video_too_long_by_its_header_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(media, "MAX_VIDEO_SECONDS", 1.0)
    message, _ = refusal(video(tmp_path / "long.avi", 64, 48, frames=20))
    assert message == "long.avi lasts 2 s; the limit is 1 s. Film 5-20 s of the position."


def test_a_video_longer_than_its_header_says_stops_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clip = open_media(video(tmp_path / "clip.avi", 64, 48, frames=20))
    monkeypatch.setattr(media, "MAX_VIDEO_SECONDS", 1.0)  # as if the header had said 1 s
    read = []
    with pytest.raises(MeasureError, match="lasts more than 1 s; the limit is 1 s"):
        read.extend(clip.frames())
    assert len(read) == 11  # frames 0 to 10: 1 s at 10 fps, counting both ends
