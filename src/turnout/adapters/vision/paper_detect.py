"""Plain sheets of paper on the floor as the reference, instead of the printed mat.

One or two A4 or Letter sheets lie landscape on the floor, two of them side by side with their
long edges in one line; the dancer stands on them, heels centred about 60 mm in front of the
back edge. The floor frame is the one the dancer is told to use: millimetres, x across (+x to
her left), y forward, the back edge at y = -60 and the sheets centred on x = 0 (so the heels are
near the origin, as on the mat).

Which paper, and how many sheets, comes from the outline's shape. Four corners alone fit any
rectangle, so the shape is judged with the camera: square pixels and the principal point in the
middle of the picture, and a focal length somewhere in a phone's range. A rectangle of the right
proportions then is what a real camera could have seen (its two sides come out perpendicular
and of the right lengths); a wrong one is not, unless the view is so square-on that the focal
length cannot be told, and then the answer is refused rather than guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from turnout.adapters.vision.mat_layout import Paper, layout
from turnout.adapters.vision.paper_checks import (
    check_edges,
    check_inside,
    check_seam,
    check_size,
    check_straight,
    point_error_mm,
    refuse_apart,
    refuse_no_sheet,
    refuse_shape,
)
from turnout.adapters.vision.paper_edges import Array, Side, corners_of, fit_sides
from turnout.adapters.vision.paper_outline import bright_regions, grey_of, rough_quad
from turnout.domain.geometry import Homography, Point
from turnout.domain.mat import MatView
from turnout.errors import MatError
from turnout.i18n import _
from turnout.ports import Frame

BACK_EDGE_MM = -60.0  # the sheets' back edge, in the floor frame (heels about 60 mm in front)
HEELS = Point(0.0, 0.0)  # where the heels stand, in the floor frame
CORNERS_KEY = -1  # MatView.corners: the outer corners, under a key no marker uses
FOCAL_RANGE = (0.55, 2.6)  # a phone's lenses, as focal length over the picture's long side
SHAPE_TOLERANCE = 0.03  # how far from square and true a right shape's sides may come out
AMBIGUOUS_MARGIN = 0.012  # a runner-up this close to the best shape: cannot be told apart


@dataclass(frozen=True)
class Shape:
    paper: Paper
    count: int

    @property
    def name(self) -> str:
        return f"{self.paper.value}-paper-{self.count}"

    @property
    def size(self) -> tuple[float, float]:
        sheet = layout(self.paper)
        return self.count * sheet.page_width, sheet.page_height

    def floor_corners(self) -> Array:
        """Back-right, back-left, front-left, front-right (as the camera sees them: top left,
        top right, bottom right, bottom left)."""
        w, d = self.size
        y0, y1 = BACK_EDGE_MM, BACK_EDGE_MM + d
        return np.array([[-w / 2, y0], [w / 2, y0], [w / 2, y1], [-w / 2, y1]], np.float64)


@dataclass(frozen=True)
class PaperFit:
    """What the detector found, with what is needed to say how far to trust it."""

    view: MatView
    shape: Shape
    corners: Array  # image px, in Shape.floor_corners order
    sides: tuple[Side, ...]  # back, left (+x), front, right (-x)
    picture: tuple[int, int]  # width, height

    def error_mm_at(self, point: Point, origin: Point = HEELS) -> float:
        """About how far (mm, two standard errors) the floor vector from `origin` (the heels)
        to `point` can be off, from the fitted edges' residuals and lengths in pixels."""
        return point_error_mm(self.sides, self.shape.floor_corners(), self.corners, point, origin)


class PlainPaperDetector:
    """Finds one or two plain sheets in a BGR image and maps the image onto the floor.

    `papers` limits the papers considered (pass the one the dancer said she uses: A4 and Letter
    are told apart by shape alone only in views that show enough perspective). With `required`,
    a picture without any sheet is refused with a MatError; without, `detect` returns None.
    """

    def __init__(self, papers: Sequence[Paper] | None = None, required: bool = True) -> None:
        self.shapes = tuple(Shape(p, n) for p in (papers or tuple(Paper)) for n in (1, 2))
        self.required = required

    def detect(self, frame: Frame) -> MatView | None:
        found = self.fit(frame)
        return None if found is None else found.view

    def fit(self, frame: Frame) -> PaperFit | None:
        image = np.asarray(frame)
        grey = grey_of(image)
        picture = (grey.shape[1], grey.shape[0])
        quad, others = self._outline(grey)
        if quad is None:
            if self.required:
                refuse_no_sheet()
            return None
        sides = _in_floor_order(fit_sides(grey, quad))
        check_edges(sides)
        corners = corners_of(sides)
        if corners is None:
            raise MatError(_("The paper's edges do not make a rectangle: lay the paper flat."))
        check_inside(corners, picture)
        check_size(corners)
        shape, h = self._shape(corners, picture)
        check_straight(grey, sides, corners, h, shape.floor_corners(), shape.count)
        check_seam(grey, shape.count, h, shape.size)
        _check_alone(others, h, shape)
        return _result(shape, corners, tuple(sides), picture, h)

    def _outline(self, grey: Array) -> tuple[Array | None, list[Array]]:
        """The rough corners of the largest bright region shaped like paper, and the other
        bright regions (a second sheet laid apart shows as one)."""
        outlines, scale = bright_regions(grey)
        for k, outline in enumerate(outlines):
            quad = rough_quad(outline)
            area = cv2.contourArea(outline.astype(np.float32))
            if quad is not None and area > 0.45 * abs(cv2.contourArea(quad.astype(np.float32))):
                check_inside(outline, (grey.shape[1], grey.shape[0]), 1.5 / scale)
                return quad, outlines[:k] + outlines[k + 1 :]
        return None, outlines

    def _shape(self, corners: Array, picture: tuple[int, int]) -> tuple[Shape, Array]:
        scored = sorted((_misfit(s, corners, picture), i) for i, s in enumerate(self.shapes))
        (best, i), runner_up = scored[0], scored[1][0] if len(scored) > 1 else np.inf
        shape = self.shapes[i]
        if best > SHAPE_TOLERANCE:
            refuse_shape()
        if runner_up - best < AMBIGUOUS_MARGIN:
            other = self.shapes[scored[1][1]]
            if other.count == shape.count:
                raise MatError(
                    _(
                        "From this angle A4 cannot be told from Letter: choose your paper size in "
                        "the settings, or take the photo from higher up or a little to one side."
                    )
                )
            raise MatError(
                _(
                    "From this angle one sheet cannot be told from two: take the photo from "
                    "higher up or a little to one side, looking down at the sheets."
                )
            )
        h, _mask = cv2.findHomography(corners, shape.floor_corners(), 0)
        return shape, h


