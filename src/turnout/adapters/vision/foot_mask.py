"""What on the mat's white paper is not paper: dark things, and things warmer in colour.

Pale ballet shoes (pink or beige satin, pink canvas) and bare skin are barely darker than
paper, but they are warmer: redder or yellower in CIELAB (measured on the rendered shoes:
a* +6 to +16, b* +2 to +20 in 8-bit units, against paper's 0). Shadows are neither: they are
the paper, darker, with its colour unchanged (or bluer, lit by the sky), so only a deep one
passes for dark. Darkness is judged against the paper's own brightness nearby, so a shadow
wider than a foot, or light falling off across the mat, does not read as a foot.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

Mask = NDArray[Any]
DARK = 0.6  # darker than this share of the paper nearby
WARM = 5.0  # redder or yellower than the paper by this much (8-bit CIELAB a* or b*)
PAPER_SPAN_PX = 131  # wider than a foot, narrower than the mat: the paper's local brightness
BLOCK = 4  # the paper's local brightness is worked out on blocks of this many pixels a side


def not_paper(top: NDArray[Any], value: NDArray[Any]) -> Mask:
    """1 where the top view shows something on the paper, 0 for paper and for outside;
    `value` is the top view's `brightest` channel."""
    visible = value > 0  # outside the image the warp leaves black
    # The paper's level and colour from every 4th pixel each way: as good, 16 times fewer.
    sample = visible[::4, ::4]
    if not sample.any():
        return np.zeros(top.shape[:2], np.uint8)
    lab = cv2.cvtColor(top, cv2.COLOR_BGR2LAB)
    paper_value = float(np.percentile(value[::4, ::4][sample], 90))
    a0, b0 = (float(np.median(lab[::4, ::4, k][sample])) for k in (1, 2))
    dark = value < DARK * _local_paper(value, visible, paper_value)
    warm = (lab[..., 1] > a0 + WARM) | (lab[..., 2] > b0 + WARM)
    raw: Mask = ((dark | warm) & visible).astype(np.uint8)
    opened: Mask = cv2.morphologyEx(raw, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    closed: Mask = cv2.morphologyEx(opened, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    found: Mask = closed & visible
    return found


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
