"""The camera adapters the web and the CLI use, behind plain methods (tests swap the models out).

OpenCV and MediaPipe are imported inside each method, so nothing heavy loads until a camera
feature is first used."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from turnout.domain.geometry import Point
from turnout.domain.mat import MatView
from turnout.errors import MeasureError
from turnout.i18n import _
from turnout.ports import Frame, MediaSource

if TYPE_CHECKING:
    from turnout.services.measuring import Report, Vision


class VisionKit:
    """The camera adapters the web uses, behind plain methods (tests swap the models out).

    `pose_model` is "full" (the default) or "lite" (faster, a little less exact)."""

    def __init__(self, pose_model: str = "full") -> None:
        self.pose_model = pose_model

    def build(self, video: bool, feet_only: bool, paper: str = "") -> Vision:
        """Pose model (video mode tracks between frames), mat or paper detector and foot finder.
        `paper` ("a4" or "letter") names plain paper's size when the picture alone cannot."""
        from turnout.adapters.vision import build_vision

        return build_vision(video, feet_only, self.pose_model, paper)

    def model_bytes(self, name: str) -> bytes:
        """A pose model bundle ("lite" or "full") as the package ships it: the browser runs it in
        the live mirror's on-device mode. MeasureError for any other name."""
        from turnout.adapters.vision.pose import MODELS, model_bytes

        for model in MODELS:
            if model == name:
                return model_bytes(model)
        # Translators: {name} is the model asked for, quoted; "lite" and "full" are names.
        text = _("There is no pose model {name}; the models are lite and full.")
        raise MeasureError(text.format(name=repr(name)))

    def open_media(self, path: Path) -> MediaSource:
        from turnout.adapters.vision.media import open_media

        return open_media(path)

    def mat_pdf(self, paper: str) -> bytes:
        """The printable floor mat, "a4" or "letter"."""
        from turnout.adapters.vision.mat_layout import Paper
        from turnout.adapters.vision.mat_pdf import mat_pdf

        return mat_pdf(Paper(paper))

    def mat_assembled(self, paper: str, picture_name: str) -> tuple[bytes, dict[str, object]]:
        """The assembled mat from above at 1 px per mm (PNG), and its layout in mm (for JSON)."""
        from turnout.adapters.vision.mat_assembled import describe, png, render_assembled
        from turnout.adapters.vision.mat_layout import Paper, layout

        mat = layout(Paper(paper))
        return png(render_assembled(mat)), describe(mat, picture_name)

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
            raise MeasureError(_("That camera frame is too large; send 1280x720 or smaller."))
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        if image is None:
            raise MeasureError(_("That camera frame is not a JPEG picture (cut off?); skipped it."))
        frame: Frame = image
        return frame


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """Width and height from a JPEG's frame header, read before decoding allocates anything."""
    if not data.startswith(b"\xff\xd8"):
        raise MeasureError(_("That camera frame is not a JPEG picture; it was skipped."))
    at = 2
    while at + 9 < len(data):
        if data[at] != 0xFF:
            break
        marker, length = data[at + 1], int.from_bytes(data[at + 2 : at + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            return int.from_bytes(data[at + 7 : at + 9], "big"), height
        at += 2 + length
    raise MeasureError(_("That camera frame is not a whole JPEG picture; it was skipped."))