def _in_floor_order(sides: list[Side]) -> list[Side]:
    """The sides turned so the first is the back edge: of the two opposite sides nearer the
    picture's horizontal (the sheets lie across the view), the one higher in the picture."""
    flat = [abs(float(s.normal[1])) for s in sides]
    across = 0 if flat[0] + flat[2] >= flat[1] + flat[3] else 1
    back = min(
        (across, across + 2),
        key=lambda k: (
            float(np.mean(sides[k].points[:, 1]))
            if len(sides[k].points)
            else float(sides[k].normal[1])
        ),
    )
    return sides[back:] + sides[:back]


def _check_alone(others: list[Array], h: Array, shape: Shape) -> None:
    """One sheet found, and another bright region beside it, in line: two sheets laid apart."""
    if shape.count != 1:
        return
    w, d = shape.size
    for outline in others:
        floor = cv2.perspectiveTransform(outline.reshape(-1, 1, 2), h).reshape(-1, 2)
        y = float(np.median(floor[:, 1]))
        gap = float(np.min(np.abs(floor[:, 0]))) - w / 2
        beside = np.all(np.sign(floor[:, 0]) == np.sign(floor[0, 0]))
        if beside and BACK_EDGE_MM < y < BACK_EDGE_MM + d and 0 < gap < 0.5 * w:
            refuse_apart(gap)


def _misfit(shape: Shape, corners: Array, picture: tuple[int, int]) -> float:
    """How far from a real camera's view of this shape the corners are: the least, over a
    phone's focal lengths, of the floor axes' departure from perpendicular and equal length."""
    floor_to_image, _mask = cv2.findHomography(shape.floor_corners(), corners, 0)
    if floor_to_image is None:
        return float("inf")
    centred = np.array([[1, 0, -picture[0] / 2], [0, 1, -picture[1] / 2], [0, 0, 1.0]])
    m = centred @ floor_to_image
    focal = np.geomspace(*FOCAL_RANGE, 80)[:, None] * max(picture)
    a = np.column_stack([m[0, 0] / focal, m[1, 0] / focal, np.full_like(focal, m[2, 0])])
    b = np.column_stack([m[0, 1] / focal, m[1, 1] / focal, np.full_like(focal, m[2, 1])])
    na, nb = np.linalg.norm(a, axis=1), np.linalg.norm(b, axis=1)
    skew = np.sum(a * b, axis=1) / (na * nb)
    stretch = (na - nb) / (na + nb)
    return float(np.min(np.hypot(skew, 2 * stretch)))


def _result(
    shape: Shape, corners: Array, sides: tuple[Side, ...], picture: tuple[int, int], h: Array
) -> PaperFit:
    floor = shape.floor_corners()
    homography: Homography = tuple((float(r[0]), float(r[1]), float(r[2])) for r in h / h[2, 2])
    view = MatView(
        paper=shape.name,
        image_to_floor=homography,
        markers=(),
        corners={CORNERS_KEY: tuple(Point(float(x), float(y)) for x, y in corners)},
        rms_mm=_rms_mm(sides, h, floor),
        sheet_scales={},
    )
    return PaperFit(view, shape, corners, sides, picture)


def _rms_mm(sides: tuple[Side, ...], h: Array, floor: Array) -> float:
    """The edge points' distances from the sheet's true edges on the floor, after the fit."""
    gaps = []
    for k, side in enumerate(sides):
        points = side.points[side.inliers].reshape(-1, 1, 2)
        if not len(points):
            continue
        mapped = cv2.perspectiveTransform(points, h).reshape(-1, 2)
        a, b = floor[k], floor[(k + 1) % 4]
        d = (b - a) / np.linalg.norm(b - a)
        gaps.append((mapped - a) @ np.array([d[1], -d[0]]))
    both = np.concatenate(gaps) if gaps else np.zeros(1)
    return float(np.sqrt(np.mean(both**2)))
