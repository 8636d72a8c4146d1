"""Reading photos and videos with caps on size and length; every failure is one plain line.

Nothing is decoded before its size is known: a photo is sized from its header
(`image_header`), a video from what OpenCV reports once it is open, before any frame is read.
A photo is decoded upright, as a viewer shows it (`stills`)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
from numpy.typing import NDArray

from turnout.adapters.vision.image_header import image_size, refuse_unreadable_kinds, still_format
from turnout.adapters.vision.stills import read_still
from turnout.errors import MeasureError
from turnout.i18n import _
from turnout.i18n.formats import number

MAX_FILE_BYTES = 300 * 1024 * 1024
MAX_IMAGE_PIXELS = 50_000_000  # larger stills are refused from their header, before decoding
WORK_LONG_SIDE = 1920  # larger frames are shrunk to this before measuring
MAX_VIDEO_SECONDS = 60.0
MAX_VIDEO_FPS = 10.0  # frames above this rate are skipped: a held position needs no more
MAX_VIDEO_PIXELS = 4096 * 2160  # a frame larger than 4K (DCI) is refused before it is decoded
MAX_VIDEO_FRAMES = 120 * 60  # a 60 s video at 120 fps; no file gets more frames read than this

Image = NDArray[Any]
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"BM", b"II*\x00", b"MM\x00*")
_VIDEO_MAGIC = (b"\x1a\x45\xdf\xa3",)  # Matroska / WebM; MP4 and MOV are found by 'ftyp'


@dataclass(frozen=True)
class Media:
    path: Path
    is_video: bool
    fps: float = 0.0
    frame_count: int = 1
    format: str = ""  # a photo's, as `image_size` named it

    @property
    def expected_frames(self) -> int | None:
        """How many frames `frames()` will give, as far as the header tells: a photo is 1; a
        video's count from its header, at most MAX_VIDEO_FPS; None when the header has none."""
        if not self.is_video:
            return 1
        if self.frame_count <= 0:
            return None
        return math.ceil(min(self.frame_count, _most(self.fps)) / _every(self.fps))

    def frames(self) -> Iterator[Image]:
        """The photo, or the video's frames at up to MAX_VIDEO_FPS, each at most WORK_LONG_SIDE."""
        if not self.is_video:
            yield _fit(read_still(self.path, self.format))
            return
        yield from _video_frames(self.path, self.fps)


def open_media(path: Path) -> Media:
    """Check a file is a photo or a video we can measure, without decoding all of it."""
    head = _head(path)
    if _is_photo(head):
        size = image_size(path, MAX_IMAGE_PIXELS)
        return Media(path, is_video=False, format=size.format)
    refuse_unreadable_kinds(path.name, head)
    if (
        head[4:8] == b"ftyp"
        or any(head.startswith(m) for m in _VIDEO_MAGIC)
        or head[8:11] == b"AVI"
    ):
        return _probe_video(path)
    # Translators: {name} is the file's name.
    text = _("{name} is not a photo or a video we can read; use a JPEG, PNG, MP4 or MOV file.")
    raise MeasureError(text.format(name=path.name))


def _is_photo(head: bytes) -> bool:
    if any(head.startswith(m) for m in _IMAGE_MAGIC) or head[:4] + head[8:12] == b"RIFFWEBP":
        return True
    return still_format(head) is not None  # HEIC, HEIF, AVIF: an ISO media file, like an MP4


def _head(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            # Translators: {name} is the file's name; {size} and {limit} whole numbers of MB.
            text = _(
                "{name} is {size} MB; the limit is {limit} MB. Send a shorter or smaller file."
            )
            limit = MAX_FILE_BYTES // 2**20
            raise MeasureError(text.format(name=path.name, size=size // 2**20, limit=limit))
        with path.open("rb") as handle:
            return handle.read(64)
    except FileNotFoundError:
        raise MeasureError(_("There is no file {path}.").format(path=path)) from None
    except IsADirectoryError:
        text = _("{path} is a folder; give a photo or video file.")
        raise MeasureError(text.format(path=path)) from None
    except OSError as error:
        # Translators: {reason} is the system's own words for what went wrong.
        text = _("Cannot read {path}: {reason}.")
        raise MeasureError(text.format(path=path, reason=error.strerror)) from None


def _fit(image: Image) -> Image:
    height, width = image.shape[:2]
    if width * height > MAX_IMAGE_PIXELS:
        # Translators: {width}x{height} is the photo's size in pixels; {limit} a whole number.
        text = _("The photo is {width}x{height} pixels; send one under {limit} megapixels.")
        limit = MAX_IMAGE_PIXELS // 1_000_000
        raise MeasureError(text.format(width=width, height=height, limit=limit))
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
        width = int(capture.get(cv2.CAP_PROP_FRAME_WIDTH) or 0)
        height = int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT) or 0)
        if not capture.isOpened() or fps <= 0 or width <= 0 or height <= 0:
            # Translators: {name} is the file's name.
            text = _("{name} looks like a video but cannot be decoded (corrupt or cut off).")
            raise MeasureError(text.format(name=path.name))
        _check_video(path.name, width, height, count / fps)
        ok, _frame = capture.read()  # only now, with the frame size known to be sane
    finally:
        capture.release()
    if not ok:
        # Translators: {name} is the file's name.
        text = _("{name} looks like a video but its first frame cannot be read.")
        raise MeasureError(text.format(name=path.name))
    return Media(path, is_video=True, fps=fps, frame_count=count)


def _check_video(name: str, width: int, height: int, seconds: float) -> None:
    if width * height > MAX_VIDEO_PIXELS:
        # Translators: {name} is the file's name; {width}x{height} the video's size in pixels.
        text = _(
            "{name} is filmed at {width}x{height} pixels; film at 4K or less (1080p is plenty)."
        )
        raise MeasureError(text.format(name=name, width=width, height=height))
    if seconds > MAX_VIDEO_SECONDS:
        raise MeasureError(_too_long(name, number(seconds, 0), over=False))


def _too_long(name: str, seconds: str, over: bool) -> str:
    limit = number(MAX_VIDEO_SECONDS, 0)
    if over:
        # Translators: {name} is the file's name; {seconds} and {limit} whole numbers of seconds.
        text = _(
            "{name} lasts more than {seconds} s; the limit is {limit} s. Film 5-20 s of the "
            "position."
        )
    else:
        # Translators: {name} is the file's name; {seconds} and {limit} whole numbers of seconds.
        text = _("{name} lasts {seconds} s; the limit is {limit} s. Film 5-20 s of the position.")
    return text.format(name=name, seconds=seconds, limit=limit)


def _video_frames(path: Path, fps: float) -> Iterator[Image]:
    capture = cv2.VideoCapture(str(path))
    every, most = _every(fps), _most(fps)
    index = 0
    try:
        while True:
            ok = capture.grab()
            if not ok:
                return
            if index >= most:
                limit = number(MAX_VIDEO_SECONDS, 0)
                raise MeasureError(_too_long(path.name, limit, over=True))
            if index % every == 0:
                ok, frame = capture.retrieve()
                if ok:
                    yield _fit(frame)
            index += 1
    finally:
        capture.release()


def _every(fps: float) -> int:
    """One frame in this many is read: at most MAX_VIDEO_FPS of them a second."""
    return max(1, round(fps / MAX_VIDEO_FPS))


def _most(fps: float) -> int:
    # The frame count in the header may be missing or false: stop at the limit whatever it says.
    return min(MAX_VIDEO_FRAMES, int(MAX_VIDEO_SECONDS * fps) + 1)
