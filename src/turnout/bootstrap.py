"""The composition root: the only place that builds real adapters from Settings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from turnout.adapters.clock import ScaledClock, SystemClock
from turnout.adapters.routine_files import FileRoutineSource
from turnout.adapters.speech import make_speaker
from turnout.config import Settings, get_settings
from turnout.domain.geometry import Point
from turnout.ports import Clock, Frame, MatView, MeasureError, RoutineSource, Speaker, UnitOfWork

if TYPE_CHECKING:
    from turnout.measuring import Report, Vision


@dataclass
class Container:
    """What the CLI and the web need. The database is opened (and migrated) on first use."""

    settings: Settings
    clock: Clock
    routines: RoutineSource
    _uow: UnitOfWork | None = field(default=None, repr=False)
    _vision: VisionKit | None = field(default=None, repr=False)

    def uow(self) -> UnitOfWork:
        if self._uow is None:
            self._uow = open_log(self.settings.db_url)
        return self._uow

    def speaker(self, voice: bool | None = None) -> Speaker:
        wanted = self.settings.voice if voice is None else voice
        return make_speaker(wanted, self.settings.voice_rate)

    def vision(self) -> VisionKit:
        """The camera adapters; OpenCV and MediaPipe load when first used, not at start."""
        if self._vision is None:
            self._vision = VisionKit()
        return self._vision


class MediaSource(Protocol):
    @property
    def is_video(self) -> bool: ...

    def frames(self) -> Iterator[Frame]: ...


class VisionKit:
    """The camera adapters the web uses, behind plain methods (tests swap the models out)."""

    def build(self, video: bool, feet_only: bool) -> Vision:
        """Pose model (video mode tracks between frames), mat detector and foot finder."""
        from turnout.adapters.vision import build_vision

        return build_vision(video=video, feet_only=feet_only)

    def open_media(self, path: Path) -> MediaSource:
        from turnout.adapters.vision.media import open_media

        return open_media(path)

    def mat_pdf(self, paper: str) -> bytes:
        """The printable floor mat, "a4" or "letter"."""
        from turnout.adapters.vision.mat_layout import Paper
        from turnout.adapters.vision.mat_pdf import mat_pdf

        return mat_pdf(Paper(paper))

    def annotate_png(self, frame: Frame, report: Report, long_side: int) -> bytes:
        """The picture showing how it was measured, shrunk to `long_side` pixels at most."""
        import cv2

        from turnout.adapters.vision.draw import annotate

        image = annotate(frame, report)
        scale = long_side / max(image.shape[:2])
        if scale < 1:
            size = (round(image.shape[1] * scale), round(image.shape[0] * scale))
            image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
        return bytes(cv2.imencode(".png", image)[1].tobytes())

    def top_view_png(self, frame: Frame, mat: MatView) -> tuple[bytes, float, Point]:
        """The rectified floor as a PNG, its millimetres per pixel, and the floor point at its
        top-left corner (floor = origin + pixel * mm_per_px, x right and y down)."""
        import cv2

        from turnout.adapters.vision.draw import plain_top_view

        view = plain_top_view(frame, mat)
        png = bytes(cv2.imencode(".png", view.image)[1].tobytes())
        return png, view.mm_per_px, view.origin

    def decode_jpeg(self, data: bytes, max_pixels: int) -> Frame:
        """One camera frame sent by a browser; MeasureError when it is not a usable picture."""
        import cv2
        import numpy as np

        width, height = _jpeg_size(data)
        if width * height > max_pixels:
            raise MeasureError("That camera frame is too large; send 1280x720 or smaller.")
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        if image is None:
            raise MeasureError("That camera frame is not a JPEG picture (cut off?); skipped it.")
        frame: Frame = image
        return frame


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """Width and height from a JPEG's frame header, read before decoding allocates anything."""
    if not data.startswith(b"\xff\xd8"):
        raise MeasureError("That camera frame is not a JPEG picture; it was skipped.")
    at = 2
    while at + 9 < len(data):
        if data[at] != 0xFF:
            break
        marker, length = data[at + 1], int.from_bytes(data[at + 2 : at + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            return int.from_bytes(data[at + 7 : at + 9], "big"), height
        at += 2 + length
    raise MeasureError("That camera frame is not a whole JPEG picture; it was skipped.")


def open_log(url: str) -> UnitOfWork:
    """Migrate the practice log to this version's schema and return a unit of work on it."""
    # Imported here so that commands that never touch the log start without SQLAlchemy.
    from turnout.adapters.db.engine import session_factory
    from turnout.adapters.db.schema import prepare_database
    from turnout.adapters.db.uow import SqlUnitOfWork

    return SqlUnitOfWork(session_factory(prepare_database(url)))


def build(settings: Settings | None = None, clock: Clock | None = None) -> Container:
    settings = settings or get_settings()
    if clock is None:
        clock = SystemClock() if settings.time_scale == 1 else ScaledClock(settings.time_scale)
    return Container(settings, clock, FileRoutineSource())
