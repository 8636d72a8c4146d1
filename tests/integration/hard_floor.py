"""The floor of a hard scene, from straight above: the assembled mat (well laid or not) or plain
paper, flat feet in colour and texture, and soft shadows. Grey values as in mat_raster."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from tests.integration.vision_scenes import foot_outline
from turnout.adapters.vision.mat_assembled import floor_box, floor_to_pixels, render_assembled
from turnout.adapters.vision.mat_layout import SHEETS, Paper, layout, sheet_rect
from turnout.adapters.vision.mat_raster import FLOOR_GREY, PAPER_GREY, coverage
from turnout.domain.form import Foot

Array = NDArray[np.float32]
PX_PER_MM = 3.0
PAD_MM = 150.0


@dataclass(frozen=True)
class Surface:
    """What a shoe (or a bare foot) looks like: colour (BGR), satin sheen, canvas weave."""

    bgr: tuple[float, float, float]
    sheen: float = 0.0  # 0 matte .. 1 shiny
    weave: float = 0.0  # grey levels of the fine weave's noise


SURFACES = {
    "dark": Surface((60, 60, 70)),
    "pink-satin": Surface((190, 190, 236), sheen=0.5),
    "beige-satin": Surface((180, 205, 230), sheen=0.5),
    "pink-canvas": Surface((178, 182, 228), weave=12.0),
    "white-canvas": Surface((228, 234, 238), weave=10.0),
    "bare-skin": Surface((160, 188, 232), sheen=0.15),
}


@dataclass(frozen=True)
class Fault:
    """A mat laid badly: `kind` gap, overlap or turn; at the left-right or front-back seam."""

    kind: str
    seam: str = "left-right"
    mm: float = 0.0
    degrees: float = 0.0
    sheet: str = "FR"  # the sheet turned
    # A gap shows the floor: every sheet was cut on its dashed lines and the two laid apart.
    # Else the upper sheet was laid short of its place over the lower one's blank margin,
    # which shows in the gap (white, with its dashed line) up to the margin's 8 mm.
    floor_shows: bool = True


@dataclass(frozen=True)
class Sheets:
    """Plain paper instead of the mat: `count` sheets `under` the feet, or `behind` them."""

    paper: Paper
    count: int
    where: str
    turn: float = 0.0  # degrees, as laid by hand
    shift: tuple[float, float] = (0.0, 0.0)

    def rects(self) -> list[list[tuple[float, float]]]:
        """Each sheet's corners on the floor (mm), landscape."""
        mat = layout(self.paper)
        w, h = mat.page_width, mat.page_height
        y0 = -60.0 if self.where == "under" else -h - 15.0
        xs = [(-w / 2, w / 2)] if self.count == 1 else [(-w, 0.0), (0.0, w)]
        turn, (dx, dy) = math.radians(self.turn), self.shift
        c, s = math.cos(turn), math.sin(turn)
        return [
            [(c * x - s * y + dx, s * x + c * y + dy) for x, y in _corners(a, b, y0, y0 + h)]
            for a, b in xs
        ]


def _corners(x0: float, x1: float, y0: float, y1: float) -> list[tuple[float, float]]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def box_and_map(paper: Paper) -> tuple[tuple[float, float, float, float], NDArray[np.float64]]:
    box = floor_box(layout(paper), PAD_MM)
    return box, floor_to_pixels(box, PX_PER_MM)


@functools.lru_cache(maxsize=8)
def mat_floor(paper: Paper, fault: Fault | None) -> Array:
    """The mat from above (grey, float32), laid as `fault` says (kept: do not write to it)."""
    image = render_assembled(layout(paper), PX_PER_MM, PAD_MM, moves(paper, fault))
    if fault is not None and fault.kind == "gap" and fault.floor_shows:
        _show_floor(image, paper, fault)
    image.flags.writeable = False
    return image


def moves(paper: Paper, fault: Fault | None) -> dict[str, NDArray[np.float64]]:
    """Where each misplaced sheet goes: a floor-to-floor transform."""
    if fault is None:
        return {}
    if fault.kind == "turn":
        x0, x1, y0, y1 = sheet_rect(layout(paper), fault.sheet)
        return {fault.sheet: _turn_about((x0 + x1) / 2, (y0 + y1) / 2, fault.degrees)}
    step = fault.mm if fault.kind == "gap" else -fault.mm
    if fault.seam == "left-right":  # the R sheets move right (-x), away from the L sheets
        return {s: _shift(-step, 0.0) for s in SHEETS if s.endswith("R")}
    return {s: _shift(0.0, step) for s in SHEETS if s.startswith("F")}


def _show_floor(image: Array, paper: Paper, fault: Fault) -> None:
    """The floor in the gap: the lower sheets trimmed at their dashed line too."""
    box, to_px = box_and_map(paper)
    seam = layout(paper).seam
    if fault.seam == "left-right":
        x0, x1, y0, y1 = -fault.mm, 0.0, box[2], box[3]
    else:
        x0, x1, y0, y1 = box[0], box[1], seam, seam + fault.mm
    px = np.array([[x0, y0, 1.0], [x1, y0, 1.0], [x1, y1, 1.0], [x0, y1, 1.0]]) @ to_px.T
    strip = coverage(px[:, :2], image.shape[:2], fine=2)
    image += (FLOOR_GREY - image) * strip


