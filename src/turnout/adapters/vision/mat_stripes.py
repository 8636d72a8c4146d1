"""The stripes printed where the feet stand, so that a white shoe shows on the mat.

A white canvas slipper on white paper is white on white: neither darker nor warmer than the
paper. Light grey stripes printed under the feet are hidden by any shoe, whatever its colour,
and kept by a shadow, which only darkens them; the foot finder takes where the stripes are
missing for a foot (adapters/vision/foot_mask.py). They run front to back (along floor y),
`STRIPE_MM` wide, one every `PERIOD_MM` across (floor x): the camera faces the dancer, so it
sees them across its picture, where it resolves the floor best, and a gap or an overlap at the
middle seam (x = 0) shifts them sideways, which the finder's test (is part of a stripe
within a window one stripe wide, and is it hidden?) does not mind.

They cover the feet's area (the band behind the heel line and the half-disc ahead), each sheet
printing its own part, stopped short of the half-disc's edge in steps of one stripe.
"""

from __future__ import annotations

import math

from turnout.adapters.vision.mat_layout import CLEAR_BEHIND_MM, CLEAR_RADIUS_MM, SHEETS, MatLayout
from turnout.adapters.vision.mat_print_canvas import SheetCanvas
from turnout.domain.geometry import Point

PERIOD_MM = 16.0
STRIPE_MM = 8.0
STRIPE_GREY = 0.75  # PDF grey: about 3/4 of the paper's brightness once printed
Rect = tuple[float, float, float, float]  # x from, x to, y from, y to (floor mm)


def draw_stripes(canvas: SheetCanvas, mat: MatLayout, sheet: str) -> None:
    """The sheet's stripes, drawn first so that every other mark lies on top of them."""
    for x0, x1, y0, y1 in stripes(mat, sheet):
        canvas.rect(Point(x0, y0), x1 - x0, y1 - y0, STRIPE_GREY)


def stripes(mat: MatLayout, sheet: str) -> list[Rect]:
    """The stripes this sheet prints, in floor mm."""
    rects = [_clip(x, x + STRIPE_MM, mat, sheet) for x in _starts(mat, sheet)]
    return [r for r in rects if r[3] > r[2]]  # a front sheet's outer ones end before its row


def striped_area(mat: MatLayout) -> list[Rect]:
    """Where the stripes and the paper between them lie, whole periods, every sheet together:
    the part of the floor where a missing stripe means something covers the paper."""
    out = [_clip(x, x + PERIOD_MM, mat, sheet) for sheet in SHEETS for x in _starts(mat, sheet)]
    return [r for r in out if r[1] > r[0] and r[3] > r[2]]


def _starts(mat: MatLayout, sheet: str) -> list[float]:
    """Each stripe's left edge: every period from x = 0, on the sheet's side of it."""
    if sheet.endswith("L"):
        return [k * PERIOD_MM for k in range(math.ceil(mat.half_width / PERIOD_MM))]
    return [-k * PERIOD_MM for k in range(1, math.floor(mat.half_width / PERIOD_MM) + 1)]


def _clip(x0: float, x1: float, mat: MatLayout, sheet: str) -> Rect:
    """A stripe from x0 to x1, within the sheet's printed part and the feet's area: from the
    back of the band to the half-disc's edge at the stripe's outer side."""
    x0, x1 = max(x0, -mat.half_width), min(x1, mat.half_width)
    outer = max(abs(x0), abs(x1))
    ahead = math.sqrt(max(CLEAR_RADIUS_MM**2 - outer**2, 0.0))
    if sheet.startswith("B"):
        return (x0, x1, -CLEAR_BEHIND_MM, min(mat.seam, ahead))
    return (x0, x1, mat.seam, max(mat.seam, ahead))
