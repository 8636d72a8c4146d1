"""The mat drawn as a top-view picture, for synthetic scenes, benchmarks and the rectified view."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from turnout.adapters.vision.mat_layout import MARKER_MM, MatLayout
from turnout.adapters.vision.mat_pdf import marker_bits
from turnout.domain.geometry import Homography, Point

Image = NDArray[Any]


def floor_box(mat: MatLayout) -> tuple[float, float, float, float]:
    """The printed area: x from, x to, y from, y to (mm)."""
    return (-mat.half_width, mat.half_width, -mat.back, mat.front)


def floor_to_top_view(mat: MatLayout, px_per_mm: float, pad_mm: float = 0.0) -> Homography:
    """Floor mm to pixels of a top view covering the printed area plus `pad_mm` all round."""
    x0, _, y0, _ = floor_box(mat)
    k = px_per_mm
    return ((k, 0.0, -(x0 - pad_mm) * k), (0.0, k, -(y0 - pad_mm) * k), (0.0, 0.0, 1.0))


def top_view_size(mat: MatLayout, px_per_mm: float, pad_mm: float = 0.0) -> tuple[int, int]:
    x0, x1, y0, y1 = floor_box(mat)
    return (round((x1 - x0 + 2 * pad_mm) * px_per_mm), round((y1 - y0 + 2 * pad_mm) * px_per_mm))


def render_mat(mat: MatLayout, px_per_mm: float, pad_mm: float = 0.0) -> Image:
    """The printed mat seen from straight above on a mid-grey floor, BGR."""
    width, height = top_view_size(mat, px_per_mm, pad_mm)
    image = np.full((height, width, 3), 120, np.uint8)
    to_px = floor_to_top_view(mat, px_per_mm, pad_mm)
    x0, x1, y0, y1 = floor_box(mat)
    _fill(image, to_px, [Point(x0, y0), Point(x1, y0), Point(x1, y1), Point(x0, y1)], 250)
    for marker in mat.markers:
        _draw_marker(image, to_px, marker.corners[0], marker.id)
    cv2.line(image, _px(to_px, Point(x0, 0)), _px(to_px, Point(x1, 0)), (170, 170, 170), 1)
    return image


def _px(h: Homography, p: Point) -> tuple[int, int]:
    return (round(h[0][0] * p.x + h[0][2]), round(h[1][1] * p.y + h[1][2]))


def _fill(image: Image, h: Homography, corners: list[Point], grey: int) -> None:
    polygon = np.array([[h[0][0] * c.x + h[0][2], h[1][1] * c.y + h[1][2]] for c in corners])
    # Sub-pixel corners: fill with 4 fractional bits so edges sit where the layout says.
    cv2.fillConvexPoly(image, np.round(polygon * 16).astype(np.int32), (grey,) * 3, cv2.LINE_AA, 4)


def _draw_marker(image: Image, h: Homography, top_left: Point, marker_id: int) -> None:
    module = MARKER_MM / 6
    for row, bits in enumerate(marker_bits(marker_id)):
        for col, black in enumerate(bits):
            if black:
                x, y = top_left.x + col * module, top_left.y + row * module
                corners = [Point(x, y), Point(x + module, y)]
                corners += [Point(x + module, y + module), Point(x, y + module)]
                _fill(image, h, corners, 15)
