"""The mat as it lies on the floor once assembled: a top-view picture and its layout in mm.

`turnout mat --assembled mat.png` writes both, so that anyone can render test scenes of the mat
from these two files alone. The picture is a true top view (not mirrored) of the four cut
sheets on a grey floor: +x (the dancer's left) to the right, +y (toward the camera) down.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from turnout.adapters.vision.mat_layout import (
    CLEAR_BEHIND_MM,
    CLEAR_RADIUS_MM,
    DICTIONARY,
    MARKER_MM,
    SHEET_NAMES,
    SHEETS,
    MatLayout,
    page_to_floor_offset,
    sheet_rect,
)
from turnout.adapters.vision.mat_pdf import draw_sheet
from turnout.adapters.vision.mat_raster import (
    FLOOR_GREY,
    INK_GREY,
    PAPER_GREY,
    RasterCanvas,
    coverage,
    ink,
)
from turnout.adapters.vision.mat_stripes import PERIOD_MM, STRIPE_GREY, STRIPE_MM, stripes
from turnout.domain.geometry import Point

Array = NDArray[Any]
Box = tuple[float, float, float, float]  # x from, x to, y from, y to (mm)
PAD_MM = 20.0  # floor shown around the paper


def floor_box(mat: MatLayout, pad_mm: float = PAD_MM) -> Box:
    """The floor the picture covers: the sheets plus `pad_mm`, out to whole millimetres."""
    rects = [sheet_rect(mat, sheet) for sheet in SHEETS]
    return (
        math.floor(min(r[0] for r in rects) - pad_mm),
        math.ceil(max(r[1] for r in rects) + pad_mm),
        math.floor(min(r[2] for r in rects) - pad_mm),
        math.ceil(max(r[3] for r in rects) + pad_mm),
    )


def floor_to_pixels(box: Box, px_per_mm: float) -> Array:
    """Floor mm to pixel coordinates (OpenCV's: integers at pixel centres), so that pixel
    (col, row) covers floor x from box x + col / px_per_mm to box x + (col + 1) / px_per_mm."""
    k = px_per_mm
    return np.array([[k, 0.0, -box[0] * k - 0.5], [0.0, k, -box[2] * k - 0.5], [0.0, 0.0, 1.0]])


def picture_size(box: Box, px_per_mm: float) -> tuple[int, int]:
    """Width and height in pixels."""
    return (round((box[1] - box[0]) * px_per_mm), round((box[3] - box[2]) * px_per_mm))


def render_assembled(
    mat: MatLayout,
    px_per_mm: float = 1.0,
    pad_mm: float = PAD_MM,
    moves: Mapping[str, Array] | None = None,
) -> Array:
    """The assembled mat from straight above, grey (float32, 0-255), sheets laid bottom first.

    `moves` maps a sheet to a floor-to-floor transform (3x3) that places it elsewhere than
    where it belongs: test scenes of a badly assembled mat (a gap, an overlap, a turn)."""
    box = floor_box(mat, pad_mm)
    width, height = picture_size(box, px_per_mm)
    image = np.full((height, width), FLOOR_GREY, np.float32)
    to_px = floor_to_pixels(box, px_per_mm)
    for sheet in SHEETS:
        move = np.eye(3) if moves is None or sheet not in moves else np.asarray(moves[sheet])
        lay_sheet(image, to_px @ move, mat, sheet)
    return image


def lay_sheet(image: Array, to_px: Array, mat: MatLayout, sheet: str) -> None:
    """Paint one cut sheet, with everything printed on it, over what `image` shows."""
    x0, x1, y0, y1 = sheet_rect(mat, sheet)
    corners = np.array([[x0, y0, 1], [x1, y0, 1], [x1, y1, 1], [x0, y1, 1]]) @ to_px.T
    px = corners[:, :2] / corners[:, 2:]
    low = np.maximum(np.floor(px.min(axis=0)).astype(int) - 1, 0)
    high = np.minimum(np.ceil(px.max(axis=0)).astype(int) + 2, image.shape[1::-1])
    if (high <= low).any():
        return
    shape = (int(high[1] - low[1]), int(high[0] - low[0]))
    shift = np.array([[1.0, 0.0, -low[0]], [0.0, 1.0, -low[1]], [0.0, 0.0, 1.0]]) @ to_px
    canvas = RasterCanvas(shape, shift)
    draw_sheet(canvas, mat, sheet)
    alpha = coverage(px - low, shape, fine=4)
    crop = image[low[1] : high[1], low[0] : high[0]]
    crop += (canvas.picture() - crop) * alpha


def png(image: Array) -> bytes:
    """A grey picture as PNG bytes."""
    grey = np.clip(np.round(image), 0, 255).astype(np.uint8)
    return bytes(cv2.imencode(".png", grey)[1].tobytes())


def _xy(p: Point) -> list[float]:
    return [round(p.x, 3), round(p.y, 3)]


def _rect(box: Box) -> dict[str, float]:
    return {"x_min": box[0], "x_max": box[1], "y_min": round(box[2], 3), "y_max": round(box[3], 3)}


def describe(
    mat: MatLayout, picture: str, px_per_mm: float = 1.0, pad_mm: float = PAD_MM
) -> dict[str, Any]:
    """The assembled mat's layout in floor millimetres, and where it lies in the picture."""
    return {
        "what": "the turnout floor mat as it lies on the floor once assembled, from above",
        "units": "mm",
        "floor_frame": (
            "origin at the heel mark (the middle of the heel line); +x toward the dancer's "
            "left, +y straight ahead of the dancer (toward the camera); z down into the floor"
        ),
        "picture": _picture(picture, floor_box(mat, pad_mm), px_per_mm),
        "paper": {"name": mat.paper.value, "width": mat.page_width, "height": mat.page_height},
        "sheets": _sheets(mat),
        "printed_area": _rect((-mat.half_width, mat.half_width, -mat.back, mat.front)),
        "seams": {"left_right_x": 0.0, "front_back_y": mat.seam},
        "heel_line": {"from": [-mat.half_width, 0.0], "to": [mat.half_width, 0.0], "width": 1.2},
        "heel_mark": {"at": [0.0, 0.0], "lines": [_mark(1.5), _mark(-1.5)]},
        "feet_area": _feet_area(mat),
        "markers": _markers(mat),
    }


def _picture(name: str, box: Box, px_per_mm: float) -> dict[str, Any]:
    width, height = picture_size(box, px_per_mm)
    return {
        "file": name,
        "width_px": width,
        "height_px": height,
        "px_per_mm": px_per_mm,
        "floor_box": _rect(box),
        "floor_to_pixel": floor_to_pixels(box, px_per_mm).tolist(),
        "pixels": "OpenCV's: integer coordinates at pixel centres; +x right, +y down",
        "greys": {"floor": FLOOR_GREY, "paper": PAPER_GREY, "ink": INK_GREY},
    }


def _sheets(mat: MatLayout) -> list[dict[str, Any]]:
    return [
        {
            "name": sheet,
            "label": SHEET_NAMES[sheet],
            "stack": order,
            "rect": _rect(sheet_rect(mat, sheet)),
            "page_top_left": _xy(page_to_floor_offset(mat, sheet)),
        }
        for order, sheet in enumerate(SHEETS)
    ]


def _mark(x: float) -> dict[str, Any]:
    return {"from": [x, -12.0], "to": [x, -2.0], "width": 1.0}


def _feet_area(mat: MatLayout) -> dict[str, Any]:
    return {
        "note": "where the feet stand: the half-disc and the band together, striped",
        "ahead": {"half_disc_centre": [0.0, 0.0], "radius": CLEAR_RADIUS_MM, "y_min": 0.0},
        "behind": _rect((-mat.half_width, mat.half_width, -CLEAR_BEHIND_MM, 0.0)),
        "stripes": {
            "note": "grey stripes running front to back, so that white shoes show; each sheet "
            "prints its own part",
            "period": PERIOD_MM,
            "width": STRIPE_MM,
            "grey": ink(STRIPE_GREY),
            "items": [_rect(r) for sheet in SHEETS for r in stripes(mat, sheet)],
        },
    }


def _markers(mat: MatLayout) -> dict[str, Any]:
    return {
        "dictionary": DICTIONARY,
        "size": MARKER_MM,
        "corner_order": "OpenCV ArUco order: the corner at the least x and y first, then "
        "clockwise as seen from above",
        "items": [
            {
                "id": m.id,
                "sheet": m.sheet,
                "corners": [_xy(c) for c in m.corners],
                "centre": _xy(m.centre),
            }
            for m in mat.markers
        ],
    }
