"""The sides of a sheet of paper on a darker floor, each fitted as a straight line through many
sub-pixel edge points around a rough quadrilateral (paper_outline finds that).

Feet stand on the paper, so parts of its sides (and sometimes a corner) are hidden: each side
is a robust line fit that ignores the points where something else crosses the edge, and the
corners are where the fitted lines meet, seen or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

Array = NDArray[Any]
MIN_CONTRAST = 25.0  # grey levels between paper and floor at an edge point
STEP_PX = 0.5  # along each profile across an edge
RATIO_LOG = 0.2  # paper over floor may differ this much (log) along one edge
INLIER_PX = 0.8  # a point further than this from its side's line does not lie on the edge


@dataclass(frozen=True)
class Side:
    """One fitted side: the line n . p = c (unit normal n pointing out of the paper), and the
    edge points along it with their distances from the line (px, + outward)."""

    normal: Array
    offset: float
    points: Array  # (k, 2) every edge point found, image px
    along: Array  # (k,) where each sits between the side's rough ends, 0..1
    residuals: Array  # (k,)
    inliers: Array  # (k,) bool
    samples: int  # profiles taken across the side, edge found or not
    ratio: float  # paper over floor at this side's edge

    @property
    def sigma(self) -> float:
        """The inliers' spread about the line, px."""
        r = self.residuals[self.inliers]
        return float(np.sqrt(np.mean(r**2))) if r.size else float("inf")


def fit_sides(grey: Array, quad: Array) -> list[Side]:
    """Each side of the rough quadrilateral fitted to the picture's edge (sub-pixel): first
    looking wide around the rough side, then again close to the line found."""
    longest = float(np.max(np.linalg.norm(quad - np.roll(quad, -1, axis=0), axis=1)))
    sides = [_fit_side(grey, quad[k], quad[(k + 1) % 4], 6.0 + 0.03 * longest) for k in range(4)]
    better = corners_of(sides)
    if better is None or signed_area(better) <= 0:
        return sides
    # One side may be mostly behind a foot, and read the foot's ratio: the sheet's is the
    # median over its sides.
    ratio = float(np.median([side.ratio for side in sides]))
    reach = max(6.0, 0.006 * longest)
    return [_fit_side(grey, better[k], better[(k + 1) % 4], reach, ratio) for k in range(4)]


def corners_of(sides: list[Side]) -> Array | None:
    """Where consecutive sides meet: corner k joins side k-1 and side k."""
    lines = [(s.normal, s.offset) for s in sides]
    corners = [meet(lines[k - 1], lines[k]) for k in range(4)]
    if any(c is None for c in corners):
        return None
    return np.array(corners, np.float64)


def wide_points(grey: Array, a: Array, b: Array, ratio: float) -> tuple[Array, Array, int]:
    """The edge points found looking wide either side of the line a -> b (a sheet out of line
    with its neighbour shows its edge well off that line), where each sits from a to b, and
    how many profiles were taken."""
    direction = (b - a) / np.linalg.norm(b - a)
    count = int(np.clip(np.linalg.norm(b - a) / 2.5, 24, 600))
    along = np.linspace(0.03, 0.97, count)
    reach = 6.0 + 0.03 * float(np.linalg.norm(b - a))
    base, normal = a + np.outer(along, b - a), direction[::-1] * [1, -1]
    points, kept, _ = _edge_points(grey, base, normal, reach, ratio)
    return points, along[kept], count


def _fit_side(grey: Array, a: Array, b: Array, reach: float, ratio: float | None = None) -> Side:
    direction = (b - a) / np.linalg.norm(b - a)
    normal = np.array([direction[1], -direction[0]])  # outward for a clockwise (screen) quad
    count = int(np.clip(np.linalg.norm(b - a) / 2.5, 24, 600))
    along = np.linspace(0.03, 0.97, count)
    points, kept, ratio = _edge_points(grey, a + np.outer(along, b - a), normal, reach, ratio)
    along = along[kept]
    if len(points) < 8:
        empty = np.zeros(0)
        return Side(
            normal, float(normal @ a), points, along, empty, empty.astype(bool), count, ratio
        )
    normal, offset, inliers = _robust_line(points, normal)
    residuals = points @ normal - offset
    return Side(normal, offset, points, along, residuals, inliers, count, ratio)


