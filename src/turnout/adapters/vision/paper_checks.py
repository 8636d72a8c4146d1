"""The plain-paper detector's refusals, each saying what to change, and its error estimate."""

from __future__ import annotations

import dataclasses
import math
from typing import NoReturn

import cv2
import numpy as np

from turnout.adapters.vision.paper_edges import Array, Side, corners_of, wide_points
from turnout.domain.geometry import Point
from turnout.errors import MatError
from turnout.i18n import N_, _
from turnout.i18n.formats import number

SIDE_NAMES = ("back", "left", "front", "right")  # the dancer's left and right
# An edge of the paper too little of which is seen, by side (the dancer's left and right).
EDGE_HIDDEN = {
    "back": N_(
        "Too little of the paper's back edge can be seen: keep feet, clothes and shadows off "
        "most of each edge, and lay the paper flat."
    ),
    "left": N_(
        "Too little of the paper's left edge can be seen: keep feet, clothes and shadows off "
        "most of each edge, and lay the paper flat."
    ),
    "front": N_(
        "Too little of the paper's front edge can be seen: keep feet, clothes and shadows off "
        "most of each edge, and lay the paper flat."
    ),
    "right": N_(
        "Too little of the paper's right edge can be seen: keep feet, clothes and shadows off "
        "most of each edge, and lay the paper flat."
    ),
}
MIN_INLIER_SHARE = 0.15  # of each side's profiles: less of an edge seen, and it is not trusted
MIN_SIDE_PX = 120.0  # the sheet's shortest side in the picture
MAX_GAP_MM = 3.0  # between two sheets' short edges
MAX_BEND_MM = 2.0  # either half of a side off the line through the whole side
SEAM_MM = 12.0  # how far either side of the middle the seam between two sheets is looked for
MODEL_MM = 0.6  # what the edge fit cannot see: paper cut a little off size, not quite flat


def refuse_no_sheet() -> NoReturn:
    raise MatError(
        _(
            "No sheet of paper was found on the floor: lay one or two white A4 or Letter sheets "
            "on a floor darker than the paper, stand on them, and keep all of the paper in the "
            "picture."
        )
    )


def refuse_shape() -> NoReturn:
    raise MatError(
        _(
            "The white shape on the floor is not one or two A4 or Letter sheets: lay them "
            "landscape (long edge across the view), two side by side with their short edges "
            "touching, and keep anything else white out of the picture."
        )
    )


def check_inside(points: Array, picture: tuple[int, int], margin: float = 2.0) -> None:
    x, y = points[:, 0], points[:, 1]
    if (x < margin).any() or (y < margin).any():
        _refuse_cut()
    if (x > picture[0] - 1 - margin).any() or (y > picture[1] - 1 - margin).any():
        _refuse_cut()


def _refuse_cut() -> NoReturn:
    raise MatError(
        _(
            "The paper runs out of the picture: move the camera back or turn it so all four "
            "corners of the paper are in view."
        )
    )


def check_edges(sides: list[Side]) -> None:
    for name, side in zip(SIDE_NAMES, sides, strict=True):
        needed = max(10.0, MIN_INLIER_SHARE * side.samples)
        if int(side.inliers.sum()) < needed:
            raise MatError(_(EDGE_HIDDEN[name]))


def check_size(corners: Array) -> None:
    shortest = float(np.min(np.linalg.norm(corners - np.roll(corners, -1, axis=0), axis=1)))
    if shortest < MIN_SIDE_PX:
        # Translators: {shortest} and {needed} are whole numbers of pixels.
        text = _(
            "The paper is too small in the picture (its short side is {shortest} pixels, at "
            "least {needed} are needed): hold the camera nearer or higher, looking down at the "
            "paper."
        )
        raise MatError(text.format(shortest=number(shortest, 0), needed=number(MIN_SIDE_PX, 0)))


def check_straight(
    grey: Array, sides: list[Side], corners: Array, h: Array, floor: Array, count: int
) -> None:
    """Either half of each side must lie on the line through the whole side (in mm)."""
    for k in range(4):
        a, b = corners[k], corners[(k + 1) % 4]
        points, along, samples = wide_points(grey, a, b, sides[k].ratio)
        if not len(points):
            continue
        start, end = floor[k], floor[(k + 1) % 4]
        d = (end - start) / np.linalg.norm(end - start)
        mapped = cv2.perspectiveTransform(points.reshape(-1, 1, 2), h).reshape(-1, 2)
        off = (mapped - start) @ np.array([d[1], -d[0]])
        for half in (along < 0.5, along >= 0.5):
            # A half laid off the line shows its whole edge there, and almost none on the line
            # (a foot by the edge leaves only a few stray points off it).
            near = np.abs(off[half]) < MAX_BEND_MM / 2
            many = half.sum() >= max(10, 0.3 * samples / 2)
            if many and near.mean() < 0.2 and abs(float(np.median(off[half]))) > MAX_BEND_MM:
                _refuse_bent(count)


