"""Where the paper is, roughly: bright regions on the floor, and the quadrilateral of straight
sides in each (paper_edges then fits those sides precisely)."""

from __future__ import annotations

import itertools

import cv2
import numpy as np

from turnout.adapters.vision.paper_edges import Array, meet, signed_area, through

WORK_PX = 1000  # the bright region is looked for on a copy at most this many pixels across
MIN_AREA_SHARE = 0.001  # of the picture: anything smaller is not a sheet on the floor
Line = tuple[Array, float, float]  # outward normal, offset, length of outline along it
MIN_LIFT = 40.0  # grey levels: paper is at least this much brighter than most of the picture


def grey_of(image: Array) -> Array:
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    out: Array = grey.astype(np.float32)
    return out


def bright_regions(grey: Array) -> tuple[list[Array], float]:
    """Outlines (full-size px) of the bright regions big enough to be paper, largest first,
    and the scale of the working copy they were found on."""
    scale = min(1.0, WORK_PX / max(grey.shape))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), 1.2)
    # Light falls off across a room: judge each pixel against its own neighbourhood's level
    # as well as the picture's, so a sheet in dimmer light is still brighter than its floor.
    tiny = cv2.resize(small, None, fx=0.125, fy=0.125, interpolation=cv2.INTER_AREA)
    level = cv2.resize(
        cv2.GaussianBlur(tiny, (0, 0), 0.01 * max(small.shape)),
        (small.shape[1], small.shape[0]),
        interpolation=cv2.INTER_LINEAR,
    )
    cut, _ = cv2.threshold(np.clip(small, 0, 255).astype(np.uint8), 0, 255, cv2.THRESH_OTSU)
    # On a picture without paper the split falls in the floor's own noise: keep it well above.
    bright = (small > max(cut, float(np.median(small)) + MIN_LIFT)) | (small > level * 1.35)
    mask = cv2.morphologyEx(bright.astype(np.uint8), cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    least = MIN_AREA_SHARE * small.shape[0] * small.shape[1]
    big = [c for c in contours if cv2.contourArea(c) >= least]
    big.sort(key=cv2.contourArea, reverse=True)
    return [c.reshape(-1, 2).astype(np.float64) / scale for c in big], scale


def rough_quad(outline: Array) -> Array | None:
    """Four corners (clockwise on the screen) of the paper in a bright region, or None.

    The region's outline is cut into straight pieces; pieces on one line are one side (a foot
    crossing an edge splits it). Of the few longest sides, the four that close the best-supported
    quadrilateral are kept: pale shoes on the paper join the bright region but their outlines
    are curved or short, and a corner hidden by a foot is where two sides meet."""
    contour = outline.astype(np.float32).reshape(-1, 1, 2)
    perimeter = cv2.arcLength(contour, True)
    poly = cv2.approxPolyDP(contour, 0.004 * perimeter, True).reshape(-1, 2).astype(np.float64)
    moments = cv2.moments(contour)
    if len(poly) < 4 or moments["m00"] <= 0:
        return None
    centre = np.array([moments["m10"], moments["m01"]]) / moments["m00"]
    pieces = [(poly[i], poly[(i + 1) % len(poly)]) for i in range(len(poly))]
    pieces = [(a, b) for a, b in pieces if np.linalg.norm(b - a) >= 0.03 * perimeter]
    return _best_quad(_lines(pieces, centre, 0.004 * perimeter + 1.0)[:8], centre, outline)


def _best_quad(lines: list[Line], centre: Array, outline: Array) -> Array | None:
    """Of every four lines that close a quadrilateral, the one with the best-supported sides
    and (nearly) all of the bright region within them."""
    inside = _inside_points(outline)
    best, best_score = None, -np.inf
    for four in itertools.combinations(lines, 4):
        quad = _closed(four, centre)
        if quad is None:
            continue
        around = cv2.arcLength(quad.astype(np.float32).reshape(-1, 1, 2), True)
        seen = sum(support for _, _, support in four) / around
        left_out = np.mean(np.any([inside @ n > c + 2.0 for n, c, _ in four], axis=0))
        score = seen - 2.0 * float(left_out)
        if score > best_score:
            best, best_score = quad, score
    return best


def _inside_points(outline: Array, across: int = 160) -> Array:
    """Points spread evenly over the region the outline encloses."""
    low = outline.min(axis=0)
    step = max(float(np.max(outline.max(axis=0) - low)) / across, 1e-6)
    small = np.round((outline - low) / step).astype(np.int32)
    mask = np.zeros((across + 2, across + 2), np.uint8)
    cv2.fillPoly(mask, [small], 1)
    rows, cols = np.nonzero(mask)
    out: Array = np.column_stack([cols, rows]) * step + low
    return out


def _lines(pieces: list[tuple[Array, Array]], centre: Array, tolerance: float) -> list[Line]:
    """Straight pieces grouped by the line they lie on: (outward normal, offset, length),
    longest first."""
    groups: list[Line] = []
    for a, b in sorted(pieces, key=lambda p: -float(np.linalg.norm(p[1] - p[0]))):
        line = through(a, b)
        if line is None:
            continue
        n, c = line if line[0] @ centre < line[1] else (-line[0], -line[1])
        length = float(np.linalg.norm(b - a))
        for k, (gn, gc, total) in enumerate(groups):
            if gn @ n > 0.998 and max(abs(a @ gn - gc), abs(b @ gn - gc)) < tolerance:
                groups[k] = (gn, gc, total + length)
                break
        else:
            groups.append((n, c, length))
    return sorted(groups, key=lambda g: -g[2])


def _closed(four: tuple[Line, ...], centre: Array) -> Array | None:
    """The quadrilateral four lines close around `centre` (each side well supported), or None."""
    ordered = sorted(four, key=lambda g: float(np.arctan2(g[0][1], g[0][0])))
    angles = [float(np.arctan2(g[0][1], g[0][0])) for g in ordered]
    turns = np.diff([*angles, angles[0] + 2 * np.pi])
    if (turns < np.radians(30)).any() or (turns > np.radians(150)).any():
        return None
    corners = [meet(ordered[k - 1][:2], ordered[k][:2]) for k in range(4)]
    if any(c is None for c in corners):
        return None
    quad = np.array(corners, np.float64)
    sides = np.linalg.norm(np.roll(quad, -1, axis=0) - quad, axis=1)
    if any(g[2] < 0.15 * side for g, side in zip(ordered, sides, strict=True)):
        return None
    return quad if signed_area(quad) > 0 else quad[::-1]
