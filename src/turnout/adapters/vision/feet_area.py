"""Where on the floor feet are looked for: the printed mat's white area, or plain paper.

Both give the rectified top view at 1 px per mm (its box in floor mm and the map to it), the
pixels where a foot may be (white paper, away from markers, edges and the legs' smear), and
the strip of floor the heels are put on, which decides how far a heel seen pushed back may be
brought down (domain/camera.py)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from turnout.adapters.vision.mat_layout import CLEAR_BEHIND_MM, MARKER_MM, MatLayout, Paper, layout
from turnout.adapters.vision.mat_render import floor_box
from turnout.adapters.vision.mat_stripes import striped_area
from turnout.domain.camera import HEEL_LINE_MM
from turnout.domain.geometry import Homography
from turnout.domain.mat import MatView

PX_PER_MM = 1.0
# The legs stand above the floor, so in the top view they smear backwards from the heels: the
# floor behind the heels, between the legs, is ignored.
BEHIND_MM = 15.0
LEGS_MM = 110.0
PAPER_EDGE_MM = 6.0  # kept clear inside a plain sheet's edge (the edge itself, and its shadow)
STRIPED_INSET_MM = 3.0
PAPER_PAD_MM = 12.0  # the top view shows this much floor around plain paper
# On plain paper the heels go "about 6 cm in front of the back edge", by eye: a wider strip.
PAPER_HEEL_LINE_MM = (-20.0, 30.0)
Mask = NDArray[Any]


@dataclass(frozen=True)
class FeetArea:
    box: tuple[float, float, float, float]  # x from, x to, y from, y to (floor mm)
    searchable: Mask  # 1 where a foot may be, in top-view pixels; never written to
    heel_line: tuple[float, float]  # floor y the back of a heel stands between
    on_mat: bool  # the printed mat (else plain paper)
    striped: Mask | None = None  # 1 where the mat's stripes are printed (never on plain paper)

    @property
    def to_px(self) -> Homography:
        x0, _, y0, _ = self.box
        k = PX_PER_MM
        return ((k, 0.0, -x0 * k), (0.0, k, -y0 * k), (0.0, 0.0, 1.0))

    @property
    def size(self) -> tuple[int, int]:
        x0, x1, y0, y1 = self.box
        return (round((x1 - x0) * PX_PER_MM), round((y1 - y0) * PX_PER_MM))


def feet_area(view: MatView) -> FeetArea:
    return _area(view.paper)


@functools.lru_cache(maxsize=8)
def _area(name: str) -> FeetArea:
    if "-paper-" in name:
        paper, _, count = name.partition("-paper-")
        return _paper_area(Paper(paper), int(count))
    mat = layout(Paper(name))
    area = FeetArea(floor_box(mat), np.zeros((0, 0), np.uint8), HEEL_LINE_MM, True)
    searchable = _mat_searchable(mat, area)
    return FeetArea(area.box, searchable, HEEL_LINE_MM, True, _striped(mat, area))


def _paper_area(paper: Paper, count: int) -> FeetArea:
    from turnout.adapters.vision.paper_detect import Shape

    corners = Shape(paper, count).floor_corners()
    (x0, y0), (x1, y1) = corners.min(axis=0), corners.max(axis=0)
    pad = PAPER_PAD_MM
    box = (float(x0) - pad, float(x1) + pad, float(y0) - pad, float(y1) + pad)
    width, height = round((box[1] - box[0]) * PX_PER_MM), round((box[3] - box[2]) * PX_PER_MM)
    searchable = np.zeros((height, width), np.uint8)
    inset = round((pad + PAPER_EDGE_MM) * PX_PER_MM)
    searchable[inset : height - inset, inset : width - inset] = 1
    _clear_legs(searchable, box)
    searchable.flags.writeable = False
    return FeetArea(box, searchable, PAPER_HEEL_LINE_MM, False)


def _mat_searchable(mat: MatLayout, area: FeetArea) -> Mask:
    """The printed area where feet can be: from `CLEAR_BEHIND_MM` behind the heel line forward,
    without the markers and their quiet border (the text and the bar lie further back)."""
    width, height = area.size
    allowed = np.ones((height, width), np.uint8)
    to_px = area.to_px
    allowed[: max(round(to_px[1][1] * -CLEAR_BEHIND_MM + to_px[1][2]), 0), :] = 0
    _clear_legs(allowed, area.box)
    pad = 4.0
    for marker in mat.markers:
        x0, y0 = marker.corners[0].x - pad, marker.corners[0].y - pad
        a = (round(to_px[0][0] * x0 + to_px[0][2]), round(to_px[1][1] * y0 + to_px[1][2]))
        size = round((MARKER_MM + 2 * pad) * PX_PER_MM)
        allowed[a[1] : a[1] + size, a[0] : a[0] + size] = 0
    allowed.flags.writeable = False
    return allowed


def _striped(mat: MatLayout, area: FeetArea) -> Mask:
    """Where the stripes are printed, in top-view pixels, kept `STRIPED_INSET_MM` inside its
    edge (the test for missing stripes looks half a period either side)."""
    width, height = area.size
    striped = np.zeros((height, width), np.uint8)
    x0, _, y0, _ = area.box
    for a, b, c, d in striped_area(mat):
        cols = (round((a - x0) * PX_PER_MM), round((b - x0) * PX_PER_MM))
        rows = (round((c - y0) * PX_PER_MM), round((d - y0) * PX_PER_MM))
        striped[rows[0] : rows[1], cols[0] : cols[1]] = 1
    inset = 2 * round(STRIPED_INSET_MM * PX_PER_MM) + 1
    inner: Mask = cv2.erode(striped, np.ones((inset, inset), np.uint8))
    inner.flags.writeable = False
    return inner


def _clear_legs(allowed: Mask, box: tuple[float, float, float, float]) -> None:
    """No foot behind `BEHIND_MM` behind the heel line between the legs."""
    x0, _, y0, _ = box
    top_row = round((-BEHIND_MM - y0) * PX_PER_MM)
    legs = [round((x - x0) * PX_PER_MM) for x in (-LEGS_MM, LEGS_MM)]
    allowed[: max(top_row, 0), max(legs[0], 0) : legs[1]] = 0