def _refuse_bent(count: int) -> NoReturn:
    if count == 2:
        raise MatError(
            _(
                "The two sheets are not in one straight line: lay them side by side with their "
                "long edges along one line and their short edges touching."
            )
        )
    raise MatError(
        _("An edge of the paper is not straight: flatten the sheet or use an unfolded one.")
    )


def check_seam(grey: Array, count: int, h: Array, size: tuple[float, float]) -> None:
    """Two sheets must touch: the floor showing between them, wider than MAX_GAP_MM, refuses."""
    if count != 2:
        return
    gap = seam_gap_mm(grey, h, size)
    if gap is not None and gap > MAX_GAP_MM:
        refuse_apart(gap)


def refuse_apart(gap: float) -> NoReturn:
    # Translators: {gap} is a whole number of millimetres.
    text = _("The two sheets lie {gap} mm apart: push them together so their short edges touch.")
    raise MatError(text.format(gap=number(gap, 0)))


def seam_gap_mm(grey: Array, h: Array, size: tuple[float, float]) -> float | None:
    """The width of the dark strip between the two sheets (mm), from the rows across the seam
    where paper is seen on both sides of it; None when too few rows show it."""
    per_mm, back = 4.0, -60.0
    to_top = np.array([[per_mm, 0, SEAM_MM * per_mm], [0, per_mm, -back * per_mm], [0, 0, 1]])
    cols, rows = round(2 * SEAM_MM * per_mm), round(size[1] * per_mm)
    top = cv2.warpPerspective(grey, to_top @ h, (cols, rows), flags=cv2.INTER_LINEAR)
    band = top[round(0.05 * rows) : round(0.95 * rows)]
    flank = round(3 * per_mm)
    paper = np.minimum(np.median(band[:, :flank], axis=1), np.median(band[:, -flank:], axis=1))
    usable = paper > 0.6 * float(np.percentile(paper, 90))  # not a foot on either side
    if usable.sum() < 0.2 * len(band):
        return None
    dark = band[usable, flank:-flank] < 0.75 * paper[usable, None]
    return float(np.median(dark.sum(axis=1))) / per_mm


def point_error_mm(
    sides: tuple[Side, ...], floor: Array, corners: Array, point: Point, origin: Point
) -> float:
    """Two standard errors of the floor vector origin -> point, propagated from each fitted
    line's offset and direction (their spread and number of points), plus MODEL_MM."""
    h, _mask = cv2.findHomography(corners, floor, 0)
    ends = np.array([[[origin.x, origin.y]], [[point.x, point.y]]], np.float64)
    in_image = cv2.perspectiveTransform(ends, np.linalg.inv(h))
    base = np.diff(ends.reshape(2, 2), axis=0)[0]
    total = 0.0
    for k, side in enumerate(sides):
        for moved in _wiggles(side):
            trial = list(sides)
            trial[k] = moved
            shifted = corners_of(trial)
            if shifted is None:
                continue
            h2, _mask = cv2.findHomography(shifted, floor, 0)
            vector = np.diff(cv2.perspectiveTransform(in_image, h2).reshape(2, 2), axis=0)[0]
            total += float(np.sum((vector - base) ** 2))
    return 2.0 * math.sqrt(total) + MODEL_MM


def _wiggles(side: Side) -> list[Side]:
    """The side's line moved by one standard error of its offset, then of its direction."""
    inliers = side.points[side.inliers]
    if len(inliers) < 3:
        return []
    sigma, n = max(side.sigma, 0.05), len(inliers)
    direction = np.array([-side.normal[1], side.normal[0]])
    spread = float(np.std(inliers @ direction))
    turn = sigma / (math.sqrt(n) * max(spread, 1.0))
    c, s = math.cos(turn), math.sin(turn)
    normal = np.array(
        [c * side.normal[0] - s * side.normal[1], s * side.normal[0] + c * side.normal[1]]
    )
    centre = inliers.mean(axis=0)
    return [
        dataclasses.replace(side, offset=side.offset + sigma / math.sqrt(n)),
        dataclasses.replace(side, normal=normal, offset=float(normal @ centre)),
    ]
