"""What on the mat's paper is not paper: dark things, warmer things, and where stripes are missing.

Pale ballet shoes (pink or beige satin, pink canvas) and bare skin are barely darker than
paper, but they are warmer: redder or yellower in CIELAB (measured on the rendered shoes:
a* +6 to +16, b* +2 to +20 in 8-bit units, against paper's 0). Shadows are neither: they are
the paper, darker, with its colour unchanged (or bluer, lit by the sky), so only a deep one
passes for dark. Darkness is judged against the paper's own brightness nearby, so a shadow
wider than a foot, or light falling off across the mat, does not read as a foot.

A white shoe is neither darker nor warmer than white paper; but the mat's feet area is printed
with grey stripes (mat_stripes.py), which a shoe hides and a shadow keeps. Where the window
across a stripe and its gap shows no more contrast than `GONE` of the paper's nearby, the
stripes are missing: something lies on them. The test is made only where the picture shows the
stripes clearly enough (a camera too far or a picture too small blurs them away). Darkness on
the stripes is judged against their grey, the paper's darkest part, so a shadow that leaves
white paper light enough leaves the stripes so too.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from turnout.adapters.vision.mat_stripes import PERIOD_MM, STRIPE_MM

Mask = NDArray[Any]
DARK = 0.6  # darker than this share of the paper nearby
WARM = 5.0  # redder or yellower than the paper by this much (8-bit CIELAB a* or b*)
PAPER_SPAN_PX = 131  # wider than a foot, narrower than the mat: the paper's local brightness
BLOCK = 4  # the paper's local brightness is worked out on blocks of this many pixels a side
# The stripes' test (pixels are mm in the top view): a window one stripe and a pixel across,
# which holds some of a stripe wherever it lies on the paper.
ACROSS_PX = round(STRIPE_MM) + 1
DEEP = 0.4  # darker than this share of the stripes' grey nearby: no shadow of a dancer's
CLEAR = 0.16  # stripes seen this clearly show a pale shoe's edge (0.25 as printed, close up)
PALE, FAINT = 1, 2  # the pale mask's values: found by missing stripes that show clearly, or not
GONE = 0.45  # stripes missing: contrast under this share of the paper's own nearby
RESOLVED = 0.08  # the paper's stripes seen at least this clearly ((bright - dark) / bright)
CELL_PX = 32  # the paper's own stripe contrast is taken on cells of this size, then spread
SPREAD_CELLS = 3  # over this many cells each way (a foot is narrower)


def not_paper(
    top: NDArray[Any], value: NDArray[Any], striped: Mask | None = None
) -> tuple[Mask, Mask]:
    """1 where the top view shows something on the paper, 0 for paper and for outside; and
    where that is pale (neither dark nor warm, found only by its missing stripes), `PALE`
    where the stripes show clearly and `FAINT` where not. `value` is the top view's
    `brightest` channel, `striped` where the mat has stripes."""
    visible = value > 0  # outside the image the warp leaves black
    # The paper's level and colour from every 4th pixel each way: as good, 16 times fewer.
    sample = visible[::4, ::4]
    if not sample.any():
        return np.zeros(top.shape[:2], np.uint8), np.zeros(top.shape[:2], np.uint8)
    lab = cv2.cvtColor(top, cv2.COLOR_BGR2LAB)
    paper_value = float(np.percentile(value[::4, ::4][sample], 90))
    a0, b0 = (float(np.median(lab[::4, ::4, k][sample])) for k in (1, 2))
    level = value if striped is None else cv2.erode(value, np.ones((1, ACROSS_PX), np.uint8))
    local = _local_paper(level, visible, paper_value)
    dark = value < DARK * local
    warm = (lab[..., 1] > a0 + WARM) | (lab[..., 2] > b0 + WARM)
    seen: Mask = dark | warm
    pale: Mask = np.zeros(value.shape, np.uint8)
    if striped is not None:
        # Where the stripes show, a shadow keeps them: darkness alone counts only when deep.
        gone, shown, clear = stripes_gone(value, visible & (striped > 0), seen)
        pale = np.where(gone & ~seen, np.where(clear, PALE, FAINT), 0).astype(np.uint8)
        seen = warm | (dark & ~shown) | (value < DEEP * local) | gone
    raw: Mask = (seen & visible).astype(np.uint8)
    opened: Mask = cv2.morphologyEx(raw, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    closed: Mask = cv2.morphologyEx(opened, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    found: Mask = closed & visible
    out: Mask = pale * visible
    return found, out


def stripes_gone(value: NDArray[Any], striped: Mask, seen: Mask) -> tuple[Mask, Mask, Mask]:
    """Where the stripes are printed and seen nearby but missing here, where they are seen
    nearby at all, and where they are seen clearly (`CLEAR`); `seen` marks what is already
    taken for a foot (its edges are kept out of the paper's contrast)."""
    across = np.ones((1, ACROSS_PX), np.uint8)
    # Less the mean over a whole period, a stripe is a step up or down and a smooth change of
    # light (a soft shadow's edge, a shoe's shading) next to nothing.
    brightness = value.astype(np.float32)
    mean = cv2.blur(brightness, (round(PERIOD_MM), 1))
    rest = brightness - mean
    contrast = (cv2.dilate(rest, across) - cv2.erode(rest, across)) / np.maximum(mean, 1.0)
    near_seen = cv2.dilate(seen.astype(np.uint8), across) > 0
    paper = _paper_contrast(contrast, striped & ~near_seen)
    shown = (paper >= RESOLVED) & striped
    # Against a white gap a white shoe's edge cannot be seen, only against a stripe: a pixel
    # counts as covered when the stripe nearest it (in the window) is hidden, which puts an
    # edge over a gap halfway across it, never a whole gap out.
    gone: Mask = (contrast < GONE * paper) & shown
    return gone, shown, paper >= CLEAR


def _paper_contrast(contrast: NDArray[Any], paper: Mask) -> NDArray[Any]:
    """The stripes' contrast on the paper around each pixel: the median over each cell's paper,
    then the median of the cells within `SPREAD_CELLS` that show enough paper and are not
    mostly covered, so neither a shoe nor a row of cells along a seam or a line sets it."""
    height, width = contrast.shape
    rows, cols = -(-height // CELL_PX), -(-width // CELL_PX)
    padded = np.full((rows * CELL_PX, cols * CELL_PX), np.nan, np.float32)
    padded[:height, :width] = np.where(paper, contrast, np.nan)
    blocks = padded[::2, ::2].reshape(rows, CELL_PX // 2, cols, CELL_PX // 2).swapaxes(1, 2)
    cells: NDArray[Any] = blocks.reshape(rows, cols, -1)
    enough = np.count_nonzero(~np.isnan(cells), axis=2) >= cells.shape[2] // 4
    median = np.where(enough, _median(cells), np.nan)
    finite = median[np.isfinite(median)]
    # A cell mostly under a shoe or a leg shows little contrast: it is not paper.
    typical = float(np.percentile(finite, 75)) if finite.size else 0.0
    median[median < GONE * typical] = np.nan
    reach = SPREAD_CELLS
    around = np.pad(median, reach, constant_values=np.nan)
    windows = np.lib.stride_tricks.sliding_window_view(around, (2 * reach + 1,) * 2)
    spread = np.nan_to_num(_median(windows.reshape(rows, cols, -1))).astype(np.float32)
    big = np.repeat(np.repeat(spread, CELL_PX, axis=0), CELL_PX, axis=1)
    out: NDArray[Any] = big[:height, :width]
    return out


def _median(values: NDArray[Any]) -> NDArray[Any]:
    """The median over the last axis of what is not NaN (NaN where nothing is); numpy's
    nanmedian does the same through masked arrays, several times slower."""
    ordered = np.sort(values, axis=-1)  # NaN sorts last
    count = np.count_nonzero(~np.isnan(values), axis=-1)
    low = np.take_along_axis(ordered, np.maximum(count - 1, 0)[..., None] // 2, axis=-1)
    high = np.take_along_axis(ordered, (count // 2)[..., None], axis=-1)
    middle: NDArray[Any] = np.where(count > 0, (low[..., 0] + high[..., 0]) / 2, np.nan)
    return middle


def brightest(top: NDArray[Any]) -> NDArray[Any]:
    """Each pixel's brightest channel (0 only where the warp left the picture)."""
    b, g, r = cv2.split(top)
    value: NDArray[Any] = cv2.max(cv2.max(b, g), r)
    return value


def _local_paper(value: NDArray[Any], visible: Mask, paper: float) -> NDArray[Any]:
    """The paper's brightness around each pixel: a closing (brightest, then darkest nearby)
    wider than any foot, so feet vanish from it and broad shadows stay. Worked out on blocks
    of 4x4 pixels (the paper's level changes slowly): the same answer, far less to go through."""
    filled = np.where(visible, value, np.uint8(min(round(paper), 255))).astype(np.uint8)
    height, width = filled.shape
    small = cv2.resize(
        filled, (-(-width // BLOCK), -(-height // BLOCK)), interpolation=cv2.INTER_AREA
    )
    span = PAPER_SPAN_PX // BLOCK | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (span, span))
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    local: NDArray[Any] = cv2.resize(closed, (width, height), interpolation=cv2.INTER_LINEAR)
    floor: NDArray[Any] = np.maximum(
        local.astype(np.float32), 0.5 * paper
    )  # a deep shadow is not paper
    return floor
