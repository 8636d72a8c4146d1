"""Each foot's axis from its outline on the white mat or paper, in the rectified top view.

The model's toe points are poor for turned-out feet, but on white paper a foot stands out:
threshold what is not paper, keep the blob near each heel, and take its principal axis.
"""

from __future__ import annotations

import math
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from turnout.adapters.vision.feet_area import PX_PER_MM, FeetArea, feet_area
from turnout.adapters.vision.foot_checks import check_shape, check_sides, on_floor
from turnout.adapters.vision.foot_mask import FAINT, brightest, not_paper
from turnout.domain.camera import HEEL_MARK, camera_place
from turnout.domain.form import Foot
from turnout.domain.geometry import Point
from turnout.domain.mat import MatView
from turnout.errors import MeasureError
from turnout.i18n import N_, _
from turnout.ports import Frame

REACH_MM = 300.0  # how far from the heel a foot's outline is looked for
MIN_AREA_MM2 = 3000.0
MIN_SLICES = 15  # 2 mm slices with both of the foot's edges on the paper
MIN_LENGTH_MM = 130.0  # less of a foot than this on the paper, and its outline is not trusted
# A pale shoe shows its edge only against the stripes, and its shaded sides not at all: on
# rendered 3D white shoes the outline reads each foot up to about 4 deg less turned out.
PALE_SLACK_DEG = 2.0
# A pale shoe whose edge the faint stripes cannot show, by foot (True: the left one).
PALE_SHOE = {
    True: N_(
        "Your left shoe is as pale as the paper, and the stripes under it show too faintly to "
        "find its edge. Print the mat darker (normal quality, not draft or toner saving), hold "
        "the phone a little closer, or wear darker shoes or socks, and measure again."
    ),
    False: N_(
        "Your right shoe is as pale as the paper, and the stripes under it show too faintly to "
        "find its edge. Print the mat darker (normal quality, not draft or toner saving), hold "
        "the phone a little closer, or wear darker shoes or socks, and measure again."
    ),
}

Mask = NDArray[Any]
Array = NDArray[Any]


def top_view(frame: Frame, view: MatView, area: FeetArea) -> tuple[Array, Array]:
    """The frame warped onto the floor (1 px per mm over the feet area), and that warp."""
    warp = np.array(area.to_px) @ np.array(view.image_to_floor)
    image = cv2.warpPerspective(np.asarray(frame), warp, area.size)
    return image, warp


class SilhouetteFootFinder:
    def find(
        self, frame: Frame, mat: MatView, heels: tuple[Point, Point] | None
    ) -> tuple[Foot | None, Foot | None]:
        area = feet_area(mat)
        top, _warp = top_view(frame, mat, area)
        value = brightest(top)
        mask, pale = not_paper(top, value, area.striped)
        allowed = area.searchable & (value > 0)
        left_heel, right_heel = heels or HEEL_MARK
        split = (left_heel.x + right_heel.x) / 2
        left = _foot((mask, pale), allowed, area, left_heel, split, True)
        right = _foot((mask, pale), allowed, area, right_heel, split, False)
        if left is None or right is None:
            return left, right  # the service says which is missing
        place = camera_place(mat.image_to_floor, frame.shape[1], frame.shape[0])
        line = area.heel_line
        return on_floor(left, place, line, True), on_floor(right, place, line, False)


