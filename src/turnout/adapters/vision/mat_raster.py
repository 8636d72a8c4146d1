"""One sheet of the mat drawn as a picture, through any floor-to-pixel map (scale, shift, turn).

The same drawing code as the PDF (`mat_pdf.draw_sheet`) paints here, so the picture shows what
is printed. Ink is laid as coverage: each shape adds its anti-aliased area to the coverage of
its grey, so shapes that touch (the modules of a marker) meet without a seam, and each grey is
laid on the paper at the end. Pixel coordinates follow OpenCV: integers at pixel centres.
Text is drawn upright whatever the map's turn: it is a grey smudge at these scales anyway.
"""

from __future__ import annotations

import math
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from turnout.adapters.vision.mat_print_canvas import PT_PER_MM, TEXT_PT
from turnout.domain.geometry import Point, Vector

Array = NDArray[Any]
PAPER_GREY = 250.0  # printer paper under room light, a little short of pure white
INK_GREY = 15.0  # black toner
FLOOR_GREY = 120.0
_FONT = cv2.FONT_HERSHEY_SIMPLEX
SUPERSAMPLE = 8
_CAP_EM = 0.72  # Helvetica's capital height, in ems


def ink(grey: float) -> float:
    """The pixel value of a PDF grey (0 black, 1 white) printed on the paper."""
    return INK_GREY + grey * (PAPER_GREY - INK_GREY)


class RasterCanvas:
    """A `mat_pdf.SheetCanvas` that paints one sheet into a grey picture of `shape`."""

    def __init__(self, shape: tuple[int, int], floor_to_px: Array) -> None:
        self.shape = shape
        self.to_px = np.asarray(floor_to_px, np.float64)[:2]
        self.scale = math.sqrt(abs(np.linalg.det(self.to_px[:, :2])))  # pixels per mm
        self.cover: dict[float, Array] = {}  # grey -> ink coverage, in first-use order

    def rect(self, corner: Point, w: float, h: float, grey: float = 0.0) -> None:
        x, y = corner.x, corner.y
        self.polygon([Point(x, y), Point(x + w, y), Point(x + w, y + h), Point(x, y + h)], grey)

    def line(self, a: Point, b: Point, width: float, grey: float, dash: str = "") -> None:
        for start, stop in _dashes(a, b, dash):
            if start == stop:
                continue
            along = (stop - start).unit()
            side = Vector(-along.dy, along.dx) * (width / 2)
            back = side * -1.0
            self.polygon([start + side, stop + side, stop + back, start + back], grey)

    def text(self, at: Point, line: str, size: float = TEXT_PT, grey: float = 0.0) -> None:
        cap = _CAP_EM * size / PT_PER_MM * self.scale  # capital height in pixels
        fine = max(1, math.ceil(10.0 / max(cap, 0.1)))  # drawn this much finer, then shrunk
        (width, height), below = cv2.getTextSize(line, _FONT, 1.0, 1)
        font_scale = cap * fine / height
        w, h = math.ceil(width * font_scale + 4), math.ceil((height + below) * font_scale + 4)
        patch = np.zeros((h, w), np.uint8)
        base = round(height * font_scale + 2)
        cv2.putText(patch, line, (2, base), _FONT, font_scale, 255, 1, cv2.LINE_AA)
        small = cv2.resize(patch, None, fx=1 / fine, fy=1 / fine, interpolation=cv2.INTER_AREA)
        x, y = self._px([at])[0]
        self._add(small.astype(np.float32) / 255, round(x - 2 / fine), round(y - base / fine), grey)

    def polygon(self, corners: list[Point], grey: float) -> None:
        px = self._px(corners)
        low = np.floor(px.min(axis=0)).astype(int) - 1
        high = np.ceil(px.max(axis=0)).astype(int) + 2
        shape = (int(high[1] - low[1]), int(high[0] - low[0]))
        self._add(coverage(px - low, shape), int(low[0]), int(low[1]), grey)

    def picture(self) -> Array:
        """The sheet: paper with every grey laid on it (float32, 0-255)."""
        out = np.full(self.shape, PAPER_GREY, np.float32)
        for grey, cover in self.cover.items():
            out += (ink(grey) - out) * np.minimum(cover, 1.0)
        return out

    def _px(self, points: list[Point]) -> Array:
        xy = np.array([[p.x, p.y, 1.0] for p in points])
        px: Array = xy @ self.to_px.T
        return px

    def _add(self, patch: Array, x: int, y: int, grey: float) -> None:
        """Add a coverage patch whose top-left pixel is (x, y), clipped to the picture."""
        cover = self.cover.setdefault(grey, np.zeros(self.shape, np.float32))
        h, w = self.shape
        x0, y0, x1, y1 = (
            max(x, 0),
            max(y, 0),
            min(x + patch.shape[1], w),
            min(y + patch.shape[0], h),
        )
        if x0 < x1 and y0 < y1:
            cover[y0:y1, x0:x1] += patch[y0 - y : y1 - y, x0 - x : x1 - x]


def coverage(polygon: Array, shape: tuple[int, int], fine: int = SUPERSAMPLE) -> Array:
    """How much of each pixel a convex polygon (pixel coordinates) covers, 0 to 1 (float32).

    Counted on a grid `fine` times finer, then averaged: OpenCV's anti-aliased fill draws an
    extra soft edge round the shape, which would print every marker half a pixel too large."""
    grid = np.zeros((shape[0] * fine, shape[1] * fine), np.uint8)
    points = (np.asarray(polygon, np.float64) + 0.5) * fine - 0.5
    cv2.fillConvexPoly(grid, np.round(points * 16).astype(np.int32), 255, cv2.LINE_8, 4)
    small = cv2.resize(grid, (shape[1], shape[0]), interpolation=cv2.INTER_AREA)
    return small.astype(np.float32) / 255


def _dashes(a: Point, b: Point, dash: str) -> list[tuple[Point, Point]]:
    """The drawn pieces of a line with a PDF dash pattern ("on off", in points)."""
    if not dash:
        return [(a, b)]
    on, off = (float(v) / PT_PER_MM for v in dash.split())
    d = b - a
    length = d.length
    pieces, at = [], 0.0
    while at < length:
        end = min(at + on, length)
        pieces.append((a + d * (at / length), a + d * (end / length)))
        at = end + off
    return pieces