def _shift(dx: float, dy: float) -> NDArray[np.float64]:
    return np.array([[1.0, 0.0, dx], [0.0, 1.0, dy], [0.0, 0.0, 1.0]])


def _turn_about(x: float, y: float, degrees: float) -> NDArray[np.float64]:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    turn = np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])
    return _shift(x, y) @ turn @ _shift(-x, -y)


def paper_floor(paper: Paper, sheets: Sheets) -> Array:
    """Plain sheets on the grey floor, no markers."""
    box, to_px = box_and_map(paper)
    size = (round((box[3] - box[2]) * PX_PER_MM), round((box[1] - box[0]) * PX_PER_MM))
    image = np.full(size, FLOOR_GREY, np.float32)
    for rect in sheets.rects():
        px = np.array([[x, y, 1.0] for x, y in rect]) @ to_px.T
        # Not cv2's anti-aliased fill: it draws every sheet half a pixel too large all round.
        image += (PAPER_GREY - image) * coverage(px[:, :2], image.shape[:2], fine=4)
    return image


def paint_flat_foot(
    floor: Array, to_px: NDArray[np.float64], foot: Foot, surface: Surface, rng: np.random.Generator
) -> None:
    """A flat foot on the floor picture (BGR float32), with the surface's sheen and weave."""
    outline = np.array([[p.x, p.y, 1.0] for p in foot_outline(foot)]) @ to_px.T
    px = outline[:, :2]
    low = np.maximum(np.floor(px.min(axis=0)).astype(int) - 2, 0)
    high = np.ceil(px.max(axis=0)).astype(int) + 3
    mask = np.zeros((high[1] - low[1], high[0] - low[0]), np.uint8)
    cv2.fillPoly(mask, [np.round((px - low) * 16).astype(np.int32)], 255, cv2.LINE_AA, 4)
    alpha = mask.astype(np.float32)[..., None] / 255
    colour = np.broadcast_to(np.array(surface.bgr, np.float32), (*mask.shape, 3)).copy()
    if surface.sheen:
        inside = cv2.distanceTransform((mask > 127).astype(np.uint8), cv2.DIST_L2, 5)
        ridge = (inside / max(float(inside.max()), 1.0))[..., None]
        colour *= 1 + surface.sheen * (0.5 * ridge - 0.3)
        colour += surface.sheen * 80 * ridge**4
    if surface.weave:
        colour += weave(mask.shape, surface.weave, rng, PX_PER_MM)[..., None]
    crop = floor[low[1] : high[1], low[0] : high[0]]
    crop += (np.clip(colour, 0, 255)[: crop.shape[0], : crop.shape[1]] - crop) * alpha[
        : crop.shape[0], : crop.shape[1]
    ]


def weave(
    shape: tuple[int, ...], strength: float, rng: np.random.Generator, per_mm: float
) -> Array:
    """A fine canvas weave: threads about 0.8 mm apart both ways, and some grain."""
    rows, cols = np.mgrid[0 : shape[0], 0 : shape[1]].astype(np.float32)
    period = 0.8 * per_mm
    threads = np.sin(2 * np.pi * cols / period) * np.sin(2 * np.pi * rows / period)
    grain = rng.normal(0.0, 0.5, shape[:2]).astype(np.float32)
    out: Array = strength * (0.6 * threads + grain)
    return out


def band_shade(
    shape: tuple[int, ...],
    to_px: NDArray[np.float64],
    through: tuple[float, float],
    degrees: float,
    width: float,
    softness: float,
) -> Array:
    """A soft band crossing the floor: 1 in its middle, 0 away from it, Gaussian edges of
    `softness` mm (a straight band blurred, worked out across the band only)."""
    rows, cols = np.mgrid[0 : shape[0], 0 : shape[1]].astype(np.float32)
    k, x0, y0 = to_px[0, 0], to_px[0, 2], to_px[1, 2]
    x, y = (cols - x0) / k - through[0], (rows - y0) / k - through[1]
    a = math.radians(degrees)
    across = -x * math.sin(a) + y * math.cos(a)
    grid = np.arange(-width - 6 * softness, width + 6 * softness, 0.25)
    box = (np.abs(grid) <= width / 2).astype(np.float64)
    kernel = np.exp(-0.5 * (np.arange(-4 * softness, 4 * softness + 0.25, 0.25) / softness) ** 2)
    profile = np.convolve(box, kernel / kernel.sum(), mode="same")
    out: Array = np.interp(across, grid, profile, left=0.0, right=0.0).astype(np.float32)
    return out


def polygon_shade(
    shape: tuple[int, ...], polygons: list[NDArray[np.float64]], blur_px: float
) -> Array:
    """Shadow polygons (pixel coordinates) filled and blurred: 1 inside, soft edges."""
    mask = np.zeros(shape[:2], np.float32)
    for polygon in polygons:
        cv2.fillConvexPoly(mask, np.round(polygon * 16).astype(np.int32), 1.0, cv2.LINE_AA, 4)
    return cv2.GaussianBlur(mask, (0, 0), blur_px)