def _foot(
    masks: tuple[Mask, Mask], allowed: Mask, area: FeetArea, heel: Point, split: float, left: bool
) -> Foot | None:
    """The foot whose heel is near `heel`, from the masks of what is not paper and of what of
    it is pale (found only where the stripes are missing)."""
    mask, pale = masks
    to_px = np.array(area.to_px)
    (hx, hy, _w), split_px = to_px @ [heel.x, heel.y, 1.0], to_px[0, 0] * split + to_px[0, 2]
    # Only the window a foot can reach is looked at: the same answer, less to go through.
    x0, x1, y0, y1 = _window(mask.shape, hx, hy, split_px, left)
    hx, hy, split_px = hx - x0, hy - y0, split_px - x0
    region = _region(allowed[y0:y1, x0:x1], hx, hy, split_px, left)
    blob = _largest(mask[y0:y1, x0:x1] & region)
    if blob is None or blob.sum() < MIN_AREA_MM2 * PX_PER_MM**2:
        return None
    ys, xs = np.nonzero(blob)
    points = np.stack([xs, ys], axis=1).astype(np.float64)  # the outline's pixels, once
    direction = _side_direction(blob, points.mean(axis=0), region)
    if direction is None:
        return None
    middle = _midline(points, region, direction)
    if middle is None:
        return None
    check_sides(direction, middle, left)
    direction = middle
    ends = _ends(points, direction, (hx, hy), left)
    if ends is None:
        return None
    back, front = ends[0] + [x0, y0], ends[1] + [x0, y0]
    to_floor = np.linalg.inv(to_px)
    (bx, by, _bw), (fx, fy, _fw) = to_floor @ [*back, 1.0], to_floor @ [*front, 1.0]
    slack = _pale_slack(blob, pale[y0:y1, x0:x1], left)
    return Foot(Point(float(bx), float(by)), Point(float(fx), float(fy)), slack=slack)


def _pale_slack(blob: Mask, pale: Mask, left: bool) -> float:
    """The band's allowance for an outline found mostly by its missing stripes; refused when
    the stripes under it show too faintly to find a pale shoe's edge (printed too light, or
    seen from too far)."""
    area = float(blob.sum())
    if float(np.count_nonzero(blob & (pale > 0))) <= 0.5 * area:
        return 0.0
    if float(np.count_nonzero(blob & (pale == FAINT))) > 0.25 * area:
        raise MeasureError(_(PALE_SHOE[left]))
    return PALE_SLACK_DEG


def _ends(
    points: Array, direction: Array, heel: tuple[float, float], left: bool
) -> tuple[Array, Array] | None:
    """The outline's back and front ends along `direction` (pixels), once it passes for a
    foot; None when too little of it is on the paper to trust."""
    centre = points.mean(axis=0)
    if np.dot(centre - heel, direction) < 0:
        direction = -direction
    offsets = points - centre
    along = offsets @ direction
    if along.max() - along.min() < MIN_LENGTH_MM * PX_PER_MM:
        return None  # too little of the foot on the paper to trust its outline
    reach = np.hypot(points[:, 0] - heel[0], points[:, 1] - heel[1]).max()
    reach_left = REACH_MM - float(reach) / PX_PER_MM
    check_shape(offsets / PX_PER_MM, direction, reach_left, left)
    return centre + direction * along.min(), centre + direction * along.max()


def _window(
    shape: tuple[int, ...], hx: float, hy: float, split_px: float, left: bool
) -> tuple[int, int, int, int]:
    """Columns and rows (from, to) of the top view within reach of the heel, on its side."""
    reach = REACH_MM * PX_PER_MM + 2
    height, width = shape[:2]
    lo, hi = (split_px, hx + reach) if left else (hx - reach, split_px + 1)
    x0, x1 = max(0, math.floor(lo)), min(width, math.ceil(hi) + 1)
    y0, y1 = max(0, math.floor(hy - reach)), min(height, math.ceil(hy + reach) + 1)
    return x0, max(x1, x0), y0, max(y1, y0)


def _region(allowed: Mask, hx: float, hy: float, split_px: float, left: bool) -> Mask:
    """The searchable paper within reach of the heel, on the foot's side of the split."""
    height, width = allowed.shape
    dx, dy = np.arange(width) - hx, np.arange(height) - hy
    region: Mask = allowed * ((dy[:, None] ** 2 + dx[None, :] ** 2) < (REACH_MM * PX_PER_MM) ** 2)
    if left:
        region[:, : max(0, math.ceil(split_px))] = 0
    else:
        region[:, max(0, math.floor(split_px) + 1) :] = 0
    return region


