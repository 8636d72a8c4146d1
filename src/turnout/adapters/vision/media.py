"""Reading photos and videos with caps on size and length; every failure is one plain line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from turnout.errors import MeasureError

MAX_FILE_BYTES = 300 * 1024 * 1024
MAX_IMAGE_PIXELS = 50_000_000  # larger stills are refused before decoding
WORK_LONG_SIDE = 1920  # larger frames are shrunk to this before measuring
MAX_VIDEO_SECONDS = 60.0
MAX_VIDEO_FPS = 15.0  # frames above this rate are skipped: steadier, and faster than real time

Image = NDArray[Any]
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"BM", b"II*\x00", b"MM\x00*")
_VIDEO_MAGIC = (b"\x1a\x45\xdf\xa3",)  # Matroska / WebM; MP4 and MOV are found by 'ftyp'


@dataclass(frozen=True)
class Media:
    path: Path
    is_video: bool
    fps: float = 0.0
    frame_count: int = 1

    def frames(self) -> Iterator[Image]:
        """The photo, or the video's frames at up to MAX_VIDEO_FPS, each at most WORK_LONG_SIDE."""
        if not self.is_video:
            yield _fit(_read_image(self.path))
            return
        yield from _video_frames(self.path, self.fps)


def open_media(path: Path) -> Media:
    """Check a file is a photo or a video we can measure, without decoding all of it."""
    head = _head(path)
    if any(head.startswith(m) for m in _IMAGE_MAGIC) or head[8:12] == b"WEBP":
        return Media(path, is_video=False)
    if (
        head[4:8] == b"ftyp"
        or any(head.startswith(m) for m in _VIDEO_MAGIC)
        or head[8:11] == b"AVI"
    ):
        return _probe_video(path)
    raise MeasureError(f"{path.name} is not a photo or a video; use a JPEG, PNG, MP4 or MOV file.")


def _head(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise MeasureError(
                f"{path.name} is {size // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB. "
                "Send a shorter or smaller file."
            )
        with path.open("rb") as handle:
            return handle.read(64)
    except FileNotFoundError:
        raise MeasureError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise MeasureError(f"{path} is a folder; give a photo or video file.") from None
    except OSError as error:
        raise MeasureError(f"Cannot read {path}: {error.strerror}.") from None


def _read_image(path: Path) -> Image:
    data = np.fromfile(path, np.uint8)
    _check_png_size(data, path)
    image = cv2.imdecode(data, cv2.IMREAD_COLOR)
    if image is None:
        raise MeasureError(
            f"{path.name} looks like a photo but cannot be decoded (corrupt or cut off)."
        )
    return image


def _check_png_size(data: NDArray[Any], path: Path) -> None:
    """Refuse a huge PNG from its header, before decoding allocates it."""
    raw = data[:32].tobytes()
    if raw.startswith(b"\x89PNG") and len(raw) >= 24:
        width, height = int.from_bytes(raw[16:20], "big"), int.from_bytes(raw[20:24], "big")
        if width * height > MAX_IMAGE_PIXELS:
            raise MeasureError(
                f"{path.name} is {width}x{height} pixels; send a photo under "
                f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels."
            )


def _fit(image: Image) -> Image:
    height, width = image.shape[:2]
    if width * height > MAX_IMAGE_PIXELS:
        raise MeasureError(
            f"The photo is {width}x{height} pixels; send one under "
            f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels."
        )
    scale = WORK_LONG_SIDE / max(height, width)
    if scale >= 1:
        return image
    return cv2.resize(
        image, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA
    )


def _probe_video(path: Path) -> Media:
    capture = cv2.VideoCapture(str(path))
    try:
        fps = capture.get(cv2.CAP_PROP_FPS) or 0.0
        count = int(capture.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        ok, _ = capture.read()
    finally:
        capture.release()
    if not capture or not ok or fps <= 0:
        raise MeasureError(
            f"{path.name} looks like a video but cannot be decoded (corrupt or cut off)."
        )
    if count / fps > MAX_VIDEO_SECONDS:
        raise MeasureError(
            f"{path.name} lasts {count / fps:.0f} s; the limit is {MAX_VIDEO_SECONDS:.0f} s. "
            "Film 5-20 s of the position."
        )
    return Media(path, is_video=True, fps=fps, frame_count=count)


def _video_frames(path: Path, fps: float) -> Iterator[Image]:
    capture = cv2.VideoCapture(str(path))
    every = max(1, round(fps / MAX_VIDEO_FPS))
    index = 0
    try:
        while True:
            ok = capture.grab()
            if not ok:
                return
            if index % every == 0:
                ok, frame = capture.retrieve()
                if ok:
                    yield _fit(frame)
            index += 1
    finally:
        capture.release()