def _edge_points(
    grey: Array, base: Array, normal: Array, reach: float, typical: float | None
) -> tuple[Array, Array, float]:
    """Where each profile across the edge crosses half-way from paper to floor, sub-pixel."""
    steps = np.arange(-reach, reach + STEP_PX / 2, STEP_PX)
    xy = base[:, None, :] + steps[None, :, None] * normal[None, None, :]
    maps = xy.astype(np.float32)
    profiles = cv2.remap(
        grey, maps[..., 0], maps[..., 1], cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    ).astype(np.float64)
    end = max(2, len(steps) // 5)
    inner, outer = np.median(profiles[:, :end], axis=1), np.median(profiles[:, -end:], axis=1)
    # Samples where a foot or its shadow crosses the edge read other levels than the rest.
    # Paper is the brightest thing here, and the floor is what lies beyond the paper's edge
    # where the paper side reads as paper (a foot may cover most of a side).
    # Shade scales paper and floor alike, so their ratio holds along the whole edge; where a
    # foot crosses the edge, or the point found is a foot's outline on the paper, it does not.
    # The typical ratio is read where the paper side looks like paper (a foot may cover most).
    ratio = inner / np.maximum(outer, 1.0)
    paper_like = inner > 0.85 * float(np.percentile(inner, 90))
    if typical is None:
        typical = float(np.median(ratio[paper_like] if paper_like.any() else ratio))
    ok = (inner - outer >= MIN_CONTRAST) & (np.abs(np.log(ratio / max(typical, 1e-6))) < RATIO_LOG)
    where = _crossings(profiles, (inner + outer) / 2, steps)
    kept = ok & np.isfinite(where)
    return base[kept] + where[kept, None] * normal[None, :], kept, typical


def _crossings(profiles: Array, mid: Array, steps: Array) -> Array:
    """Each profile's fall through its `mid` level nearest the profile's middle, interpolated
    between samples (NaN where it never falls through)."""
    above = profiles >= mid[:, None]
    falls = above[:, :-1] & ~above[:, 1:]
    distance = np.where(falls, np.abs(steps[:-1])[None, :], np.inf)
    i = np.argmin(distance, axis=1)
    rows = np.arange(len(profiles))
    high, low = profiles[rows, i], profiles[rows, i + 1]
    t = (high - mid) / np.where(high > low, high - low, 1.0)
    return np.where(np.isfinite(distance[rows, i]), steps[i] + t * STEP_PX, np.nan)


def _robust_line(points: Array, normal: Array) -> tuple[Array, float, Array]:
    """A line through most of the points: the best of many two-point guesses, then refined by
    least squares on the points near it, twice."""
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, len(points), size=(150, 2))
    d = points[pairs[:, 1]] - points[pairs[:, 0]]
    size = np.hypot(d[:, 0], d[:, 1])
    usable = size > 1e-9
    normals = np.stack([d[usable, 1], -d[usable, 0]], axis=1) / size[usable, None]
    offsets = np.sum(normals * points[pairs[usable, 0]], axis=1)
    best = (normal, float(np.median(points @ normal)))
    if len(normals):
        counts = np.sum(np.abs(normals @ points.T - offsets[:, None]) < INLIER_PX, axis=1)
        k = int(np.argmax(counts))
        best = (normals[k], float(offsets[k]))
    n, c = best
    for _ in range(3):
        inliers = np.abs(points @ n - c) < INLIER_PX
        n, c = _least_squares(points[inliers], n)
    if n @ normal < 0:
        n, c = -n, -c
    return n, c, np.abs(points @ n - c) < INLIER_PX


def _least_squares(points: Array, guide: Array) -> tuple[Array, float]:
    centre = points.mean(axis=0)
    _, _, vt = np.linalg.svd(points - centre, full_matrices=False)
    n = vt[1] if vt[1] @ guide >= 0 else -vt[1]
    return n, float(n @ centre)


def through(p: Array, q: Array) -> tuple[Array, float] | None:
    d = q - p
    size = float(np.hypot(d[0], d[1]))
    if size < 1e-9:
        return None
    n = np.array([d[1], -d[0]]) / size
    return n, float(n @ p)


def meet(first: tuple[Array, float] | None, second: tuple[Array, float] | None) -> Array | None:
    if first is None or second is None:
        return None
    m = np.array([first[0], second[0]])
    if abs(np.linalg.det(m)) < 1e-6:
        return None
    out: Array = np.linalg.solve(m, np.array([first[1], second[1]]))
    return out


def signed_area(quad: Array) -> float:
    x, y = quad[:, 0], quad[:, 1]
    return float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y) / 2)