def _midline(points: Array, region: Mask, direction: Array) -> Array | None:
    """Refine a direction through the middle of the foot, slice by slice across it.

    Only slices whose both edges are the foot's own (not a cut) count, so a foot that is
    wider at the front than at the heel still gives its axis, not the slope of one side.
    """
    normal = np.array([-direction[1], direction[0]])
    along, across = points @ direction, points @ normal
    # 2 mm slices, grouped in one pass (sorted by slice) rather than one mask per slice.
    bins = np.floor(along / 2).astype(int)
    order = np.argsort(bins, kind="stable")
    along, across, bins = along[order], across[order], bins[order]
    starts = np.flatnonzero(np.r_[True, bins[1:] != bins[:-1]])
    lo, hi = np.minimum.reduceat(across, starts), np.maximum.reduceat(across, starts)
    centre = np.add.reduceat(along, starts) / np.diff(np.r_[starts, along.size])
    both = _on_paper(region, direction, normal, centre, lo - 3) & _on_paper(
        region, direction, normal, centre, hi + 3
    )
    if both.sum() < MIN_SLICES:
        return None  # too little of the foot has both edges on the paper
    slope = np.polyfit(centre[both], ((lo + hi) / 2)[both], 1)[0]
    refined: Array = direction + slope * normal
    return refined / float(np.linalg.norm(refined))


def _on_paper(region: Mask, d: Array, n: Array, t: Array, s: Array) -> Array:
    """Whether each point `d * t + n * s` lies on the searchable paper."""
    height, width = region.shape
    x, y = d[0] * t + n[0] * s, d[1] * t + n[1] * s
    inside = (x >= 0) & (x < width) & (y >= 0) & (y < height)
    hit = np.zeros(t.shape, bool)
    hit[inside] = region[y[inside].astype(int), x[inside].astype(int)] > 0
    return hit


def _largest(mask: Mask) -> Mask | None:
    count, labels, stats, _centroids = cv2.connectedComponentsWithStats(
        np.asarray(mask, np.uint8), connectivity=8
    )
    if count < 2:
        return None
    biggest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    blob: Mask = (labels == biggest).astype(np.uint8)
    return blob


def _side_direction(blob: Mask, centre: Array, region: Mask) -> Array | None:
    """The direction midway between the blob's two long sides, from its outline's tangents.

    A principal axis tilts wherever the mat's edge or a marker cuts a foot off, and one side
    alone is off by the foot's taper; the two sides' mean direction is neither, so the cut
    parts of the outline are left out and each side is averaged on its own.
    """
    contours, _hierarchy = cv2.findContours(blob, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    outline = max(contours, key=len).reshape(-1, 2).astype(np.float64)
    step = 6
    tangents = np.roll(outline, -step, axis=0) - np.roll(outline, step, axis=0)
    inner = cv2.erode(region, np.ones((7, 7), np.uint8))
    keep = inner[outline[:, 1].astype(int), outline[:, 0].astype(int)] > 0
    angles = np.degrees(np.arctan2(tangents[keep, 1], tangents[keep, 0])) % 180.0
    if angles.size < 40:
        return None
    hist = np.bincount(np.round(angles).astype(int) % 180, minlength=180).astype(np.float64)
    peak = float(np.argmax(np.convolve(np.tile(hist, 3), np.ones(25), mode="same")[180:360]))
    near = np.abs((angles - peak + 90.0) % 180.0 - 90.0) <= 20.0
    rad = np.radians(peak)
    axis = np.array([np.cos(rad), np.sin(rad)])
    offset = outline[keep][near] - centre
    side = offset @ np.array([-axis[1], axis[0]]) > 0
    first, second = (_mean_angle(angles[near][side == s]) for s in (True, False))
    if first is None or second is None:
        return None  # one side alone is off by the foot's taper
    final = np.radians(_mean_angle(np.array([first, second])) or 0.0)
    return np.array([np.cos(final), np.sin(final)])


def _mean_angle(angles: Array) -> float | None:
    """The mean of axial angles (mod 180 deg), or None for too few."""
    if angles.size < 2:
        return None
    doubled = np.radians(angles * 2)
    return float(np.degrees(np.arctan2(np.sin(doubled).mean(), np.cos(doubled).mean())) / 2)
