"""The annotated picture: skeleton, heel-to-toe lines, the numbers, and the rectified mat."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from turnout.adapters.vision.captions import put_text, text_width
from turnout.adapters.vision.feet import top_view
from turnout.adapters.vision.feet_area import feet_area
from turnout.domain.geometry import Point, apply_homography, invert_homography
from turnout.domain.mat import MatView
from turnout.domain.pose import Joint, Pose
from turnout.i18n import _
from turnout.ports import Frame
from turnout.services.measuring import FrameReading, Report

Image = NDArray[Any]
BONES = [
    (Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER), (Joint.LEFT_HIP, Joint.RIGHT_HIP),
    (Joint.LEFT_SHOULDER, Joint.LEFT_HIP), (Joint.RIGHT_SHOULDER, Joint.RIGHT_HIP),
    (Joint.LEFT_HIP, Joint.LEFT_KNEE), (Joint.RIGHT_HIP, Joint.RIGHT_KNEE),
    (Joint.LEFT_KNEE, Joint.LEFT_ANKLE), (Joint.RIGHT_KNEE, Joint.RIGHT_ANKLE),
    (Joint.LEFT_ANKLE, Joint.LEFT_HEEL), (Joint.RIGHT_ANKLE, Joint.RIGHT_HEEL),
    (Joint.LEFT_HEEL, Joint.LEFT_TOE), (Joint.RIGHT_HEEL, Joint.RIGHT_TOE),
]  # fmt: skip
LEFT, RIGHT, WHITE = (80, 200, 255), (255, 160, 60), (255, 255, 255)
# The floor shown for correcting the feet by hand: the printed area with a margin all round,
# and at least far enough ahead for a long foot pointing nearly straight ahead (mm).
SIDE_MARGIN_MM, BEHIND_MM, AHEAD_MM = 60.0, 30.0, 320.0


@dataclass(frozen=True)
class TopView:
    """The floor seen from straight above, axes parallel to the floor's: a point at pixel
    (u, v), measured from the image's top-left corner, is at `origin + (u, v) * mm_per_px`
    on the floor (x toward the dancer's left, y ahead of the heel line)."""

    image: Image
    mm_per_px: float
    origin: Point


def plain_top_view(frame: Frame, mat: MatView, px_per_mm: float = 1.0) -> TopView:
    """The rectified floor around the mat, with nothing drawn on it (the page draws)."""
    bx0, bx1, by0, by1 = feet_area(mat).box
    half = max(-bx0, bx1) + SIDE_MARGIN_MM
    ahead = max(AHEAD_MM, by1 + BEHIND_MM)
    x0, y0, k = -half, by0 - BEHIND_MM, px_per_mm
    # Pixel centres: pixel (i, j) shows the floor at (x0 + i / k, y0 + j / k).
    to_px = ((k, 0.0, -x0 * k), (0.0, k, -y0 * k), (0.0, 0.0, 1.0))
    warp = np.array(to_px) @ np.array(mat.image_to_floor)
    size = (round(2 * half * k), round((ahead - y0) * k))
    image = cv2.warpPerspective(np.asarray(frame), warp, size, flags=cv2.INTER_LINEAR)
    return TopView(image, 1 / k, Point(x0 - 0.5 / k, y0 - 0.5 / k))


def annotate(frame: Frame, report: Report) -> Image:
    """A copy of the measured frame with how it was measured drawn on it."""
    image = np.asarray(frame).copy()
    best = report.best
    scale = max(image.shape[:2]) / 1000
    if best.pose is not None:
        _skeleton(image, best.pose, scale)
    if best.mat is not None and best.feet is not None:
        to_image = invert_homography(best.mat.image_to_floor)
        for foot, colour in zip(best.feet, (LEFT, RIGHT), strict=True):
            a, b = (apply_homography(to_image, p) for p in (foot.heel, foot.toe))
            cv2.line(image, _px(a), _px(b), colour, max(2, round(3 * scale)), cv2.LINE_AA)
    lines = [*report.messages, f"method: {report.method}; frames used {report.frames_used}"]
    _caption(image, lines, scale)
    if best.mat is not None:
        image = _with_top_view(image, frame, best)
    return image


def _skeleton(image: Image, pose: Pose, scale: float) -> None:
    width = max(1, round(2 * scale))
    for a, b in BONES:
        if a in pose.landmarks and b in pose.landmarks:
            cv2.line(image, _px(pose.point(a)), _px(pose.point(b)), WHITE, width, cv2.LINE_AA)
    for joint in pose.landmarks:
        colour = LEFT if joint.name.startswith("LEFT") else RIGHT
        cv2.circle(image, _px(pose.point(joint)), max(2, round(4 * scale)), colour, -1)


def _caption(image: Image, lines: list[str], scale: float) -> None:
    """The messages on a dark band across the top, wrapped to the picture's width."""
    size = 0.5 * max(scale, 0.6)
    step = round(22 * max(scale, 0.6))
    rows = [row for text in lines for row in _wrap(text, image.shape[1] - 20, size)]
    band = image[: step * len(rows) + step // 2]
    band[:] = (band * 0.35).astype(image.dtype)  # darken, so the text reads on any background
    for index, text in enumerate(rows):
        y = step * (index + 1)
        put_text(image, text, (10, y), size, WHITE)


def _wrap(text: str, width: int, size: float) -> list[str]:
    rows: list[str] = []
    for word in text.split():
        candidate = f"{rows[-1]} {word}" if rows else word
        if rows and text_width(candidate, size) <= width:
            rows[-1] = candidate
        else:
            rows.append(word)
    return rows


def _with_top_view(image: Image, frame: Frame, best: FrameReading) -> Image:
    assert best.mat is not None
    area = feet_area(best.mat)
    top, _warp = top_view(frame, best.mat, area)
    to_px = area.to_px
    if best.feet is not None:
        for foot, colour in zip(best.feet, (LEFT, RIGHT), strict=True):
            a, b = (apply_homography(to_px, p) for p in (foot.heel, foot.toe))
            cv2.line(top, _px(a), _px(b), colour, 2, cv2.LINE_AA)
    if area.on_mat:
        # Translators: written on the top view of the floor under the annotated picture.
        label = _("rectified top view (1 px = 1 mm)")
    else:
        # Translators: written on the top view of the floor under the annotated picture.
        label = _("top view on plain paper (1 px = 1 mm)")
    put_text(top, label, (6, 16), 0.45, (0, 0, 255), cv2.LINE_8)
    width = image.shape[1]
    top = cv2.resize(top, (width, round(top.shape[0] * width / top.shape[1])))
    return np.vstack([image, top])


def _px(p: Point) -> tuple[int, int]:
    return (round(p.x), round(p.y))
